package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/graph/pgtest"
)

// The benchmark runs end to end on a small generated corpus (without
// Cayley's CLI, whose first build takes minutes, and without the page)
// and ends with its JSON line: every article loaded, the store counted,
// every query answered through kg query and kg serve.
func TestBenchmarkOnASmallCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and loads a corpus")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	c := &config{n: 12, work: t.TempDir(), runs: 1, noCayley: true, noPage: true, repository: root}
	var out strings.Builder
	if err := run(c, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var r result
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatalf("last line is not the JSON of the figures: %v\n%s", err, out.String())
	}
	if r.Articles != 12 || r.Quads == 0 || r.KgLoadS <= 0 || r.ServeP50MS <= 0 || r.QueryP50MS <= 0 || r.SingleLoadMS <= 0 || r.StoreMB <= 0 {
		t.Errorf("figures: %+v", r)
	}
	for _, want := range []string{"kg load", "relationships", "timeline", "claims", "neighbours", "evidence", "path", "entities"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
}

// The concurrent-writers run on a small corpus in PostgreSQL: two loaders
// and a remover end as the serial load does, and the JSON line says so.
func TestConcurrentWritersOnASmallCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and loads a corpus three times")
	}
	db := pgtest.Require(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	c := &config{n: 16, work: t.TempDir(), db: db, concurrent: true, churn: 4, repository: root}
	var out strings.Builder
	if err := run(c, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var r concurrentResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatalf("last line is not the JSON of the figures: %v\n%s", err, out.String())
	}
	if !r.DumpEqual || r.Failures != 0 || r.Missing != 0 || r.Duplicated != 0 || r.Churn != 4 || r.Articles < 12 || r.DumpLines == 0 || r.Quads == 0 {
		t.Errorf("figures: %+v\n%s", r, out.String())
	}
	// a store that already holds articles is refused
	c.work = t.TempDir()
	if err := run(c, &out); err == nil || !strings.Contains(err.Error(), "already holds") {
		t.Errorf("a second run into the same database: %v", err)
	}
}
