package graph

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// report builds an article of one event: agent meets participant on date,
// reported by source (if any), with the direct edge the event yields, and
// a text hash so that identity rules apply.
func report(id, path, text, date, agent, participant, source string) *Article {
	a := &Article{IRI: schema.ArticleIRI(id), SourcePath: path}
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(a.IRI, schema.Type, schema.NewsArticle)
	add(a.IRI, schema.Headline, quad.LangString{Value: quad.String("headline " + id), Lang: "en"})
	add(a.IRI, schema.DatePublished, quad.TypedString{Value: "2025-01-01", Type: schema.XSDDate})
	add(a.IRI, schema.ContentHash, quad.String("sha256:"+fmt.Sprintf("%064x", len(text))+text))
	ents := []string{agent, participant}
	if source != "" {
		ents = append(ents, source)
	}
	for _, e := range ents {
		iri := schema.EntityIRI(e)
		add(a.IRI, schema.Mentions, iri)
		add(iri, schema.AssertedType, schema.Class("Person"))
		add(iri, schema.AssertedLabel, quad.LangString{Value: quad.String(e), Lang: "en"})
	}
	ev := schema.EventIRI(strings.TrimPrefix(string(a.IRI), schema.ArticleNS), 1)
	add(ev, schema.Type, schema.Event)
	add(ev, schema.Type, schema.Class("Meeting"))
	add(ev, schema.Agent, schema.EntityIRI(agent))
	add(ev, schema.Participant, schema.EntityIRI(participant))
	add(ev, schema.Modality, quad.String(schema.Asserted))
	if date != "" {
		add(ev, schema.Date, typedDate(date))
	}
	if source != "" {
		add(ev, schema.ReportedBy, schema.EntityIRI(source))
	}
	add(ev, schema.Evidence, quad.LangString{Value: quad.String(text), Lang: "en"})
	add(schema.EntityIRI(agent), schema.Rel("meets"), schema.EntityIRI(participant))
	return a
}

// claimOf reads a claim node: its article count and dates ("" if absent).
func claimOf(t *testing.T, s *Store, subj, rel, obj string) (n int, first, last string, ok bool) {
	t.Helper()
	c := schema.ClaimIRI(schema.EntityIRI(subj), schema.Rel(rel), schema.EntityIRI(obj))
	has, err := s.has(ctx, quad.Quad{Subject: c, Predicate: schema.ClaimSubject, Object: schema.EntityIRI(subj), Label: schema.ClaimGraph})
	if err != nil {
		t.Fatal(err)
	}
	if !has {
		return 0, "", "", false
	}
	vs, _ := s.objects(ctx, c, schema.ClaimStats, schema.ClaimGraph)
	if len(vs) != 1 {
		t.Errorf("claim %s %s %s has %d stats literals, want 1", subj, rel, obj, len(vs))
	}
	st := readStats(vs)
	return st.Articles, st.First, st.Last, true
}

