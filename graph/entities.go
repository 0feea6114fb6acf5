package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Entity is the shared description of one entity, from the entity graph.
type Entity struct {
	IRI       quad.IRI `json:"iri"`
	Types     []string `json:"types"` // class local names
	LabelEN   string   `json:"label_en,omitempty"`
	LabelHI   string   `json:"label_hi,omitempty"`
	AltLabels []string `json:"alt_labels,omitempty"`
	SameAs    []string `json:"same_as,omitempty"`
}

// Label is the entity's English label, else its Hindi one, else its IRI.
func (e Entity) Label() string {
	switch {
	case e.LabelEN != "":
		return e.LabelEN
	case e.LabelHI != "":
		return e.LabelHI
	}
	return string(e.IRI)
}

// Entities lists every entity in the entity graph, sorted by IRI. It finds
// them through the object index of each entity class, then reads each one's
// description through the subject index, so its cost grows with the number
// of entities, not of quads.
func (s *Store) Entities(ctx context.Context) ([]Entity, error) {
	seen := map[quad.IRI]bool{}
	var iris []quad.IRI
	for _, c := range schema.EntityClasses {
		subs, err := s.subjects(ctx, schema.Type, schema.Class(c), schema.EntityGraph)
		if err != nil {
			return nil, err
		}
		for _, v := range subs {
			if iri, ok := v.(quad.IRI); ok && !seen[iri] {
				seen[iri] = true
				iris = append(iris, iri)
			}
		}
	}
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
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

// Entity reads one entity's description from the entity graph, one
// predicate at a time: the entity's subject index also holds every direct
// edge from it, in every article.
func (s *Store) Entity(ctx context.Context, iri quad.IRI) (Entity, error) {
	e := Entity{IRI: iri}
	var qs []quad.Quad
	for _, p := range entityPreds {
		pq, err := s.quads(ctx, match{s: iri, p: p, label: schema.EntityGraph})
		if err != nil {
			return e, err
		}
		qs = append(qs, pq...)
	}
	for _, q := range qs {
		switch q.Predicate {
		case schema.Type:
			if c, ok := q.Object.(quad.IRI); ok {
				e.Types = append(e.Types, schema.LocalName(c))
			}
		case schema.Label:
			if ls, ok := q.Object.(quad.LangString); ok {
				switch {
				case ls.Lang == schema.LangEnglish, schema.LatinLabel(ls.Lang) && e.LabelEN == "":
					// a discovered name has a romanised (hi-Latn) label instead
					e.LabelEN = string(ls.Value)
				case ls.Lang == schema.LangHindi:
					e.LabelHI = string(ls.Value)
				}
			} else if e.LabelEN == "" {
				e.LabelEN = schema.Text(q.Object)
			}
		case schema.AltLabel:
			e.AltLabels = append(e.AltLabels, schema.Text(q.Object))
		case schema.SameAs:
			e.SameAs = append(e.SameAs, schema.Text(q.Object))
		}
	}
	sort.Strings(e.Types)
	sort.Strings(e.AltLabels)
	return e, nil
}
