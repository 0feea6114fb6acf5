package graph

import (
	"context"
	"database/sql/driver"
	"fmt"
	"os"
	"sync/atomic"
)

// Writers take turns. Every article write — reading what the store holds
// for the article, planning the batch, committing it, keeping its text —
// happens while the writer holds the store's write lock, so that no two
// writers plan against the same state (two loads of one article would
// otherwise both add it, and count its mentions twice).
//
// A directory store has one writer process: the one holding kg.lock, an
// flock taken by Acquire and kept until Release (lock.go); holding the
// write lock is then only the Store's own mutex. A PostgreSQL store has
// any number of writer processes: the write lock is a PostgreSQL advisory
// lock, taken for each batch (pgStore.hold), so that two kg load
// processes and a kg serve interleave their batches.

// holdWrites makes this process the store's only writer until release.
func (s *Store) holdWrites(ctx context.Context) (release func(), err error) {
	if s.pg == nil {
		return func() {}, nil // kg.lock, held since the store was opened
	}
	who := s.who
	if who == "" {
		who = "kg"
	}
	return s.pg.hold(ctx, fmt.Sprintf("%s (pid %d)", who, os.Getpid()))
}

// errBadConn tells database/sql to close a connection rather than pool it.
var errBadConn = driver.ErrBadConn

// pgRetried counts write transactions tried again after a deadlock or a
// serialisation failure (for tests and figures).
var pgRetried atomic.Int64
