package export

import (
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	neo4jcsv "github.com/kgnews/kg/export/csv"
	"github.com/kgnews/kg/export/cyjs"
	"github.com/kgnews/kg/export/dot"
	"github.com/kgnews/kg/export/events"
	"github.com/kgnews/kg/export/gexf"
	"github.com/kgnews/kg/export/graphml"
	"github.com/kgnews/kg/export/jsonld"
	"github.com/kgnews/kg/export/nquads"
	"github.com/kgnews/kg/export/pg"
)

// Format is one output format. Exactly one of Graph, Quads and Files is set:
// property-graph formats get the projection, RDF formats the selected
// quads, and formats of several files write into a directory.
type Format struct {
	Name string
	Exts []string // file extensions, with the dot; the first is the usual one
	Doc  string   // one line for --help

	Graph func(w io.Writer, g *pg.Graph) error
	Quads func(w io.Writer, qs []quad.Quad) error
	Files func(open func(name string) (io.Writer, error), g *pg.Graph) error
}

// formats is the registry, wired here explicitly rather than by init()
// side effects, so what kg can write is visible in one place.
var formats = []Format{
	{Name: "graphml", Exts: []string{".graphml"}, Doc: "GraphML for yEd, Gephi, Cytoscape, networkx", Graph: graphml.Write},
	// Its extension is GraphML's: ByExt finds plain graphml first.
	{Name: "graphml-yed", Exts: []string{".graphml"}, Doc: "GraphML with yFiles graphics: yEd shows labels, colours and shapes at once", Graph: graphml.WriteYEd},
	{Name: "gexf", Exts: []string{".gexf"}, Doc: "GEXF 1.3, dynamic (Gephi's timeline plays event dates)", Graph: gexf.Write},
	{Name: "dot", Exts: []string{".dot", ".gv"}, Doc: "Graphviz DOT (dot -Tpng FILE -o FILE.png)", Graph: dot.Write},
	{Name: "cyjs", Exts: []string{".cyjs"}, Doc: "Cytoscape.js JSON (elements and style)", Graph: cyjs.Write},
	{Name: "jsonld", Exts: []string{".jsonld"}, Doc: "JSON-LD with kg's prefixes as context", Quads: jsonld.Write},
	{Name: "nquads", Exts: []string{".nq", ".nquads"}, Doc: "N-Quads (kg load reads it back)", Quads: nquads.Write},
	{Name: "csv", Doc: "to a directory (-o DIR/): nodes.csv and edges.csv for neo4j-admin import, and events.csv; to a file or standard output: the events table", Files: neo4jcsv.Write},
	{Name: "events", Exts: []string{".csv"}, Doc: "the ACLED-like events table: a row per event (date and its precision, class, CAMEO, PLOVER, actors, place, killed, injured, source, article, evidence)", Quads: events.Write},
}

// Formats lists the formats in the order --help shows them.
func Formats() []Format { return append([]Format(nil), formats...) }

// FormatNames lists the format names.
func FormatNames() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.Name)
	}
	return out
}

// ByName finds a format by its name.
func ByName(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == strings.ToLower(name) {
			return f, true
		}
	}
	return Format{}, false
}

// ByExt finds a format by the extension of a file name.
func ByExt(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Extensions lists every known extension, sorted, for error messages.
func Extensions() []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range formats {
		for _, e := range f.Exts {
			if !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	sort.Strings(out)
	return out
}
