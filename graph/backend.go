package graph

import (
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// openBackend opens the Cayley quad store of a kg store.
//
// Cayley's kv stores build a 100M-entry bloom filter on open by scanning
// every quad (hundreds of MB and ms on a large store); kg de-duplicates its
// writes itself, so it always passes no_bloom.
func openBackend(dir, backend string, readOnly, noSync bool, timeout time.Duration) (cgraph.QuadStore, error) {
	if backend == "bolt" {
		return openBolt(filepath.Join(dir, dataDir), readOnly, timeout, noSync)
	}
	return cgraph.NewQuadStore(backend, filepath.Join(dir, dataDir), cgraph.Options{
		"no_bloom": true,
		"nosync":   noSync,
	})
}

// openBolt opens the bolt file itself rather than through Cayley's registry,
// which opens it read-write with no timeout: a second process would block
// forever on bolt's file lock. Here readers share the lock and everyone
// gives up after timeout.
func openBolt(path string, readOnly bool, timeout time.Duration, noSync bool) (cgraph.QuadStore, error) {
	db, err := hbolt.Open(filepath.Join(path, "indexes.bolt"), &bolt.Options{ReadOnly: readOnly, Timeout: timeout})
	if err != nil {
		if err == bolt.ErrTimeout {
			return nil, &LockedError{Dir: filepath.Dir(path)}
		}
		return nil, err
	}
	if noSync && !readOnly {
		db.DB().NoSync = true
		db.DB().NoGrowSync = true
	}
	qs, err := ckv.New(db, cgraph.Options{"no_bloom": true})
	if err != nil {
		db.Close()
		return nil, err
	}
	return qs, nil
}
