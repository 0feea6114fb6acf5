package runner

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// The workers share one memory budget. Each worker's address space is
// also capped (RLIMIT_AS) as a last resort, but a cap per worker lets N
// workers take N times it together: the pool watches the resident memory
// of the workers that run a query and stops the biggest when their sum
// passes the budget.

// memoryEnv passes a worker its address-space limit in bytes.
const memoryEnv = "KG_QUERY_WORKER_AS"

// memoryWatchEvery is how often the pool reads the workers' memory: a
// worker allocating as fast as it can gains a few hundred MB in that time.
const memoryWatchEvery = 50 * time.Millisecond

// DefaultMemoryBudget is a quarter of the machine's memory (4 GiB when it
// cannot be read): the rest stays for the server, the store's page cache
// and everything else on the machine.
func DefaultMemoryBudget() int64 {
	if total := MachineMemory(); total > 0 {
		return total / 4
	}
	return 4 << 30
}

// MachineMemory is the machine's memory (MemTotal of /proc/meminfo) in bytes,
// 0 when it cannot be read.
func MachineMemory() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// workerAddressLimit is a worker's RLIMIT_AS: the budget plus room for
// what counts as address space but not as resident memory (an idle
// worker maps 1.7 GB and holds 25 MB: the binary, the Go runtime's
// reservations, the store's mmap).
func workerAddressLimit(budget int64) int64 {
	return budget + 4<<30
}

// residentBytes is a process's resident set size.
func residentBytes(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// watchMemory runs until the pool closes: while queries run, it sums the
// resident memory of their workers and stops the biggest when the sum is
// over the budget.
func (p *Pool) watchMemory() {
	t := time.NewTicker(memoryWatchEvery)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
		}
		p.mu.Lock()
		var procs []*proc
		for w := range p.busy {
			procs = append(procs, w)
		}
		p.mu.Unlock()
		if len(procs) == 0 {
			continue
		}
		var total, most int64
		var biggest *proc
		for _, w := range procs {
			if w.cmd.Process == nil {
				continue
			}
			n := residentBytes(w.cmd.Process.Pid)
			total += n
			if n > most {
				most, biggest = n, w
			}
		}
		if total > p.opts.MemoryBudget && biggest != nil {
			p.mu.Lock()
			if p.busy[biggest] { // still running the query it grew for
				p.overBudget.Add(1)
				biggest.overMemory.Store(max(most, 1))
				biggest.kill()
			}
			p.mu.Unlock()
		}
	}
}

// memoryError is the error of a query whose worker used n bytes when the
// workers together passed the budget.
func memoryError(n int64) *Error {
	return errorf(Memory, "the query was stopped: its worker held %d MiB when the query workers together passed their memory budget (narrow the query with .Limit(n), or give the server more with --query-memory)", n>>20)
}
