package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Article is one unit of loading: the quads one article contributes. Every
// quad gets the article IRI as its label, whatever label it came with.
type Article struct {
	IRI quad.IRI
	// SourcePath, when set, is the absolute path the article was read from.
	// Loading replaces an article with the same IRI and also one loaded
	// earlier from the same path (an edited file whose title changed).
	SourcePath string
	Quads      []quad.Quad
}

var errReadOnly = errors.New("store is open read-only")

// Change summarises what a write did to the store.
type Change struct {
	Article  quad.IRI
	Replaced []quad.IRI // articles whose quads this write replaced or removed
	Added    int        // quads added, entity graph included
	Removed  int        // quads removed, entity graph included
}

// Unchanged reports whether the write found the store already as wanted.
func (c Change) Unchanged() bool { return c.Added == 0 && c.Removed == 0 }

// Load writes an article in one transaction, replacing whatever the store
// held for it before (same IRI, or same SourcePath). Reloading an unchanged
// article changes nothing. Entity descriptions shared with other articles
// (type, labels, sameAs) are kept once, in the entity graph, and survive as
// long as one article still asserts them. If Load fails, the store is as it
// was before the call.
func (s *Store) Load(ctx context.Context, a *Article) (Change, error) {
	if a.IRI == "" {
		return Change{}, fmt.Errorf("load: article has no IRI")
	}
	if s.readOnly {
		return Change{}, errReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	targets := []quad.IRI{a.IRI}
	if a.SourcePath != "" {
		prev, err := s.articlesFrom(ctx, a.SourcePath)
		if err != nil {
			return Change{}, err
		}
		for _, p := range prev {
			if p != a.IRI {
				targets = append(targets, p)
			}
		}
	}
	return s.replace(ctx, targets, a)
}

// Retract removes an article's quads in one transaction, and the entity
// descriptions no other article asserts. If it fails, the store is as it was.
func (s *Store) Retract(ctx context.Context, iri quad.IRI) (Change, error) {
	if s.readOnly {
		return Change{}, errReadOnly
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.replace(ctx, []quad.IRI{iri}, nil)
}

// replace swaps the quads of the target articles for those of a (nil: none).
func (s *Store) replace(ctx context.Context, targets []quad.IRI, a *Article) (Change, error) {
	ch := Change{}
	if a != nil {
		ch.Article = a.IRI
	} else if len(targets) > 0 {
		ch.Article = targets[0]
	}
	old := newQuadSet()
	for _, t := range targets {
		qs, err := s.ArticleQuads(ctx, t)
		if err != nil {
			return ch, fmt.Errorf("read article %s: %w", t, err)
		}
		if len(qs) > 0 {
			ch.Replaced = append(ch.Replaced, t)
		}
		for _, q := range qs {
			old.add(q)
		}
	}
	fresh := newQuadSet()
	if a != nil {
		for _, q := range withManifest(a) {
			fresh.add(q)
		}
	}
	var deltas []cgraph.Delta
	for _, k := range old.order {
		if !fresh.has(k) {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: old.m[k]})
		}
	}
	for _, k := range fresh.order {
		if !old.has(k) {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: fresh.m[k]})
		}
	}
	if len(deltas) == 0 {
		return ch, nil
	}
	ed, err := s.entityDeltas(ctx, targets, old, fresh)
	if err != nil {
		return ch, err
	}
	deltas = append(deltas, ed...)
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			ch.Added++
		} else {
			ch.Removed++
		}
	}
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	// One ApplyDeltas is one backend transaction: all or nothing.
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return Change{}, fmt.Errorf("write %s: %w", ch.Article, err)
	}
	return ch, nil
}

// entityDeltas keeps the entity graph equal to the union of all articles'
// Asserted* contributions: it adds what the fresh article asserts, and
// removes what the replaced articles asserted and no other article does.
func (s *Store) entityDeltas(ctx context.Context, targets []quad.IRI, old, fresh *quadSet) ([]cgraph.Delta, error) {
	var out []cgraph.Delta
	seen := map[string]bool{}
	for _, k := range fresh.order {
		q := fresh.m[k]
		p, ok := contribution(q)
		if !ok {
			continue
		}
		eq := quad.Quad{Subject: q.Subject, Predicate: p, Object: q.Object, Label: schema.EntityGraph}
		if ek := quadKey(eq); !seen[ek] {
			seen[ek] = true
			out = append(out, cgraph.Delta{Action: cgraph.Add, Quad: eq})
		}
	}
	skip := map[string]bool{}
	for _, t := range targets {
		skip[t.String()] = true
	}
	for _, k := range old.order {
		q := old.m[k]
		p, ok := contribution(q)
		if !ok || fresh.has(k) {
			continue
		}
		eq := quad.Quad{Subject: q.Subject, Predicate: p, Object: q.Object, Label: schema.EntityGraph}
		ek := quadKey(eq)
		if seen[ek] {
			continue // the fresh article asserts it too
		}
		seen[ek] = true
		others, err := s.quadsMatching(ctx, quad.Subject, q.Subject, nil, q.Predicate)
		if err != nil {
			return nil, err
		}
		held := false
		for _, o := range others {
			if o.Object.String() == q.Object.String() && o.Label != nil && !skip[o.Label.String()] {
				held = true
				break
			}
		}
		if !held {
			out = append(out, cgraph.Delta{Action: cgraph.Delete, Quad: eq})
		}
	}
	return out, nil
}

