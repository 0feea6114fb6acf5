package options

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/export/pg"
)

func TestQueryOptions(t *testing.T) {
	if n, err := Limit("50"); n != 50 || err != nil {
		t.Errorf("Limit(50) = %d, %v", n, err)
	}
	if d, err := Timeout("5s"); d != 5*time.Second || err != nil {
		t.Errorf("Timeout(5s) = %v, %v", d, err)
	}
	if f, err := Format("csv"); f != "csv" || err != nil {
		t.Errorf("Format(csv) = %q, %v", f, err)
	}
	for _, c := range []struct {
		err       error
		url, flag string
	}{
		{second(Limit("0")), `limit "0": want a positive number of rows`, `--limit "0": want a positive number of rows`},
		{second(Limit("ten")), `limit "ten"`, `--limit "ten"`},
		{second(Timeout("-1s")), `timeout "-1s": want a duration`, `--timeout "-1s"`},
		{second(Format("xml")), `format "xml": want table, json, csv`, `--format "xml"`},
	} {
		var oe *Error
		if !errors.As(c.err, &oe) || !strings.HasPrefix(oe.Error(), c.url) || !strings.HasPrefix(oe.Flag(), c.flag) {
			t.Errorf("%v: want %q / %q", c.err, c.url, c.flag)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestExportCheck(t *testing.T) {
	p, err := Export{Output: "kim.gexf", Roots: []string{"Kim"}, Types: []string{"Person, Country", "Event"}, Lang: "hi", Events: "edges"}.Check()
	if err != nil {
		t.Fatal(err)
	}
	if p.Format.Name != "gexf" || p.Selection.Depth != 1 || p.Options.Lang != pg.Hindi || p.Options.Events != pg.EventEdges ||
		strings.Join(p.Selection.Types, "|") != "Person|Country|Event" || p.Roots[0] != "Kim" {
		t.Errorf("plan %+v", p)
	}
	if p, _ := (Export{}).Check(); p.Format.Name != "nquads" || p.Selection.Depth != 0 || p.Options.Lang != pg.Both || p.Options.Events != pg.EventNodes {
		t.Errorf("defaults: %+v", p)
	}
	if p, _ := (Export{Format: "graphml-yed", Depth: "3"}).Check(); p.Format.Name != "graphml-yed" || p.Selection.Depth != 3 {
		t.Errorf("graphml-yed: %+v", p)
	}
	if p, err := (Export{Format: "csv", Zip: true}).Check(); err != nil || p.Format.Name != "csv" {
		t.Errorf("csv zipped: %v", err)
	}
	// csv to a stream or a file is the events table; to a directory, neo4j's files too
	for out, want := range map[string]string{"": "events", "events.csv": "events", t.TempDir(): "csv", "neo4j/": "csv"} {
		if p, err := (Export{Format: "csv", Output: out}).Check(); err != nil || p.Format.Name != want {
			t.Errorf("csv to %q: %v, %v; want %s", out, p, err, want)
		}
	}
	for _, c := range []struct {
		e    Export
		want string
	}{
		{Export{Format: "svg"}, `format "svg": want one of graphml`},
		{Export{Output: "x.png"}, "cannot tell the format of x.png"},
		{Export{Lang: "fr"}, `lang "fr": want en, hi or both`},
		{Export{Events: "both"}, `events "both": want nodes or edges`},
		{Export{Events: "edges", Format: "jsonld"}, "keeps kg's own model"},
		{Export{Depth: "-1"}, `depth "-1": want 0 or more`},
		{Export{Depth: "two"}, `depth "two"`},
	} {
		if _, err := c.e.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.e, err, c.want)
		}
	}
}
