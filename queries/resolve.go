package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// UnknownEntityError says that no entity has the name, and which names in
// the store come closest.
type UnknownEntityError struct {
	Name        string
	Suggestions []string // labels of the closest entities, best first
}

func (e *UnknownEntityError) Error() string {
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("no entity is called %q in the store (`kg query entities` lists them)", e.Name)
	}
	return fmt.Sprintf("no entity is called %q; did you mean %s?", e.Name, quoteList(e.Suggestions))
}

// AmbiguousEntityError says that a name fits several entities equally well.
type AmbiguousEntityError struct {
	Name       string
	Candidates []graph.Entity
}

func (e *AmbiguousEntityError) Error() string {
	var names []string
	for _, c := range e.Candidates {
		names = append(names, fmt.Sprintf("%s (%s)", c.Label(), schema.LocalName(c.IRI)))
	}
	return fmt.Sprintf("%q could be %s; give the full name or the id", e.Name, strings.Join(names, ", "))
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// Normalize folds a name for matching: Unicode NFC, lower case, hyphens,
// underscores, dots and runs of spaces made one space, so that "Kim
// Jong-un", "kim jong un" and "KIM_JONG_UN" compare equal. It is the key
// of the store's name index (graph.NameKey).
func Normalize(s string) string { return graph.NameKey(s) }

// MaxNameRunes bounds a name to look up. Entity names are a few words;
// the bound keeps the work of a lookup (and of its suggestions, an edit
// distance against every name in the store) small whatever a client sends.
const MaxNameRunes = 200

// NameTooLongError refuses a name over MaxNameRunes.
type NameTooLongError struct{ Runes int }

func (e *NameTooLongError) Error() string {
	return fmt.Sprintf("a name is at most %d characters; this one has %d", MaxNameRunes, e.Runes)
}

// CheckName refuses a name no entity can have: one over MaxNameRunes.
func CheckName(name string) error {
	if n := utf8.RuneCountInString(name); n > MaxNameRunes {
		return &NameTooLongError{Runes: n}
	}
	return nil
}

// checkEvery is how many entities a lookup goes through between looks at
// its context's deadline.
const checkEvery = 256

// Resolve finds the entity a user means by name: an rdfs:label or
// skos:altLabel in Hindi or English, in any case and spacing, or the
// entity's IRI or id (`Q56226`, `ent:Q56226`). A name that is a whole word
// of exactly one entity's label ("Putin") also resolves. An unknown name
// gets an *UnknownEntityError with suggestions, one that fits several
// entities an *AmbiguousEntityError, one over MaxNameRunes a
// *NameTooLongError. The work is linear in the names of the store and
// stops with ctx's error when ctx ends.
func Resolve(ctx context.Context, ents []graph.Entity, name string) (graph.Entity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return graph.Entity{}, fmt.Errorf("empty entity name")
	}
	if err := CheckName(name); err != nil {
		return graph.Entity{}, err
	}
	if e, ok := byIRI(ents, name); ok {
		return e, nil
	}
	key := Normalize(name)
	// Tiers: a main label, then an alias, then a whole-word match. The first
	// tier with matches decides.
	tiers := [3][]graph.Entity{}
	for i, e := range ents {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return graph.Entity{}, fmt.Errorf("looking up %q: %w", name, err)
			}
		}
		switch {
		case Normalize(e.LabelEN) == key || Normalize(e.LabelHI) == key:
			tiers[0] = append(tiers[0], e)
		case hasAlias(e, key):
			tiers[1] = append(tiers[1], e)
		case wordMatch(e, key):
			tiers[2] = append(tiers[2], e)
		}
	}
	for _, t := range tiers {
		switch len(t) {
		case 0:
			continue
		case 1:
			return t[0], nil
		default:
			return graph.Entity{}, &AmbiguousEntityError{Name: name, Candidates: t}
		}
	}
	return graph.Entity{}, &UnknownEntityError{Name: name, Suggestions: Suggest(ctx, ents, name, 5)}
}

func byIRI(ents []graph.Entity, name string) (graph.Entity, bool) {
	s := strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">")
	cands := []quad.IRI{quad.IRI(s), schema.EntityIRI(strings.TrimPrefix(s, "ent:"))}
	for _, e := range ents {
		for _, c := range cands {
			if e.IRI == c {
				return e, true
			}
		}
	}
	return graph.Entity{}, false
}

func hasAlias(e graph.Entity, key string) bool {
	for _, a := range e.AltLabels {
		if Normalize(a) == key {
			return true
		}
	}
	return false
}

// wordMatch: key is one or more whole words of a label or alias.
func wordMatch(e graph.Entity, key string) bool {
	for _, l := range names(e) {
		n := " " + Normalize(l) + " "
		if strings.Contains(n, " "+key+" ") {
			return true
		}
	}
	return false
}

func names(e graph.Entity) []string {
	out := []string{}
	for _, l := range append([]string{e.LabelEN, e.LabelHI}, e.AltLabels...) {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Suggest returns the labels of up to n entities whose names are closest
// to name (edit distance on normalised names, or containing it). The work
// is bounded: a name over MaxNameRunes gets none, and the distance is only
// computed within the band that can still qualify, so each name costs at
// most a few times its length. When ctx ends, Suggest returns what it has
// found so far.
func Suggest(ctx context.Context, ents []graph.Entity, name string, n int) []string {
	if CheckName(name) != nil {
		return nil
	}
	nkey := Normalize(name)
	key := []rune(nkey)
	if len(key) == 0 {
		return nil
	}
	limit := max(1, (len(key)+1)/3)
	type cand struct {
		label string
		score int
	}
	var cands []cand
	for i, e := range ents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			break
		}
		best := limit + 1
		for _, l := range names(e) {
			nl := Normalize(l)
			if nl == "" {
				continue
			}
			if strings.Contains(nl, nkey) || strings.Contains(nkey, nl) {
				best = min(best, 1)
			}
			best = min(best, distanceWithin([]rune(nl), key, best-1))
			for _, w := range strings.Fields(nl) {
				best = min(best, distanceWithin([]rune(w), key, best-1))
			}
		}
		if best <= limit {
			label := e.Label()
			if e.LabelHI != "" && e.LabelEN != "" && isDevanagari(name) {
				label = e.LabelHI
			}
			cands = append(cands, cand{label, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score < cands[j].score
		}
		return cands[i].label < cands[j].label
	})
	var out []string
	seen := map[string]bool{}
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if !seen[c.label] {
			seen[c.label] = true
			out = append(out, c.label)
		}
	}
	return out
}

func isDevanagari(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Devanagari, r) {
			return true
		}
	}
	return false
}

// distanceWithin is the Levenshtein distance between a and b if it is at
// most k, else k+1. Only the diagonal band of width 2k+1 can hold a
// distance within k (Ukkonen), so the cost is O(k·len(a)), not
// O(len(a)·len(b)), and a row whose cells all exceed k ends the search.
func distanceWithin(a, b []rune, k int) int {
	if k < 0 {
		return 0
	}
	if d := len(a) - len(b); d > k || -d > k {
		return k + 1
	}
	inf := k + 1
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		if lo == 1 {
			cur[0] = min(i, inf)
		} else {
			cur[lo-1] = inf
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			up := inf
			if j <= i-1+k { // prev[j] lies in the previous row's band
				up = prev[j]
			}
			v := min(up+1, cur[j-1]+1, prev[j-1]+cost, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < len(b) {
			cur[hi+1] = inf
		}
		if rowMin > k {
			return inf
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], inf)
}
