package graph

import (
	"encoding/binary"
	"encoding/json"
	"slices"
	"testing"

	"github.com/boltdb/bolt"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"google.golang.org/protobuf/proto"

	"github.com/kgnews/kg/schema"
)

// deadRecords reads a bolt store's log and quad indexes: the dead quads
// the log records, and how many IDs of dead (or missing) quads the index
// entries list.
func deadRecords(t *testing.T, db *bolt.DB) (dead []*cproto.Primitive, listed int) {
	t.Helper()
	err := db.View(func(tx *bolt.Tx) error {
		log := tx.Bucket(logBucket)
		var inds []ckv.QuadIndex
		if err := json.Unmarshal(tx.Bucket([]byte("meta")).Get([]byte("indexes")), &inds); err != nil {
			return err
		}
		if err := log.ForEach(func(k, v []byte) error {
			p := new(cproto.Primitive)
			if err := proto.Unmarshal(v, p); err != nil {
				return err
			}
			if p.Deleted && !p.IsNode() {
				dead = append(dead, p)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, ind := range inds {
			if err := tx.Bucket(ind.Key(nil)[0]).ForEach(func(k, v []byte) error {
				for len(v) > 0 {
					id, n := binary.Uvarint(v)
					v = v[n:]
					var key [8]byte
					binary.BigEndian.PutUint64(key[:], id)
					var p cproto.Primitive
					raw := log.Get(key[:])
					if raw == nil || proto.Unmarshal(raw, &p) != nil || p.Deleted {
						listed++
					}
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dead, listed
}

// Loads, replacements and removals rewrite literals (an entity's stats,
// the store's totals, claims' stats and rank buckets): the quads they
// remove stay in Cayley's log as dead records, and no index entry lists
// them after the write's own transaction.
func TestWritesLeaveNoDeadQuadsInTheIndexes(t *testing.T) {
	s := openTemp(t, "bolt")
	steps := []struct {
		name string
		do   func() error
	}{
		{"load a", func() error {
			_, err := s.Load(ctx, coded("a", "/a.txt", "042", "CONSULT", "kim", "putin"))
			return err
		}},
		{"load b", func() error { _, err := s.Load(ctx, coded("b", "/b.txt", "", "", "kim", "putin")); return err }},
		{"a batch", func() error {
			_, err := s.LoadBatch(ctx, []*Article{coded("c", "/c.txt", "", "", "putin", "kim"), coded("d", "/d.txt", "141", "", "kim", "xi")})
			return err
		}},
		{"replace b", func() error { _, err := s.Load(ctx, coded("b", "/b.txt", "", "", "kim", "trump")); return err }},
		{"remove a", func() error { _, err := s.Retract(ctx, schema.ArticleIRI("a")); return err }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		dead, listed := deadRecords(t, s.bolt)
		if listed != 0 {
			t.Errorf("after %s: the quad indexes list %d IDs of dead quads", st.name, listed)
		}
		if st.name == "load b" && len(dead) == 0 {
			t.Fatalf("after %s: no dead quads in the log (the test needs a write that replaces literals)", st.name)
		}
	}
}

// kg reindex takes the dead quads out of the indexes of a store written
// before the writes pruned them, and the store's quads stay as they were.
func TestReindexPrunesDeadQuads(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*Article{coded("a", "/a.txt", "042", "CONSULT", "kim", "putin"), coded("b", "/b.txt", "", "", "kim", "putin"), coded("b", "/b.txt", "", "", "kim", "xi")} {
		if _, err := s.Load(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// as Cayley leaves them without the pruning: every dead quad's ID
	// still in each index entry it was listed in
	dead, _ := deadRecords(t, s.bolt)
	if len(dead) == 0 {
		t.Fatal("no dead quads to put back")
	}
	err = s.bolt.Update(func(tx *bolt.Tx) error {
		var inds []ckv.QuadIndex
		if err := json.Unmarshal(tx.Bucket([]byte("meta")).Get([]byte("indexes")), &inds); err != nil {
			return err
		}
		for _, p := range dead {
			for _, ind := range inds {
				k := ind.KeyFor(p)
				b := tx.Bucket(k[0])
				var ids []uint64
				for v := b.Get(k[1]); len(v) > 0; {
					id, n := binary.Uvarint(v)
					v = v[n:]
					ids = append(ids, id)
				}
				ids = append(ids, p.ID)
				slices.Sort(ids)
				var out []byte
				for _, id := range ids {
					out = binary.AppendUvarint(out, id)
				}
				if err := b.Put(k[1], out); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	if _, listed := deadRecords(t, s.bolt); listed < len(dead) {
		t.Fatalf("the indexes list %d dead IDs, want at least %d", listed, len(dead))
	}
	s = reindexed(t, s, dir)
	defer s.Close()
	if _, listed := deadRecords(t, s.bolt); listed != 0 {
		t.Errorf("after reindex the quad indexes list %d IDs of dead quads", listed)
	}
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("reindex changed the quads: %d before, %d after", len(before), len(after))
	}
	// and the store is written to as before
	if _, err := s.Load(ctx, coded("c", "/c.txt", "", "", "kim", "xi")); err != nil {
		t.Fatal(err)
	}
	if _, listed := deadRecords(t, s.bolt); listed != 0 {
		t.Errorf("after a load the quad indexes list %d IDs of dead quads", listed)
	}
}
