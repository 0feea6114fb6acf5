package graph

import (
	"fmt"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// A lookup by predicate and object (kg load's unchanged-file check: which
// articles have this content hash) leads with the object's index, never
// with the predicate, which has none: its iterator reads every quad of
// the store. The filter is a map, so the test builds the scan many times.
func TestLookupLeadsWithAnIndexedDirection(t *testing.T) {
	s := openTemp(t, "bolt")
	for i := 0; i < 3; i++ {
		if _, err := s.Load(ctx, article(fmt.Sprint("a", i), fmt.Sprintf("/tmp/a%d.txt", i), "Kim", "Putin")); err != nil {
			t.Fatal(err)
		}
	}
	ref := func(v quad.Value) cgraph.Ref {
		r, err := s.qs.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("value %v not in the store: %v", v, err)
		}
		return r
	}
	filter := map[quad.Direction]cgraph.Ref{quad.Predicate: ref(schema.Type), quad.Object: ref(schema.NewsArticle)}
	for i := 0; i < 64; i++ {
		lead, _ := s.scanIterator(ctx, filter)
		if and, ok := lead.(*iterator.And); ok {
			lead = and.SubIterators()[0]
		}
		if lead.String() == "KVAll" {
			t.Fatalf("try %d: the (predicate, object) lookup leads with a scan of every quad", i)
		}
	}
	got, err := s.subjects(ctx, schema.Type, schema.NewsArticle, nil)
	if err != nil || len(got) != 3 {
		t.Errorf("articles: %v, %v; want 3", got, err)
	}
}
