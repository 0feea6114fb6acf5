package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/graph"
)

// fixtureDB loads export's fixture articles into a new store.
func fixtureDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	s, err := graph.Open(db, &graph.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range exporttest.Articles() {
		if _, err := s.Load(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

var counted = regexp.MustCompile(`exported (\d+) nodes, (\d+) edges as (\w+) to `)

// exportCounts runs kg export and returns the counts it reports.
func exportCounts(t *testing.T, db string, args ...string) (nodes, edges int) {
	t.Helper()
	_, errs, code := kg(t, db, "", append([]string{"export"}, args...)...)
	m := counted.FindStringSubmatch(errs)
	if code != 0 || m == nil {
		t.Fatalf("kg export %v: exit %d: %s", args, code, errs)
	}
	nodes, _ = strconv.Atoi(m[1])
	edges, _ = strconv.Atoi(m[2])
	return nodes, edges
}

// The whole store in N-Quads is what the store holds, in its order, as
// kg export wrote it before selections existed (a scoring script reads it).
func TestExportNQuadsIsTheStore(t *testing.T) {
	db := fixtureDB(t)
	s, err := graph.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	w := nquads.NewWriter(&want)
	if err := s.Each(context.Background(), func(q quad.Quad) error { return w.WriteQuad(q) }); err != nil {
		t.Fatal(err)
	}
	w.Close()
	s.Close()
	for _, args := range [][]string{{"export"}, {"export", "--format", "nquads"}} {
		out, errs, code := kg(t, db, "", args...)
		if code != 0 || out != want.String() {
			t.Errorf("kg %v: exit %d, %d bytes, want %d: %s", args, code, len(out), want.Len(), errs)
		}
	}
	path := filepath.Join(t.TempDir(), "all.nq")
	if _, errs, code := kg(t, db, "", "export", "--format", "nquads", "-o", path); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(path); string(b) != want.String() {
		t.Error("-o wrote something else than standard output")
	}
}

// Kim's two-hop network, named by an English or Hindi alias in any case,
// in every format; the counts kg reports are those networkx and
// cytoscape read, and node ids do not change between exports.
func TestExportKimEveryFormat(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	nodes, edges := exportCounts(t, db, "--root", "kim jong un", "--depth", "2", "-o", filepath.Join(dir, "kim.graphml"))
	if nodes != 19 || edges != 21 { // see export.TestRootsAndDepth
		t.Errorf("Kim's two-hop network has %d nodes, %d edges", nodes, edges)
	}
	for _, f := range []string{"kim.gexf", "kim.dot", "kim.cyjs"} {
		n, e := exportCounts(t, db, "--root", "किम", "-d", "2", "-o", filepath.Join(dir, f))
		if n != nodes || e != edges {
			t.Errorf("%s: %d nodes, %d edges; graphml had %d, %d", f, n, e, nodes, edges)
		}
	}
	if n, e := exportCounts(t, db, "--root", "KIM JONG-UN", "--depth", "2", "-o", filepath.Join(dir, "csv")+"/"); n != nodes || e != edges {
		t.Errorf("csv: %d nodes, %d edges", n, e)
	}
	exporttest.CheckReaders(t, dir, nodes, edges)
	// Depth 1 is part of depth 2, under the same ids.
	exportCounts(t, db, "--root", "Kim Jong-un", "-o", filepath.Join(dir, "kim1.graphml"))
	two := exporttest.ReadNetworkX(t, "graphml", filepath.Join(dir, "kim.graphml"))
	one := exporttest.ReadNetworkX(t, "graphml", filepath.Join(dir, "kim1.graphml"))
	for id, d := range one.NodeData {
		if two.NodeData[id] == nil || two.NodeData[id]["label"] != d["label"] {
			t.Errorf("node %s of the depth-1 export is not in the depth-2 one under the same id", id)
		}
	}
	if len(one.NodeData) >= len(two.NodeData) || one.NodeData["ent:Q56226"] == nil {
		t.Errorf("depth 1 has %d nodes, depth 2 %d", len(one.NodeData), len(two.NodeData))
	}
	// The RDF formats hold the same nodes' quads.
	out, errs, code := kg(t, db, "", "export", "--root", "Kim Jong-un", "--depth", "2", "--format", "nquads")
	if code != 0 || !strings.Contains(out, `"किम जोंग-उन"@hi`) || strings.Contains(out, "assertedLabel") {
		t.Errorf("nquads of Kim's network: exit %d: %s", code, errs)
	}
}

func TestExportQuery(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	n, _ := exportCounts(t, db, "-o", filepath.Join(dir, "n.graphml"), "--query", "neighbours", "Kim Jong-un")
	if n < 2 {
		t.Errorf("the neighbours query selected %d nodes", n)
	}
	n, _ = exportCounts(t, db, "-o", filepath.Join(dir, "g.dot"), "--gizmo", `g.V("<https://kg.example.org/entity/Q7747>").All()`)
	if n != 1 {
		t.Errorf("a Gizmo query for Putin selected %d nodes", n)
	}
	n, _ = exportCounts(t, db, "--depth", "1", "-o", filepath.Join(dir, "g.dot"), "--gizmo", `g.V("<https://kg.example.org/entity/Q7747>").All()`)
	if n < 5 {
		t.Errorf("Putin and one hop: %d nodes", n)
	}
}

func TestExportErrors(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.dot")
	os.WriteFile(keep, []byte("old"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", filepath.Join(dir, "x.png")}, "cannot tell the format"},
		{[]string{"--format", "svg"}, `--format "svg": want one of`},
		{[]string{"--events", "edges", "--format", "jsonld"}, "events are nodes"},
		{[]string{"--events", "both"}, "want nodes or edges"},
		{[]string{"--lang", "fr"}, "want en, hi or both"},
		{[]string{"--types", "Dragon", "-o", keep}, `unknown class "Dragon"`},
		{[]string{"--from", "June", "-o", keep}, "--from"},
		{[]string{"--root", "Nobody Atall", "-o", keep}, "no entity is called"},
		{[]string{"--root", "Kim", "--query", "neighbours", "Kim"}, "one of --root, --query and --gizmo"},
		{[]string{"stray"}, "unexpected arguments"},
		{[]string{"--query", "nope"}, "no canned query"},
	} {
		_, errs, code := kg(t, db, "", append([]string{"export"}, c.args...)...)
		if code == 0 || !strings.Contains(errs, c.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("kg export %v: exit %d, %q; want one line with %q", c.args, code, errs, c.want)
		}
	}
	if b, _ := os.ReadFile(keep); string(b) != "old" {
		t.Error("a failed export touched the output file")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".kg-export-*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestExportFileMode: an export is created with the process's umask, as any
// file the user writes (0644 under the usual 022, 0640 under 027), also
// each file of a csv directory; a file it replaces keeps its mode.
func TestExportFileMode(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	for _, c := range []struct {
		umask string
		want  os.FileMode
	}{{"022", 0o644}, {"027", 0o640}, {"077", 0o600}} {
		out := filepath.Join(dir, "kim-"+c.umask+".dot")
		csvDir := filepath.Join(dir, "csv-"+c.umask)
		for _, args := range [][]string{{"--root", "Kim", "-o", out}, {"--format", "csv", "-o", csvDir + "/"}} {
			cmd := exec.Command("sh", "-c", `umask "$0" && exec "$@"`, c.umask, kgBin, "--db", db, "export")
			cmd.Args = append(cmd.Args, args...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("umask %s; kg export %v: %v: %s", c.umask, args, err, b)
			}
		}
		for _, f := range []string{out, filepath.Join(csvDir, "nodes.csv"), filepath.Join(csvDir, "edges.csv")} {
			st, err := os.Stat(f)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != c.want {
				t.Errorf("umask %s: %s has mode %v, want %v", c.umask, filepath.Base(f), st.Mode().Perm(), c.want)
			}
		}
	}
	// Replacing a file keeps the mode its owner gave it.
	kept := filepath.Join(dir, "kept.dot")
	if err := os.WriteFile(kept, []byte("old"), 0o604); err != nil {
		t.Fatal(err)
	}
	os.Chmod(kept, 0o604)
	if _, errs, code := kg(t, db, "", "export", "--root", "Kim", "-o", kept); code != 0 {
		t.Fatal(errs)
	}
	if st, _ := os.Stat(kept); st.Mode().Perm() != 0o604 {
		t.Errorf("replaced file has mode %v, want its old 0604", st.Mode().Perm())
	}
}
