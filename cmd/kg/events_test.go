package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A report written for the test: a typed event with casualties, and a
// clause no frame covers (a generic event).
const eventsArticle = `date 2025-03-04 भारत

लाहौर में धमाका

लाहौर में हुए एक हमले में 12 लोग मारे गए। रूस ने यूक्रेन को पांच सौ ड्रोन दिए।
`

// kg export --format csv writes the ACLED-like events table (a row per
// event, with CAMEO, PLOVER and casualties), to standard output, to a
// file, or as events.csv beside neo4j's files; --no-generic leaves the
// generic events out of it and of the timeline.
func TestEventsTableAndNoGeneric(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	art := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(art, []byte(eventsArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := kg(t, db, "", "load", art); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	table := func(args ...string) [][]string {
		out, errs, code := kg(t, db, "", append([]string{"export", "--format", "csv"}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: %s", args, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	rows := table()
	if strings.Join(rows[0], ",") != "event_id,event_date,date_precision,event_class,cameo,plover,modality,actor1,actor2,location,killed,injured,affected,source,article,evidence,generic,gloss" {
		t.Fatalf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var attack, generic bool
	for _, r := range rows[1:] {
		switch r[col["event_class"]] {
		case "Attack":
			attack = r[col["killed"]] == "12" && r[col["location"]] == "Lahore" && r[col["date_precision"]] == "month" &&
				r[col["cameo"]] == "180" && r[col["plover"]] == "assault"
		case "Event":
			generic = r[col["generic"]] == "true" && r[col["gloss"]] == "give" && r[col["actor1"]] == "Russia"
		case "Deaths":
			if r[col["cameo"]] != "" {
				t.Errorf("deaths coded %q: CAMEO codes no deaths", r[col["cameo"]])
			}
		}
	}
	if !attack || !generic {
		t.Errorf("attack row ok=%v, generic row ok=%v:\n%v", attack, generic, rows)
	}
	for _, r := range table("--no-generic")[1:] {
		if r[col["generic"]] == "true" {
			t.Errorf("--no-generic kept %v", r)
		}
	}
	dir := filepath.Join(t.TempDir(), "neo4j") + "/"
	if _, errs, code := kg(t, db, "", "export", "--format", "csv", "-o", dir); code != 0 {
		t.Fatalf("export to a directory: %s", errs)
	}
	for _, f := range []string{"nodes.csv", "edges.csv", "events.csv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
	all, _, _ := kg(t, db, "", "query", "timeline", "--format", "csv")
	some, errs, code := kg(t, db, "", "query", "timeline", "--no-generic", "--format", "csv")
	if code != 0 {
		t.Fatalf("timeline --no-generic: %s", errs)
	}
	if !strings.Contains(all, "Event") || strings.Count(some, "\n") >= strings.Count(all, "\n") {
		t.Errorf("timeline --no-generic kept every row:\n%s\nvs\n%s", some, all)
	}
	stats, _, _ := kg(t, db, "", "stats")
	if !strings.Contains(stats, "18 assault") || !strings.Contains(stats, "events by PLOVER type") {
		t.Errorf("stats has no CAMEO/PLOVER counts:\n%s", stats)
	}
}
