package graph

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// claimIndex reads what the store holds of the claim index: for every
// rank bucket member "NODE STATS", for every pair member "NODE CLAIM", and
// what the claims' stats say they should be.
func claimIndex(t *testing.T, s *Store) (have, want []string) {
	t.Helper()
	err := s.Each(ctx, func(q quad.Quad) error {
		sub := string(q.Subject.(quad.IRI))
		switch {
		case q.Predicate == schema.ClaimStats:
			var cs claimStats
			if err := json.Unmarshal([]byte(schema.Text(q.Object)), &cs); err != nil {
				t.Errorf("claim stats %s: %v", q.Object, err)
				return nil
			}
			for _, m := range claimRanks(quad.IRI(cs.Subject), quad.IRI(cs.Object), q.Object) {
				want = append(want, string(m.Subject.(quad.IRI))+" "+schema.Text(m.Object))
			}
			if p, ok := claimPair(q.Subject.(quad.IRI), quad.IRI(cs.Subject), quad.IRI(cs.Object)); ok {
				want = append(want, string(p.Subject.(quad.IRI))+" "+schema.Text(p.Object))
			}
		case q.Predicate == schema.IndexMember && (strings.Contains(sub, "/claims/") || strings.Contains(sub, "/pair/") && !strings.Contains(sub, "/events/")) &&
			strings.HasPrefix(sub, schema.IndexNS+"entity/"):
			// (a pair's event buckets, PAIR/events/MONTH, list events)
			if q.Label != schema.IndexGraph {
				t.Errorf("claim index member in graph %v: %s", q.Label, q.NQuad())
			}
			have = append(have, sub+" "+schema.Text(q.Object))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(have)
	sort.Strings(want)
	return have, want
}

// checkClaimIndex: the index is exactly what the claims' stats make it.
func checkClaimIndex(t *testing.T, s *Store, when string) {
	t.Helper()
	have, want := claimIndex(t, s)
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: claim index\n  %s\nwant\n  %s", when, strings.Join(have, "\n  "), strings.Join(want, "\n  "))
	}
}

// rankOf is the bucket of an entity's rank index that holds the claim
// (0: none).
func rankOf(t *testing.T, s *Store, e, subj, rel, obj string) int {
	t.Helper()
	c := string(schema.ClaimIRI(schema.EntityIRI(subj), schema.Rel(rel), schema.EntityIRI(obj)))
	found := 0
	for k := 1; k <= 20; k++ {
		node, _ := schema.ClaimRank(schema.EntityIRI(e), k)
		vs, err := s.objects(ctx, node, schema.IndexMember, schema.IndexGraph)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			var cs claimStats
			if json.Unmarshal([]byte(schema.Text(v)), &cs) == nil && cs.Claim == c {
				if found != 0 {
					t.Errorf("claim %s %s %s in buckets %d and %d of %s", subj, rel, obj, found, k, e)
				}
				found = k
			}
		}
	}
	return found
}

// A claim sits in the rank bucket of its article count on both of its
// entities, moves as articles come and go, and leaves with its last one;
// its pair node lists it while it exists.
func TestClaimRanksFollowLoadsAndRemovals(t *testing.T) {
	s := openTemp(t, "")
	load := func(i int, agent, other string) {
		t.Helper()
		id := fmt.Sprintf("k%d", i)
		if _, err := s.Load(ctx, report(id, "/tmp/"+id, "text "+id, fmt.Sprintf("2024-01-%02d", 1+i), agent, other, "")); err != nil {
			t.Fatal(err)
		}
	}
	// articles 1, 2..3, 4..7: buckets 1, 2, 3
	wantK := map[int]int{1: 1, 2: 2, 3: 2, 4: 3, 5: 3}
	for i := 1; i <= 5; i++ {
		load(i, "kim", "putin")
		for _, e := range []string{"kim", "putin"} {
			if k := rankOf(t, s, e, "kim", "meets", "putin"); k != wantK[i] {
				t.Errorf("after %d articles: the claim is in bucket %d of %s, want %d", i, k, e, wantK[i])
			}
		}
		checkClaimIndex(t, s, fmt.Sprintf("after %d articles", i))
	}
	load(6, "kim", "xi")
	pair, _ := schema.ClaimPair(schema.EntityIRI("putin"), schema.EntityIRI("kim"))
	if other, _ := schema.ClaimPair(schema.EntityIRI("kim"), schema.EntityIRI("putin")); other != pair {
		t.Errorf("the pair node depends on the order: %s, %s", pair, other)
	}
	if vs, _ := s.objects(ctx, pair, schema.IndexMember, schema.IndexGraph); len(vs) != 1 ||
		schema.Text(vs[0]) != string(schema.ClaimIRI(schema.EntityIRI("kim"), schema.Rel("meets"), schema.EntityIRI("putin"))) {
		t.Errorf("pair node of kim and putin lists %v, want the one claim", vs)
	}
	// removals go back down a bucket, exactly
	for _, i := range []int{5, 4} {
		if _, err := s.Retract(ctx, schema.ArticleIRI(fmt.Sprintf("k%d", i))); err != nil {
			t.Fatal(err)
		}
		checkClaimIndex(t, s, fmt.Sprintf("after removing k%d", i))
	}
	if k := rankOf(t, s, "putin", "kim", "meets", "putin"); k != 2 {
		t.Errorf("after removing two of five articles: bucket %d, want 2", k)
	}
	for _, i := range []int{1, 2, 3} {
		if _, err := s.Retract(ctx, schema.ArticleIRI(fmt.Sprintf("k%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	checkClaimIndex(t, s, "after the last article of the claim")
	if k := rankOf(t, s, "kim", "kim", "meets", "putin"); k != 0 {
		t.Errorf("the claim's last article went, its rank member is in bucket %d", k)
	}
	if vs, _ := s.objects(ctx, pair, schema.IndexMember, schema.IndexGraph); len(vs) != 0 {
		t.Errorf("the pair node still lists %v", vs)
	}
	if k := rankOf(t, s, "xi", "kim", "meets", "xi"); k != 1 {
		t.Errorf("the other claim is in bucket %d of xi, want 1", k)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("k6")); err != nil {
		t.Fatal(err)
	}
	if left := dump(t, s); len(left) != 0 {
		t.Errorf("%d quads left after every article was removed, e.g. %s", len(left), left[0])
	}
}

// A batch that states claims many times over keeps the index as loading
// the articles one by one does (TestBatchEqualsOneByOne compares the
// whole stores).
func TestClaimRanksInABatch(t *testing.T) {
	var arts []*Article
	people := []string{"kim", "putin", "trump"}
	for i := 0; i < 9; i++ {
		id := fmt.Sprintf("c%02d", i)
		arts = append(arts, report(id, "/tmp/"+id, "text "+id, "2024-02-01", people[i%3], people[(i+1)%3], ""))
	}
	s := openTemp(t, "")
	if _, err := s.LoadBatch(ctx, arts[:5]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadBatch(ctx, arts[5:]); err != nil {
		t.Fatal(err)
	}
	checkClaimIndex(t, s, "after two batches")
	if k := rankOf(t, s, "putin", "kim", "meets", "putin"); k != 2 {
		t.Errorf("a claim of 3 articles in bucket %d, want 2", k)
	}
}

// A store of format 3 (no claim index, no entity date buckets) is refused
// with the way out, and kg reindex makes it the store a load of today
// writes.
func TestReindexUpgradesAnOldStore(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	people := []string{"kim", "putin", "trump", "xi"}
	for i := 0; i < 7; i++ {
		id := fmt.Sprintf("o%d", i)
		if _, err := s.Load(ctx, report(id, "/tmp/"+id, "text "+id, "2023-05-05", people[i%4], people[(i+1)%4], "kcna")); err != nil {
			t.Fatal(err)
		}
	}
	want := dump(t, s)
	// what a kg of format 3 wrote: the same without the index
	var old []cgraph.Delta
	have, _ := claimIndex(t, s)
	if len(have) == 0 {
		t.Fatal("no claim index to take away")
	}
	events := 0
	s.Each(ctx, func(q quad.Quad) error {
		sub := string(q.Subject.(quad.IRI))
		if !strings.HasPrefix(sub, schema.IndexNS+"entity/") {
			return nil
		}
		month := schema.Text(q.Object)
		switch {
		case q.Predicate == schema.IndexMember && (strings.Contains(sub, "/claims/") || strings.Contains(sub, "/pair/")):
		case q.Predicate == schema.IndexMember && (strings.Contains(sub, "/events/") || strings.Contains(sub, "/reported/")):
			events++
		case q.Predicate == schema.IndexMonth && (strings.HasPrefix(month, "events/") || strings.HasPrefix(month, "reported/")):
		default:
			return nil
		}
		old = append(old, cgraph.Delta{Action: cgraph.Delete, Quad: q})
		return nil
	})
	if events == 0 {
		t.Fatal("no entity date buckets to take away")
	}
	if err := s.qs.ApplyDeltas(old, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	m, err := readMeta(dir)
	if err != nil {
		t.Fatal(err)
	}
	m.Format = 3
	if err := writeMeta(dir, m); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func() error{
		"Open": func() error {
			s, err := Open(dir, nil)
			if err == nil {
				s.Close()
			}
			return err
		},
		"OpenReader": func() error {
			s, err := OpenReader(dir, 0)
			if err == nil {
				s.Close()
			}
			return err
		},
	} {
		if err := open(); err == nil || !strings.Contains(err.Error(), "reindex") {
			t.Errorf("%s of a format 3 store: %v, want an error that says to reindex", name, err)
		}
	}
	var calls []string
	n, err := Reindex(ctx, dir, &Options{NoSync: true}, func(what string, done, total int) {
		if what == "claims" {
			calls = append(calls, fmt.Sprint(done, "/", total))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 || len(calls) < 2 || calls[len(calls)-1] != fmt.Sprint(n, "/", n) {
		t.Errorf("reindex: %d claims, progress %v", n, calls)
	}
	s, err = Open(dir, nil)
	if err != nil {
		t.Fatalf("after reindex: %v", err)
	}
	if got := dump(t, s); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after reindex the store has %d quads, a load of today writes %d", len(got), len(want))
	}
	// again: nothing to add
	s.Close()
	if _, err := Reindex(ctx, dir, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Reindex(ctx, filepath.Join(dir, "none"), nil, nil); err == nil || !os.IsNotExist(err) && !strings.Contains(err.Error(), "no kg store") {
		t.Errorf("reindex of no store: %v", err)
	}
}

// Every lookup with a fixed object and predicate (the article with a
// content hash, the articles that mention an entity) scans the index's
// prefix: Cayley's optimizer gave up on such a filter and intersected a
// scan of every quad of the predicate with the object's index, which read
// the whole store whenever the predicate's side drove the intersection.
func TestLookupsScanAnIndexPrefix(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, report("l1", "/tmp/l1", "text l1", "2024-01-01", "kim", "putin", "")); err != nil {
		t.Fatal(err)
	}
	ref := func(v quad.Value) cgraph.Ref {
		r, err := s.qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("no value %v: %v", v, err)
		}
		return r
	}
	a, p, o := ref(schema.ArticleIRI("l1")), ref(schema.Mentions), ref(schema.EntityIRI("kim"))
	for name, f := range map[string]map[quad.Direction]cgraph.Ref{
		"object and predicate":             {quad.Object: o, quad.Predicate: p},
		"subject and predicate":            {quad.Subject: a, quad.Predicate: p},
		"subject, predicate and object":    {quad.Subject: a, quad.Predicate: p, quad.Object: o},
		"object alone":                     {quad.Object: o},
		"subject and object (one checked)": {quad.Subject: a, quad.Object: o},
	} {
		for i := 0; i < 8; i++ { // map order varies
			sh, check := s.scanIterator(ctx, f)
			if _, ok := sh.(*kv.QuadIterator); !ok {
				t.Fatalf("%s: %T (%v), want a scan of one index", name, sh, sh)
			}
			if len(check)+len(f) > 3 || (len(f) == 2 && name != "subject and object (one checked)" && len(check) != 0) {
				t.Errorf("%s: %d directions checked quad by quad", name, len(check))
			}
		}
		m := match{s: valueOf(f, quad.Subject, schema.ArticleIRI("l1")), p: valueOf(f, quad.Predicate, schema.Mentions), o: valueOf(f, quad.Object, schema.EntityIRI("kim"))}
		var got, want []string
		if err := s.eachQuad(ctx, m, func(q quad.Quad) error { got = append(got, q.NQuad()); return nil }); err != nil {
			t.Fatal(err)
		}
		s.Each(ctx, func(q quad.Quad) error {
			if (m.s == nil || q.Subject == m.s) && (m.p == nil || q.Predicate == m.p) && (m.o == nil || q.Object == m.o) {
				want = append(want, q.NQuad())
			}
			return nil
		})
		sort.Strings(got)
		sort.Strings(want)
		if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the lookup found\n%s\na scan of the store\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func valueOf(f map[quad.Direction]cgraph.Ref, d quad.Direction, v quad.Value) quad.Value {
	if _, ok := f[d]; ok {
		return v
	}
	return nil
}

// An entity's totals follow removals: counted down when the article that
// went had neither the first nor the last date, counted again when it
// had one of them.
func TestEntityTotalsFollowRemovals(t *testing.T) {
	s := openTemp(t, "")
	dates := []string{"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"}
	for i, d := range dates {
		id := fmt.Sprintf("t%d", i)
		a := report(id, "/tmp/"+id, "text "+id, d, "kim", fmt.Sprintf("p%d", i), "")
		for j, q := range a.Quads {
			if q.Predicate == schema.DatePublished {
				a.Quads[j].Object = quad.TypedString{Value: quad.String(d), Type: schema.XSDDate}
			}
		}
		if _, err := s.Load(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	totals := func() entityStats {
		idx, _ := schema.IndexOf(schema.EntityIRI("kim"))
		vs, err := s.objects(ctx, idx, schema.EntityStats, schema.IndexGraph)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != 1 {
			t.Errorf("%d versions of kim's totals", len(vs))
		}
		return readEntityStats(vs)
	}
	for _, step := range []struct {
		rm          string
		n           int
		first, last string
	}{
		{"t1", 3, "2024-01-01", "2024-04-01"}, // neither first nor last
		{"t0", 2, "2024-03-01", "2024-04-01"}, // the first
		{"t3", 1, "2024-03-01", "2024-03-01"}, // the last
	} {
		if _, err := s.Retract(ctx, schema.ArticleIRI(step.rm)); err != nil {
			t.Fatal(err)
		}
		if st := totals(); st.Articles != step.n || st.First != step.first || st.Last != step.last {
			t.Errorf("after removing %s: %d articles, %s to %s; want %d, %s to %s", step.rm, st.Articles, st.First, st.Last, step.n, step.first, step.last)
		}
	}
}
