package graph

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// Issue 11 §5: the graphs of one N-Quads file are one transaction. A file
// whose second graph cannot be written leaves the store as it was, and
// says so; one whose graphs are all fine writes them all.
func TestLoadAllIsOneTransaction(t *testing.T) {
	s := openTemp(t, "")
	if _, err := s.Load(ctx, article("seed", "", "kim", "putin")); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	for name, arts := range map[string][]*Article{
		"second without an IRI": {article("first", "", "kim", "trump"), {Quads: []quad.Quad{{Subject: quad.IRI("x"), Predicate: quad.IRI("p"), Object: quad.String("o")}}}},
		"two with one IRI":      {article("twice", "", "kim"), article("twice", "", "xi")},
		"two from one path":     {article("p1", "/tmp/one.nq", "kim"), article("p2", "/tmp/one.nq", "xi")},
	} {
		_, err := s.LoadAll(ctx, arts)
		if err == nil || !strings.Contains(err.Error(), "none of") {
			t.Errorf("%s: %v", name, err)
		}
		if got := dump(t, s); strings.Join(got, "\n") != strings.Join(before, "\n") {
			t.Errorf("%s: the store changed: %d quads, %d before", name, len(got), len(before))
		}
	}
	chs, err := s.LoadAll(ctx, []*Article{article("a", "", "kim", "trump"), article("b", "", "xi", "putin")})
	if err != nil || len(chs) != 2 || chs[0].Added == 0 || chs[1].Added == 0 {
		t.Fatalf("two good graphs: %+v %v", chs, err)
	}
	for _, id := range []string{"a", "b"} {
		if _, err := s.FindArticle(ctx, id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}
