package graph

import (
	"context"
	"errors"
	"sync"

	"github.com/boltdb/bolt"
	"github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// boltKV is the key-value store under a writable bolt store's Cayley quad
// store: hidalgo's bolt adapter for reads, and for writes a transaction of
// its own, for two reasons.
//
// One write, one transaction. Cayley's kv ApplyDeltas is one bolt
// transaction, but a batch that removes more uses of a value than it adds
// cannot be one ApplyDeltas (Cayley drops that value from the quads it
// adds: see Store.apply), so such a write was two transactions with a
// journal between them — on a corpus load, almost every batch (an entity
// moving up a rank bucket takes a member from the bucket below). Inside
// share, every ApplyDeltas writes into one bolt transaction, committed
// once at the end: the additions, then the removals, all or nothing,
// with no journal and one fsync.
//
// Buckets looked up once. Cayley writes every key as (bucket, key), and
// hidalgo's adapter looks the bucket up in the root (CreateBucketIfNotExists,
// a cursor seek) for every Put and Get: 7% of a corpus load's CPU. A
// write transaction here keeps the buckets it has found.
type boltKV struct {
	*hbolt.DB
	db *bolt.DB

	mu     sync.Mutex
	shared *bolt.Tx // the transaction of share, while it runs
	// commits counts the write transactions share's has taken in so far
	// (each ApplyDeltas commits its own), for failPut
	commits int
	// failPut, set by tests only, makes a Put fail: called with commits
	failPut func(commits int) error
}

func newBoltKV(db *hbolt.DB) *boltKV { return &boltKV{DB: db, db: db.DB()} }

// Tx opens a transaction: a reader of hidalgo's adapter, or a writer; in
// share, the writer is share's transaction, which only share commits.
func (k *boltKV) Tx(ctx context.Context, rw bool) (kv.Tx, error) {
	if !rw {
		return k.DB.Tx(ctx, false)
	}
	k.mu.Lock()
	shared := k.shared
	k.mu.Unlock()
	if shared != nil {
		return &boltTx{kv: k, tx: shared, shared: true, buckets: map[string]*bolt.Bucket{}}, nil
	}
	tx, err := k.db.Begin(true)
	if err != nil {
		return nil, err
	}
	return &boltTx{kv: k, tx: tx, buckets: map[string]*bolt.Bucket{}}, nil
}

func (k *boltKV) View(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.View(ctx, k, fn)
}

func (k *boltKV) Update(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.Update(ctx, k, fn)
}

// share runs fn with every write transaction opened meanwhile being one
// bolt transaction, and commits it if fn succeeds; if fn fails or the
// commit does, nothing fn wrote is in the store. The caller is the only
// writer (Cayley's own writer lock is taken per ApplyDeltas, inside fn).
func (k *boltKV) share(fn func() error) error {
	tx, err := k.db.Begin(true)
	if err != nil {
		return err
	}
	k.mu.Lock()
	k.shared, k.commits = tx, 0
	k.mu.Unlock()
	err = fn()
	k.mu.Lock()
	k.shared = nil
	k.mu.Unlock()
	if err != nil {
		return errors.Join(err, ignoreClosed(tx.Rollback()))
	}
	return tx.Commit()
}

func ignoreClosed(err error) error {
	if errors.Is(err, bolt.ErrTxClosed) {
		return nil
	}
	return err
}

// boltTx is a write transaction: hidalgo's bolt adapter's semantics (a
// key is its buckets' names, then the key in the last), with the buckets
// it has found kept.
type boltTx struct {
	kv      *boltKV
	tx      *bolt.Tx
	shared  bool // share's: Commit and Close leave it to share
	done    bool
	buckets map[string]*bolt.Bucket // top-level buckets found or made
}

var errScanInWrite = errors.New("kg: a scan inside a write transaction is not supported")

func (t *boltTx) top(name []byte, create bool) (*bolt.Bucket, error) {
	if b := t.buckets[string(name)]; b != nil {
		return b, nil
	}
	// the bucket almost always exists: one seek to find it (bolt's
	// CreateBucketIfNotExists seeks to fail creating it, then again)
	b := t.tx.Bucket(name)
	var err error
	if b == nil && create {
		b, err = t.tx.CreateBucketIfNotExists(name)
	}
	if b != nil {
		t.buckets[string(name)] = b
	}
	return b, err
}

func (t *boltTx) root() *bolt.Bucket { return t.tx.Cursor().Bucket() }

// bucket finds the bucket of a key and the key's last part.
func (t *boltTx) bucket(key kv.Key) (*bolt.Bucket, kv.Key) {
	if len(key) <= 1 {
		return t.root(), key
	}
	b, _ := t.top(key[0], false)
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (t *boltTx) Get(ctx context.Context, key kv.Key) (kv.Value, error) {
	b, k := t.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, kv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, kv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(ctx context.Context, keys []kv.Key) ([]kv.Value, error) {
	vals := make([]kv.Value, len(keys))
	for i, key := range keys {
		if b, k := t.bucket(key); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (t *boltTx) Put(ctx context.Context, k kv.Key, v kv.Value) error {
	if t.kv.failPut != nil {
		if err := t.kv.failPut(t.kv.commits); err != nil {
			return err
		}
	}
	var b *bolt.Bucket
	var err error
	if len(k) <= 1 {
		b = t.root()
	} else {
		b, err = t.top(k[0], true)
		k = k[1:]
	}
	for err == nil && b != nil && len(k) > 1 {
		b, err = b.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	if err != nil {
		return err
	} else if len(k[0]) == 0 && len(v) == 0 {
		return nil // a bucket made, no value
	}
	return b.Put(k[0], v)
}

func (t *boltTx) Del(ctx context.Context, k kv.Key) error {
	b, k := t.bucket(k)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

// Scan is not used by Cayley's writes (its reads open read transactions,
// which are hidalgo's); an iterator that says so rather than one that
// silently finds nothing.
func (t *boltTx) Scan(ctx context.Context, opts ...kv.IteratorOption) kv.Iterator {
	return errIterator{}
}

func (t *boltTx) Commit(ctx context.Context) error {
	if t.shared {
		if !t.done {
			t.kv.commits++
		}
		t.done = true
		return nil
	}
	if t.done {
		return bolt.ErrTxClosed
	}
	t.done = true
	return t.tx.Commit()
}

func (t *boltTx) Close() error {
	if t.shared || t.done {
		return nil
	}
	t.done = true
	return ignoreClosed(t.tx.Rollback())
}

type errIterator struct{}

func (errIterator) Next(context.Context) bool { return false }
func (errIterator) Err() error                { return errScanInWrite }
func (errIterator) Close() error              { return nil }
func (errIterator) Reset()                    {}
func (errIterator) Key() kv.Key               { return nil }
func (errIterator) Val() kv.Value             { return nil }
