package graph

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

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
	if err := s.apply(deltas); err != nil {
		return Change{}, fmt.Errorf("write %s: %w", ch.Article, err)
	}
	return ch, nil
}

// apply writes deltas so that a failure leaves the store as it was.
//
// One ApplyDeltas is one backend transaction, all or nothing, and that is
// the usual way. But Cayley's kv store gives the quads it adds only the
// nodes whose reference count does not fall in the batch: when a batch
// removes more uses of a value (a predicate, a class) than it adds, the
// added quads lose that value. Replacing an article under a new id does
// exactly that. Such a batch is written in two: first the additions, then
// the removals, with a journal beside the store that lets the next opening
// undo a half-done write (see recoverJournal).
func (s *Store) apply(deltas []cgraph.Delta) error {
	opts := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if !losesValues(deltas) {
		return s.qs.ApplyDeltas(deltas, opts)
	}
	var adds, dels []cgraph.Delta
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			adds = append(adds, d)
		} else {
			dels = append(dels, d)
		}
	}
	if err := writeJournal(s.dir, adds, dels); err != nil {
		return err
	}
	if err := s.qs.ApplyDeltas(adds, opts); err != nil {
		// nothing was written; the journal would only undo nothing
		return errors.Join(err, removeJournal(s.dir))
	}
	if err := s.qs.ApplyDeltas(dels, opts); err != nil {
		// undo the additions now rather than at the next opening
		if uerr := s.undo(adds); uerr != nil {
			return errors.Join(err, uerr)
		}
		return errors.Join(err, removeJournal(s.dir))
	}
	return removeJournal(s.dir)
}

// losesValues reports whether a batch hits Cayley's bug: a value used by a
// quad it adds is used by more quads it removes.
func losesValues(deltas []cgraph.Delta) bool {
	net := map[string]int{}
	used := map[string]bool{}
	for _, d := range deltas {
		n := 1
		if d.Action == cgraph.Delete {
			n = -1
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				net[v.String()] += n
				if n > 0 {
					used[v.String()] = true
				}
			}
		}
	}
	for v := range used {
		if net[v] < 0 {
			return true
		}
	}
	return false
}

func (s *Store) undo(adds []cgraph.Delta) error {
	rm := make([]cgraph.Delta, len(adds))
	for i, d := range adds {
		rm[i] = cgraph.Delta{Action: cgraph.Delete, Quad: d.Quad}
	}
	return s.qs.ApplyDeltas(rm, cgraph.IgnoreOpts{IgnoreMissing: true})
}

// has reports whether the store holds exactly this quad.
func (s *Store) has(ctx context.Context, q quad.Quad) (bool, error) {
	qs, err := s.quadsMatching(ctx, quad.Subject, q.Subject, q.Label, q.Predicate)
	if err != nil {
		return false, err
	}
	for _, o := range qs {
		if o.Object.String() == q.Object.String() {
			return true, nil
		}
	}
	return false, nil
}

// entityDeltas keeps the entity graph equal to the union of all articles'
// kg:asserts triples: it adds what the fresh article asserts, and removes
// what the replaced articles asserted and no other article does.
func (s *Store) entityDeltas(ctx context.Context, targets []quad.IRI, old, fresh *quadSet) ([]cgraph.Delta, error) {
	var out []cgraph.Delta
	seen := map[string]bool{}
	for _, k := range fresh.order {
		q := fresh.m[k]
		eq, ok, err := assertion(q)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if ek := quadKey(eq); !seen[ek] {
			seen[ek] = true
			// add only what the entity graph lacks: adding a quad it has
			// would still raise Cayley's reference counts
			present, err := s.has(ctx, eq)
			if err != nil {
				return nil, err
			}
			if !present {
				out = append(out, cgraph.Delta{Action: cgraph.Add, Quad: eq})
			}
		}
	}
	var skip []cgraph.Ref
	for _, t := range targets {
		if r, err := s.qs.ValueOf(t); err == nil && r != nil {
			skip = append(skip, r)
		}
	}
	for _, k := range old.order {
		q := old.m[k]
		eq, ok, err := assertion(q)
		if err != nil {
			return nil, err
		}
		if !ok || fresh.has(k) {
			continue
		}
		ek := quadKey(eq)
		if seen[ek] {
			continue // the fresh article asserts it too
		}
		seen[ek] = true
		held, err := s.assertedElsewhere(ctx, q.Object, skip)
		if err != nil {
			return nil, err
		}
		if !held {
			out = append(out, cgraph.Delta{Action: cgraph.Delete, Quad: eq})
		}
	}
	return out, nil
}

