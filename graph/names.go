package graph

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/kgnews/kg/schema"
)

// NameKey folds a name for matching: Unicode NFC, lower case, hyphens,
// underscores, dots and runs of spaces made one space, quotes dropped, so
// that "Kim Jong-un", "kim jong un" and "KIM_JONG_UN" compare equal. The
// store's name index is keyed by it.
func NameKey(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == '.' || r == '‐' || r == '–' || unicode.IsSpace(r):
			space = true
			continue
		case r == '\'' || r == '’' || r == '"':
			continue // "People's" and "Peoples"
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// NameTier says how a name matched an entity in the name index.
type NameTier int

const (
	ByLabel NameTier = iota // the folded name is one of its labels
	ByAlias                 // one of its aliases
	ByWord                  // a word of a label or alias
)

// EntitiesNamed returns the entities whose label, alias or word (tier)
// the folded name key is, from the name index: it reads only the entries
// of that key, whatever the size of the store.
func (s *Store) EntitiesNamed(ctx context.Context, key string, tier NameTier) ([]quad.IRI, error) {
	p := []quad.IRI{schema.NameLabel, schema.NameAlias, schema.NameWord}[tier]
	vs, err := s.objects(ctx, schema.NameIRI(key), p, schema.IndexGraph)
	if err != nil {
		return nil, err
	}
	out := make([]quad.IRI, 0, len(vs))
	for _, v := range vs {
		out = append(out, quad.IRI(schema.Text(v)))
	}
	return uniqIRIs(out), nil
}

// row reads an event's row from the index (nil if it has none).
func (s *Store) row(ctx context.Context, ev quad.IRI) (*row, error) {
	vs, err := s.objects(ctx, schema.RowIRI(ev), schema.IndexRow, schema.IndexGraph)
	if err != nil || len(vs) == 0 {
		return nil, err
	}
	var r row
	if err := json.Unmarshal([]byte(schema.Text(vs[0])), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Candidates returns the entities a name may mean, from the name index:
// those of which its folded form is a label, an alias or a word, those
// that have every word of it, and the entity whose IRI or id it is. It
// reads only the index entries of those keys, whatever the size of the
// store. A resolver choosing among them (queries.Resolve) chooses as it
// would among all entities.
func (s *Store) Candidates(ctx context.Context, name string) ([]Entity, error) {
	key := NameKey(strings.TrimSpace(name))
	seen := map[quad.IRI]bool{}
	var iris []quad.IRI
	addAll := func(l []quad.IRI) {
		for _, e := range l {
			if !seen[e] {
				seen[e] = true
				iris = append(iris, e)
			}
		}
	}
	if key != "" {
		for _, t := range []NameTier{ByLabel, ByAlias, ByWord} {
			l, err := s.EntitiesNamed(ctx, key, t)
			if err != nil {
				return nil, err
			}
			addAll(l)
		}
		if words := strings.Fields(key); len(words) > 1 {
			var common map[quad.IRI]bool
			for _, w := range words {
				l, err := s.EntitiesNamed(ctx, w, ByWord)
				if err != nil {
					return nil, err
				}
				next := map[quad.IRI]bool{}
				for _, e := range l {
					if common == nil || common[e] {
						next[e] = true
					}
				}
				common = next
				if len(common) == 0 {
					break
				}
			}
			for e := range common {
				addAll([]quad.IRI{e})
			}
		}
	}
	raw := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(name), "<"), ">")
	for _, c := range []quad.IRI{quad.IRI(raw), schema.EntityIRI(strings.TrimPrefix(raw, "ent:"))} {
		if seen[c] || !strings.HasPrefix(string(c), schema.EntityNS) {
			continue
		}
		if ds, err := s.objects(ctx, c, schema.Type, schema.EntityGraph); err != nil {
			return nil, err
		} else if len(ds) > 0 {
			addAll([]quad.IRI{c})
		}
	}
	sortIRIs(iris)
	out := make([]Entity, 0, len(iris))
	for _, iri := range iris {
		e, err := s.Entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
