package graph

import (
	"encoding/json"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// coded is article() with more for the counts to tell apart: a class per
// entity (the first a Country as well), CAMEO and PLOVER codes and a
// generic event, and an event class beside kg:Event.
func coded(id, path, cameo, plover string, ents ...string) *Article {
	a := article(id, path, ents...)
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	if len(ents) > 0 {
		add(schema.EntityIRI(ents[0]), schema.AssertedType, schema.Class("Country"))
	}
	ev := schema.EventIRI(id, 1)
	add(ev, schema.Type, schema.Class("Meeting"))
	if cameo != "" {
		add(ev, schema.CAMEO, quad.String(cameo))
	}
	if plover != "" {
		add(ev, schema.PLOVER, quad.String(plover))
	}
	gen := schema.EventIRI(id, 2)
	add(gen, schema.Type, schema.Event)
	add(gen, schema.Generic, quad.Bool(true))
	add(gen, schema.Agent, schema.EntityIRI(ents[0]))
	return a
}

// The counts a store keeps for kg stats equal what a walk of every quad
// counts, after loads, batches, replacements and removals, down to an
// empty store and up again.
func TestCountsEqualAWalk(t *testing.T) {
	for _, backend := range []string{""} {
		s := openTemp(t, backend)
		if keeps, err := s.KeepsCounts(ctx); err != nil || !keeps {
			t.Errorf("KeepsCounts of an empty store: %v, %v", keeps, err)
		}
		counted := 0
		check := func(step string) {
			t.Helper()
			walked, err := s.walkStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			kept, ok, err := s.counted(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				// only an empty store may have none: it starts them again
				if n, err := s.quadCount(ctx); err != nil || n != 0 || walked.Quads != 0 {
					t.Fatalf("%s: the store keeps no counts (%d quads, %v)", step, n, err)
				}
				return
			}
			counted++
			w, _ := json.Marshal(walked)
			k, _ := json.Marshal(kept)
			if string(w) != string(k) {
				t.Errorf("%s:\nkept   %s\nwalked %s", step, k, w)
			}
		}
		steps := []struct {
			name string
			do   func() error
		}{
			{"load a", func() error {
				_, err := s.Load(ctx, coded("a", "/a.txt", "042", "CONSULT", "kim", "putin"))
				return err
			}},
			{"load b", func() error {
				_, err := s.Load(ctx, coded("b", "/b.txt", "141", "PROTEST", "kim", "trump"))
				return err
			}},
			{"batch c d e", func() error {
				_, err := s.LoadBatch(ctx, []*Article{coded("c", "/c.txt", "042", "", "trump", "xi"), coded("d", "/d.txt", "", "CONSULT", "xi", "modi", "kim"), article("e", "/e.txt", "modi")})
				return err
			}},
			{"replace b", func() error { _, err := s.Load(ctx, coded("b", "/b.txt", "190", "FIGHT", "trump", "modi")); return err }},
			{"remove a", func() error { _, err := s.Retract(ctx, schema.ArticleIRI("a")); return err }},
			{"remove c", func() error { _, err := s.Retract(ctx, schema.ArticleIRI("c")); return err }},
			{"remove b d e", func() error {
				for _, id := range []string{"b", "d", "e"} {
					if _, err := s.Retract(ctx, schema.ArticleIRI(id)); err != nil {
						return err
					}
				}
				return nil
			}},
			{"load f", func() error { _, err := s.Load(ctx, coded("f", "/f.txt", "042", "CONSULT", "putin", "xi")); return err }},
		}
		for _, st := range steps {
			if err := st.do(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			check(st.name)
		}
		if counted != len(steps)-1 {
			t.Errorf("counts kept after %d of %d steps, want all but the one that empties the store", counted, len(steps))
		}
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Articles != 1 || got.Entities != 2 || got.EventsByCAMEO["04"] != 1 || got.Generic != 1 || got.Events != 2 || got.EventsBy["Meeting"] != 1 {
			t.Errorf("after the last load: %+v", got)
		}
	}
}

// A store that keeps no counts (an older kg's) is counted by a walk, and
// gets them from kg reindex; later writes keep them.
func TestReindexAddsCounts(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadBatch(ctx, []*Article{coded("a", "/a.txt", "042", "CONSULT", "kim", "putin"), coded("b", "/b.txt", "141", "", "kim", "trump")}); err != nil {
		t.Fatal(err)
	}
	// as an older kg left it: totals without counts
	cur, versions, err := s.readTotals(ctx)
	if err != nil || len(versions) != 1 || cur.Counts == nil {
		t.Fatalf("totals %+v (%d versions), %v", cur, len(versions), err)
	}
	old := storeTotals{Articles: cur.Articles, Events: cur.Events}
	bs, _ := json.Marshal(old)
	tq := func(v quad.Value) quad.Quad {
		return quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: v, Label: schema.IndexGraph}
	}
	if err := s.qs.ApplyDeltas([]cgraph.Delta{{Action: cgraph.Delete, Quad: tq(versions[0])}, {Action: cgraph.Add, Quad: tq(quad.String(bs))}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.counted(ctx); err != nil || ok {
		t.Fatalf("counted after the counts were taken away: %v, %v", ok, err)
	}
	if keeps, err := s.KeepsCounts(ctx); err != nil || keeps {
		t.Errorf("KeepsCounts of a store without them: %v, %v", keeps, err)
	}
	walked, err := s.Stats(ctx)
	if err != nil || walked.Articles != 2 {
		t.Fatalf("stats by a walk: %+v, %v", walked, err)
	}
	// a write to such a store does not start counts it cannot know
	if _, err := s.Load(ctx, coded("c", "/c.txt", "", "", "xi", "kim")); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.counted(ctx); ok {
		t.Fatal("a write started counts in a store that had none")
	}
	s = reindexed(t, s, dir)
	defer s.Close()
	same := func(step string) {
		t.Helper()
		kept, ok, err := s.counted(ctx)
		if err != nil || !ok {
			t.Fatalf("%s: no counts (%v)", step, err)
		}
		walked, err := s.walkStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		k, _ := json.Marshal(kept)
		w, _ := json.Marshal(walked)
		if string(k) != string(w) {
			t.Errorf("%s:\nkept   %s\nwalked %s", step, k, w)
		}
	}
	same("after reindex")
	if keeps, err := s.KeepsCounts(ctx); err != nil || !keeps {
		t.Errorf("KeepsCounts after reindex: %v, %v", keeps, err)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("a")); err != nil {
		t.Fatal(err)
	}
	same("after a removal")
}

// The events of every two entities (schema.PairEvents) are kept by each
// write; a store without them (an older kg's, here one with them taken
// away) gets them from kg reindex, which then leaves it as a load of the
// same articles into an empty store does.
func TestReindexAddsPairEvents(t *testing.T) {
	arts := func() []*Article {
		return []*Article{
			report("p1", "/p1.txt", "one", "2024-03-02", "kim", "putin", "kcna"),
			report("p2", "/p2.txt", "two", "2023-11", "putin", "kim", ""),
			report("p3", "/p3.txt", "three", "", "kim", "trump", "kcna"),
			coded("p4", "/p4.txt", "042", "CONSULT", "kim", "putin", "xi"),
		}
	}
	fresh := openTemp(t, "")
	if _, err := fresh.LoadBatch(ctx, arts()); err != nil {
		t.Fatal(err)
	}
	want := dump(t, fresh)
	pairs := 0
	for _, l := range want {
		if strings.Contains(l, "/pair/") && strings.Contains(l, "/events") {
			pairs++
		}
	}
	if pairs == 0 {
		t.Fatal("a load wrote no pair event buckets")
	}
	dir := t.TempDir()
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadBatch(ctx, arts()); err != nil {
		t.Fatal(err)
	}
	// as an older kg left it: no pair buckets, totals without the flag
	var gone []cgraph.Delta
	err = s.Each(ctx, func(q quad.Quad) error {
		if n := string(q.Subject.(quad.IRI)); strings.Contains(n, "/pair/") && strings.Contains(n, "/events") {
			gone = append(gone, cgraph.Delta{Action: cgraph.Delete, Quad: q})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cur, versions, err := s.readTotals(ctx)
	if err != nil || !cur.Pairs || len(versions) != 1 {
		t.Fatalf("totals %+v, %v", cur, err)
	}
	cur.Pairs = false
	bs, _ := json.Marshal(cur)
	tq := func(v quad.Value) quad.Quad {
		return quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: v, Label: schema.IndexGraph}
	}
	// two transactions: Cayley's kv store drops a value from the quads a
	// transaction adds when it removes more uses of it (see Store.apply)
	for _, tx := range [][]cgraph.Delta{gone, {{Action: cgraph.Delete, Quad: tq(versions[0])}, {Action: cgraph.Add, Quad: tq(quad.String(bs))}}} {
		if err := s.qs.ApplyDeltas(tx, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
	}
	s = reindexed(t, s, dir)
	defer s.Close()
	got := dump(t, s)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after reindex the store differs from a fresh load:\n%s", diffLines(want, got))
	}
}

// diffLines lists the lines only one of two sorted lists has.
func diffLines(want, got []string) string {
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range l {
			m[x] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var out []string
	for _, x := range want {
		if !g[x] {
			out = append(out, "- "+x)
		}
	}
	for _, x := range got {
		if !w[x] {
			out = append(out, "+ "+x)
		}
	}
	return strings.Join(out, "\n")
}

// reindexed closes s, runs kg reindex on its directory and opens it again.
func reindexed(t *testing.T, s *Store, dir string) *Store {
	t.Helper()
	s.Close()
	if _, err := Reindex(ctx, dir, &Options{NoSync: true}, nil); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
