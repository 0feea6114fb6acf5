package queries

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/queries/runner"
)

func TestMain(m *testing.M) {
	runner.ServeIfWorker()
	code := m.Run()
	if benchStore.dir != "" {
		os.RemoveAll(filepath.Dir(benchStore.dir))
	}
	os.Exit(code)
}

var ctx = context.Background()

// env is a fixture store with a pool of workers reading it.
type env struct {
	dir  string
	pool *runner.Pool
	ents []graph.Entity
}

// newEnv is the seed fixture's store, or one of the articles given.
func newEnv(t testing.TB, articles ...*graph.Article) *env {
	t.Helper()
	dir := fixture.Build(t, articles...)
	p, err := runner.New(runner.SelfOptions(dir, 1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	st, err := graph.OpenReader(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := st.Entities(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	return &env{dir: dir, pool: p, ents: ents}
}

// run runs a canned query with command-line style arguments and returns
// its rows as generic JSON.
func (e *env) run(t testing.TB, name string, argv ...string) []map[string]any {
	t.Helper()
	rows, _ := e.page(t, Page{Limit: 10000}, name, argv...)
	return rows
}

// page runs one page of a canned query and says whether there are more.
func (e *env) page(t testing.TB, page Page, name string, argv ...string) ([]map[string]any, bool) {
	t.Helper()
	c, ok := Get(name)
	if !ok {
		t.Fatalf("no canned query %s", name)
	}
	args, rest, err := c.ParseArgs(argv)
	if err != nil || len(rest) > 0 {
		t.Fatalf("%s %v: %v (rest %v)", name, argv, err, rest)
	}
	b, err := c.BindCall(context.Background(), args, AllEntities(e.ents), page)
	if err != nil {
		t.Fatalf("%s %v: %v", name, argv, err)
	}
	// a deadline that only catches a hang: the default 30 s stopped the
	// timeline on PostgreSQL on a loaded machine
	res, err := e.pool.Run(ctx, runner.Query{Shared: b.Shared, Script: b.Call, Limit: page.Limit, Timeout: 10 * time.Minute})
	if err != nil {
		t.Fatalf("%s %v: %v", name, argv, err)
	}
	rows := make([]map[string]any, 0, len(res.Rows))
	for _, r := range res.Rows {
		var m map[string]any
		if err := json.Unmarshal(r, &m); err != nil {
			t.Fatalf("%s: row %s: %v", name, r, err)
		}
		for _, col := range c.Columns {
			if _, ok := m[col]; !ok {
				t.Errorf("%s: row lacks column %s: %s", name, col, r)
			}
		}
		if len(m) != len(c.Columns) {
			t.Errorf("%s: row has %d keys, the header lists %d columns: %s", name, len(m), len(c.Columns), r)
		}
		rows = append(rows, m)
	}
	return rows, res.Truncated
}

// Paging: the pages of a query, two rows at a time, are its rows in order,
// each page saying whether another follows.
func TestPaging(t *testing.T) {
	e := newEnv(t)
	for _, c := range cannedCases {
		all := e.run(t, c.argv[0], c.argv[1:]...)
		got := []map[string]any{}
		for off := 0; ; off += 2 {
			rows, more := e.page(t, Page{Offset: off, Limit: 2}, c.argv[0], c.argv[1:]...)
			got = append(got, rows...)
			if more != (off+2 < len(all)) {
				t.Errorf("%s: page at %d says more=%v with %d rows in all", c.golden, off, more, len(all))
			}
			if !more || off > len(all) {
				break
			}
		}
		a, _ := json.Marshal(all)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("%s: pages of 2 rows:\n%s\nall at once:\n%s", c.golden, b, a)
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the queries' output (review the diff!)")

// The canned queries on the fixture store: each case's rows must equal its
// golden file exactly (rows, order, values). The golden files were written
// with -update and checked by hand against fixture.Seed.
// A worker that holds the store runs each canned query's function in the
// runtime that defined it (runner.Query.Shared): every case, run twice
// over in one such worker, one after another, answers as its golden file
// says, so no query's state reaches the next.
func TestCannedInKeptRuntime(t *testing.T) {
	e := newEnv(t)
	opts := runner.SelfOptions(e.dir, 1)
	opts.HoldStore = true
	p, err := runner.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	kept := *e
	kept.pool = p
	for round := 1; round <= 2; round++ {
		for _, c := range cannedCases {
			got, _ := json.MarshalIndent(kept.run(t, c.argv[0], c.argv[1:]...), "", "  ")
			want, err := os.ReadFile(filepath.Join("testdata", c.golden+".golden.json"))
			if err != nil {
				t.Fatal(err)
			}
			if string(append(got, '\n')) != string(want) {
				t.Errorf("round %d, %s: rows differ from the golden file:\n%s", round, c.golden, got)
			}
		}
	}
}

var cannedCases = []struct {
	golden string
	argv   []string
}{
	{"timeline", []string{"timeline"}},
	{"timeline-kim", []string{"timeline", "किम"}},
	{"timeline-range", []string{"timeline", "--from", "2024", "--to=2025-08-13"}},
	{"relationships-putin", []string{"relationships", "पुतिन"}},
	{"path-trump-kim", []string{"path", "Donald Trump", "Kim Jong-un"}},
	{"path-japan-kim", []string{"path", "japan", "kim", "--max-hops", "8"}},
	{"path-pyongyang-kim", []string{"path", "प्योंगयांग", "Kim", "--max-hops", "6"}},
	{"neighbours-kim", []string{"neighbours", "kim jong un"}},
	{"neighbours-kim-2", []string{"neighbours", "--depth", "2", "Kim"}},
	{"evidence-trump-putin", []string{"evidence", "Trump", "Putin"}},
	{"evidence-putin-russia", []string{"evidence", "Putin", "Russia"}},
	{"claims-kcna", []string{"claims", "KCNA"}},
	{"claims-russian-media", []string{"claims", "रूसी मीडिया"}},
	{"entities-person", []string{"entities", "--type", "person"}},
	{"entities-match", []string{"entities", "--match", "KOREAN"}},
}

func TestCannedQueriesOnFixture(t *testing.T) {
	e := newEnv(t)
	for _, c := range cannedCases {
		t.Run(c.golden, func(t *testing.T) {
			rows := e.run(t, c.argv[0], c.argv[1:]...)
			got, _ := json.MarshalIndent(rows, "", "  ")
			path := filepath.Join("testdata", c.golden+".golden.json")
			if *update {
				if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("kg query %s: rows differ from %s:\n%s", strings.Join(c.argv, " "), path, got)
			}
		})
	}
}

// The acceptance checks of issue 3, on the fixture, spelled out.
func TestTimelineOrder(t *testing.T) {
	e := newEnv(t)
	rows := e.run(t, "timeline")
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprint(r["type"], " ", r["date"], " ", r["end_date"]))
	}
	want := []string{
		"ColonialRule 1910 1945", "TreatySigning 2024-06 <nil>", "PhoneCall 2025-08 <nil>",
		"Praise 2025-08-13 <nil>", "Meeting 2025-08-15 <nil>", "Meeting 2025-08-15 <nil>", "Deployment <nil> <nil>",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("timeline order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range rows {
		if r["evidence"] == nil || r["article"] == nil {
			t.Errorf("event without evidence or article: %v", r)
		}
	}
}

func TestAliasesGiveSameRows(t *testing.T) {
	e := newEnv(t)
	base, _ := json.Marshal(e.run(t, "relationships", "Vladimir Putin"))
	for _, alias := range []string{"पुतिन", "vladimir putin", "VLADIMIR_PUTIN", "Putin", "व्लादिमीर पुतिन", "Q7747", "<" + string(fixture.Putin) + ">"} {
		got, _ := json.Marshal(e.run(t, "relationships", alias))
		if string(got) != string(base) {
			t.Errorf("relationships %q differs from \"Vladimir Putin\":\n%s\n%s", alias, got, base)
		}
	}
	var others []string
	for _, r := range e.run(t, "relationships", "पुतिन") {
		others = append(others, r["other_en"].(string))
	}
	for _, want := range []string{"Kim Jong-un", "Donald Trump", "Korean People's Army"} {
		if !slices.Contains(others, want) {
			t.Errorf("relationships of Putin lack %s: %v", want, others)
		}
	}
}

func TestPathGoesThroughPutin(t *testing.T) {
	e := newEnv(t)
	rows := e.run(t, "path", "Donald Trump", "Kim Jong-un")
	if len(rows) == 0 {
		t.Fatal("no path")
	}
	for _, r := range rows {
		if !strings.Contains(r["path"].(string), "Vladimir Putin") {
			t.Errorf("path not through Putin: %v", r["path"])
		}
	}
	if rows := e.run(t, "path", "Donald Trump", "Kim Jong-un", "--max-hops", "1"); len(rows) != 0 {
		t.Errorf("a 2-hop path found within 1 hop: %v", rows)
	}
}

func TestClaimsAreTheSourcesOwn(t *testing.T) {
	e := newEnv(t)
	for _, r := range e.run(t, "claims", "KCNA") {
		if r["modality"] != "reported" {
			t.Errorf("claim not reported: %v", r)
		}
	}
	if rows := e.run(t, "claims", "Yonhap"); len(rows) != 1 || rows[0]["type"] != "TreatySigning" {
		t.Errorf("Yonhap's claims: %v", rows)
	}
}
