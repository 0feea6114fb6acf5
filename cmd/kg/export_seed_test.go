package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	cjsonld "github.com/cayleygraph/quad/jsonld"
	cnquads "github.com/cayleygraph/quad/nquads"

	"github.com/kgnews/kg/export/exporttest"
)

// TestExportSeed is issue 4's acceptance on the seed article: Kim's two-hop
// network in every format, read by the real readers with the counts kg
// reports, the GEXF carrying the treaty signing (2024-06) and the Alaska
// meeting (2025-08-15) as times, and a DOT picture with no label over
// another.
func TestExportSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, code := kg(t, db, "", "load", filepath.Join("..", "..", "examples", "article.txt")); code != 0 {
		t.Fatalf("load the seed: %s", errs)
	}
	dir := t.TempDir()
	sel := []string{"--root", "Kim Jong-un", "--depth", "2"}
	nodes, edges := exportCounts(t, db, append(sel, "-o", filepath.Join(dir, "kim.graphml"))...)
	t.Logf("Kim's two-hop network: %d nodes, %d edges", nodes, edges)
	if nodes < 10 || edges < 10 {
		t.Errorf("Kim's network is small: %d nodes, %d edges", nodes, edges)
	}
	for _, f := range []string{"kim.gexf", "kim.dot", "kim.cyjs", "csv/"} {
		// filepath.Join would drop the slash that makes csv/ a directory.
		if n, e := exportCounts(t, db, append(sel, "-o", dir+"/"+f)...); n != nodes || e != edges {
			t.Errorf("%s: %d nodes, %d edges; graphml %d, %d", f, n, e, nodes, edges)
		}
	}

	nx := exporttest.CheckReaders(t, dir, nodes, edges)
	times := map[string]bool{}
	for _, d := range nx.NodeData {
		if d["kind"] == "event" {
			times[str(d["type"])+" "+str(d["date"])+" "+str(d["start"])+" "+str(d["end"])] = true
		}
	}
	for _, want := range []string{"TreatySigning 2024-06 2024-06-01 2024-06-30", "Meeting 2025-08-15 2025-08-15 2025-08-15"} {
		if !times[want] {
			t.Errorf("the GEXF lacks %q; its events: %v", want, times)
		}
	}

	// JSON-LD, read back by cayleygraph/quad's reader, holds the quads the
	// N-Quads export of the same selection holds.
	jl, errs, code := kg(t, db, "", append([]string{"export", "--format", "jsonld"}, sel...)...)
	if code != 0 {
		t.Fatal(errs)
	}
	nq, errs, code := kg(t, db, "", append([]string{"export", "--format", "nquads"}, sel...)...)
	if code != 0 {
		t.Fatal(errs)
	}
	old := cjsonld.AutoConvertTypedString
	cjsonld.AutoConvertTypedString = false // compare the lexical forms kg wrote
	defer func() { cjsonld.AutoConvertTypedString = old }()
	got := exporttest.ReadQuads(t, cjsonld.NewReader(strings.NewReader(jl)))
	want := exporttest.ReadQuads(t, cnquads.NewReader(strings.NewReader(nq), true))
	if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("JSON-LD read back %d quads, N-Quads hold %d", len(got), len(want))
	}
	if os.Getenv("KG_SEED_PNG") != "" { // keep the picture to look at
		b, _ := os.ReadFile(filepath.Join(dir, "kim.png"))
		os.WriteFile(os.Getenv("KG_SEED_PNG"), b, 0o644)
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
