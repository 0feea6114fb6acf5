package queries

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
)

// levenshtein is the textbook full-table distance, the reference the
// banded one is checked against.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestDistanceWithinMatchesLevenshtein(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("abcकिमप ")
	word := func() []rune {
		n := rng.Intn(12)
		w := make([]rune, n)
		for i := range w {
			w[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return w
	}
	for i := 0; i < 20000; i++ {
		a, b, k := word(), word(), rng.Intn(8)-1
		want := levenshtein(a, b)
		got := distanceWithin(a, b, k)
		switch {
		case k < 0:
			if got != 0 {
				t.Fatalf("k=%d: %d, want 0", k, got)
			}
		case want <= k && got != want, want > k && got != k+1:
			t.Fatalf("distanceWithin(%q, %q, %d) = %d; full distance %d", string(a), string(b), k, got, want)
		}
	}
}

func manyEntities(n int) []graph.Entity {
	ents := make([]graph.Entity, n)
	for i := range ents {
		ents[i] = graph.Entity{IRI: quad.IRI(fmt.Sprintf("https://kg.example.org/entity/e%d", i)),
			LabelEN: fmt.Sprintf("Person Number %d of the long list", i), LabelHI: "व्यक्ति"}
	}
	return ents
}

// A name longer than any entity's is refused before any work is done:
// a lookup with it can neither match nor be worth suggesting for.
func TestLongNameIsRefused(t *testing.T) {
	ents := manyEntities(10)
	long := strings.Repeat("a", 40000)
	_, err := Resolve(context.Background(), ents, long)
	var tl *NameTooLongError
	if !errors.As(err, &tl) || tl.Runes != 40000 || !strings.Contains(err.Error(), "at most 200") {
		t.Fatalf("Resolve(40,000 a): %v", err)
	}
	if s := Suggest(context.Background(), ents, long, 5); s != nil {
		t.Errorf("suggestions for a 40,000-character name: %v", s)
	}
	// just within the bound: an answer (no such entity), not a refusal
	_, err = Resolve(context.Background(), ents, strings.Repeat("क", MaxNameRunes))
	var ue *UnknownEntityError
	if !errors.As(err, &ue) {
		t.Errorf("a %d-character name: %v", MaxNameRunes, err)
	}
	c, _ := Get("timeline")
	_, err = c.Bind(context.Background(), Args{"entity": long}, func(string) ([]graph.Entity, error) {
		t.Error("the entities were read for a name that cannot be one")
		return ents, nil
	}, Page{})
	if !errors.As(err, &tl) {
		t.Errorf("Bind with a 40,000-character entity: %v", err)
	}
	_, err = RawPrelude(context.Background(), `g.V(E("`+long+`")).All()`, AllEntities(ents))
	if !errors.As(err, &tl) {
		t.Errorf("E() with a 40,000-character name: %v", err)
	}
}

// A lookup stops when its context ends: a request's deadline bounds it
// even on a store with very many names.
func TestLookupStopsWithItsContext(t *testing.T) {
	ents := manyEntities(5000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Resolve(ctx, ents, "Person Numbr 17"); !errors.Is(err, context.Canceled) {
		t.Errorf("Resolve with an ended context: %v", err)
	}
	if s := Suggest(ctx, ents, "Person Numbr 17", 5); len(s) != 0 {
		t.Errorf("Suggest with an ended context found %v", s)
	}
	// the same lookups with a live context do the work
	if s := Suggest(context.Background(), ents, "Persn Number 17 of the long list", 5); len(s) == 0 || s[0] != "Person Number 17 of the long list" {
		t.Errorf("Suggest: %v", s)
	}
}

func TestScriptNamesAreBounded(t *testing.T) {
	var b strings.Builder
	var ents []graph.Entity
	for i := 0; i <= maxScriptNames; i++ {
		name := fmt.Sprintf("name%d", i)
		ents = append(ents, graph.Entity{IRI: quad.IRI("https://kg.example.org/entity/" + name), LabelEN: name})
		fmt.Fprintf(&b, "E(%q);\n", name)
		if i == maxScriptNames-1 {
			if _, err := RawPrelude(context.Background(), b.String(), AllEntities(ents)); err != nil {
				t.Fatalf("%d names: %v", i+1, err)
			}
		}
	}
	_, err := RawPrelude(context.Background(), b.String(), AllEntities(ents))
	if err == nil || !strings.Contains(err.Error(), "more than 100") {
		t.Errorf("%d names: %v", maxScriptNames+1, err)
	}
}

func BenchmarkSuggestLongName(b *testing.B) {
	ents := manyEntities(20000)
	name := strings.Repeat("ab", MaxNameRunes/2)
	for i := 0; i < b.N; i++ {
		Suggest(context.Background(), ents, name, 5)
	}
}
