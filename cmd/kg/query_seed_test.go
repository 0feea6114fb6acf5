package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// The acceptance checks of issue 3 on a store loaded with the seed article
// by kg load itself (extraction included).
func TestQuerySeedArticle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	if _, errs, code := kg(t, db, "", "load", "../../examples/article.txt"); code != 0 {
		t.Fatalf("kg load: %s", errs)
	}
	rowsOf := func(args ...string) []map[string]any {
		t.Helper()
		out, errs, code := kg(t, db, "", append([]string{"query", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("kg query %v: %s", args, errs)
		}
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("kg query %v: %v", args, err)
		}
		return rows
	}

	// The timeline: colonial rule 1910–1945, the June 2024 treaty signed in
	// Pyongyang, the Kim–Putin call (2025-08), the Alaska meeting on
	// 2025-08-15, in that order, each with its sentence.
	want := []struct{ typ, date, place string }{
		{"ColonialRule", "1910", ""}, {"TreatySigning", "2024-06", "Pyongyang"},
		{"PhoneCall", "2025-08", ""}, {"Meeting", "2025-08-15", "Alaska"},
	}
	next := 0
	for _, r := range rowsOf("timeline") {
		if next < len(want) && r["type"] == want[next].typ && r["date"] == want[next].date {
			if p := want[next].place; p != "" && !strings.Contains(strings.Join(toStrings(r["place"]), ","), p) {
				t.Errorf("%s has place %v, want %s", r["type"], r["place"], p)
			}
			if ev, _ := r["evidence"].(string); ev == "" {
				t.Errorf("%s has no evidence sentence", r["type"])
			}
			next++
		}
	}
	if next < len(want) {
		t.Errorf("timeline lacks, in order, %v (found the first %d)", want, next)
	}

	hi, _ := json.Marshal(rowsOf("relationships", "पुतिन"))
	en, _ := json.Marshal(rowsOf("relationships", "Vladimir Putin"))
	if string(hi) != string(en) {
		t.Errorf("relationships पुतिन and \"Vladimir Putin\" differ:\n%s\n%s", hi, en)
	}
	for _, other := range []string{"Kim Jong-un", "Donald Trump", "Korean People's Army"} {
		if !strings.Contains(string(en), `"other_en":"`+other+`"`) {
			t.Errorf("relationships of Putin lack %s", other)
		}
	}

	paths := rowsOf("path", "Donald Trump", "Kim Jong-un")
	if len(paths) == 0 {
		t.Error("no path from Trump to Kim")
	}
	for _, p := range paths {
		if !strings.Contains(p["path"].(string), "Vladimir Putin") {
			t.Errorf("path not through Putin: %s", p["path"])
		}
	}

	claims := rowsOf("claims", "KCNA")
	if len(claims) == 0 {
		t.Error("no claims attributed to KCNA")
	}
	for _, c := range claims {
		if ev, _ := c["evidence"].(string); ev == "" {
			t.Errorf("claim without evidence: %v", c)
		}
	}
}

func toStrings(v any) []string {
	var out []string
	l, _ := v.([]any)
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
