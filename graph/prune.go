package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/hidal-go/hidalgo/kv"
	"google.golang.org/protobuf/proto"
)

// Cayley's kv backend (bolt) never takes a removed quad out of its quad
// indexes: it marks the quad's record in its log dead and leaves the
// quad's ID in the index entries it was listed in ([subject, predicate]
// and [object, predicate, subject]), so that every later read of such an
// entry fetches the dead record from the log and skips it. kg replaces
// some literals with every write: an entity's stats, the store's totals, a
// claim's stats and its rank-bucket members. On the 10,000-article store
// of the corpus benchmark an index entry held up to 4,000 dead IDs, and
// reading the store's totals (one live literal) took 3.4 ms instead of
// 0.05 ms, India's stats 2 ms; every hub query and the entities list read
// many such entries.
//
// prunedKV wraps the bolt store that Cayley writes through so that each
// write transaction, before it commits, takes the IDs of the quads it
// marked dead out of their index entries: in the same transaction, so the
// pruning is all or nothing with the write. A store written by an older kg
// is pruned by kg reindex (pruneDeadIDs).
type prunedKV struct{ kv.KV }

func (db prunedKV) Tx(ctx context.Context, rw bool) (kv.Tx, error) {
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	return &prunedTx{Tx: tx}, nil
}

func (db prunedKV) View(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.View(ctx, db, fn)
}

func (db prunedKV) Update(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.Update(ctx, db, fn)
}

// prunedTx records the quads a write transaction marks dead.
type prunedTx struct {
	kv.Tx
	dead []*cproto.Primitive
}

// logBucket is the bucket of Cayley's log: a record per node and quad by
// ID (cayley/graph/kv keeps the name unexported).
var logBucket = []byte("log")

// deadSuffix ends an encoded record whose Deleted field (9, a varint) is
// true: the field comes last, and a record without it ends otherwise
// unless its value does, so only those records are decoded.
var deadSuffix = []byte{9<<3 | 0, 1}

func (tx *prunedTx) Put(ctx context.Context, k kv.Key, v kv.Value) error {
	if err := tx.Tx.Put(ctx, k, v); err != nil {
		return err
	}
	if len(k) == 2 && bytes.Equal(k[0], logBucket) && bytes.HasSuffix(v, deadSuffix) {
		p := new(cproto.Primitive)
		if err := proto.Unmarshal(v, p); err != nil {
			return fmt.Errorf("prune: a dead record: %w", err)
		}
		if p.Deleted && !p.IsNode() {
			tx.dead = append(tx.dead, p)
		}
	}
	return nil
}

func (tx *prunedTx) Commit(ctx context.Context) error {
	if len(tx.dead) > 0 {
		inds, err := quadIndexes(ctx, tx.Tx)
		if err != nil {
			return err
		}
		if err := pruneEntries(ctx, tx.Tx, inds, tx.dead); err != nil {
			return err
		}
		tx.dead = nil
	}
	return tx.Tx.Commit(ctx)
}

// quadIndexes are the quad indexes of the store, as Cayley records them
// (cayley/graph/kv: readIndexesMeta; a store without the record has the
// indexes of Cayley before 0.7.6).
func quadIndexes(ctx context.Context, tx kv.Tx) ([]ckv.QuadIndex, error) {
	v, err := tx.Get(ctx, kv.Key{[]byte("meta"), []byte("indexes")})
	if errors.Is(err, kv.ErrNotFound) {
		return []ckv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}, nil
	}
	if err != nil {
		return nil, err
	}
	var inds []ckv.QuadIndex
	if err := json.Unmarshal(v, &inds); err != nil || len(inds) == 0 {
		return nil, fmt.Errorf("prune: the store's quad indexes: %q: %v", v, err)
	}
	return inds, nil
}

