package csv_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kgnews/kg/export/csv"
	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) map[string]*bytes.Buffer {
	t.Helper()
	files := map[string]*bytes.Buffer{}
	err := csv.Write(func(name string) (io.Writer, error) {
		files[name] = &bytes.Buffer{}
		return files[name], nil
	}, g)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGolden(t *testing.T) {
	files := write(t, exporttest.Graph(t, pg.Options{}))
	if len(files) != 2 {
		t.Fatalf("wrote %d files, want nodes.csv and edges.csv", len(files))
	}
	exporttest.Golden(t, "fixture.nodes.csv", files["nodes.csv"].Bytes())
	exporttest.Golden(t, "fixture.edges.csv", files["edges.csv"].Bytes())
}

// TestNeo4jHeaders checks the pair with neo4j_csv_check.py: the header
// rules of neo4j-admin import, every edge's ends among the nodes, and the
// counts.
func TestNeo4jHeaders(t *testing.T) {
	exporttest.Tool(t, exporttest.SystemPython, "python3")
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges}} {
		g := exporttest.Graph(t, opts)
		dir := t.TempDir()
		for name, b := range write(t, g) {
			if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		c := exporttest.CheckCSV(t, dir)
		if c.Nodes != len(g.Nodes) || c.Edges != len(g.Edges) {
			t.Errorf("%+v: the check counted %d nodes, %d edges; wrote %d, %d", opts, c.Nodes, c.Edges, len(g.Nodes), len(g.Edges))
		}
		if !reflect.DeepEqual(c.NodeHeader, csv.NodeHeader()) || !reflect.DeepEqual(c.EdgeHeader, csv.EdgeHeader()) {
			t.Errorf("headers read back as %v and %v", c.NodeHeader, c.EdgeHeader)
		}
	}
	// The check must be able to fail: an edge to a node that is not there.
	dir := t.TempDir()
	files := write(t, exporttest.Graph(t, pg.Options{}))
	os.WriteFile(filepath.Join(dir, "nodes.csv"), bytes.Replace(files["nodes.csv"].Bytes(), []byte("ent:Q56226,"), []byte("ent:gone,"), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "edges.csv"), files["edges.csv"].Bytes(), 0o644)
	check := exec.Command(exporttest.SystemPython, filepath.Join(exporttest.ReadersDir(), "neo4j_csv_check.py"), dir)
	if out, err := check.CombinedOutput(); err == nil {
		t.Errorf("the check passed a dangling edge: %s", out)
	}
}
