package main

import (
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
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

	for _, kind := range []string{"graphml", "gexf"} {
		nx := exporttest.ReadNetworkX(t, kind, filepath.Join(dir, "kim."+kind))
		if nx.Nodes != nodes || nx.Edges != edges {
			t.Errorf("networkx read %s: %d nodes, %d edges; kg reported %d, %d", kind, nx.Nodes, nx.Edges, nodes, edges)
		}
		for id, d := range nx.NodeData {
			if l, _ := d["label"].(string); strings.TrimSpace(l) == "" {
				t.Errorf("%s: node %s has no label", kind, id)
			}
		}
		if kind != "gexf" {
			continue
		}
		times := map[string]bool{}
		for _, d := range nx.NodeData {
			if d["kind"] == "event" {
				times[d["type"].(string)+" "+str(d["date"])+" "+str(d["start"])+" "+str(d["end"])] = true
			}
		}
		for _, want := range []string{"TreatySigning 2024-06 2024-06-01 2024-06-30", "Meeting 2025-08-15 2025-08-15 2025-08-15"} {
			if !times[want] {
				t.Errorf("the GEXF lacks %q; its events: %v", want, times)
			}
		}
	}
	if msg := exporttest.ValidateGraphML(t, filepath.Join(dir, "kim.graphml")); msg != "" {
		t.Errorf("xmllint --schema: %s", msg)
	}
	exporttest.Tool(t, "dot", "graphviz")
	exporttest.Run(t, "dot", "-Tpng", filepath.Join(dir, "kim.dot"), "-o", filepath.Join(dir, "kim.png"))
	for _, o := range exporttest.LabelOverlaps(t, filepath.Join(dir, "kim.dot")) {
		t.Error(o)
	}
	if cy := exporttest.ReadCytoscape(t, filepath.Join(dir, "kim.cyjs")); cy.Nodes != nodes || cy.Edges != edges {
		t.Errorf("cytoscape: %d nodes, %d edges", cy.Nodes, cy.Edges)
	}
	if c := exporttest.CheckCSV(t, filepath.Join(dir, "csv")); c.Nodes != nodes || c.Edges != edges {
		t.Errorf("csv check: %d nodes, %d edges", c.Nodes, c.Edges)
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
	got := readAll(t, cjsonld.NewReader(strings.NewReader(jl)))
	want := readAll(t, cnquads.NewReader(strings.NewReader(nq), true))
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

func readAll(t *testing.T, r quad.Reader) []string {
	t.Helper()
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}
