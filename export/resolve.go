package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// Resolver finds the entity a name given on the command line stands for.
// The canned-query package's alias resolver satisfies it too; Labels is
// the one export falls back on.
type Resolver interface {
	Resolve(ctx context.Context, name string) ([]quad.IRI, error)
}

// Labels resolves names against the entity graph: an IRI, a node id
// (ent:Q56226), a Wikidata QID, an English or Hindi label or an alias, in
// any case, and failing that the same with spaces, hyphens and dots
// ignored ("kim jong un" finds Kim Jong-un).
type Labels struct{ entities []graph.Entity }

// NewLabels builds a resolver over the store's entities.
func NewLabels(entities []graph.Entity) *Labels { return &Labels{entities: entities} }

// Resolve returns the one entity name stands for. When several entities
// match equally well it fails, listing them, rather than guess.
func (l *Labels) Resolve(_ context.Context, name string) ([]quad.IRI, error) {
	want := strings.TrimSpace(name)
	if strings.HasPrefix(want, "<") && strings.HasSuffix(want, ">") {
		want = want[1 : len(want)-1]
	}
	tiers := []func(e graph.Entity) bool{
		func(e graph.Entity) bool {
			return string(e.IRI) == want || pg.ID(e.IRI) == want || schema.LocalName(e.IRI) == want || containsFold(e.SameAs, string(schema.WikidataIRI(want)))
		},
		func(e graph.Entity) bool { return fold(e.LabelEN) == fold(want) || fold(e.LabelHI) == fold(want) },
		func(e graph.Entity) bool { return anyEqual(e.AltLabels, want, fold) },
		func(e graph.Entity) bool {
			return loose(e.LabelEN) == loose(want) || loose(e.LabelHI) == loose(want) || anyEqual(e.AltLabels, want, loose)
		},
	}
	for _, match := range tiers {
		var found []graph.Entity
		for _, e := range l.entities {
			if match(e) {
				found = append(found, e)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return []quad.IRI{found[0].IRI}, nil
		}
		var names []string
		for _, e := range found {
			names = append(names, fmt.Sprintf("%s (%s)", e.Label(), pg.ID(e.IRI)))
		}
		sort.Strings(names)
		return nil, fmt.Errorf("%q names %d entities: %s; give one of the ids", name, len(found), strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("no entity is called %q (`kg stats` counts them; a node id such as ent:Q56226 or a QID works too)", name)
}

func fold(s string) string { return strings.ToLower(norm.NFC.String(strings.TrimSpace(s))) }

// loose keeps letters, digits and Devanagari signs only.
func loose(s string) string {
	var b strings.Builder
	for _, r := range fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func anyEqual(ss []string, want string, f func(string) string) bool {
	w := f(want)
	if w == "" {
		return false
	}
	for _, s := range ss {
		if f(s) == w {
			return true
		}
	}
	return false
}

func containsFold(ss []string, want string) bool {
	for _, s := range ss {
		if strings.EqualFold(s, want) {
			return true
		}
	}
	return false
}
