package server

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kgnews/kg/graph"
)

// replicas spreads reads over read-only copies of a PostgreSQL store
// (streaming replicas, a managed database's read endpoints) and watches
// how far each is behind the primary. A replica that cannot be reached,
// or misses kg writes older than the allowed lag, is left out until it
// catches up; with none fit, reads go to the primary.
type replicas struct {
	primary string
	locs    []string
	maxLag  time.Duration
	every   time.Duration

	mu      sync.Mutex
	state   []replicaState
	readers []*graph.Store // for measuring; nil until opened
	prim    *graph.Store
	next    atomic.Uint64
}

// replicaState is the last measurement of one replica.
type replicaState struct {
	Location string    `json:"location"`
	Status   string    `json:"status"` // ok, lagging, down, unknown
	Lag      graph.Lag `json:"lag"`
	// LagSeconds is how long the replica has been missing kg writes:
	// since the watch first saw it behind (measured every second), or
	// the age of its last replayed transaction if that is less.
	LagSeconds float64   `json:"lag_seconds"`
	Error      string    `json:"error,omitempty"`
	Checked    time.Time `json:"checked"`
	behind     time.Time // when the watch first saw it behind; zero while it is not
}

func newReplicas(primary string, locs []string, maxLag time.Duration) *replicas {
	r := &replicas{primary: primary, locs: locs, maxLag: maxLag, every: time.Second,
		state: make([]replicaState, len(locs)), readers: make([]*graph.Store, len(locs))}
	for i, l := range locs {
		// until measured a replica is used: the first queries need not wait
		r.state[i] = replicaState{Location: graph.Redact(l), Status: "unknown"}
	}
	return r
}

// pick names the store a read goes to: the next fit replica, in turn.
func (r *replicas) pick() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.locs)
	start := int(r.next.Add(1))
	for i := 0; i < n; i++ {
		j := (start + i) % n
		if st := r.state[j].Status; st == "ok" || st == "unknown" {
			return r.locs[j]
		}
	}
	return r.primary
}

// watch measures every replica until ctx ends.
func (r *replicas) watch(ctx context.Context) {
	t := time.NewTicker(r.every)
	defer t.Stop()
	for {
		r.measure(ctx)
		select {
		case <-ctx.Done():
			r.close()
			return
		case <-t.C:
		}
	}
}

func (r *replicas) measure(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if r.prim == nil {
		p, err := graph.OpenReader(r.primary, 5*time.Second)
		if err != nil {
			// without the primary no lag can be told; the replicas
			// still answer
			return
		}
		r.prim = p
	}
	for i, loc := range r.locs {
		s := replicaState{Location: graph.Redact(loc), Checked: time.Now().UTC().Truncate(time.Millisecond)}
		if r.readers[i] == nil {
			st, err := graph.OpenReader(loc, 5*time.Second)
			if err != nil {
				s.Status, s.Error = "down", err.Error()
				r.set(i, s)
				continue
			}
			r.readers[i] = st
		}
		lag, err := r.readers[i].LagBehind(ctx, r.prim)
		if err != nil {
			s.Status, s.Error = "down", err.Error()
			r.readers[i].Close()
			r.readers[i] = nil
			r.set(i, s)
			continue
		}
		s.Lag = lag
		if lag.Writes > 0 {
			s.behind = r.state[i].behind
			if s.behind.IsZero() {
				s.behind = time.Now()
			}
			s.LagSeconds = min(time.Since(s.behind).Seconds(), lag.ReplayAge)
		}
		s.Status = "ok"
		if time.Duration(s.LagSeconds*float64(time.Second)) > r.maxLag {
			s.Status = "lagging"
		}
		r.set(i, s)
	}
}

func (r *replicas) set(i int, s replicaState) {
	r.mu.Lock()
	r.state[i] = s
	r.mu.Unlock()
}

// health is what /healthz says of the replicas, and whether all are fit.
func (r *replicas) health() ([]replicaState, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := append([]replicaState(nil), r.state...)
	all := true
	for _, s := range out {
		if s.Status != "ok" && s.Status != "unknown" {
			all = false
		}
	}
	return out, all
}

func (r *replicas) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, st := range r.readers {
		if st != nil {
			st.Close()
			r.readers[i] = nil
		}
	}
	if r.prim != nil {
		r.prim.Close()
		r.prim = nil
	}
}
