package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgnews/kg/schema"
)

// The manifest: how the store finds every quad of an article from its node
// alone, whatever the size of the entities it mentions (Cayley's kv stores
// have no label index). The article node carries
//
//   - kg:nodes, one literal listing the nodes only this article uses (its
//     events, positions and local entities), whose quads are read through
//     the subject index;
//   - kg:quads, one literal of N-Triples lines for its quads whose subject
//     is shared (a direct edge from an entity);
//   - kg:asserts, one literal per entity it describes: the N-Triples of
//     what it asserts about the entity (type, labels, aliases, sameAs).
//     Articles that describe an entity alike share the literal.
//
// One quad per list rather than one per item: an article is ~400 quads
// and the manifest used to be a quarter of them.

// stored turns an article into the quads the store keeps, all labelled
// with the article IRI, and returns the descriptions it asserts, by entity.
func stored(a *Article) ([]quad.Quad, error) {
	contrib, quads, err := splitContributions(a)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(quads)+len(contrib)+4)
	scoped := articleScopes(a.IRI)
	var nodes []string
	listed := map[quad.IRI]bool{}
	var shared []string
	seen := map[qkey]bool{}
	for _, q := range quads {
		q.Label = a.IRI
		k := quadKey(q)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, q)
		if q.Subject == a.IRI {
			continue
		}
		if sub, ok := q.Subject.(quad.IRI); ok && scoped(sub) {
			if !listed[sub] {
				listed[sub] = true
				nodes = append(nodes, string(sub))
			}
			continue
		}
		shared = append(shared, tripleLine(q))
	}
	if len(nodes) > 0 {
		sort.Strings(nodes)
		out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.NodeList, Object: quad.String(strings.Join(nodes, " ")), Label: a.IRI})
	}
	if len(shared) > 0 {
		sort.Strings(shared)
		out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.QuadList, Object: quad.String(strings.Join(shared, "\n")), Label: a.IRI})
	}
	ents := make([]quad.IRI, 0, len(contrib))
	for e := range contrib {
		ents = append(ents, e)
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i] < ents[j] })
	for _, e := range ents {
		out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.Asserts, Object: description(contrib[e]), Label: a.IRI})
	}
	if a.SourcePath != "" {
		out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.SourcePath, Object: quad.String(a.SourcePath), Label: a.IRI})
	}
	return out, nil
}

// splitContributions separates what an article asserts about shared
// entities (kg:asserted* quads, or kg:asserts literals from an N-Quads
// export) from its own quads, dropping manifest quads an export carried:
// the store writes its own.
func splitContributions(a *Article) (map[quad.IRI][]quad.Quad, []quad.Quad, error) {
	contrib := map[quad.IRI][]quad.Quad{}
	var own []quad.Quad
	for _, q := range a.Quads {
		if p, ok := contribution(q); ok {
			e, ok := q.Subject.(quad.IRI)
			if !ok {
				return nil, nil, fmt.Errorf("%s %s: an assertion about a %T, not an entity", q.Subject, q.Predicate, q.Subject)
			}
			contrib[e] = append(contrib[e], quad.Quad{Subject: e, Predicate: p, Object: q.Object, Label: schema.EntityGraph})
			continue
		}
		switch q.Predicate {
		case schema.Asserts:
			ts, err := parseDescription(q.Object)
			if err != nil {
				return nil, nil, err
			}
			for _, t := range ts {
				if e, ok := t.Subject.(quad.IRI); ok {
					contrib[e] = append(contrib[e], t)
				}
			}
			continue
		case schema.NodeList, schema.QuadList, schema.Node, schema.QuadRef, schema.SourcePath:
			continue
		}
		own = append(own, q)
	}
	return contrib, own, nil
}

// description is the literal of what one article asserts about one entity:
// its entity-graph triples one per line, in the order the article asserted
// them (the order an entity's labels come back in), so that articles that
// describe an entity alike — the extractor asserts in a fixed order —
// store one value.
func description(ts []quad.Quad) quad.Value {
	lines := make([]string, 0, len(ts))
	seen := map[string]bool{}
	for _, t := range ts {
		l := tripleLine(t)
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	return quad.String(strings.Join(lines, "\n"))
}

// parseDescription reads a description literal back as entity-graph quads.
func parseDescription(v quad.Value) ([]quad.Quad, error) {
	str, ok := v.(quad.String)
	if !ok {
		return nil, fmt.Errorf("bookkeeping literal %s is not a plain string", v)
	}
	var out []quad.Quad
	for _, line := range strings.Split(string(str), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		q, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("bookkeeping literal %q: %w", line, err)
		}
		q.Label = schema.EntityGraph
		out = append(out, q)
	}
	return out, nil
}

