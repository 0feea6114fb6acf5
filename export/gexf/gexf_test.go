package gexf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/gexf"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gexf.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.Golden(t, "fixture.gexf", write(t, exporttest.Graph(t, pg.Options{})))
	exporttest.Golden(t, "fixture-edges.gexf", write(t, exporttest.Graph(t, pg.Options{Events: pg.EventEdges})))
}

// TestNetworkX reads the export with networkx: the counts, labels and the
// time attributes of the story's events (the treaty signed in June 2024,
// the Alaska meeting on 2025-08-15, colonial rule 1910-1945).
func TestNetworkX(t *testing.T) {
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges}} {
		g := exporttest.Graph(t, opts)
		path := filepath.Join(t.TempDir(), "g.gexf")
		if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		nx := exporttest.ReadNetworkX(t, "gexf", path)
		if nx.Nodes != len(g.Nodes) || nx.Edges != len(g.Edges) || !nx.Directed || nx.Mode != "dynamic" {
			t.Errorf("%+v: networkx read %d nodes, %d edges (directed %v, mode %q); wrote %d, %d", opts, nx.Nodes, nx.Edges, nx.Directed, nx.Mode, len(g.Nodes), len(g.Edges))
		}
		for _, n := range g.Nodes {
			d := nx.NodeData[n.ID]
			if d == nil || d["label"] != n.Label || n.Label == "" {
				t.Errorf("node %s: networkx has %v, want label %q", n.ID, d, n.Label)
			}
		}
		spans := map[string][2]any{}
		if opts.Events != pg.EventEdges {
			for _, d := range nx.NodeData {
				if d["kind"] == "event" {
					spans[d["type"].(string)] = [2]any{d["start"], d["end"]}
				}
			}
			if d := nx.NodeData["ent:Q56226"]; d["start"] != "2025-08-13" {
				t.Errorf("Kim starts at %v, want his first event's day 2025-08-13", d["start"])
			}
		} else {
			for _, e := range nx.EdgeData {
				d := e[2].(map[string]any)
				spans[d["label"].(string)] = [2]any{d["start"], d["end"]}
			}
		}
		want := map[string][2]any{
			"TreatySigning": {"2024-06-01", "2024-06-30"}, "Meeting": {"2025-08-15", "2025-08-15"}, "ColonialRule": {"1910-01-01", "1945-12-31"},
		}
		if opts.Events == pg.EventEdges {
			want = map[string][2]any{"party to": {"2024-06-01", "2024-06-30"}, "meeting": {"2025-08-15", "2025-08-15"}, "colonial rule": {"1910-01-01", "1945-12-31"}}
		}
		for k, w := range want {
			if spans[k] != w {
				t.Errorf("%s: %s spans %v, want %v", opts.Events, k, spans[k], w)
			}
		}
	}
}

// TestEdgeWeights: every edge carries its weight, the number of articles
// behind it, and networkx reads it as the edge's weight.
func TestEdgeWeights(t *testing.T) {
	g := exporttest.Graph(t, pg.Options{Events: pg.EventEdges})
	if len(g.Edges) < 2 {
		t.Fatal("the fixture has too few edges")
	}
	// One edge asserted by two articles weighs 2.
	g.Edges[0].Article = "a-1; a-2"
	path := filepath.Join(t.TempDir(), "g.gexf")
	if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
		t.Fatal(err)
	}
	nx := exporttest.ReadNetworkX(t, "gexf", path)
	got := map[string]any{}
	for _, e := range nx.EdgeData {
		d := e[2].(map[string]any)
		got[d["id"].(string)] = d["weight"]
	}
	for i, e := range g.Edges {
		want := 1.0
		if i == 0 {
			want = 2
		}
		if w, ok := got[e.ID].(float64); !ok || w != want {
			t.Errorf("edge %s: weight %v, want %v", e.ID, got[e.ID], want)
		}
	}
}