// contribution maps an Asserted* quad to the entity-graph predicate it
// stands for.
func contribution(q quad.Quad) (quad.IRI, bool) {
	p, ok := q.Predicate.(quad.IRI)
	if !ok {
		return "", false
	}
	ep, ok := schema.Contributions[p]
	return ep, ok
}

// withManifest labels the article's quads and adds the kg:node manifest: one
// xsd:anyURI literal on the article node for every other subject that is not
// an entity the article mentions, and the kg:sourcePath of the file. Together with schema:mentions it lets the
// store find all of an article's quads through the subject index.
func withManifest(a *Article) []quad.Quad {
	out := make([]quad.Quad, 0, len(a.Quads)+16)
	mentioned := map[string]bool{}
	for _, q := range a.Quads {
		if q.Predicate == schema.Mentions && q.Subject == a.IRI {
			mentioned[q.Object.String()] = true
		}
	}
	listed := map[string]bool{a.IRI.String(): true}
	quads := a.Quads
	if a.SourcePath != "" {
		quads = append(quads[:len(quads):len(quads)], quad.Quad{Subject: a.IRI, Predicate: schema.SourcePath, Object: quad.String(a.SourcePath)})
	}
	for _, q := range quads {
		q.Label = a.IRI
		out = append(out, q)
		sk := q.Subject.String()
		if listed[sk] || mentioned[sk] {
			continue
		}
		listed[sk] = true
		out = append(out, quad.Quad{
			Subject: a.IRI, Predicate: schema.Node,
			Object: quad.TypedString{Value: quad.String(nodeRef(q.Subject)), Type: schema.XSDAnyURI},
			Label:  a.IRI,
		})
	}
	return out
}

// nodeRef writes a subject so that nodeValue can read it back.
func nodeRef(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return "_:" + string(v)
	}
	return v.String()
}

func nodeValue(s string) quad.Value {
	if strings.HasPrefix(s, "_:") {
		return quad.BNode(s[2:])
	}
	return quad.IRI(s)
}

// ArticleQuads returns every quad labelled with the article IRI, found from
// the article node, its kg:node manifest and the entities it mentions.
func (s *Store) ArticleQuads(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	top, err := s.quadsWith(ctx, quad.Subject, iri, iri)
	if err != nil {
		return nil, err
	}
	out := append([]quad.Quad(nil), top...)
	done := map[string]bool{iri.String(): true}
	for _, q := range top {
		var sub quad.Value
		switch q.Predicate {
		case schema.Node:
			ts, ok := q.Object.(quad.TypedString)
			if !ok {
				continue
			}
			sub = nodeValue(string(ts.Value))
		case schema.Mentions:
			sub = q.Object
		default:
			continue
		}
		if done[sub.String()] {
			continue
		}
		done[sub.String()] = true
		qs, err := s.quadsWith(ctx, quad.Subject, sub, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, qs...)
	}
	return out, nil
}

// articlesFrom lists the articles loaded from a source path.
func (s *Store) articlesFrom(ctx context.Context, path string) ([]quad.IRI, error) {
	qs, err := s.quadsWith(ctx, quad.Object, quad.String(path), nil)
	if err != nil {
		return nil, err
	}
	var out []quad.IRI
	for _, q := range qs {
		if q.Predicate == schema.SourcePath {
			if iri, ok := q.Subject.(quad.IRI); ok {
				out = append(out, iri)
			}
		}
	}
	return out, nil
}

// FindArticle resolves what a user typed to name an article: its IRI, its id
// (the IRI's last segment), or the path of the file it was loaded from.
func (s *Store) FindArticle(ctx context.Context, ref string) (quad.IRI, error) {
	cands := []quad.IRI{}
	switch {
	case strings.HasPrefix(ref, "<") && strings.HasSuffix(ref, ">"):
		cands = append(cands, quad.IRI(ref[1:len(ref)-1]))
	case strings.Contains(ref, "://"):
		cands = append(cands, quad.IRI(ref))
	default:
		if abs, err := filepath.Abs(ref); err == nil {
			from, err := s.articlesFrom(ctx, abs)
			if err != nil {
				return "", err
			}
			if len(from) > 0 {
				return from[0], nil
			}
		}
		cands = append(cands, schema.ArticleIRI(ref))
	}
	for _, c := range cands {
		qs, err := s.quadsWith(ctx, quad.Subject, c, c)
		if err != nil {
			return "", err
		}
		if len(qs) > 0 {
			return c, nil
		}
	}
	return "", fmt.Errorf("no article %q in the store (give the file path it was loaded from, its id or its IRI; `kg stats --articles` lists them)", ref)
}

// quadSet is an insertion-ordered set of quads keyed by their N-Quads form.
type quadSet struct {
	m     map[string]quad.Quad
	order []string
}

func newQuadSet() *quadSet { return &quadSet{m: map[string]quad.Quad{}} }

func (s *quadSet) add(q quad.Quad) {
	k := quadKey(q)
	if _, ok := s.m[k]; ok {
		return
	}
	s.m[k] = q
	s.order = append(s.order, k)
}

func (s *quadSet) has(k string) bool { _, ok := s.m[k]; return ok }

func quadKey(q quad.Quad) string {
	lbl := ""
	if q.Label != nil {
		lbl = q.Label.String()
	}
	return q.Subject.String() + "\x00" + q.Predicate.String() + "\x00" + q.Object.String() + "\x00" + lbl
}