// parseLine reads an N-Triples line back as the values it was written
// from: the N-Quads parser turns typed literals it knows ("true"^^
// xsd:boolean) into Go values that print otherwise ("True"), so they are
// turned back into the literal.
func parseLine(line string) (quad.Quad, error) {
	q, err := nquads.Parse(line)
	if err != nil {
		return q, err
	}
	for _, d := range quad.Directions {
		switch v := q.Get(d).(type) {
		case quad.Bool:
			q.Set(d, quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: schema.XSDBoolean})
		case quad.Int:
			q.Set(d, quad.TypedString{Value: quad.String(strconv.FormatInt(int64(v), 10)), Type: schema.XSDInteger})
		}
	}
	return q, nil
}

// tripleLine writes a quad's triple as an N-Triples line.
func tripleLine(q quad.Quad) string {
	return quad.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object}.NQuad()
}

// articleScopes reports which subjects belong to one article alone: its
// events and positions (ev:ID/…) and its local entities (ent:local/ID/…).
func articleScopes(art quad.IRI) func(quad.IRI) bool {
	id, ok := strings.CutPrefix(string(art), schema.ArticleNS)
	if !ok {
		return func(quad.IRI) bool { return false }
	}
	ev, local := schema.EventNS+id+"/", schema.EntityNS+"local/"+id+"/"
	return func(s quad.IRI) bool {
		return strings.HasPrefix(string(s), ev) || strings.HasPrefix(string(s), local)
	}
}

// ArticleQuads returns every quad labelled with the article IRI: the
// article node's own, those of the nodes its kg:nodes literal lists, and
// those its kg:quads literal spells out.
func (s *Store) ArticleQuads(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	if s.pg != nil {
		return s.pg.articleQuads(ctx, iri)
	}
	top, err := s.quads(ctx, match{s: iri, label: iri})
	if err != nil {
		return nil, err
	}
	out := append([]quad.Quad(nil), top...)
	for _, q := range top {
		switch q.Predicate {
		case schema.NodeList:
			for _, n := range strings.Fields(schema.Text(q.Object)) {
				qs, err := s.quads(ctx, match{s: quad.IRI(n), label: iri})
				if err != nil {
					return nil, err
				}
				out = append(out, qs...)
			}
		case schema.QuadList:
			for _, line := range strings.Split(schema.Text(q.Object), "\n") {
				t, err := parseLine(line)
				if err != nil {
					return nil, fmt.Errorf("%s: kg:quads line %q: %w", iri, line, err)
				}
				t.Label = iri
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// descriptionsOf returns what an article's stored quads assert, by entity.
func descriptionsOf(qs []quad.Quad) map[quad.IRI]quad.Value {
	out := map[quad.IRI]quad.Value{}
	for _, q := range qs {
		if q.Predicate != schema.Asserts {
			continue
		}
		ts, err := parseDescription(q.Object)
		if err != nil || len(ts) == 0 {
			continue
		}
		if e, ok := ts[0].Subject.(quad.IRI); ok {
			out[e] = q.Object
		}
	}
	return out
}

// quadSet is an insertion-ordered set of quads.
type quadSet struct {
	m     map[qkey]quad.Quad
	order []qkey
}

func newQuadSet() *quadSet { return &quadSet{m: map[qkey]quad.Quad{}} }

func (s *quadSet) add(q quad.Quad) {
	k := quadKey(q)
	if _, ok := s.m[k]; ok {
		return
	}
	s.m[k] = q
	s.order = append(s.order, k)
}

func (s *quadSet) has(k qkey) bool { _, ok := s.m[k]; return ok }

// qkey identifies a quad in a map: the quad itself (its values are
// comparable), which costs no string building on a path that handles
// every quad of a load.
type qkey = quad.Quad

func quadKey(q quad.Quad) qkey { return q }

// sortQuads orders quads by their N-Quads form, for a deterministic
// order. Each quad's form is written once: formatting it in every
// comparison (n log n of them) was 8% of a corpus load's CPU.
func sortQuads(qs []quad.Quad) {
	keys := make([]string, len(qs))
	for i, q := range qs {
		keys[i] = q.NQuad()
	}
	sort.Sort(byKey{keys, qs})
}

// byKey sorts quads by their precomputed keys.
type byKey struct {
	keys []string
	qs   []quad.Quad
}

func (b byKey) Len() int           { return len(b.keys) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
}

// contribution maps a kg:asserted* quad to the entity-graph predicate it
// stands for.
func contribution(q quad.Quad) (quad.IRI, bool) {
	p, ok := q.Predicate.(quad.IRI)
	if !ok {
		return "", false
	}
	ep, ok := schema.Contributions[p]
	return ep, ok
}
