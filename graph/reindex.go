package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Older formats Reindex upgrades: 3, written before the store kept each
// entity's claims in rank buckets (schema.ClaimRank) and pair nodes, and
// 4, before it kept each entity's own date buckets of events (the kinds
// schema.EntityEvents and EntityReported). Everything else in them is as
// now.
func upgradable(f int) bool { return f == 3 || f == 4 }

// formatError explains a store of another format, and what to do.
func formatError(dir string, f int) error {
	if upgradable(f) {
		return fmt.Errorf("open store %s: format %d, written before kg kept each entity's claims ranked and its events by date; upgrade it once with `kg --db %s reindex` (minutes for a big store)", dir, f, dir)
	}
	return fmt.Errorf("open store %s: format %d, this kg reads format %d (export it with the kg that wrote it and load the N-Quads into a new store)", dir, f, formatVers)
}

// reindexBatch is how many rank members one transaction of Reindex adds.
const reindexBatch = 50_000

// ReindexProgress is called as Reindex goes: what ("claims", then
// "event rows") done of all.
type ReindexProgress func(what string, done, total int)

// Reindex brings the store in dir to this kg's format: it writes the claim
// rank buckets of every claim from the claim's stats (what a load now
// writes with them) and every shared entity's own date buckets of events
// from the event rows, then records the format in kg.json. It only adds
// quads, in transactions of reindexBatch, and records the format last, so
// a reindex that is stopped leaves a store the old format still describes
// and is simply run again; on a store already of this format it adds
// nothing. It returns the number of claims. A PostgreSQL store is not
// upgraded this way (export it and load the N-Quads into a new one).
func Reindex(ctx context.Context, dir string, opts *Options, progress ReindexProgress) (int, error) {
	if IsDatabase(dir) {
		return 0, errors.New("reindex: a PostgreSQL store is not upgraded in place; export it with the kg that wrote it and load the N-Quads into a new database")
	}
	m, err := readMeta(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, fmt.Errorf("reindex %s: no kg store there", dir)
	}
	if err != nil {
		return 0, err
	}
	if m.Format != formatVers && !upgradable(m.Format) {
		return 0, formatError(dir, m.Format)
	}
	o := Options{}
	if opts != nil {
		o = *opts
	}
	o.upgrade = true
	st, err := Open(dir, &o)
	if err != nil {
		return 0, err
	}
	n, err := st.reindex(ctx, progress)
	if err == nil && m.Format != formatVers {
		m.Format = formatVers
		err = writeMeta(dir, m)
	}
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return n, err
}

func (s *Store) reindex(ctx context.Context, progress ReindexProgress) (int, error) {
	// Read every claim's stats first: bolt cannot grow its file for a
	// write while a read of the same process is open.
	var stats []quad.Value
	err := s.eachQuad(ctx, match{p: schema.ClaimStats, label: schema.ClaimGraph}, func(q quad.Quad) error {
		stats = append(stats, q.Object)
		return nil
	})
	if err != nil {
		return 0, err
	}
	total := len(stats)
	if progress != nil {
		progress("claims", 0, total)
	}
	b := &deltaBatch{s: s, ctx: ctx, phase: "claims", total: total, progress: progress}
	last := time.Now()
	paired := map[string]bool{} // a claim with two versions of its stats has one pair member
	for i, v := range stats {
		var cs claimStats
		if json.Unmarshal([]byte(schema.Text(v)), &cs) != nil {
			continue
		}
		qs := claimRanks(quad.IRI(cs.Subject), quad.IRI(cs.Object), v)
		if q, ok := claimPair(quad.IRI(cs.Claim), quad.IRI(cs.Subject), quad.IRI(cs.Object)); ok && cs.Claim != "" && !paired[cs.Claim] {
			paired[cs.Claim] = true
			qs = append(qs, q)
		}
		for _, q := range qs {
			b.add(q)
		}
		stats[i] = nil
		if b.full() {
			if err := b.flush(i + 1); err != nil {
				return 0, err
			}
			last = time.Now()
		} else if progress != nil && time.Since(last) > 2*time.Second {
			progress("claims", i+1, total)
			last = time.Now()
		}
	}
	if err := b.flush(total); err != nil {
		return 0, err
	}
	if err := s.reindexEvents(ctx, progress); err != nil {
		return 0, err
	}
	if err := s.reindexCounts(ctx, progress); err != nil {
		return 0, err
	}
	if err := s.reindexPrune(ctx, progress); err != nil { // prune.go
		return 0, err
	}
	return total, nil
}

