package pg_test

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/schema"
)

func TestID(t *testing.T) {
	for iri, want := range map[quad.IRI]string{
		schema.EntityIRI("Q56226"):                  "ent:Q56226",
		schema.EventIRI("2025-08-13-kim", 3):        "ev:2025-08-13-kim.3",
		schema.EntityIRI("local/2025-08-13-a/sapp"): "ent:local.2025-08-13-a.sapp",
		schema.EntityIRI("a.b"):                     "ent:a_2Eb", // not ent:a.b, which is a/b
		schema.EntityIRI("a_b"):                     "ent:a_5Fb",
		quad.IRI("http://example.org/x#y"):          "iri:http_3A..example_2Eorg.x_23y",
	} {
		if got := pg.ID(iri); got != want {
			t.Errorf("ID(%s) = %s, want %s", iri, got, want)
		}
	}
	if pg.ID(schema.EntityIRI("a.b")) == pg.ID(schema.EntityIRI("a/b")) {
		t.Error("two IRIs share an id")
	}
}

func TestSpan(t *testing.T) {
	for _, c := range []struct{ date, end, first, last string }{
		{"2024-06", "", "2024-06-01", "2024-06-30"},
		{"2024-02", "", "2024-02-01", "2024-02-29"},
		{"2025-08-15", "", "2025-08-15", "2025-08-15"},
		{"1910", "1945", "1910-01-01", "1945-12-31"},
		{"2025-08-13T11:03:00", "", "2025-08-13", "2025-08-13"},
	} {
		f, l, ok := pg.Span(c.date, c.end)
		if !ok || f != c.first || l != c.last {
			t.Errorf("Span(%s, %s) = %s, %s, %v; want %s, %s", c.date, c.end, f, l, ok, c.first, c.last)
		}
	}
	for _, bad := range []string{"", "June 2024", "2024-13", "2024-02-30"} {
		if _, _, ok := pg.Span(bad, ""); ok {
			t.Errorf("Span(%q) is ok", bad)
		}
	}
}

func byID(g *pg.Graph) (map[string]pg.Node, map[string]pg.Edge) {
	ns, es := map[string]pg.Node{}, map[string]pg.Edge{}
	for _, n := range g.Nodes {
		ns[n.ID] = n
	}
	for _, e := range g.Edges {
		es[e.Source+" "+e.Label+" "+e.Target] = e
	}
	return ns, es
}

const art = "ev:" + exporttest.ArticleID

// With events as nodes, an event links to its participants by role, and
// the direct edge that stands for it is not drawn twice; a direct edge no
// event stands for stays.
func TestEventsAsNodes(t *testing.T) {
	g := exporttest.Graph(t, pg.Options{})
	ns, es := byID(g)
	call, ok := ns[art+".1"]
	if !ok || call.Type != "PhoneCall" || call.Date != "2025-08-13" || call.Modality != "reported" ||
		call.ReportedBy != "Korean Central News Agency / कोरियन सेंट्रल न्यूज एजेंसी" || call.Article != exporttest.ArticleID {
		t.Errorf("phone call = %+v", call)
	}
	if call.Label != "Phone call / फ़ोन पर बातचीत / 2025-08-13" {
		t.Errorf("phone call label %q", call.Label)
	}
	agent, ok := es[art+".1 agent ent:Q56226"]
	if !ok || agent.Date != "2025-08-13" || agent.Event != art+".1" || agent.Kind != "role" || !strings.Contains(agent.Evidence, "किम जोंग-उन") {
		t.Errorf("agent edge = %+v (%v)", agent, ok)
	}
	if _, ok := es["ent:Q56226 spoke with ent:Q7747"]; ok {
		t.Error("the direct edge spoke_with is drawn beside the phone call that stands for it")
	}
	if e, ok := es["ent:Q7747 president of ent:Q159"]; !ok || e.Kind != "relation" || e.Article != exporttest.ArticleID {
		t.Errorf("uncovered direct edge = %+v (%v)", e, ok)
	}
	if n := ns["ent:Q56226"]; n.Label != "Kim Jong-un / किम जोंग-उन" || n.QID != "Q56226" || n.Type != "Person" || len(n.Alt) != 2 {
		t.Errorf("Kim = %+v", n)
	}
	if n := ns[art+".position-1"]; n.Label != "Leader / नेता" {
		t.Errorf("Kim's position = %+v", n)
	}
	if n := ns["ent:Q90"]; n.Label != "Paris / पेरिस" {
		t.Errorf("a node in no fact is still a node: %+v", n)
	}
}

