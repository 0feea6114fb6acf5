package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	// The two embedded backends kg offers; see Backends.
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb"
)

// Backends lists the Cayley backends a store can be created with. The first
// is the default; README.md gives the measurements behind the choice.
var Backends = []string{"bolt", "leveldb"}

// Options control Open. The zero value opens (or creates) a store with the
// default backend, waiting up to two seconds for another process to let go.
type Options struct {
	// Backend is used only when the store is created; an existing store
	// records its own backend in kg.json.
	Backend string
	// LockTimeout bounds the wait for another process holding the store.
	LockTimeout time.Duration
	// Owner is written into the lock file (Command and Addr; PID and Since
	// are filled in).
	Owner Owner
	// NoSync skips fsync on commit: faster, but a power loss (not a crash of
	// the process) may lose the last commits. For benchmarks and tests.
	NoSync bool
	// upgrade lets Reindex open a store of the format before this one.
	upgrade bool
}

// Store is a kg knowledge graph on disk: a Cayley quad store plus the rules
// that keep it consistent article by article. Only one process opens a store
// at a time; within the process a Store is safe for concurrent use, and
// writes are serialised.
type Store struct {
	dir     string
	backend string
	qs      cgraph.QuadStore
	bolt    *bolt.DB // the bolt file under qs, when the backend is bolt
	kv      *boltKV  // its key-value store, when the store is bolt and writable
	broken  error    // a failed write to kv: no more writes (see applyShared)
	pg      *pgStore // kg's own access to a PostgreSQL store (postgres.go)
	lease   *Lease   // set when the Store owns its lock (Open)
	who     string   // the owner's command, for naming a writer to others

	wmu      sync.Mutex // serialises Load and Retract
	readOnly bool
}

// meta is the store's own description, kept in DIR/kg.json.
type meta struct {
	Format  int    `json:"format"`
	Backend string `json:"backend"`
	Created string `json:"created"`
}

const (
	metaName = "kg.json"
	dataDir  = "data"
	// formatVers 5: claims ranked per entity (schema.ClaimRank, 4) and
	// each entity's events in date buckets of its own (5); 3 and 4 are
	// upgraded by Reindex.
	formatVers = 5
)

// Open opens the store in dir, creating it (and dir) on first use. It fails
// with a *LockedError if another process holds the store for longer than
// opts.LockTimeout. Closing the store releases the lock.
func Open(dir string, opts *Options) (*Store, error) {
	l, err := Acquire(dir, opts)
	if err != nil {
		return nil, err
	}
	s, err := l.Open()
	if err != nil {
		l.Release()
		return nil, err
	}
	s.lease = l
	return s, nil
}

// Lease is the right to a store: its lock, held without keeping the store
// open. A process that runs queries in worker processes (which open the
// store with OpenReader) holds a Lease, and opens the store for writing
// only while it writes.
type Lease struct {
	dir   string
	opts  Options
	lock  *lockFile
	owner Owner
}