// reindexCounts gives a store that keeps no counts for kg stats (written
// by a kg before they were kept) the counts of a walk of every quad, in
// its totals, and records that its pair event buckets are complete (they
// are, after reindexEvents), in one transaction; a store that has both is
// left alone.
func (s *Store) reindexCounts(ctx context.Context, progress ReindexProgress) error {
	cur, versions, err := s.readTotals(ctx)
	if err != nil || cur.Counts != nil && cur.Pairs {
		return err
	}
	if cur.Counts == nil {
		if progress != nil {
			progress("counts", 0, 1)
		}
		st, err := s.walkStats(ctx)
		if err != nil {
			return err
		}
		if st.Quads == 0 {
			return nil // an empty store starts them with its first write
		}
		cur.Counts = countsOf(st)
	}
	cur.Pairs = true
	bs, _ := json.Marshal(cur)
	var deltas []cgraph.Delta
	for _, v := range versions {
		deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: v, Label: schema.IndexGraph}})
	}
	add := cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{Subject: schema.TimelineIndex, Predicate: schema.EntityStats, Object: quad.String(bs), Label: schema.IndexGraph}}
	// One removal and one addition of one subject, predicate and label:
	// no value of the addition is used less after the transaction (see
	// Store.apply). With more versions to remove, the removals go first,
	// and a reindex stopped between the two is run again.
	txs := [][]cgraph.Delta{append(deltas, add)}
	if len(versions) > 1 {
		txs = [][]cgraph.Delta{deltas, {add}}
	}
	for _, tx := range txs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.qs.ApplyDeltas(tx, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
	}
	if progress != nil {
		progress("counts", 1, 1)
	}
	return nil
}

// reindexEvents writes every shared entity's own date buckets from the
// event rows: the events and offices it has a role in, and those it is
// the source of (what derive writes with them).
func (s *Store) reindexEvents(ctx context.Context, progress ReindexProgress) error {
	type entry struct {
		key     string
		date    string
		end     string
		fillers []quad.IRI
		sources []quad.IRI
	}
	var entries []entry
	err := s.eachQuad(ctx, match{p: schema.IndexRow, label: schema.IndexGraph}, func(q quad.Quad) error {
		sub, _ := q.Subject.(quad.IRI)
		tail, ok := strings.CutPrefix(string(sub), schema.IndexNS+"row/")
		if !ok {
			return nil
		}
		var r row
		if json.Unmarshal([]byte(schema.Text(q.Object)), &r) != nil {
			return nil
		}
		e := &event{iri: quad.IRI(schema.EventNS + tail), date: r.Date, end: r.End}
		en := entry{key: memberKey(e, r.Article), date: r.Date, end: r.End}
		var fs []quad.IRI
		for _, l := range r.Roles {
			for _, f := range l {
				fs = append(fs, quad.IRI(f))
			}
		}
		en.fillers = uniqIRIs(fs)
		var rs []quad.IRI
		for _, x := range r.Reporter {
			rs = append(rs, quad.IRI(x))
		}
		en.sources = uniqIRIs(rs)
		entries = append(entries, en)
		return nil
	})
	if err != nil {
		return err
	}
	b := &deltaBatch{s: s, ctx: ctx, phase: "event rows", total: len(entries), progress: progress}
	listed := map[qkey]bool{}
	for i, en := range entries {
		for _, kind := range []string{schema.EntityEvents, schema.EntityReported} {
			ents := en.fillers
			if kind == schema.EntityReported {
				ents = en.sources
			}
			for _, f := range ents {
				idx, ok := schema.IndexOf(f)
				if !ok || isLocal(f) {
					continue
				}
				keys := []string{bucketMonth(en.date)}
				if en.end != "" {
					keys = append(keys, "span")
				}
				for _, k := range keys {
					b.add(quad.Quad{Subject: schema.Bucket(idx, kind, k), Predicate: schema.IndexMember, Object: quad.String(en.key), Label: schema.IndexGraph})
					mq := quad.Quad{Subject: idx, Predicate: schema.IndexMonth, Object: quad.String(kind + "/" + k), Label: schema.IndexGraph}
					if !listed[quadKey(mq)] {
						listed[quadKey(mq)] = true
						b.add(mq)
					}
				}
			}
		}
		// the pair event buckets of every two shared entities in it
		for _, pn := range pairIndexes(en.fillers) {
			keys := []string{bucketMonth(en.date)}
			if en.end != "" {
				keys = append(keys, "span")
			}
			for _, k := range keys {
				b.add(quad.Quad{Subject: schema.Bucket(pn, "", k), Predicate: schema.IndexMember, Object: quad.String(en.key), Label: schema.IndexGraph})
				mq := quad.Quad{Subject: pn, Predicate: schema.IndexMonth, Object: quad.String(k), Label: schema.IndexGraph}
				if !listed[quadKey(mq)] {
					listed[quadKey(mq)] = true
					b.add(mq)
				}
			}
		}
		if b.full() || i == len(entries)-1 {
			if err := b.flush(i + 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// deltaBatch gathers a reindex phase's additions and applies them
// reindexBatch at a time: one batch is one bolt transaction, and the
// mapped pages are released after each so that reindexing a big store
// does not hold it all resident.
type deltaBatch struct {
	s        *Store
	ctx      context.Context
	phase    string
	total    int
	progress ReindexProgress
	deltas   []cgraph.Delta
}

func (b *deltaBatch) add(q quad.Quad) {
	b.deltas = append(b.deltas, cgraph.Delta{Action: cgraph.Add, Quad: q})
}

func (b *deltaBatch) full() bool { return len(b.deltas) >= reindexBatch }

// flush applies what is gathered and reports done of the phase's total.
func (b *deltaBatch) flush(done int) error {
	if len(b.deltas) == 0 {
		return nil
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if err := b.s.qs.ApplyDeltas(b.deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	releaseMapped(b.s.bolt)
	b.deltas = b.deltas[:0]
	if b.progress != nil {
		b.progress(b.phase, done, b.total)
	}
	return nil
}
