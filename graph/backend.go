package graph

import (
	"path/filepath"
	"reflect"
	"syscall"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// openBackend opens the Cayley quad store of a kg store.
//
// Cayley's kv stores build a 100M-entry bloom filter on open by scanning
// every quad (hundreds of MB and ms on a large store); kg de-duplicates its
// writes itself, so it always passes no_bloom.
func openBackend(dir, backend string, readOnly, noSync bool, timeout time.Duration) (cgraph.QuadStore, *bolt.DB, *boltKV, error) {
	if backend == "bolt" {
		return openBolt(filepath.Join(dir, dataDir), readOnly, timeout, noSync)
	}
	qs, err := cgraph.NewQuadStore(backend, filepath.Join(dir, dataDir), cgraph.Options{
		"no_bloom": true,
		"nosync":   noSync,
	})
	return qs, nil, nil, err
}

// openBolt opens the bolt file itself rather than through Cayley's registry,
// which opens it read-write with no timeout: a second process would block
// forever on bolt's file lock. Here readers share the lock and everyone
// gives up after timeout.
//
// A writable store's quad store runs on a boltKV (boltkv.go): writes in
// transactions kg can make span several ApplyDeltas (Store.apply).
func openBolt(path string, readOnly bool, timeout time.Duration, noSync bool) (cgraph.QuadStore, *bolt.DB, *boltKV, error) {
	db, err := hbolt.Open(filepath.Join(path, "indexes.bolt"), &bolt.Options{ReadOnly: readOnly, Timeout: timeout})
	if err != nil {
		if err == bolt.ErrTimeout {
			return nil, nil, nil, &LockedError{Dir: filepath.Dir(path)}
		}
		return nil, nil, nil, err
	}
	if noSync && !readOnly {
		db.DB().NoSync = true
		db.DB().NoGrowSync = true
	}
	var store hkv.KV = db
	var bkv *boltKV
	if !readOnly {
		bkv = newBoltKV(db)
		store = prunedKV{bkv} // prune.go, over boltkv.go's shared transactions
	}
	qs, err := ckv.New(store, cgraph.Options{"no_bloom": true})
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	return qs, db.DB(), bkv, nil
}

// DropMapped drops the pages of the store's file that this process has
// mapped (see releaseMapped), between reads or writes: a reader kept open
// for many queries calls it to hold no more of the file than a query needs.
func (s *Store) DropMapped() { releaseMapped(s.bolt) }

// releaseMapped drops the pages of a bolt file from the process's resident
// set; they stay in the kernel's page cache, and a later read maps them
// again. Bolt reads through a shared read-only mapping of the whole file,
// so a long load, which reads all over a growing file, would otherwise
// hold as much memory as the file is large. It is called between write
// transactions, when bolt cannot be remapping the file.
func releaseMapped(db *bolt.DB) {
	if db == nil {
		return
	}
	info := db.Info()
	// The mapping's length, not the file's: bolt grows the file ahead of
	// its mapping, and advising past the mapping would drop the pages of
	// whatever lies after it (the Go heap). bolt keeps it unexported.
	f := reflect.ValueOf(db).Elem().FieldByName("datasz")
	if info == nil || info.Data == 0 || !f.IsValid() || f.Kind() != reflect.Int || f.Int() <= 0 {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(f.Int()), syscall.MADV_DONTNEED)
}
