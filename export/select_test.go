package export_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/schema"
)

const ev = "ev:" + exporttest.ArticleID

func nodes(t *testing.T, sel export.Selection) []string {
	t.Helper()
	sub, err := export.Select(exporttest.Quads(t), sel)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for iri := range sub.Nodes {
		out = append(out, pg.ID(iri))
	}
	sort.Strings(out)
	return out
}

func same(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

// A hop is an event shared or a direct edge: Kim's depth-1 network is his
// events and everyone in them, depth 2 adds their events and partners.
func TestRootsAndDepth(t *testing.T) {
	kim := []quad.IRI{exporttest.Kim}
	same(t, "Kim, depth 0", nodes(t, export.Selection{Roots: kim}), "ent:Q56226")
	depth1 := []string{"ent:Q56226", "ent:Q7747", "ent:Q159", "ent:Q423", "ent:odd-names",
		ev + ".1", ev + ".2", ev + ".7", ev + ".position-1"}
	same(t, "Kim, depth 1", nodes(t, export.Selection{Roots: kim, Depth: 1}), depth1...)
	depth2 := append(depth1,
		"ent:Q22686", "ent:Q797", "ent:Q15860072", ev+".3", // the Alaska meeting, through Putin
		"ent:treaty-on-comprehensive-strategic-partnership", "ent:Q18808", ev+".4", // the treaty, through North Korea and Russia
		"ent:Q4487", "ent:local.2025-08-13-kim-putin-phone-call.sappers", ev+".6", // North Korea's deployment
	)
	same(t, "Kim, depth 2", nodes(t, export.Selection{Roots: kim, Depth: 2}), depth2...)
	// Two roots: the union.
	got := nodes(t, export.Selection{Roots: []quad.IRI{exporttest.Japan, exporttest.Trump}, Depth: 1})
	same(t, "Japan and Trump", got, "ent:Q17", "ent:Q18097", ev+".5", "ent:Q22686", "ent:Q7747", "ent:Q797", "ent:Q15860072", ev+".3")
}

// The subgraph holds the selected nodes' facts, no bookkeeping, and the
// labels of the sources its events cite; a direct edge that stands for an
// event left out goes too.
func TestSelectedQuads(t *testing.T) {
	sub, err := export.Select(exporttest.Quads(t), export.Selection{Roots: []quad.IRI{exporttest.Kim}, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	var kcna, spoke bool
	for _, q := range sub.Quads {
		if pg.Bookkeeping(q.Predicate) {
			t.Errorf("bookkeeping quad %s", q.NQuad())
		}
		if s, _ := q.Subject.(quad.IRI); strings.HasPrefix(string(s), schema.ArticleNS) {
			t.Errorf("article quad %s", q.NQuad())
		}
		if q.Subject == exporttest.KCNA {
			kcna = kcna || q.Predicate == schema.Label
			if q.Predicate != schema.Label {
				t.Errorf("KCNA is not selected, yet %s", q.NQuad())
			}
		}
		spoke = spoke || q.Predicate == schema.Rel("spoke_with")
	}
	if !kcna || !spoke {
		t.Errorf("KCNA's label (%v) or the spoke_with edge (%v) is missing", kcna, spoke)
	}
	// Without the phone call (outside the window), its direct edge goes.
	sub, err = export.Select(exporttest.Quads(t), export.Selection{Roots: []quad.IRI{exporttest.Kim}, Depth: 1, To: "2025-07"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sub.Quads {
		if q.Predicate == schema.Rel("spoke_with") || q.Predicate == schema.Rel("supports") {
			t.Errorf("%s stands for an event outside the window", q.NQuad())
		}
	}
}

func TestWindow(t *testing.T) {
	same(t, "June 2024", nodes(t, export.Selection{From: "2024-06", To: "2024-06"}),
		ev+".4", "ent:Q423", "ent:Q159", "ent:treaty-on-comprehensive-strategic-partnership", "ent:Q18808")
	same(t, "15 August 2025 on", nodes(t, export.Selection{From: "2025-08-15"}),
		ev+".3", "ent:Q22686", "ent:Q7747", "ent:Q797", "ent:Q15860072")
	// 1910-1945 meets any window inside it.
	same(t, "1930", nodes(t, export.Selection{From: "1930", To: "1930"}), ev+".5", "ent:Q17", "ent:Q18097")
	for _, bad := range []export.Selection{{From: "June"}, {To: "2024-13"}, {From: "2025", To: "2024"}} {
		if _, err := export.Select(exporttest.Quads(t), bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func TestTypes(t *testing.T) {
	got := nodes(t, export.Selection{Types: []string{"person"}})
	same(t, "persons", got, "ent:Q56226", "ent:Q7747", "ent:Q22686", ev+".1", ev+".2", ev+".3", ev+".7", ev+".position-1")
	got = nodes(t, export.Selection{Types: []string{"Country", "TreatySigning"}})
	same(t, "countries and treaty signings", got, "ent:Q423", "ent:Q159", "ent:Q17", "ent:Q18097", ev+".4")
	if _, err := export.Select(exporttest.Quads(t), export.Selection{Types: []string{"Dragon"}}); err == nil || !strings.Contains(err.Error(), "Person") {
		t.Errorf("unknown type: %v", err)
	}
}

// --lang keeps labels in one language, except where a node has none in it.
func TestLang(t *testing.T) {
	sub, err := export.Select(exporttest.Quads(t), export.Selection{Lang: pg.Hindi})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range sub.Quads {
		ls, ok := q.Object.(quad.LangString)
		if !ok || (q.Predicate != schema.Label && q.Predicate != schema.AltLabel) || ls.Lang == "hi" {
			continue
		}
		if q.Predicate == schema.AltLabel || !strings.HasPrefix(string(q.Subject.(quad.IRI)), schema.EventNS) {
			t.Errorf("English label kept: %s", q.NQuad())
		}
	}
}

// Build gives RDF formats the store as it is when nothing is selected, so
// that `kg export --format nquads` stays a faithful dump.
func TestBuildWholeStore(t *testing.T) {
	all := exporttest.Quads(t)
	nq, _ := export.ByName("nquads")
	out, err := export.Build(all, nq, export.Selection{}, pg.Options{})
	if err != nil || len(out.Quads) != len(all) {
		t.Fatalf("whole store: %d quads of %d, %v", len(out.Quads), len(all), err)
	}
	for i := range all {
		if out.Quads[i] != all[i] {
			t.Fatalf("quad %d reordered or changed", i)
		}
	}
	gm, _ := export.ByName("graphml")
	out, err = export.Build(all, gm, export.Selection{}, pg.Options{})
	if err != nil || out.Graph == nil || len(out.Graph.Nodes) != 25 {
		t.Errorf("whole store as a graph: %v, %v", out.Counts(), err)
	}
}

func TestRegistry(t *testing.T) {
	for path, want := range map[string]string{"kim.dot": "dot", "KIM.GV": "dot", "a.graphml": "graphml", "a.gexf": "gexf",
		"a.cyjs": "cyjs", "a.jsonld": "jsonld", "a.nq": "nquads", "a.nquads": "nquads"} {
		if f, ok := export.ByExt(path); !ok || f.Name != want {
			t.Errorf("ByExt(%s) = %s, %v", path, f.Name, ok)
		}
	}
	if _, ok := export.ByExt("a.png"); ok {
		t.Error("png is not an export format")
	}
	for _, f := range export.Formats() {
		n := 0
		for _, set := range []bool{f.Graph != nil, f.Quads != nil, f.Files != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s has %d writers", f.Name, n)
		}
		if g, ok := export.ByName(f.Name); !ok || g.Name != f.Name {
			t.Errorf("ByName(%s)", f.Name)
		}
	}
}
