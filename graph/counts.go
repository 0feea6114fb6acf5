package graph

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// storeCounts are what kg stats shows, less the quads (Cayley keeps that
// count itself): kept with the store's totals on the timeline's index node
// (storeTotals.Counts) and changed by every write in the write's own
// transaction, so that kg stats reads one literal instead of every quad of
// the store (228 s on 10,000 articles). Stats walks the store when a store
// lacks them (written by an older kg, until `kg reindex`).
//
// Each count is a sum over subjects of what that subject's quads of
// countPreds contribute (see add): a write changes the counts by what it
// changes of the subjects it touches, read before and after it.
type storeCounts struct {
	Articles  int            `json:"articles"`
	Events    int            `json:"events"`
	Positions int            `json:"positions"`
	Entities  int            `json:"entities"`
	Generic   int            `json:"generic,omitempty"`
	ByType    map[string]int `json:"by_type,omitempty"`
	EventsBy  map[string]int `json:"events_by,omitempty"`
	CAMEO     map[string]int `json:"cameo,omitempty"`
	PLOVER    map[string]int `json:"plover,omitempty"`
}

// countPreds are the predicates the counts read.
var countPreds = []quad.IRI{schema.Type, schema.CAMEO, schema.PLOVER, schema.Generic}

func isCountPred(p quad.Value) bool {
	for _, c := range countPreds {
		if p == c {
			return true
		}
	}
	return false
}

func newCounts() *storeCounts {
	return &storeCounts{ByType: map[string]int{}, EventsBy: map[string]int{}, CAMEO: map[string]int{}, PLOVER: map[string]int{}}
}

func bump(m *map[string]int, k string, n int) {
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[k] += n
	if (*m)[k] == 0 {
		delete(*m, k)
	}
}

// add adds n times what one subject's quads of countPreds count for, by
// the rules of Stats's walk: an article, a position per type quad; an
// entity once for any class in the entity graph, and each such class; an
// event once, and each of its other classes outside the entity graph;
// CAMEO roots, PLOVER types and generic events per quad.
func (c *storeCounts) add(qs []quad.Quad, n int) {
	entity, event := false, false
	var other []string
	for _, q := range qs {
		switch q.Predicate {
		case schema.CAMEO:
			if t := schema.Text(q.Object); len(t) >= 2 {
				bump(&c.CAMEO, t[:2], n)
			}
		case schema.PLOVER:
			bump(&c.PLOVER, schema.Text(q.Object), n)
		case schema.Generic:
			c.Generic += n
		case schema.Type:
			cls, _ := q.Object.(quad.IRI)
			switch {
			case cls == schema.NewsArticle:
				c.Articles += n
			case cls == schema.Event:
				event = true
			case cls == schema.Position:
				c.Positions += n
			case q.Label == schema.EntityGraph:
				entity = true
				bump(&c.ByType, schema.LocalName(cls), n)
			default:
				other = append(other, schema.LocalName(cls))
			}
		}
	}
	if entity {
		c.Entities += n
	}
	if event {
		c.Events += n
		for _, t := range other {
			bump(&c.EventsBy, t, n)
		}
	}
}

// plus adds d to c.
func (c *storeCounts) plus(d *storeCounts) {
	c.Articles += d.Articles
	c.Events += d.Events
	c.Positions += d.Positions
	c.Entities += d.Entities
	c.Generic += d.Generic
	for _, m := range []struct{ to, from *map[string]int }{{&c.ByType, &d.ByType}, {&c.EventsBy, &d.EventsBy}, {&c.CAMEO, &d.CAMEO}, {&c.PLOVER, &d.PLOVER}} {
		for k, n := range *m.from {
			bump(m.to, k, n)
		}
	}
}

func (c *storeCounts) zero() bool {
	return c.Articles == 0 && c.Events == 0 && c.Positions == 0 && c.Entities == 0 && c.Generic == 0 &&
		len(c.ByType) == 0 && len(c.EventsBy) == 0 && len(c.CAMEO) == 0 && len(c.PLOVER) == 0
}

// stats is the counts as Stats, with the store's quads.
func (c *storeCounts) stats(quads int64) Stats {
	st := Stats{Quads: quads, Articles: c.Articles, Events: c.Events, Positions: c.Positions, Entities: c.Entities, Generic: c.Generic,
		ByType: map[string]int{}, EventsBy: map[string]int{}, EventsByCAMEO: map[string]int{}, EventsByPLOVER: map[string]int{}}
	for _, m := range []struct{ to, from map[string]int }{{st.ByType, c.ByType}, {st.EventsBy, c.EventsBy}, {st.EventsByCAMEO, c.CAMEO}, {st.EventsByPLOVER, c.PLOVER}} {
		for k, n := range m.from {
			if n != 0 {
				m.to[k] = n
			}
		}
	}
	return st
}

