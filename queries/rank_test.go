package queries

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/schema"
)

// rankArticle is an article of one day that names the entities (labels
// "Hub", "B", "C1"…) and states, for each pair, an edge (rel:NAME) or, for
// "with", a planned meeting of the two (an event with no edge).
func rankArticle(n int, facts ...[3]string) *graph.Article {
	id := fmt.Sprintf("2024-03-01-rank-%03d", n)
	a := &graph.Article{IRI: schema.ArticleIRI(id), SourcePath: "/tmp/" + id}
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(a.IRI, schema.Type, schema.NewsArticle)
	add(a.IRI, schema.Headline, quad.LangString{Value: quad.String("rank " + id), Lang: "en"})
	add(a.IRI, schema.DatePublished, quad.TypedString{Value: "2024-03-01", Type: schema.XSDDate})
	add(a.IRI, schema.ContentHash, quad.String("sha256:"+id))
	ent := func(name string) quad.IRI {
		e := schema.EntityIRI("rank-" + strings.ToLower(name))
		add(a.IRI, schema.Mentions, e)
		add(e, schema.AssertedType, schema.Class("Person"))
		add(e, schema.AssertedLabel, quad.LangString{Value: quad.String(name), Lang: "en"})
		return e
	}
	for i, f := range facts {
		s, o := ent(f[0]), ent(f[2])
		if f[1] != "with" {
			add(s, schema.Rel(f[1]), o)
			continue
		}
		ev := schema.EventIRI(id, i+1)
		add(ev, schema.Type, schema.Event)
		add(ev, schema.Type, schema.Class("Meeting"))
		add(ev, schema.Agent, s)
		add(ev, schema.Participant, o)
		add(ev, schema.Modality, quad.String(schema.Planned))
		add(ev, schema.Date, quad.TypedString{Value: "2024-03-01", Type: schema.XSDDate})
		add(ev, schema.Evidence, quad.LangString{Value: quad.String(fmt.Sprintf("%s will meet %s (%s)", f[0], f[2], id)), Lang: "en"})
	}
	return a
}

// rankCorpus: Hub meets C1..C4 in 4..7 articles, is to meet D in 5, and
// to meet B in 8 — but one article says Hub accused B, so B is a direct
// relation and the busiest claim of all, the meeting with B, is no row.
// The first page ends in a bucket above the accusation's.
func rankCorpus() []*graph.Article {
	var arts []*graph.Article
	for j := 0; j < 8; j++ {
		facts := [][3]string{{"Hub", "with", "B"}}
		for i := 1; i <= 4; i++ {
			if j < 3+i {
				facts = append(facts, [3]string{"Hub", "meets", fmt.Sprintf("C%d", i)})
			}
		}
		if j < 5 {
			facts = append(facts, [3]string{"Hub", "with", "D"})
		}
		arts = append(arts, rankArticle(j, facts...))
	}
	return append(arts, rankArticle(8, [3]string{"Hub", "accused", "B"}))
}

func column(rows []map[string]any, cols ...string) string {
	var out []string
	for _, r := range rows {
		var f []string
		for _, c := range cols {
			f = append(f, fmt.Sprint(r[c]))
		}
		out = append(out, strings.Join(f, " "))
	}
	return strings.Join(out, "|")
}

// A "with" claim whose two entities a direct relation also joins is no
// row, even when the direct relation sits in a rank bucket the first page
// never reads (the pair node says so); pages are the answer's slices.
func TestRankedClaimsOnAPage(t *testing.T) {
	e := newEnv(t, rankCorpus()...)
	all := "C4 meets 7|C3 meets 6|D Meeting (planned) 5|C2 meets 5|C1 meets 4|B accused 1"
	if got := column(e.run(t, "relationships", "Hub"), "other_en", "relation", "articles"); got != all {
		t.Errorf("relationships Hub:\n  %s\nwant\n  %s", got, all)
	}
	rows, more := e.page(t, Page{Limit: 2}, "relationships", "Hub")
	if got := column(rows, "other_en", "relation", "articles"); got != "C4 meets 7|C3 meets 6" || !more {
		t.Errorf("relationships Hub, first page of 2: %s (more %v), want C4 meets 7|C3 meets 6 and more", got, more)
	}
	rows, _ = e.page(t, Page{Limit: 2}, "neighbours", "Hub")
	if got := column(rows, "target_en", "relation", "articles"); got != "C4 meets 7|C3 meets 6" {
		t.Errorf("neighbours Hub, first page of 2: %s", got)
	}
	rows = e.run(t, "path", "Hub", "B")
	if got := column(rows, "path"); got != "Hub –accused→ B" {
		t.Errorf("path Hub B: %s, want the accusation alone", got)
	}
	rows = e.run(t, "evidence", "Hub", "B")
	if len(rows) != 9 || rows[8]["relation"] != "accused" || rows[0]["relation"] != "Meeting" {
		b, _ := json.Marshal(rows)
		t.Errorf("evidence Hub B: %d rows (want 8 meetings and the accusation): %s", len(rows), b)
	}
}

// On a corpus with claims in many buckets and events over many months,
// pages of any size at any offset are slices of the whole answer, for the
// queries that stop reading once their page is full (an entity's claims
// by rank bucket, its events by its own date buckets).
func TestRankedPagesAreSlicesOfTheAnswer(t *testing.T) {
	e := newEnv(t, fixture.Synthetic(60)...)
	hub := fixture.SynthLabel(0)
	cases := [][]string{
		{"relationships", hub},
		{"neighbours", hub},
		{"neighbours", fixture.SynthLabel(63), "--depth", "2"},
		{"timeline", hub},
		{"timeline", hub, "--from", "2015", "--to", "2020-06"},
		{"claims", fixture.SynthLabel(1)},
	}
	for _, c := range cases {
		all := e.run(t, c[0], c[1:]...)
		if len(all) < 20 {
			t.Fatalf("%v: %d rows, too few to page", c, len(all))
		}
		for _, p := range []Page{{Limit: 1}, {Limit: 3, Offset: 7}, {Limit: 10, Offset: 15}, {Limit: 5, Offset: len(all) - 2}} {
			rows, more := e.page(t, p, c[0], c[1:]...)
			end := min(p.Offset+p.Limit, len(all))
			want, _ := json.Marshal(all[p.Offset:end])
			got, _ := json.Marshal(rows)
			if string(got) != string(want) || more != (end < len(all)) {
				t.Errorf("%v at %d+%d: more %v\n%s\nwant the answer's slice\n%s", c, p.Offset, p.Limit, more, got, want)
			}
		}
	}
}
