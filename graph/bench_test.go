package graph

import (
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// synthArticle makes an article shaped like a real one: ~30 entities drawn
// from a shared pool of 2,000, 25 events with roles, dates and evidence.
func synthArticle(n int) *Article {
	id := fmt.Sprintf("synthetic-%05d", n)
	a := &Article{IRI: schema.ArticleIRI(id)}
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(a.IRI, schema.Type, schema.NewsArticle)
	add(a.IRI, schema.Headline, quad.LangString{Value: quad.String("headline " + id), Lang: "en"})
	add(a.IRI, schema.DatePublished, quad.TypedString{Value: "2025-08-13", Type: schema.XSDDate})
	var ents []quad.IRI
	for i := 0; i < 30; i++ {
		e := schema.EntityIRI(fmt.Sprintf("e%d", (n*7+i*13)%2000))
		ents = append(ents, e)
		add(a.IRI, schema.Mentions, e)
		add(e, schema.AssertedType, schema.Class("Person"))
		add(e, schema.AssertedLabel, quad.LangString{Value: quad.String(fmt.Sprint("label ", e)), Lang: "en"})
		add(e, schema.AssertedLabel, quad.LangString{Value: quad.String(fmt.Sprint("नाम ", e)), Lang: "hi"})
		add(e, schema.AssertedAltLabel, quad.LangString{Value: quad.String(fmt.Sprint("alt ", i)), Lang: "hi"})
	}
	for j := 0; j < 25; j++ {
		ev := schema.EventIRI(id, j+1)
		add(ev, schema.Type, schema.Event)
		add(ev, schema.Type, schema.Class("Meeting"))
		add(ev, schema.Agent, ents[j%30])
		add(ev, schema.Participant, ents[(j+1)%30])
		add(ev, schema.Location, ents[(j+2)%30])
		add(ev, schema.Date, quad.TypedString{Value: "2025-08-15", Type: schema.XSDDate})
		add(ev, schema.Modality, quad.String(schema.Asserted))
		add(ev, schema.Evidence, quad.LangString{Value: quad.String(fmt.Sprintf("वाक्य %d %s", j, id)), Lang: "hi"})
		add(ev, schema.EvidenceAt, quad.TypedString{Value: quad.String(fmt.Sprint(j * 100)), Type: schema.XSDInteger})
		add(ents[j%30], schema.Rel("meets"), ents[(j+1)%30])
	}
	return a
}

// BenchmarkStoreLoad times loading one article into a store that already
// holds 1,000, for each backend; it also reports the open time.
func BenchmarkStoreLoad(b *testing.B) {
	for _, backend := range Backends {
		b.Run(backend, func(b *testing.B) {
			dir := b.TempDir()
			s, err := Open(dir, &Options{Backend: backend})
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; i < 1000; i++ {
				if _, err := s.Load(ctx, synthArticle(i)); err != nil {
					b.Fatal(err)
				}
			}
			s.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Open(dir, nil)
				if err != nil {
					b.Fatal(err)
				}
				a := synthArticle(5000 + i%2)
				if _, err := s.Load(ctx, a); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Retract(ctx, a.IRI); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}
