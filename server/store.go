package server

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/runner"
)

// store is the server's access to its leased store. Reads in this process
// (entity names, exports, statistics) share one read-only handle under a
// read lock and are cached until the store changes. With a directory
// store a write first pauses the worker pool (so no worker has the store
// open), then takes the lock exclusively, closes the shared handle and
// opens the store for writing; the server is the store's only writer
// while it holds the lease, so a cache is valid until its own next write.
// A PostgreSQL store has other writers and readers that never wait: a
// write pauses nothing, the writing handle stays open, and a cache is
// valid while the store's generation (its count of write transactions,
// as the store read sees it) stays. Reads may go to replicas (reps).
type store struct {
	lease *graph.Lease
	pool  *runner.Pool
	reps  *replicas // nil: reads go to the lease's store

	mu      sync.RWMutex            // shared by readers in this process, exclusive for a write
	omu     sync.Mutex              // opens the shared readers
	readers map[string]*graph.Store // by location; emptied by each write to a directory store
	wmu     sync.Mutex              // a PostgreSQL store's writes
	writer  *graph.Store            // a PostgreSQL store's writing handle, kept open
	gen     atomic.Uint64

	ents     memo[[]graph.Entity]
	stats    memo[graph.Stats]
	articles memo[[]graph.ArticleInfo]
	quads    memo[[]quad.Quad]
}

// readLoc is the store a read goes to.
func (s *store) readLoc() string {
	if s.reps != nil {
		return s.reps.pick()
	}
	return s.lease.Dir()
}

// reader is the shared read-only handle of a location; the caller holds mu.
func (s *store) reader(loc string) (*graph.Store, error) {
	s.omu.Lock()
	defer s.omu.Unlock()
	if r := s.readers[loc]; r != nil {
		return r, nil
	}
	r, err := graph.OpenReader(loc, 10*time.Second)
	if err != nil {
		return nil, err
	}
	if s.readers == nil {
		s.readers = map[string]*graph.Store{}
	}
	s.readers[loc] = r
	return r, nil
}

// versionOf is the version of the data r reads: the server's own writes
// and, for a PostgreSQL store, the store's generation as r sees it.
func (s *store) versionOf(ctx context.Context, r *graph.Store) uint64 {
	v := s.gen.Load() << 40
	if r != nil {
		if n, ok, err := r.Generation(ctx); ok && err == nil {
			v += uint64(n)
		}
	}
	return v
}

// version is the version of what a read would see now.
func (s *store) version(ctx context.Context) uint64 {
	if s.lease.Exclusive() {
		return s.versionOf(ctx, nil)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, err := s.reader(s.readLoc())
	if err != nil {
		return s.versionOf(ctx, nil)
	}
	return s.versionOf(ctx, r)
}

// read runs fn on a shared read-only handle and returns the version of
// the data it read.
func (s *store) read(ctx context.Context, fn func(*graph.Store) error) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, err := s.reader(s.readLoc())
	if err != nil {
		return 0, err
	}
	v := s.versionOf(ctx, nil)
	if !s.lease.Exclusive() {
		v = s.versionOf(ctx, r)
	}
	return v, fn(r)
}

// write runs fn on the store opened for writing, with every reader out
// where the store has room for one writer only.
func (s *store) write(ctx context.Context, fn func(*graph.Store) error) error {
	if !s.lease.Exclusive() {
		s.wmu.Lock()
		defer s.wmu.Unlock()
		defer s.gen.Add(1)
		if s.writer == nil {
			w, err := s.lease.Open()
			if err != nil {
				return err
			}
			s.writer = w
		}
		return fn(s.writer)
	}
	// Pause first, without the lock: a long query in a worker keeps the
	// pause waiting, but in-process readers carry on meanwhile.
	return s.pool.Exclusive(ctx, func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.closeReaders()
		return s.writeOpen(fn)
	})
}

func (s *store) closeReaders() {
	s.omu.Lock()
	defer s.omu.Unlock()
	for loc, r := range s.readers {
		r.Close()
		delete(s.readers, loc)
	}
}

// writeOpen opens the store for writing, runs fn and closes the store,
// even when fn panics: a store left open would hold bolt's lock and keep
// every reader out.
func (s *store) writeOpen(fn func(*graph.Store) error) (err error) {
	st, err := s.lease.Open()
	if err != nil {
		return err
	}
	// Every attempt counts as a change: a failed write leaves the store as
	// it was, and refilling a cache costs only time.
	defer s.gen.Add(1)
	defer func() {
		if cerr := st.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("close store after write: %w", cerr)
		}
	}()
	return fn(st)
}

func (s *store) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeReaders()
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.writer != nil {
		s.writer.Close()
		s.writer = nil
	}
}

// entities lists the store's entities, for name resolution and search.
func (s *store) entities(ctx context.Context) ([]graph.Entity, error) {
	return s.ents.get(s.version(ctx), func() ([]graph.Entity, uint64, error) {
		var out []graph.Entity
		gen, err := s.read(ctx, func(st *graph.Store) (err error) {
			out, err = st.Entities(ctx)
			return err
		})
		if out == nil {
			out = []graph.Entity{}
		}
		return out, gen, err
	})
}

func (s *store) statistics(ctx context.Context) (graph.Stats, error) {
	return s.stats.get(s.version(ctx), func() (graph.Stats, uint64, error) {
		var out graph.Stats
		gen, err := s.read(ctx, func(st *graph.Store) (err error) {
			out, err = st.Stats(ctx)
			return err
		})
		return out, gen, err
	})
}

func (s *store) articleList(ctx context.Context) ([]graph.ArticleInfo, error) {
	return s.articles.get(s.version(ctx), func() ([]graph.ArticleInfo, uint64, error) {
		var out []graph.ArticleInfo
		gen, err := s.read(ctx, func(st *graph.Store) (err error) {
			out, err = st.Articles(ctx)
			return err
		})
		if out == nil {
			out = []graph.ArticleInfo{}
		}
		return out, gen, err
	})
}

// allQuads is every quad of the store, which exports select from. It is
// kept between requests: the web page exports a network on every click,
// and reading a large store takes seconds.
func (s *store) allQuads(ctx context.Context) ([]quad.Quad, error) {
	return s.quads.get(s.version(ctx), func() ([]quad.Quad, uint64, error) {
		var out []quad.Quad
		gen, err := s.read(ctx, func(st *graph.Store) (err error) {
			out, err = export.AllQuads(ctx, st)
			return err
		})
		return out, gen, err
	})
}

// memo holds one value computed from the store and the generation it was
// read at. Concurrent callers wait for one computation instead of each
// reading the store.
type memo[T any] struct {
	mu  sync.Mutex
	gen uint64
	ok  bool
	v   T
}

func (m *memo[T]) get(cur uint64, fill func() (T, uint64, error)) (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ok && m.gen == cur {
		return m.v, nil
	}
	v, gen, err := fill()
	if err != nil {
		var zero T
		return zero, err
	}
	m.v, m.gen, m.ok = v, gen, true
	return v, nil
}
