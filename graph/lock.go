package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Owner describes the process that holds a store. It is written into the
// lock file so that a second process can say who is in its way.
type Owner struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`        // "kg load", "kg serve", ...
	Addr    string    `json:"addr,omitempty"` // the URL of a kg serve holding the store
	Since   time.Time `json:"since"`
}

// ErrLocked is returned (wrapped in a *LockedError) when another process
// holds the store.
var ErrLocked = errors.New("store is in use by another process")

// LockedError says which process holds the store.
type LockedError struct {
	Dir   string
	Owner Owner // zero if the lock file could not be read
}

func (e *LockedError) Error() string {
	o := e.Owner
	switch {
	case o.Addr != "":
		return fmt.Sprintf("store %s is held by %s (pid %d) serving %s; send work to it with --server %s, or stop it", e.Dir, o.Command, o.PID, o.Addr, o.Addr)
	case o.PID != 0:
		return fmt.Sprintf("store %s is held by %s (pid %d, since %s)", e.Dir, o.Command, o.PID, o.Since.Format(time.RFC3339))
	}
	return fmt.Sprintf("store %s is in use by another process", e.Dir)
}

func (e *LockedError) Unwrap() error { return ErrLocked }

const lockName = "kg.lock"

// lockFile is an flock(2) on DIR/kg.lock. The kernel drops it when the
// process dies, so a kill -9 never leaves a stale lock behind.
type lockFile struct{ f *os.File }

func acquireLock(dir string, owner Owner, timeout time.Duration) (*lockFile, error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if time.Now().After(deadline) {
			le := &LockedError{Dir: dir}
			if b, rerr := os.ReadFile(path); rerr == nil {
				_ = json.Unmarshal(b, &le.Owner)
			}
			f.Close()
			return nil, le
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := json.Marshal(owner)
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt(append(b, '\n'), 0)
	}
	return &lockFile{f: f}, nil
}

// setOwner rewrites the owner record, e.g. once a server knows its address.
func (l *lockFile) setOwner(o Owner) error {
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err = l.f.WriteAt(append(b, '\n'), 0)
	return err
}

func (l *lockFile) release() error {
	_ = l.f.Truncate(0)
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	return l.f.Close()
}