// assertedElsewhere reports whether an article other than those in skip
// asserts the same triple: the object index lists every kg:asserts quad
// with this literal, and the first one from another article settles it.
func (s *Store) assertedElsewhere(ctx context.Context, lit quad.Value, skip []cgraph.Ref) (bool, error) {
	ref, err := s.qs.ValueOf(lit)
	if err != nil || ref == nil {
		return false, err
	}
	pref, err := s.qs.ValueOf(schema.Asserts)
	if err != nil || pref == nil {
		return false, err
	}
	it := s.qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if !s.dirIs(r, quad.Predicate, pref) {
			continue
		}
		l, err := s.qs.QuadDirection(r, quad.Label)
		if err != nil || l == nil {
			continue
		}
		other := true
		for _, sk := range skip {
			if l.Key() == sk.Key() {
				other = false
				break
			}
		}
		if other {
			return true, nil
		}
	}
	return false, it.Err()
}

// assertion reads a kg:asserts quad as the entity-graph quad it stands for.
func assertion(q quad.Quad) (quad.Quad, bool, error) {
	if q.Predicate != schema.Asserts {
		return quad.Quad{}, false, nil
	}
	eq, err := parseTriple(q.Object)
	if err != nil {
		return quad.Quad{}, false, err
	}
	eq.Label = schema.EntityGraph
	return eq, true, nil
}

// tripleLiteral writes a quad's triple as a literal the store can index.
func tripleLiteral(s, p, o quad.Value) quad.Value {
	return quad.String(quad.Quad{Subject: s, Predicate: p, Object: o}.NQuad())
}

func parseTriple(v quad.Value) (quad.Quad, error) {
	str, ok := v.(quad.String)
	if !ok {
		return quad.Quad{}, fmt.Errorf("bookkeeping literal %s is not a plain string", v)
	}
	q, err := nquads.Parse(string(str))
	if err != nil {
		return quad.Quad{}, fmt.Errorf("bookkeeping literal %q: %w", str, err)
	}
	return q, nil
}

// withManifest turns an article into the quads the store keeps, all
// labelled with the article IRI:
//
//   - what the article asserts about a shared entity (kg:asserted* quads)
//     becomes one kg:asserts literal on the article node;
//   - a quad whose subject only this article uses (its events, positions
//     and local entities) stays, and its subject is listed once in a
//     kg:node literal;
//   - a quad whose subject is shared (a direct edge from an entity) stays,
//     and is listed in a kg:quad literal;
//   - the article node gets kg:sourcePath when the file is known.
//
// So an article's quads are found from its node alone, whatever the size
// of the entities it mentions.
func withManifest(a *Article) []quad.Quad {
	out := make([]quad.Quad, 0, len(a.Quads)+32)
	scoped := articleScopes(a.IRI)
	listed := map[string]bool{}
	quads := a.Quads
	if a.SourcePath != "" {
		quads = append(quads[:len(quads):len(quads)], quad.Quad{Subject: a.IRI, Predicate: schema.SourcePath, Object: quad.String(a.SourcePath)})
	}
	for _, q := range quads {
		q.Label = a.IRI
		if p, ok := contribution(q); ok {
			out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.Asserts, Object: tripleLiteral(q.Subject, p, q.Object), Label: a.IRI})
			continue
		}
		out = append(out, q)
		if q.Subject == a.IRI {
			continue
		}
		if sub, ok := q.Subject.(quad.IRI); ok && scoped(sub) {
			if !listed[sub.String()] {
				listed[sub.String()] = true
				out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.Node,
					Object: quad.TypedString{Value: quad.String(sub), Type: schema.XSDAnyURI}, Label: a.IRI})
			}
			continue
		}
		out = append(out, quad.Quad{Subject: a.IRI, Predicate: schema.QuadRef, Object: tripleLiteral(q.Subject, q.Predicate, q.Object), Label: a.IRI})
	}
	return out
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
// article node's own, those of the nodes its kg:node literals list, and
// those its kg:quad literals spell out.
func (s *Store) ArticleQuads(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	top, err := s.quadsWith(ctx, quad.Subject, iri, iri)
	if err != nil {
		return nil, err
	}
	out := append([]quad.Quad(nil), top...)
	done := map[string]bool{iri.String(): true}
	for _, q := range top {
		switch q.Predicate {
		case schema.Node:
			ts, ok := q.Object.(quad.TypedString)
			if !ok {
				continue
			}
			sub := quad.IRI(ts.Value)
			if done[sub.String()] {
				continue
			}
			done[sub.String()] = true
			qs, err := s.quadsWith(ctx, quad.Subject, sub, iri)
			if err != nil {
				return nil, err
			}
			out = append(out, qs...)
		case schema.QuadRef:
			t, err := parseTriple(q.Object)
			if err != nil {
				return nil, err
			}
			t.Label = iri
			out = append(out, t)
		}
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
