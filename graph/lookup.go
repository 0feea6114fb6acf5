package graph

import (
	"context"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// Exact lookups: the quads with a given subject and predicate, object and
// predicate, or subject, predicate and object, whatever their label.
//
// They ask the backend's own shape optimizer for the scan: Cayley's kv
// stores (bolt, leveldb) index (subject, predicate) and (object,
// predicate, subject), so each lookup reads only the quads it returns,
// however many other quads share the subject or object — the article
// loaded ten thousand times over does not slow the next one down. A
// backend without such an index still answers, by intersecting its
// single-direction iterators. See README "The store" for what a second
// backend must provide.

// match is one lookup: values fixed in some directions, and optionally a
// label the quads must carry (compared by reference, before decoding).
type match struct {
	s, p, o quad.Value
	label   quad.Value
}

// quads returns the quads of m.
func (s *Store) quads(ctx context.Context, m match) ([]quad.Quad, error) {
	var out []quad.Quad
	err := s.eachQuad(ctx, m, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// eachQuad calls fn for every quad of m.
func (s *Store) eachQuad(ctx context.Context, m match, fn func(quad.Quad) error) error {
	if s.pg != nil {
		return s.pg.scan(ctx, m, fn)
	}
	filter := map[quad.Direction]cgraph.Ref{}
	for _, f := range []struct {
		d quad.Direction
		v quad.Value
	}{{quad.Subject, m.s}, {quad.Predicate, m.p}, {quad.Object, m.o}} {
		if f.v == nil {
			continue
		}
		ref, err := s.qs.ValueOf(f.v)
		if err != nil {
			return err
		}
		if ref == nil {
			return nil // a value the store does not hold: no quad has it
		}
		filter[f.d] = ref
	}
	var lref cgraph.Ref
	if m.label != nil {
		r, err := s.qs.ValueOf(m.label)
		if err != nil || r == nil {
			return err
		}
		lref = r
	}
	sh, check := s.scanIterator(ctx, filter)
	it := sh.Iterate()
	defer it.Close()
next:
	for it.Next(ctx) {
		r := it.Result()
		if lref != nil && !s.dirIs(r, quad.Label, lref) {
			continue
		}
		for d, want := range check {
			if !s.dirIs(r, d, want) {
				continue next
			}
		}
		q, err := s.qs.Quad(r)
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// scanIterator iterates the quads that have the filter's values, but
// for those of check, which the caller compares on each quad.
//
// On Cayley's kv stores it scans the index whose leading directions the
// filter fixes, as far as it fixes them: (subject, predicate) or (object,
// predicate, subject). Cayley's own optimizer gives up on a filter that
// fixes a prefix of an index but not all of it — (object, predicate) of
// the OPS index — and intersects single-direction iterators instead, of
// which the predicate's is a scan of every quad; which of the two drives
// the intersection depends on map order, so a lookup such as "the article
// with this content hash" read the whole store one time in two (6.5 s of
// CPU on the 10,000-article store instead of a few milliseconds).
func (s *Store) scanIterator(ctx context.Context, filter map[quad.Direction]cgraph.Ref) (iterator.Shape, map[quad.Direction]cgraph.Ref) {
	if kqs, ok := s.qs.(*kv.QuadStore); ok {
		var best kv.QuadIndex
		var vals []uint64
		for _, ind := range kv.DefaultQuadIndexes {
			var vs []uint64
			for _, d := range ind.Dirs {
				r, ok := filter[d].(kv.Int64Value)
				if !ok {
					break
				}
				vs = append(vs, uint64(r))
			}
			if len(vs) > len(vals) {
				best, vals = ind, vs
			}
		}
		if len(vals) > 0 {
			check := map[quad.Direction]cgraph.Ref{}
			for d, r := range filter {
				if !slices.Contains(best.Dirs[:len(vals)], d) {
					check[d] = r
				}
			}
			return kv.IndexScan{Index: best, Values: vals}.BuildIterator(kqs), check
		}
	}
	if len(filter) == 1 {
		for d, r := range filter {
			return s.qs.QuadIterator(d, r), nil
		}
	}
	if opt, ok := s.qs.(shape.Optimizer); ok {
		if sh, ok := opt.OptimizeShape(ctx, shape.QuadsAction{Result: quad.Subject, Filter: filter}); ok {
			if nf, ok := sh.(shape.NodesFrom); ok && nf.Quads != nil {
				return nf.Quads.BuildIterator(s.qs), nil
			}
		}
	}
	// Other backends: an And iterates its first part and checks the
	// others, in the order given (Cayley reorders only in Optimize). The kv stores' indexes
	// begin with the subject or the object, so one of those leads; a
	// predicate alone has no index and its iterator scans every quad. In
	// map order the predicate led half the time: the (predicate, object)
	// lookup of kg load's unchanged-file check (the object index holds
	// (object, predicate, subject), which the optimizer above does not take
	// for a two-value filter) read the whole store for each file.
	var its []iterator.Shape
	for _, d := range []quad.Direction{quad.Subject, quad.Object, quad.Predicate, quad.Label} {
		if r, ok := filter[d]; ok {
			its = append(its, s.qs.QuadIterator(d, r))
		}
	}
	return iterator.NewAnd(its...), nil
}

// has reports whether the store holds exactly this quad.
func (s *Store) has(ctx context.Context, q quad.Quad) (bool, error) {
	found := false
	err := s.eachQuad(ctx, match{s: q.Subject, p: q.Predicate, o: q.Object, label: q.Label}, func(quad.Quad) error {
		found = true
		return errStop
	})
	if err == errStop {
		err = nil
	}
	return found, err
}

// objects returns the objects of the quads (subj, pred, *, label).
func (s *Store) objects(ctx context.Context, subj, pred, label quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	err := s.eachQuad(ctx, match{s: subj, p: pred, label: label}, func(q quad.Quad) error {
		out = append(out, q.Object)
		return nil
	})
	return out, err
}

// subjects returns the subjects of the quads (*, pred, obj, label).
func (s *Store) subjects(ctx context.Context, pred, obj, label quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	err := s.eachQuad(ctx, match{p: pred, o: obj, label: label}, func(q quad.Quad) error {
		out = append(out, q.Subject)
		return nil
	})
	return out, err
}

type stopError struct{}

func (stopError) Error() string { return "stop" }

// errStop ends an iteration early; it never reaches a caller.
var errStop error = stopError{}
