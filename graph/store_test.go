package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

var ctx = context.Background()

func openTemp(t *testing.T, backend string) *Store {
	t.Helper()
	s, err := Open(t.TempDir(), &Options{Backend: backend, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// article builds a small article that mentions the given entities, with one
// event linking the first two.
func article(id string, path string, ents ...string) *Article {
	a := &Article{IRI: schema.ArticleIRI(id), SourcePath: path}
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(a.IRI, schema.Type, schema.NewsArticle)
	add(a.IRI, schema.Headline, quad.LangString{Value: quad.String("headline " + id), Lang: "en"})
	for _, e := range ents {
		iri := schema.EntityIRI(e)
		add(a.IRI, schema.Mentions, iri)
		add(iri, schema.AssertedType, schema.Class("Person"))
		add(iri, schema.AssertedLabel, quad.LangString{Value: quad.String(e), Lang: "en"})
		add(iri, schema.AssertedAltLabel, quad.LangString{Value: quad.String(e + " in " + id), Lang: "en"})
	}
	if len(ents) >= 2 {
		ev := schema.EventIRI(id, 1)
		add(ev, schema.Type, schema.Event)
		add(ev, schema.Agent, schema.EntityIRI(ents[0]))
		add(ev, schema.Participant, schema.EntityIRI(ents[1]))
		add(schema.EntityIRI(ents[0]), schema.Rel("met"), schema.EntityIRI(ents[1]))
		pos := schema.PositionIRI(id, 1)
		add(pos, schema.Type, schema.Position)
		add(pos, schema.Holder, schema.EntityIRI(ents[0]))
	}
	return a
}

func dump(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	if err := s.Each(ctx, func(q quad.Quad) error { out = append(out, q.NQuad()); return nil }); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func count(t *testing.T, s *Store, pred func(quad.Quad) bool) int {
	n := 0
	s.Each(ctx, func(q quad.Quad) error {
		if pred(q) {
			n++
		}
		return nil
	})
	return n
}

func TestLoadReplaceRetract(t *testing.T) {
	for _, backend := range Backends {
		t.Run(backend, func(t *testing.T) {
			s := openTemp(t, backend)
			a := article("a", "/tmp/a.txt", "kim", "putin")
			if _, err := s.Load(ctx, a); err != nil {
				t.Fatal(err)
			}
			first := dump(t, s)
			ch, err := s.Load(ctx, article("a", "/tmp/a.txt", "kim", "putin"))
			if err != nil {
				t.Fatal(err)
			}
			if !ch.Unchanged() {
				t.Errorf("reload changed the store: %+v", ch)
			}
			if got := dump(t, s); len(got) != len(first) {
				t.Errorf("reload: %d quads, want %d", len(got), len(first))
			}

			// A second article shares kim: his type and label stay single.
			if _, err := s.Load(ctx, article("b", "/tmp/b.txt", "kim", "trump")); err != nil {
				t.Fatal(err)
			}
			kimTypes := count(t, s, func(q quad.Quad) bool {
				return q.Subject == schema.EntityIRI("kim") && q.Predicate == schema.Type
			})
			if kimTypes != 1 {
				t.Errorf("kim has %d rdf:type quads, want 1", kimTypes)
			}

			// Retracting a keeps kim (b mentions him), drops putin and a's alt label.
			if _, err := s.Retract(ctx, schema.ArticleIRI("a")); err != nil {
				t.Fatal(err)
			}
			if n := count(t, s, func(q quad.Quad) bool { return q.Label == schema.ArticleIRI("a") }); n != 0 {
				t.Errorf("%d quads still labelled with the retracted article", n)
			}
			if n := count(t, s, func(q quad.Quad) bool { return q.Subject == schema.EntityIRI("putin") }); n != 0 {
				t.Errorf("putin survived with %d quads though no article mentions him", n)
			}
			if n := count(t, s, func(q quad.Quad) bool {
				return q.Subject == schema.EntityIRI("kim") && q.Predicate == schema.Type && q.Label == schema.EntityGraph
			}); n != 1 {
				t.Errorf("kim lost his type though article b mentions him")
			}
			if n := count(t, s, func(q quad.Quad) bool {
				return q.Predicate == schema.AltLabel && q.Object.String() == `"kim in a"@en`
			}); n != 0 {
				t.Errorf("an alt label only article a asserted survived")
			}
		})
	}
}

func TestEditedFileReplacesOldArticle(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, article("old-title", "/tmp/x.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	ch, err := s.Load(ctx, article("new-title", "/tmp/x.txt", "kim", "trump"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Replaced) != 1 || ch.Replaced[0] != schema.ArticleIRI("old-title") {
		t.Errorf("replaced %v, want the old article", ch.Replaced)
	}
	if n := count(t, s, func(q quad.Quad) bool { return q.Label == schema.ArticleIRI("old-title") }); n != 0 {
		t.Errorf("%d quads of the old version remain", n)
	}
	got, err := s.FindArticle(ctx, "/tmp/x.txt")
	if err != nil || got != schema.ArticleIRI("new-title") {
		t.Errorf("FindArticle by path = %v, %v", got, err)
	}
}

func TestFailedLoadLeavesStoreUnchanged(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, article("a", "", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Load(cctx, article("a", "", "kim", "trump")); err == nil {
		t.Fatal("load with a cancelled context succeeded")
	}
	if after := dump(t, s); len(after) != len(before) {
		t.Errorf("failed load changed the store: %d -> %d quads", len(before), len(after))
	}
}

func TestSecondOpenFailsNamingOwner(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{Owner: Owner{Command: "kg serve"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetOwnerAddr("http://127.0.0.1:7070"); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, &Options{LockTimeout: 300 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second open: %v, want a LockedError", err)
	}
	if le.Owner.Addr != "http://127.0.0.1:7070" || le.Owner.Command != "kg serve" {
		t.Errorf("owner = %+v", le.Owner)
	}
}

func TestStats(t *testing.T) {
	s := openTemp(t, "")
	s.Load(ctx, article("a", "", "kim", "putin"))
	s.Load(ctx, article("b", "", "kim", "trump"))
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Entities != 3 || st.Events != 2 || st.ByType["Person"] != 3 || st.Positions != 2 {
		t.Errorf("stats = %+v", st)
	}
	arts, err := s.Articles(ctx)
	if err != nil || len(arts) != 2 {
		t.Errorf("articles = %v, %v", arts, err)
	}
}

func TestEntities(t *testing.T) {
	s := openTemp(t, "")
	s.Load(ctx, article("a", "", "kim", "putin"))
	s.Load(ctx, article("b", "", "kim", "trump"))
	es, err := s.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("got %d entities, want 3: %+v", len(es), es)
	}
	kim := es[0]
	if kim.IRI != schema.EntityIRI("kim") || kim.LabelEN != "kim" || len(kim.Types) != 1 || kim.Types[0] != "Person" {
		t.Errorf("kim = %+v", kim)
	}
	if len(kim.AltLabels) != 2 {
		t.Errorf("kim's alt labels = %v, want one per article", kim.AltLabels)
	}
}

func TestLeaseWithReaders(t *testing.T) {
	dir := t.TempDir()
	l, err := Acquire(dir, &Options{Owner: Owner{Command: "kg repl"}, LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	w, err := l.Open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Load(ctx, article("a", "", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	w.Close()

	r1, err := OpenReader(dir, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := OpenReader(dir, time.Second)
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	if n := len(dump(t, r2)); n == 0 {
		t.Error("reader sees no quads")
	}
	if _, err := r1.Load(ctx, article("b", "", "kim")); err == nil {
		t.Error("a reader could write")
	}
	// The leaseholder cannot write while readers hold the file...
	l.opts.LockTimeout = 200 * time.Millisecond
	if _, err := l.Open(); err == nil {
		t.Error("writer opened while readers held the store")
	}
	r1.Close()
	r2.Close()
	// ...and can once they are gone; a stranger cannot at all.
	w, err = l.Open()
	if err != nil {
		t.Fatalf("writer after readers closed: %v", err)
	}
	w.Close()
	if _, err := Open(dir, &Options{LockTimeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("stranger opened a leased store: %v", err)
	}
}

func TestRetractAfterReplaceUnderNewID(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, article("first", "/tmp/y.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, article("second", "/tmp/y.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("second")); err != nil {
		t.Fatal(err)
	}
	if n := len(dump(t, s)); n != 0 {
		t.Errorf("%d quads left after removing the only article", n)
	}
}

// brokenQuads counts quads that lost a value (Cayley's kv store drops the
// values of added quads when the same batch removes more of their uses).
func brokenQuads(t *testing.T, s *Store) int {
	n := 0
	s.Each(ctx, func(q quad.Quad) error {
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			n++
		}
		return nil
	})
	return n
}

func TestReplaceUnderNewIDKeepsEveryValue(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, article("long-title", "/tmp/z.txt", "kim", "putin", "trump", "xi")); err != nil {
		t.Fatal(err)
	}
	// the edited file: a new title (id), fewer entities, so the batch
	// removes more uses of kg's predicates than it adds
	if _, err := s.Load(ctx, article("short", "/tmp/z.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	if n := brokenQuads(t, s); n != 0 {
		t.Fatalf("%d quads lost a value", n)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), journalName)); !os.IsNotExist(err) {
		t.Errorf("journal left behind: %v", err)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("short")); err != nil {
		t.Fatal(err)
	}
	if n := len(dump(t, s)); n != 0 {
		t.Errorf("%d quads left", n)
	}
}

// A process that dies between the two batches of a replace leaves a
// journal; opening the store undoes the first batch (or, if the second
// ran, just drops the journal).
func TestJournalRecovery(t *testing.T) {
	for _, secondRan := range []bool{false, true} {
		dir := t.TempDir()
		s, err := Open(dir, &Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(ctx, article("long-title", "/tmp/z.txt", "kim", "putin", "trump", "xi")); err != nil {
			t.Fatal(err)
		}
		before := dump(t, s)
		// the deltas of the replace, applied by hand up to the crash
		dels := writeFirstHalf(t, s, dir, article("short", "/tmp/z.txt", "kim", "putin"))
		if secondRan {
			if err := s.qs.ApplyDeltas(dels, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
				t.Fatal(err)
			}
		}
		after := dump(t, s)
		s.Close() // the "crash": the journal stays

		s, err = Open(dir, &Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := dump(t, s)
		want := before
		if secondRan {
			want = after
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("secondRan=%v: %d quads after recovery, want %d", secondRan, len(got), len(want))
		}
		if _, err := os.Stat(filepath.Join(dir, journalName)); !os.IsNotExist(err) {
			t.Errorf("secondRan=%v: journal not removed", secondRan)
		}
		s.Close()
	}
}

// A write whose removals fail after its additions went in (inside the one
// bolt transaction of Store.applyShared) leaves the store as it was: no
// addition stays, no journal; the Store then refuses writes until it is
// opened again, and after that the same write succeeds whole.
func TestFailedWriteLeavesNoAdditions(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, article("long-title", "/tmp/z.txt", "kim", "putin", "trump", "xi")); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	if s.kv == nil {
		t.Fatal("a writable bolt store has no boltKV")
	}
	boom := errors.New("disk full (injected)")
	// fail the first Put after the additions' ApplyDeltas committed into
	// the shared transaction: the replace below removes quads too
	s.kv.failPut = func(commits int) error {
		if commits >= 1 {
			return boom
		}
		return nil
	}
	if _, err := s.Load(ctx, article("short", "/tmp/z.txt", "kim", "putin")); !errors.Is(err, boom) {
		t.Fatalf("load with failing removals: got %v, want the injected error", err)
	}
	s.kv.failPut = nil
	if got := dump(t, s); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Errorf("after the failed write the store has %d quads, before it %d", len(got), len(before))
	}
	if _, err := os.Stat(filepath.Join(dir, journalName)); !os.IsNotExist(err) {
		t.Errorf("journal left behind: %v", err)
	}
	if _, err := s.Load(ctx, article("other", "/tmp/o.txt", "kim")); err == nil || !strings.Contains(err.Error(), "open the store again") {
		t.Errorf("a write after a failed one: got %v, want a refusal", err)
	}
	s.Close()

	s, err = Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, article("short", "/tmp/z.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	clean := openTemp(t, "")
	if _, err := clean.Load(ctx, article("short", "/tmp/z.txt", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	if got, want := dump(t, s), dump(t, clean); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the write after reopening: %d quads, a clean store's %d", len(got), len(want))
	}
	if n := brokenQuads(t, s); n != 0 {
		t.Errorf("%d quads lost a value", n)
	}
}
