package graphml_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/graphml"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := graphml.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.Golden(t, "fixture.graphml", write(t, exporttest.Graph(t, pg.Options{})))
	exporttest.Golden(t, "fixture-edges-en.graphml", write(t, exporttest.Graph(t, pg.Options{Events: pg.EventEdges, Lang: pg.English})))
}

// TestNetworkX reads the export with networkx: same counts, every node's
// label as projected (Devanagari and escaped characters included).
func TestNetworkX(t *testing.T) {
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges, Lang: pg.Hindi}} {
		g := exporttest.Graph(t, opts)
		path := filepath.Join(t.TempDir(), "g.graphml")
		if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		nx := exporttest.ReadNetworkX(t, "graphml", path)
		if nx.Nodes != len(g.Nodes) || nx.Edges != len(g.Edges) || !nx.Directed {
			t.Errorf("%+v: networkx read %d nodes, %d edges (directed %v); wrote %d, %d", opts, nx.Nodes, nx.Edges, nx.Directed, len(g.Nodes), len(g.Edges))
		}
		for _, n := range g.Nodes {
			d := nx.NodeData[n.ID]
			if d == nil {
				t.Errorf("networkx has no node %s", n.ID)
				continue
			}
			if d["label"] != n.Label || n.Label == "" {
				t.Errorf("node %s: label %q, want %q", n.ID, d["label"], n.Label)
			}
			if n.LabelHI != "" && d["label_hi"] != n.LabelHI {
				t.Errorf("node %s: label_hi %q, want %q", n.ID, d["label_hi"], n.LabelHI)
			}
		}
	}
}

// TestSchema validates the export against the GraphML XSD that Debian's
// libjgrapht-java ships.
func TestSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.graphml")
	if err := os.WriteFile(path, write(t, exporttest.Graph(t, pg.Options{})), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := exporttest.ValidateGraphML(t, path); msg != "" {
		t.Errorf("xmllint --schema: %s", msg)
	}
	// The schema must be able to say no.
	bad := strings.Replace(string(write(t, exporttest.Graph(t, pg.Options{}))), "<node ", "<vertex ", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if exporttest.ValidateGraphML(t, path) == "" {
		t.Error("xmllint accepted a <vertex> element: the schema check proves nothing")
	}
}
