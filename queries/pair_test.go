package queries

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// pairArticle is an article in which A meets B on date (none: undated),
// with C as well in every third, and, in the last, A accuses B without an
// event: the relation stated bare.
func pairArticle(n int, date string, bare bool) *graph.Article {
	id := fmt.Sprintf("2024-05-%02d-pair-%03d", n%28+1, n)
	a := &graph.Article{IRI: schema.ArticleIRI(id), SourcePath: "/tmp/" + id}
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(a.IRI, schema.Type, schema.NewsArticle)
	add(a.IRI, schema.Headline, quad.LangString{Value: quad.String("pair " + id), Lang: "en"})
	add(a.IRI, schema.DatePublished, quad.TypedString{Value: "2024-05-01", Type: schema.XSDDate})
	add(a.IRI, schema.ContentHash, quad.String("sha256:"+id))
	ent := func(name string) quad.IRI {
		e := schema.EntityIRI("pair-" + name)
		add(a.IRI, schema.Mentions, e)
		add(e, schema.AssertedType, schema.Class("Person"))
		add(e, schema.AssertedLabel, quad.LangString{Value: quad.String("Pair " + name), Lang: "en"})
		return e
	}
	pa, pb := ent("a"), ent("b")
	if bare {
		add(pa, schema.Rel("accused"), pb)
		return a
	}
	for k := 1; k <= 2; k++ {
		ev := schema.EventIRI(id, k)
		add(ev, schema.Type, schema.Event)
		add(ev, schema.Type, schema.Class("Meeting"))
		add(ev, schema.Agent, pa)
		add(ev, schema.Participant, pb)
		if n%3 == 0 {
			add(ev, schema.Participant, ent("c"))
		}
		add(ev, schema.Modality, quad.String(schema.Asserted))
		if date != "" {
			add(ev, schema.Date, quad.TypedString{Value: quad.String(date), Type: schema.XSDDate})
		}
		add(ev, schema.Evidence, quad.LangString{Value: quad.String(fmt.Sprintf("A met B, event %d of %s", k, id)), Lang: "en"})
	}
	return a
}

// The evidence between two entities that most events of the store join is
// read from their pair's date buckets, a page at a time (a page of one
// row makes the two busy: see evidence.js); the pages are the slices of
// the whole answer, which reads every event of one of them.
func TestEvidenceOfABusyPairIsPaged(t *testing.T) {
	dates := []string{"2024-03-02", "", "2023-11", "2024-03-02", "2024", "2025-01-09", "2023-11-30", "", "2024-03"}
	var arts []*graph.Article
	for i, d := range dates {
		arts = append(arts, pairArticle(i, d, false))
	}
	arts = append(arts, pairArticle(len(dates), "", true))
	e := newEnv(t, arts...)
	all := e.run(t, "evidence", "Pair A", "Pair B")
	if len(all) != 2*len(dates)+1 {
		t.Fatalf("%d rows, want %d events and the bare relation: %v", len(all), 2*len(dates), all)
	}
	var got []map[string]any
	for off := 0; off <= len(all); off++ {
		rows, more := e.page(t, Page{Offset: off, Limit: 1}, "evidence", "Pair A", "Pair B")
		got = append(got, rows...)
		if more != (off+1 < len(all)) {
			t.Errorf("page at %d says more=%v with %d rows in all", off, more, len(all))
		}
	}
	a, _ := json.MarshalIndent(all, "", " ")
	g, _ := json.MarshalIndent(got, "", " ")
	if string(a) != string(g) {
		t.Errorf("pages of one row:\n%s\nthe whole answer:\n%s", g, a)
	}
	// the pair's buckets are what the pages read: an undated event last
	if all[2*len(dates)-1]["date"] != nil || all[0]["date"] != "2023-11" {
		t.Errorf("order: first %v, last event %v", all[0]["date"], all[2*len(dates)-1]["date"])
	}
}