// pruneEntries removes the IDs of the dead quads from every index entry
// that lists them.
func pruneEntries(ctx context.Context, tx kv.Tx, inds []ckv.QuadIndex, dead []*cproto.Primitive) error {
	type entry struct {
		key  kv.Key
		drop map[uint64]bool
	}
	var order []string
	entries := map[string]*entry{}
	for _, p := range dead {
		for _, ind := range inds {
			k := ind.KeyFor(p)
			ks := string(bytes.Join(k, []byte{0}))
			e := entries[ks]
			if e == nil {
				e = &entry{key: k, drop: map[uint64]bool{}}
				entries[ks] = e
				order = append(order, ks)
			}
			e.drop[p.ID] = true
		}
	}
	for _, ks := range order {
		e := entries[ks]
		v, err := tx.Get(ctx, e.key)
		if errors.Is(err, kv.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		kept, changed, err := withoutIDs(v, func(id uint64) bool { return e.drop[id] })
		if err != nil {
			return fmt.Errorf("prune: index entry %x: %w", e.key, err)
		}
		if !changed {
			continue
		}
		if len(kept) == 0 {
			err = tx.Del(ctx, e.key)
		} else {
			err = tx.Put(ctx, e.key, kept)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// withoutIDs is an index entry (quad IDs, uvarints, ascending) without
// the IDs drop says, and whether any went.
func withoutIDs(v []byte, drop func(uint64) bool) ([]byte, bool, error) {
	out := make([]byte, 0, len(v))
	changed := false
	for len(v) > 0 {
		id, n := binary.Uvarint(v)
		if n <= 0 {
			return nil, false, errors.New("a malformed list of quad IDs")
		}
		if drop(id) {
			changed = true
		} else {
			out = append(out, v[:n]...)
		}
		v = v[n:]
	}
	return out, changed, nil
}

// pruneBatch is how many index entries one transaction of pruneDeadIDs
// rewrites.
const pruneBatch = 20000

// pruneDeadIDs takes the IDs of dead quads out of every index entry of a
// bolt store (what a store written by a kg before prunedKV holds): it
// reads every entry once, checking each ID against the log, and rewrites
// those that list a dead one, in transactions of pruneBatch entries. The
// pruning changes no answer, so a run that is stopped leaves a store as
// good as before, and is simply run again. It returns the number of IDs
// removed.
func pruneDeadIDs(ctx context.Context, db *bolt.DB) (int, error) {
	if db == nil {
		return 0, nil
	}
	var inds []ckv.QuadIndex
	err := db.View(func(btx *bolt.Tx) error {
		meta := btx.Bucket([]byte("meta"))
		v := []byte(nil)
		if meta != nil {
			v = meta.Get([]byte("indexes"))
		}
		if v == nil {
			inds = []ckv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}
			return nil
		}
		return json.Unmarshal(v, &inds)
	})
	if err != nil {
		return 0, fmt.Errorf("prune: the store's quad indexes: %w", err)
	}
	removed := 0
	for _, ind := range inds {
		name := ind.Key(nil)[0]
		type update struct{ k, v []byte }
		var ups []update
		err := db.View(func(btx *bolt.Tx) error {
			log, b := btx.Bucket(logBucket), btx.Bucket(name)
			if log == nil || b == nil {
				return nil
			}
			var key [8]byte
			live := func(id uint64) bool {
				binary.BigEndian.PutUint64(key[:], id)
				raw := log.Get(key[:])
				if raw == nil {
					return false
				}
				if !bytes.HasSuffix(raw, deadSuffix) {
					return true
				}
				var p cproto.Primitive
				return proto.Unmarshal(raw, &p) == nil && !p.Deleted
			}
			n := 0
			return b.ForEach(func(k, v []byte) error {
				if n++; n%4096 == 0 && ctx.Err() != nil {
					return ctx.Err()
				}
				gone := 0
				kept, changed, err := withoutIDs(v, func(id uint64) bool {
					if live(id) {
						return false
					}
					gone++
					return true
				})
				if err != nil {
					return fmt.Errorf("prune: index entry %x: %w", k, err)
				}
				if changed {
					removed += gone
					ups = append(ups, update{append([]byte(nil), k...), kept})
				}
				return nil
			})
		})
		if err != nil {
			return removed, err
		}
		for i := 0; i < len(ups); i += pruneBatch {
			if err := ctx.Err(); err != nil {
				return removed, err
			}
			batch := ups[i:min(i+pruneBatch, len(ups))]
			err := db.Update(func(btx *bolt.Tx) error {
				b := btx.Bucket(name)
				for _, u := range batch {
					var err error
					if len(u.v) == 0 {
						err = b.Delete(u.k)
					} else {
						err = b.Put(u.k, u.v)
					}
					if err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return removed, fmt.Errorf("prune: %w", err)
			}
		}
	}
	return removed, nil
}

// reindexPrune is kg reindex's last step: the dead IDs out of a bolt
// store's quad indexes (pruneDeadIDs).
func (s *Store) reindexPrune(ctx context.Context, progress ReindexProgress) error {
	n, err := pruneDeadIDs(ctx, s.bolt)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if progress != nil {
		progress("IDs of removed quads taken out of the indexes", n, n)
	}
	return nil
}
