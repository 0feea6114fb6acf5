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
// read lock and are cached until the next write; a write first pauses the
// worker pool (so no worker has the store open), then takes the lock
// exclusively, closes the shared handle and opens the store for writing.
// The server is the store's only writer while it holds the lease, so a
// cache is valid until the server's own next write.
type store struct {
	lease *graph.Lease
	pool  *runner.Pool

	mu     sync.RWMutex // shared by readers in this process, exclusive for a write
	omu    sync.Mutex   // opens the shared reader once
	reader *graph.Store // nil until first read and after each write
	gen    atomic.Uint64

	ents     memo[[]graph.Entity]
	stats    memo[graph.Stats]
	articles memo[[]graph.ArticleInfo]
	quads    memo[[]quad.Quad]
}

// read runs fn on the shared read-only handle and returns the generation
// (count of writes) the data it read belongs to.
func (s *store) read(ctx context.Context, fn func(*graph.Store) error) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.omu.Lock()
	if s.reader == nil {
		r, err := graph.OpenReader(s.lease.Dir(), 10*time.Second)
		if err != nil {
			s.omu.Unlock()
			return 0, err
		}
		s.reader = r
	}
	r := s.reader
	s.omu.Unlock()
	return s.gen.Load(), fn(r)
}

// write runs fn on the store opened for writing, with every reader out.
func (s *store) write(ctx context.Context, fn func(*graph.Store) error) error {
	// Pause first, without the lock: a long query in a worker keeps the
	// pause waiting, but in-process readers carry on meanwhile.
	return s.pool.Exclusive(ctx, func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.reader != nil {
			s.reader.Close()
			s.reader = nil
		}
		return s.writeOpen(fn)
	})
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
	if s.reader != nil {
		s.reader.Close()
		s.reader = nil
	}
}

// entities lists the store's entities, for name resolution and search.
func (s *store) entities(ctx context.Context) ([]graph.Entity, error) {
	return s.ents.get(s.gen.Load(), func() ([]graph.Entity, uint64, error) {
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
	return s.stats.get(s.gen.Load(), func() (graph.Stats, uint64, error) {
		var out graph.Stats
		gen, err := s.read(ctx, func(st *graph.Store) (err error) {
			out, err = st.Stats(ctx)
			return err
		})
		return out, gen, err
	})
}

func (s *store) articleList(ctx context.Context) ([]graph.ArticleInfo, error) {
	return s.articles.get(s.gen.Load(), func() ([]graph.ArticleInfo, uint64, error) {
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
	return s.quads.get(s.gen.Load(), func() ([]quad.Quad, uint64, error) {
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
