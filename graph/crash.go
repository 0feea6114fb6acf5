package graph

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
)

// Crash tests kill a write at each of its sync points: the moments just
// before and after something is made durable (a transaction's commit, the
// journal file, its rename and removal). Two environment variables, read
// by the kg binary for its tests and by no one else:
//
//	KG_TEST_SYNC_LOG=FILE   append "N NAME" for each sync point reached
//	KG_TEST_CRASH_AT=N      SIGKILL the process at sync point N
//
// so that a test can count a command's sync points on a clean run and then
// kill it at each one in turn.
var (
	syncCount   atomic.Int64
	syncOnce    sync.Once
	syncCrashAt int64
	syncLog     *os.File
)

func syncPoint(name string) error {
	syncOnce.Do(func() {
		syncCrashAt, _ = strconv.ParseInt(os.Getenv("KG_TEST_CRASH_AT"), 10, 64)
		if p := os.Getenv("KG_TEST_SYNC_LOG"); p != "" {
			syncLog, _ = os.OpenFile(p, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		}
	})
	n := syncCount.Add(1)
	if syncLog != nil {
		fmt.Fprintf(syncLog, "%d %s\n", n, name)
	}
	if n == syncCrashAt {
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
	return nil
}
