package graph

import (
	"reflect"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Issue 11 §4: the journal gives back the very values it was given. Read
// back through N-Quads, "303"^^xsd:integer became an integer while the
// store held a typed string, and the undo after a crash missed the quad.
func TestJournalRoundTripIsLossless(t *testing.T) {
	dir := t.TempDir()
	xsdInt := quad.IRI("http://www.w3.org/2001/XMLSchema#integer")
	values := []quad.Value{
		quad.TypedString{Value: "303", Type: xsdInt},
		quad.TypedString{Value: "2024-06", Type: "http://www.w3.org/2001/XMLSchema#gYearMonth"},
		quad.LangString{Value: "किम \"जोंग\"\nउन", Lang: "hi"},
		quad.String("plain\ttext with \\ and \u0000 in it"),
		quad.Int(42), quad.Float(2.5), quad.Bool(true),
		quad.Time(time.Date(2025, 8, 13, 11, 3, 0, 0, time.UTC)),
		quad.BNode("b1"), quad.IRI("https://kg.example.org/entity/Q1 with space"),
	}
	var adds, dels []cgraph.Delta
	for i, v := range values {
		q := quad.Quad{Subject: quad.IRI("s"), Predicate: schema.EvidenceAt, Object: v, Label: quad.IRI("l")}
		if i%2 == 0 {
			q.Label = nil
		}
		adds = append(adds, cgraph.Delta{Action: cgraph.Add, Quad: q})
		dels = append(dels, cgraph.Delta{Action: cgraph.Delete, Quad: q})
	}
	if err := writeJournal(dir, adds, dels); err != nil {
		t.Fatal(err)
	}
	gotA, gotD, ok, err := readJournal(dir)
	if err != nil || !ok {
		t.Fatalf("readJournal: %v %v", ok, err)
	}
	for i := range adds {
		if !reflect.DeepEqual(gotA[i], adds[i].Quad) || !reflect.DeepEqual(gotD[i], dels[i].Quad) {
			t.Errorf("value %d: wrote %#v, read back %#v", i, adds[i].Quad.Object, gotA[i].Object)
		}
	}
}

// A replace under a new id of an article whose events carry integer
// offsets, interrupted between its two batches, is undone whole: no quad
// of the new id stays behind.
func TestJournalRecoveryWithTypedIntegers(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	withOffsets := func(a *Article) *Article {
		ev := schema.EventIRI(strings.TrimPrefix(string(a.IRI), schema.ArticleNS), 1)
		a.Quads = append(a.Quads,
			quad.Quad{Subject: ev, Predicate: schema.EvidenceAt, Object: quad.TypedString{Value: "303", Type: "http://www.w3.org/2001/XMLSchema#integer"}},
			quad.Quad{Subject: ev, Predicate: schema.EvidenceEnd, Object: quad.TypedString{Value: "377", Type: "http://www.w3.org/2001/XMLSchema#integer"}})
		return a
	}
	if _, err := s.Load(ctx, withOffsets(article("long-title", "/tmp/z.txt", "kim", "putin", "trump", "xi"))); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	writeFirstHalf(t, s, dir, withOffsets(article("short", "/tmp/z.txt", "kim", "putin")))
	s.Close() // the crash between the batches
	s, err = Open(dir, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := dump(t, s)
	if strings.Join(got, "\n") != strings.Join(before, "\n") {
		var extra []string
		old := map[string]bool{}
		for _, l := range before {
			old[l] = true
		}
		for _, l := range got {
			if !old[l] {
				extra = append(extra, l)
			}
		}
		t.Errorf("after recovery %d quads, want %d; left over:\n%s", len(got), len(before), strings.Join(extra, "\n"))
	}
	if JournalPending(dir) {
		t.Error("the journal is still there")
	}
}

// writeFirstHalf plans the load of a into s as a batch that needs the
// journalled two-transaction write, writes the journal and the additions,
// and stops there: the state a crash between the two transactions leaves.
// It returns the removals the second transaction would have written.
func writeFirstHalf(t *testing.T, s *Store, dir string, a *Article) []cgraph.Delta {
	t.Helper()
	_, targets, _, err := s.identify(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	b := newBatch(s)
	if _, err := b.plan(ctx, targets, a); err != nil {
		t.Fatal(err)
	}
	if err := b.finish(ctx); err != nil {
		t.Fatal(err)
	}
	adds, dels := splitByAction(b.deltas())
	if !losesValues(append(append([]cgraph.Delta{}, adds...), dels...)) {
		t.Fatal("the test's batch does not need two phases")
	}
	if err := writeJournal(dir, adds, dels); err != nil {
		t.Fatal(err)
	}
	if err := s.qs.ApplyDeltas(adds, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		t.Fatal(err)
	}
	return dels
}
