package graph

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Quads    int64 `json:"quads"`
	Articles int   `json:"articles"`
	Events   int   `json:"events"`
	// Positions counts the offices read from titles (kg:Position nodes).
	Positions int            `json:"positions"`
	Entities  int            `json:"entities"`
	ByType    map[string]int `json:"entities_by_type"` // class local name -> entities
	EventsBy  map[string]int `json:"events_by_type"`   // event class local name -> events
	// EventsByCAMEO counts events by the root category of their kg:cameo
	// code ("14"), EventsByPLOVER by their kg:plover type; Generic the
	// events no frame covers (kg:generic).
	EventsByCAMEO  map[string]int `json:"events_by_cameo_root"`
	EventsByPLOVER map[string]int `json:"events_by_plover"`
	Generic        int            `json:"generic_events"`
}

// ArticleInfo describes one loaded article.
type ArticleInfo struct {
	IRI       quad.IRI `json:"iri"`
	Headline  string   `json:"headline"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
}

// Stats counts articles, entities by type and events by type: it reads
// the counts the store keeps (storeCounts), or, in a store that keeps none,
// walks every quad once.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if st, ok, err := s.counted(ctx); err != nil || ok {
		return st, err
	}
	return s.walkStats(ctx)
}

// walkStats counts by reading every quad of the store.
func (s *Store) walkStats(ctx context.Context) (Stats, error) {
	st := Stats{ByType: map[string]int{}, EventsBy: map[string]int{}, EventsByCAMEO: map[string]int{}, EventsByPLOVER: map[string]int{}}
	entities := map[string]bool{}
	eventTypes := map[string][]string{}
	isEvent := map[string]bool{}
	err := s.Each(ctx, func(q quad.Quad) error {
		st.Quads++
		switch q.Predicate {
		case schema.CAMEO:
			if c := schema.Text(q.Object); len(c) >= 2 {
				st.EventsByCAMEO[c[:2]]++
			}
			return nil
		case schema.PLOVER:
			st.EventsByPLOVER[schema.Text(q.Object)]++
			return nil
		case schema.Generic:
			st.Generic++
			return nil
		case schema.Type:
		default:
			return nil
		}
		cls, _ := q.Object.(quad.IRI)
		sub := q.Subject.String()
		switch {
		case cls == schema.NewsArticle:
			st.Articles++
		case cls == schema.Event:
			isEvent[sub] = true
		case cls == schema.Position:
			st.Positions++
		case q.Label == schema.EntityGraph:
			entities[sub] = true
			st.ByType[schema.LocalName(cls)]++
		default:
			eventTypes[sub] = append(eventTypes[sub], schema.LocalName(cls))
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	st.Entities = len(entities)
	for ev := range isEvent {
		st.Events++
		for _, t := range eventTypes[ev] {
			st.EventsBy[t]++
		}
	}
	return st, nil
}

// Articles lists the loaded articles, newest first.
func (s *Store) Articles(ctx context.Context) ([]ArticleInfo, error) {
	var out []ArticleInfo
	err := s.eachQuad(ctx, match{p: schema.Type, o: schema.NewsArticle}, func(q quad.Quad) error {
		iri, ok := q.Subject.(quad.IRI)
		if !ok {
			return nil
		}
		info := ArticleInfo{IRI: iri}
		qs, err := s.quads(ctx, match{s: iri, label: iri})
		if err != nil {
			return err
		}
		for _, aq := range qs {
			switch aq.Predicate {
			case schema.Headline:
				info.Headline = schema.Text(aq.Object)
			case schema.DatePublished:
				info.Published = schema.Text(aq.Object)
			case schema.SourcePath:
				info.Source = schema.Text(aq.Object)
			}
		}
		out = append(out, info)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Published != out[j].Published {
			return out[i].Published > out[j].Published
		}
		return out[i].IRI < out[j].IRI
	})
	return out, nil
}