// With events as edges, the direct edges carry their event's date and
// evidence, and an event no direct edge stands for becomes edges from its
// agent to the others.
func TestEventsAsEdges(t *testing.T) {
	g := exporttest.Graph(t, pg.Options{Events: pg.EventEdges})
	ns, es := byID(g)
	for id := range ns {
		if strings.HasPrefix(id, "ev:") {
			t.Errorf("event node %s with events as edges", id)
		}
	}
	if e, ok := es["ent:Q56226 spoke with ent:Q7747"]; !ok || e.Date != "2025-08-13" || e.Event != art+".1" || e.Modality != "reported" {
		t.Errorf("spoke with = %+v (%v)", e, ok)
	}
	// Kim and Putin share the call and a briefing: each event stands for
	// its own edge only.
	for _, label := range []string{"spoke with", "informed"} {
		var events []string
		for _, e := range g.Edges {
			if e.Label == label {
				events = append(events, e.Event)
			}
		}
		if len(events) != 1 {
			t.Errorf("%d %q edges, from events %v; want one", len(events), label, events)
		}
	}
	for _, to := range []string{"ent:Q7747", "ent:Q797"} {
		e, ok := es["ent:Q22686 meeting "+to]
		if !ok || e.Date != "2025-08-15" || e.Modality != "planned" || e.Kind != "event" || e.Predicate != string(schema.Class("Meeting")) {
			t.Errorf("planned meeting, Trump to %s = %+v (%v)", to, e, ok)
		}
	}
	// The meeting's topic, the war, is not met: it is linked to the event
	// by an about edge, never as a participant.
	if e, ok := es["ent:Q22686 meeting ent:Q15860072"]; ok {
		t.Errorf("the planned meeting is drawn to its topic: %+v", e)
	}
	if e, ok := es["ent:Q22686 meeting: topic ent:Q15860072"]; !ok || e.Kind != "about" || e.Modality != "planned" || e.Event != art+".3" {
		t.Errorf("meeting's topic = %+v (%v)", e, ok)
	}
	// Every theme, topic and occasion of an event is connected, whether or
	// not a direct edge stands for the event.
	linked := map[string]bool{}
	for _, e := range g.Edges {
		linked[e.Source], linked[e.Target] = true, true
	}
	gn := exporttest.Graph(t, pg.Options{})
	for _, e := range gn.Edges {
		if e.Kind == "role" && (e.Label == "theme" || e.Label == "topic" || e.Label == "occasion") && !linked[e.Target] {
			t.Errorf("%s, the %s of %s, has no edge with events as edges", e.Target, e.Label, e.Source)
		}
	}
	if e, ok := es["ent:Q56226 holder of ent:Q423"]; ok {
		t.Errorf("unexpected %+v", e)
	}
	if e, ok := es["ent:Q56226 leader of ent:Q423"]; !ok || e.Predicate != string(schema.Rel("leader_of")) {
		var got []string
		for k := range es {
			got = append(got, k)
		}
		t.Errorf("Kim's position as an edge is missing; have %v", got)
	}
}

func TestLang(t *testing.T) {
	for lang, want := range map[pg.Lang]string{pg.English: "Kim Jong-un", pg.Hindi: "किम जोंग-उन", pg.Both: "Kim Jong-un / किम जोंग-उन"} {
		ns, _ := byID(exporttest.Graph(t, pg.Options{Lang: lang}))
		if got := ns["ent:Q56226"].Label; got != want {
			t.Errorf("%s: Kim is %q, want %q", lang, got, want)
		}
		if got := ns[art+".3"].Label; lang == pg.Hindi && got != "मुलाकात / 2025-08-15" || lang == pg.English && got != "Meeting / 2025-08-15" {
			t.Errorf("%s: the meeting is %q", lang, got)
		}
	}
	// A node with no label reads as its IRI's last part.
	g := pg.Project(pg.Subgraph{Quads: []quad.Quad{{Subject: schema.EntityIRI("george-fernandes"), Predicate: schema.Rel("met"), Object: schema.EntityIRI("Q1")}}}, pg.Options{})
	if ns, _ := byID(g); ns["ent:george-fernandes"].Label != "george fernandes" || ns["ent:Q1"].Label != "q1" {
		t.Errorf("unlabelled nodes: %+v", g.Nodes)
	}
}

// Two agents acting together are linked to each other once, and each to
// the other fillers, when no direct edge stands for their event.
func TestCollapseTwoAgents(t *testing.T) {
	ev, a := schema.EventIRI("x", 1), schema.ArticleIRI("x")
	q := func(s, p, o quad.Value) quad.Quad { return quad.Quad{Subject: s, Predicate: p, Object: o, Label: a} }
	g := pg.Project(pg.Subgraph{Quads: []quad.Quad{
		q(ev, schema.Type, schema.Event), q(ev, schema.Type, schema.Class("Meeting")),
		q(ev, schema.Agent, exporttest.Trump), q(ev, schema.Agent, exporttest.Putin), q(ev, schema.Location, exporttest.Alaska),
		q(ev, schema.Date, quad.TypedString{Value: "2025-08-15", Type: schema.XSDDate}),
	}}, pg.Options{Events: pg.EventEdges})
	var got []string
	for _, e := range g.Edges {
		got = append(got, e.Source+" "+e.Label+" "+e.Target+" "+e.Date)
	}
	want := []string{
		"ent:Q22686 meeting ent:Q7747 2025-08-15", // ids in order, once
		"ent:Q22686 meeting ent:Q797 2025-08-15",
		"ent:Q7747 meeting ent:Q797 2025-08-15",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// In a symmetric frame ("दोनों नेताओं ने सहमति जताई") both leaders may be
// agents; the agreed_with edge between them still stands for the event.
func TestSymmetricFrameCovers(t *testing.T) {
	ev, a := schema.EventIRI("x", 1), schema.ArticleIRI("x")
	q := func(s, p, o quad.Value) quad.Quad { return quad.Quad{Subject: s, Predicate: p, Object: o, Label: a} }
	g := pg.Project(pg.Subgraph{Quads: []quad.Quad{
		q(ev, schema.Type, schema.Event), q(ev, schema.Type, schema.Class("AgreementReached")),
		q(ev, schema.Agent, exporttest.Kim), q(ev, schema.Agent, exporttest.Putin),
		q(exporttest.Putin, schema.Rel("agreed_with"), exporttest.Kim),
		q(exporttest.Putin, schema.Rel("praised"), exporttest.Kim), // no frame of this event yields it
	}}, pg.Options{})
	var plain []string
	for _, e := range g.Edges {
		if e.Kind == "relation" {
			plain = append(plain, e.Label)
		}
	}
	if strings.Join(plain, ",") != "praised" {
		t.Errorf("direct edges drawn beside the event: %v, want only praised", plain)
	}
}