// countsOf is what Stats's walk found, as counts.
func countsOf(st Stats) *storeCounts {
	c := newCounts()
	c.Articles, c.Events, c.Positions, c.Entities, c.Generic = st.Articles, st.Events, st.Positions, st.Entities, st.Generic
	for _, m := range []struct{ to, from map[string]int }{{c.ByType, st.ByType}, {c.EventsBy, st.EventsBy}, {c.CAMEO, st.EventsByCAMEO}, {c.PLOVER, st.EventsByPLOVER}} {
		for k, n := range m.from {
			m.to[k] = n
		}
	}
	return c
}

// countsDelta is what the batch changes of the counts: for each subject
// with a quad of countPreds among the batch's changes, what its quads of
// countPreds count for after the batch less what they count for before
// it. It says whether any subject was touched.
func (b *writeBatch) countsDelta(ctx context.Context) (*storeCounts, bool, error) {
	type change struct{ adds, dels []quad.Quad }
	bySubject := map[quad.Value]*change{}
	at := func(s quad.Value) *change {
		c := bySubject[s]
		if c == nil {
			c = &change{}
			bySubject[s] = c
		}
		return c
	}
	for _, q := range b.adds {
		if isCountPred(q.Predicate) {
			at(q.Subject).adds = append(at(q.Subject).adds, q)
		}
	}
	for _, m := range []map[qkey]quad.Quad{b.dels, b.soft} {
		for _, q := range m {
			if isCountPred(q.Predicate) {
				at(q.Subject).dels = append(at(q.Subject).dels, q)
			}
		}
	}
	d := newCounts()
	for s, ch := range bySubject {
		before := map[qkey]quad.Quad{}
		for _, p := range countPreds {
			err := b.s.eachQuad(ctx, match{s: s, p: p}, func(q quad.Quad) error {
				before[quadKey(q)] = q
				return nil
			})
			if err != nil {
				return nil, false, err
			}
		}
		after := make(map[qkey]quad.Quad, len(before)+len(ch.adds))
		for k, q := range before {
			after[k] = q
		}
		for _, q := range ch.dels {
			delete(after, quadKey(q))
		}
		for _, q := range ch.adds {
			after[quadKey(q)] = q
		}
		d.add(quadList(before), -1)
		d.add(quadList(after), +1)
	}
	return d, len(bySubject) > 0, nil
}

func quadList(m map[qkey]quad.Quad) []quad.Quad {
	out := make([]quad.Quad, 0, len(m))
	for _, k := range sortedKeys(m) {
		out = append(out, m[k])
	}
	return out
}

// readTotals reads the store's totals: the version with the most articles
// (a write may leave an older beside it for a while), and all versions.
func (s *Store) readTotals(ctx context.Context) (storeTotals, []quad.Value, error) {
	versions, err := s.objects(ctx, schema.TimelineIndex, schema.EntityStats, schema.IndexGraph)
	if err != nil {
		return storeTotals{}, nil, err
	}
	var cur storeTotals
	for _, v := range versions {
		var t storeTotals
		if json.Unmarshal([]byte(schema.Text(v)), &t) == nil && t.Articles >= cur.Articles {
			cur = t
		}
	}
	return cur, versions, nil
}

// counted is the store's statistics from its kept counts, and false when
// it keeps none (see storeCounts).
func (s *Store) counted(ctx context.Context) (Stats, bool, error) {
	t, _, err := s.readTotals(ctx)
	if err != nil || t.Counts == nil {
		return Stats{}, false, err
	}
	n, err := s.quadCount(ctx)
	if err != nil {
		return Stats{}, false, err
	}
	return t.Counts.stats(n), true, nil
}

// KeepsCounts says whether Stats reads counts the store keeps instead of
// walking every quad: false for a store written by an older kg (which
// gets them from Reindex), true for one that keeps them or is empty.
func (s *Store) KeepsCounts(ctx context.Context) (bool, error) {
	t, _, err := s.readTotals(ctx)
	if err != nil || t.Counts != nil {
		return err == nil, err
	}
	n, err := s.quadCount(ctx)
	return err == nil && n == 0, err
}

// quadCount is the store's number of quads, which Cayley keeps (its kv
// store has no count before its first write: none). Asked for exact
// figures, Cayley's kv store counts its nodes by reading every one (27 s
// on 10,000 articles); its count of quads is exact either way. Its SQL
// store counts quads exactly only when asked.
func (s *Store) quadCount(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, s.pg != nil)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}