// Acquire takes the lock of the store in dir, creating the store on first
// use. It fails with a *LockedError if another process holds the lock for
// longer than opts.LockTimeout.
func Acquire(dir string, opts *Options) (*Lease, error) {
	if opts == nil {
		opts = &Options{}
	}
	if IsDatabase(dir) {
		// PostgreSQL coordinates its writers (see hold): a lease there
		// holds nothing, and any number of processes may have one.
		if err := pgInit(context.Background(), dir); err != nil {
			return nil, err
		}
		return &Lease{dir: dir, opts: *opts, owner: opts.Owner}, nil
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("open store %s: not a directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	timeout := opts.LockTimeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	owner := opts.Owner
	owner.PID = os.Getpid()
	owner.Since = time.Now().UTC().Truncate(time.Second)
	if owner.Command == "" {
		owner.Command = "kg"
	}
	lk, err := acquireLock(dir, owner, timeout)
	if err != nil {
		return nil, err
	}
	if err := initStore(dir, opts.Backend); err != nil {
		lk.release()
		return nil, err
	}
	l := &Lease{dir: dir, opts: *opts, lock: lk, owner: owner}
	// A write interrupted by a crash is undone before anyone reads: the
	// leaseholder's readers (query workers) never open the store read-write.
	if _, err := os.Stat(filepath.Join(dir, journalName)); err == nil {
		st, err := l.Open()
		if err != nil {
			lk.release()
			return nil, err
		}
		st.Close()
	}
	return l, nil
}

// Dir is the location of the leased store: its directory, or the
// PostgreSQL connection string it was acquired with.
func (l *Lease) Dir() string { return l.dir }

// Exclusive reports whether the lease keeps every other writer out (a
// directory store's lock file). A PostgreSQL store's lease does not:
// writers in several processes take turns batch by batch, and readers
// never wait for a writer.
func (l *Lease) Exclusive() bool { return l.lock != nil }

// Open opens the leased store for reading and writing. With bolt it waits
// (up to the lock timeout) for readers in other processes to close. The
// caller closes the store; the lease stays held.
func (l *Lease) Open() (*Store, error) {
	if l.lock == nil {
		s, err := openPG(l.dir, false)
		if err == nil {
			s.who = l.owner.Command
		}
		return s, err
	}
	return openLocked(l.dir, &l.opts)
}

// SetAddr records, in the lock file, the address a server holding the store
// listens on, so that a blocked kg load can name it.
func (l *Lease) SetAddr(addr string) error {
	l.owner.Addr = addr
	if l.lock == nil {
		return nil
	}
	return l.lock.setOwner(l.owner)
}

// Release gives the store up.
func (l *Lease) Release() error {
	if l.lock == nil {
		return nil
	}
	return l.lock.release()
}

// initStore creates the Cayley store and kg.json if dir has none yet.
func initStore(dir, backend string) error {
	_, err := readMeta(dir)
	if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	m := meta{Format: formatVers, Backend: backend, Created: time.Now().UTC().Format(time.RFC3339)}
	if m.Backend == "" {
		m.Backend = Backends[0]
	}
	if !knownBackend(m.Backend) {
		return fmt.Errorf("create store %s: unknown backend %q (have %v)", dir, m.Backend, Backends)
	}
	data := filepath.Join(dir, dataDir)
	// A crash between creating the data and writing kg.json leaves data
	// without kg.json: start that over.
	if err := os.RemoveAll(data); err != nil {
		return err
	}
	if err := cgraph.InitQuadStore(m.Backend, data, cgraph.Options{"upfront": true}); err != nil {
		return fmt.Errorf("create store %s: %w", dir, err)
	}
	return writeMeta(dir, m)
}

func openLocked(dir string, opts *Options) (*Store, error) {
	m, err := readMeta(dir)
	if err != nil {
		return nil, err
	}
	if m.Format != formatVers && !(opts.upgrade && upgradable(m.Format)) {
		return nil, formatError(dir, m.Format)
	}
	timeout := opts.LockTimeout
	if timeout == 0 {
		timeout = 2 * time.Second
	}
	qs, bdb, bkv, err := openBackend(dir, m.Backend, false, opts.NoSync, timeout)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	st := &Store{dir: dir, backend: m.Backend, qs: qs, bolt: bdb, kv: bkv}
	if err := st.recoverJournal(context.Background()); err != nil {
		qs.Close()
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return st, nil
}

// OpenReader opens an existing bolt store read-only, without taking the
// store's lock: several processes may read at once (bolt takes a shared
// lock), while a writer waits for them. Query workers use it to run
// untrusted queries in a process of their own while another process owns
// the store. Writes through a reader fail.
func OpenReader(dir string, timeout time.Duration) (*Store, error) {
	if IsDatabase(dir) {
		return openPG(dir, true)
	}
	m, err := readMeta(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store %s: no kg store there (load an article first)", dir)
		}
		return nil, err
	}
	if m.Backend != "bolt" {
		return nil, fmt.Errorf("open store %s read-only: the %s backend allows one process at a time", dir, m.Backend)
	}
	if m.Format != formatVers {
		return nil, formatError(dir, m.Format) // its queries would miss what it lacks
	}
	qs, bdb, _, err := openBolt(filepath.Join(dir, dataDir), true, timeout, false)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return &Store{dir: dir, backend: m.Backend, qs: qs, bolt: bdb, readOnly: true}, nil
}

func knownBackend(name string) bool {
	for _, b := range Backends {
		if b == name {
			return true
		}
	}
	return false
}

func readMeta(dir string) (meta, error) {
	var m meta
	b, err := os.ReadFile(filepath.Join(dir, metaName))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("open store %s: %s is damaged: %w", dir, metaName, err)
	}
	return m, nil
}

// writeMeta writes kg.json atomically (temp file + rename) after the Cayley
// store exists, so a crash in between leaves no kg.json and the next Open
// starts over.
func writeMeta(dir string, m meta) error {
	b, _ := json.MarshalIndent(m, "", "  ")
	tmp := filepath.Join(dir, metaName+".tmp")
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, metaName))
}

// Close releases the store and its lock.
func (s *Store) Close() error {
	err := s.qs.Close()
	if s.pg != nil {
		if perr := s.pg.close(); err == nil {
			err = perr
		}
	}
	if s.lease != nil {
		if lerr := s.lease.Release(); err == nil {
			err = lerr
		}
	}
	return err
}

// Dir is the location of the store: its directory, or the PostgreSQL
// connection string it was opened with (Redact it for messages).
func (s *Store) Dir() string { return s.dir }

// Backend is the Cayley backend of the store.
func (s *Store) Backend() string { return s.backend }

// QuadStore is the underlying Cayley store, for query languages. Writes must
// go through Load and Retract, which keep the entity graph consistent.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// SetOwnerAddr records, in the lock file, the address a server holding the
// store listens on, so that a blocked kg load can name it.
func (s *Store) SetOwnerAddr(addr string) error {
	if s.lease == nil {
		return nil
	}
	return s.lease.SetAddr(addr)
}

// ReadOwner reports who holds the store in dir, if anyone does.
func ReadOwner(dir string) (Owner, bool) {
	var o Owner
	if IsDatabase(dir) {
		return o, false // PostgreSQL stores have no owner
	}
	b, err := os.ReadFile(filepath.Join(dir, lockName))
	if err != nil || len(b) == 0 {
		return o, false
	}
	return o, json.Unmarshal(b, &o) == nil && o.PID != 0
}

func (s *Store) dirIs(r cgraph.Ref, d quad.Direction, want cgraph.Ref) bool {
	got, err := s.qs.QuadDirection(r, d)
	return err == nil && got != nil && got.Key() == want.Key()
}

// Each calls fn for every quad in the store, in storage order.
func (s *Store) Each(ctx context.Context, fn func(quad.Quad) error) error {
	if s.pg != nil {
		return s.pg.scan(ctx, match{}, fn)
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return it.Err()
}
