package cyjs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgnews/kg/export/cyjs"
	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := cyjs.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.Golden(t, "fixture.cyjs", write(t, exporttest.Graph(t, pg.Options{})))
	exporttest.Golden(t, "fixture-edges.cyjs", write(t, exporttest.Graph(t, pg.Options{Events: pg.EventEdges})))
}

// TestCytoscape loads the export with the cytoscape npm package: same
// counts, labels and classes, and no warning about the elements or style.
func TestCytoscape(t *testing.T) {
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges, Lang: pg.English}} {
		g := exporttest.Graph(t, opts)
		path := filepath.Join(t.TempDir(), "g.cyjs")
		if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		cy := exporttest.ReadCytoscape(t, path)
		if cy.Nodes != len(g.Nodes) || cy.Edges != len(g.Edges) {
			t.Errorf("%+v: cytoscape has %d nodes, %d edges; wrote %d, %d", opts, cy.Nodes, cy.Edges, len(g.Nodes), len(g.Edges))
		}
		for _, n := range g.Nodes {
			if cy.Labels[n.ID] != n.Label || n.Label == "" {
				t.Errorf("node %s: label %q, want %q", n.ID, cy.Labels[n.ID], n.Label)
			}
			if cy.Names[n.ID] != n.Label {
				t.Errorf("node %s: name %q, want the label %q (Cytoscape desktop shows name)", n.ID, cy.Names[n.ID], n.Label)
			}
			if c := cy.Classes[n.ID]; len(c) != 2 || c[0] != string(n.Kind) || c[1] != n.Type {
				t.Errorf("node %s: classes %v, want [%s %s]", n.ID, c, n.Kind, n.Type)
			}
		}
		for _, e := range g.Edges {
			if got := cy.EdgeLabels[e.ID]; got != [3]string{e.Source, e.Target, e.Label} {
				t.Errorf("edge %s: cytoscape has %v", e.ID, got)
			}
		}
	}
}