func TestClaimsFollowLoadsAndRemovals(t *testing.T) {
	s := openTemp(t, "")
	for i, d := range []string{"2024-06-12", "2019-03", "2024-07-01"} {
		id := fmt.Sprintf("r%d", i)
		if _, err := s.Load(ctx, report(id, "/tmp/"+id, "kim met putin "+id, d, "kim", "putin", "kcna")); err != nil {
			t.Fatal(err)
		}
	}
	n, first, last, ok := claimOf(t, s, "kim", "meets", "putin")
	if !ok || n != 3 || first != "2019-03" || last != "2024-07-01" {
		t.Fatalf("claim after three reports: ok=%v n=%d first=%s last=%s", ok, n, first, last)
	}
	// one claim node however many articles state it
	claims, _ := s.subjects(ctx, schema.ClaimSubject, schema.EntityIRI("kim"), schema.ClaimGraph)
	if len(claims) != 1 {
		t.Errorf("%d claims with kim as subject, want 1", len(claims))
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("r2")); err != nil {
		t.Fatal(err)
	}
	if n, first, last, _ = claimOf(t, s, "kim", "meets", "putin"); n != 2 || first != "2019-03" || last != "2024-06-12" {
		t.Errorf("after removing the latest report: n=%d first=%s last=%s, want 2 2019-03 2024-06-12", n, first, last)
	}
	srcs, _ := s.objects(ctx, schema.ClaimIRI(schema.EntityIRI("kim"), schema.Rel("meets"), schema.EntityIRI("putin")), schema.ClaimSource, schema.ClaimGraph)
	if len(srcs) != 1 || srcs[0] != schema.EntityIRI("kcna") {
		t.Errorf("claim sources %v, want kcna", srcs)
	}
	for _, id := range []string{"r0", "r1"} {
		if _, err := s.Retract(ctx, schema.ArticleIRI(id)); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, _, ok := claimOf(t, s, "kim", "meets", "putin"); ok {
		t.Error("the claim survived its last supporting article")
	}
	if left := dump(t, s); len(left) != 0 {
		t.Errorf("%d quads left after every article was removed, e.g. %s", len(left), left[0])
	}
}

func TestSameEventLinksReportsOfOneEvent(t *testing.T) {
	s := openTemp(t, "")
	load := func(a *Article) {
		t.Helper()
		if _, err := s.Load(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	load(report("a", "/tmp/a", "kim met putin in june", "2024-06-12", "kim", "putin", ""))
	load(report("b", "/tmp/b", "the two met this month", "2024-06", "kim", "putin", ""))
	load(report("c", "/tmp/c", "they met again", "2024-07-03", "kim", "putin", "")) // another month
	load(report("d", "/tmp/d", "kim met trump", "2024-06-12", "kim", "trump", ""))  // other participants
	links := func() []string {
		var out []string
		s.Each(ctx, func(q quad.Quad) error {
			if q.Predicate == schema.SameEvent {
				out = append(out, schema.LocalName(q.Subject.(quad.IRI))+">"+q.Object.String())
			}
			return nil
		})
		sort.Strings(out)
		return out
	}
	got := links()
	want := []string{
		"1>" + quad.IRI(schema.EventIRI("a", 1)).String(),
		"1>" + quad.IRI(schema.EventIRI("b", 1)).String(),
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sameEvent links %v, want a<->b only", got)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("b")); err != nil {
		t.Fatal(err)
	}
	if got := links(); len(got) != 0 {
		t.Errorf("links left after removing one of the two reports: %v", got)
	}
}

// Two texts whose derived ids are the same are two articles; an id given
// explicitly replaces a different text only when asked to.
func TestIDClashes(t *testing.T) {
	s := openTemp(t, "")
	first := report("2025-01-01-same-slug", "/tmp/one.txt", "one text", "", "kim", "putin", "")
	if _, err := s.Load(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := report("2025-01-01-same-slug", "/tmp/two.txt", "another text", "", "kim", "trump", "")
	ch, err := s.Load(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Renamed || ch.Article == first.IRI || len(ch.Replaced) != 0 {
		t.Fatalf("second text: %+v, want a new article under another id", ch)
	}
	arts, _ := s.Articles(ctx)
	if len(arts) != 2 {
		t.Fatalf("%d articles after two texts with one derived id, want 2", len(arts))
	}
	// reloading either is unchanged; an edit of the first replaces it
	for _, a := range []*Article{first, second} {
		again := *a
		if ch, err := s.Load(ctx, &again); err != nil || !ch.Unchanged() {
			t.Errorf("reload of %s: %+v %v", a.SourcePath, ch, err)
		}
	}
	edited := report("2025-01-01-same-slug", "/tmp/one.txt", "one text, edited", "", "kim", "putin", "")
	if ch, err := s.Load(ctx, edited); err != nil || ch.Article != first.IRI || len(ch.Replaced) != 1 {
		t.Errorf("edited first file: %+v %v, want it to replace its old version in place", ch, err)
	}

	// --id: a different text from another file is refused, naming the file
	mine := report("my-id", "/tmp/mine.txt", "mine", "", "kim", "putin", "")
	mine.ExplicitID = true
	if _, err := s.Load(ctx, mine); err != nil {
		t.Fatal(err)
	}
	theirs := report("my-id", "/tmp/theirs.txt", "theirs", "", "xi", "putin", "")
	theirs.ExplicitID = true
	_, err = s.Load(ctx, theirs)
	var clash *IDClashError
	if !errors.As(err, &clash) || !strings.Contains(err.Error(), "/tmp/mine.txt") || !strings.Contains(err.Error(), "--replace") {
		t.Fatalf("loading another text under an explicit id: %v", err)
	}
	theirs.Replace = true
	if ch, err := s.Load(ctx, theirs); err != nil || len(ch.Replaced) != 1 {
		t.Fatalf("with Replace: %+v %v", ch, err)
	}
	if n, _, _, ok := claimOf(t, s, "xi", "meets", "putin"); !ok || n != 1 {
		t.Error("the replacing text's claim is missing")
	}
}

// Loading articles in one batch stores exactly what loading them one by
// one does: the derived layer is the same whatever the batching.
func TestBatchEqualsOneByOne(t *testing.T) {
	var arts []*Article
	people := []string{"kim", "putin", "trump", "xi", "modi"}
	for i := 0; i < 12; i++ {
		id := fmt.Sprintf("b%02d", i)
		arts = append(arts, report(id, "/tmp/"+id, "text "+id, fmt.Sprintf("2024-%02d-0%d", 1+i%3, 1+i%2),
			people[i%5], people[(i+1)%5], []string{"", "kcna", "yonhap"}[i%3]))
	}
	one := openTemp(t, "")
	for _, a := range arts {
		c := *a
		if _, err := one.Load(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	batch := openTemp(t, "")
	var copies []*Article
	for _, a := range arts {
		c := *a
		copies = append(copies, &c)
	}
	res, err := batch.LoadBatch(ctx, copies)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("article %d: %v", i, r.Err)
		}
	}
	a, b := settled(t, one), settled(t, batch)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("one by one: %d quads, in a batch: %d", len(a), len(b))
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Errorf("first difference:\n  one by one %s\n  batch      %s", a[i], b[i])
				break
			}
		}
	}
}

// settled dumps a store as readers see it.
func settled(t *testing.T, s *Store) []string { return dump(t, s) }
