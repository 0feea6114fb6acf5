package runner

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Options configure a Pool.
type Options struct {
	// Dir is the store the workers read: a directory, or a PostgreSQL
	// connection string.
	Dir string
	// Route, when set, names the store each query reads instead of Dir:
	// kg serve spreads queries over a PostgreSQL store's replicas.
	Route func() string
	// Workers is how many queries may run at once (default 1).
	Workers int
	// Command starts one worker: the program and its arguments. The default
	// re-executes the running binary as `PROG __query-worker`.
	Command []string
	// Env is added to the workers' environment.
	Env []string
	// Grace is how long past a query's deadline the pool waits for the
	// worker's own timeout answer before it kills the worker (default 2s).
	Grace time.Duration
	// PreemptAfter is how long Pause lets running queries finish before
	// it stops them (default 200ms; negative: never): a stopped query runs
	// again once the pause ends, within what is left of its timeout, so a
	// write waits for no query's deadline.
	PreemptAfter time.Duration
	// MemoryBudget is the resident memory the workers may use together
	// (default DefaultMemoryBudget). When their queries pass it, the worker
	// using the most is stopped and its query fails with a Memory error.
	MemoryBudget int64
	// HoldStore lets each worker keep a directory store open from one
	// query to the next instead of opening it for every query: opening a
	// big bolt store reads and indexes its whole free list (75,000 pages,
	// 10 ms, on the 10,000-article store) and closing it unmaps the file
	// (4 ms), a third of a short query's time. An open reader keeps
	// writers out, so the pool's owner must either keep every other
	// writer out for the pool's life (kg query and kg repl holding the
	// store's lease) or write only through Pause (or Exclusive), which has
	// every worker close what it holds before it returns (kg serve, the
	// store's only writer while it holds the lease). A pool whose store
	// another process may write must not set it.
	HoldStore bool
	// KeepPriority keeps the workers at their CPU priority however long a
	// query runs. A worker otherwise drops to the least priority past
	// slowAfter, so that a long query yields to the short ones beside it
	// (kg serve's); a pool with nothing beside its query (kg query, kg
	// repl, kg export --query) only made that query crawl on a busy
	// machine: beside two CPU-bound processes a whole-store timeline over
	// PostgreSQL, a round trip a step, ran past 5 minutes.
	KeepPriority bool
}

// Query is one Gizmo script to run.
type Query struct {
	Script string
	// Prelude is run before Script (definitions the script uses); errors in
	// Script keep their line numbers when Value is set.
	Prelude string
	// Shared is run before Prelude and Script: definitions (a function
	// declaration) that many queries share word for word, such as a canned
	// query's function (queries.Bound). A worker that keeps the store open
	// between queries (HoldStore, or a database store) also keeps the
	// JavaScript runtime that ran Shared, and runs the next query that
	// brings the same Shared in it without compiling Shared again; Shared
	// must therefore define, not compute, and a query must not rely on
	// globals of its own staying unset. Elsewhere Shared runs each time.
	Shared string
	// Timeout bounds the query (default 30s).
	Timeout time.Duration
	// Limit bounds the rows returned (default 1000); Result.Truncated says
	// whether there were more.
	Limit int
	// Value adds the value of the script's last expression as a row, as a
	// REPL shows it.
	Value bool
	// CayleyJSON runs the script with Cayley's plain JSON collation (IRIs
	// as "<iri>", strings without language tags) instead of JSON-LD, so
	// that an answer matches what Cayley's own HTTP API returns.
	CayleyJSON bool
	// Keep runs the script as a statement of the worker's kept session:
	// variables and functions it defines stay for the next Keep query, as
	// in Cayley's REPL. Use it with a pool of one worker (kg repl's);
	// Result.Session names the session. Reset drops the session instead.
	Keep, Reset bool
}

// Result is what a query returned.
type Result struct {
	// Rows are JSON values: tag maps from .All(), or what g.Emit was given.
	// Nodes are JSON-LD values: {"@id": IRI}, {"@value", "@language"},
	// {"@value", "@type"}, or plain strings.
	Rows      []json.RawMessage
	Truncated bool
	// Note is a remark about the script, e.g. that it built a path but
	// never ran it.
	Note    string
	Elapsed time.Duration
	// Session names the kept session a Keep query ran in; it changes when
	// the worker holding the old one died, and its state with it.
	Session string
}

// WorkerCommand is the hidden subcommand of kg that serves queries.
const WorkerCommand = "__query-worker"

// Pool runs queries in worker processes. It is safe for concurrent use:
// up to Options.Workers queries run at once, each in its own process, and a
// query that is killed (timeout, crash, cancel) costs only its own worker.
type Pool struct {
	opts  Options
	slots chan *proc // idle workers; nil stands for one not started yet

	mu      sync.Mutex
	active  int           // queries running
	paused  bool          // no new query may start
	changed chan struct{} // closed and replaced when active or paused change
	// preempt is closed when a pause stops the queries running: those that
	// entered before it see it closed and run again after the pause.
	preempt chan struct{}
	busy    map[*proc]bool // workers running a query, for the memory watch
	closed  bool
	nextID  uint64
	done    chan struct{} // closed by Close: ends the memory watch

	preemptions atomic.Uint64
	overBudget  atomic.Uint64
}

// New makes a pool; workers start on first use.
func New(opts Options) (*Pool, error) {
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	if opts.Grace <= 0 {
		opts.Grace = 2 * time.Second
	}
	if opts.PreemptAfter == 0 {
		opts.PreemptAfter = 200 * time.Millisecond
	}
	if opts.MemoryBudget <= 0 {
		opts.MemoryBudget = DefaultMemoryBudget()
	}
	if len(opts.Command) == 0 {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("find kg's own binary to run query workers: %w", err)
		}
		opts.Command = []string{exe, WorkerCommand}
	}
	p := &Pool{opts: opts, slots: make(chan *proc, opts.Workers), changed: make(chan struct{}),
		preempt: make(chan struct{}), busy: map[*proc]bool{}, done: make(chan struct{})}
	for i := 0; i < opts.Workers; i++ {
		p.slots <- nil
	}
	go p.watchMemory()
	return p, nil
}

// SelfOptions returns options whose workers are the running binary with
// WorkerEnv set: for tests whose TestMain calls ServeIfWorker.
func SelfOptions(dir string, workers int) Options {
	return Options{Dir: dir, Workers: workers, Command: []string{os.Args[0]}, Env: []string{WorkerEnv + "=1"}}
}

// Run runs one query and waits for its result. It returns an *Error for
// every failure of the query itself; the pool stays usable after any of
// them. A query that a pause stops (see Options.PreemptAfter) runs again
// after it, within the same timeout.
func (p *Pool) Run(ctx context.Context, q Query) (*Result, error) {
	if q.Timeout <= 0 {
		q.Timeout = 30 * time.Second
	}
	if q.Limit <= 0 {
		q.Limit = 1000
	}
	deadline := time.Now().Add(q.Timeout)
	for {
		res, err := p.runOnce(ctx, q, deadline)
		if err != errPreempted {
			return res, err
		}
	}
}

// errPreempted ends a run that a pause stopped: Run starts it again.
var errPreempted = errors.New("query stopped for a write")

func (p *Pool) runOnce(ctx context.Context, q Query, deadline time.Time) (*Result, error) {
	preempt, err := p.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer p.leave()
	if q.Keep || q.Reset {
		// a kept session's state would not survive being stopped; its
		// pool (the REPL's) is never paused for writes anyway
		preempt = nil
	}
	var w *proc
	select {
	case w = <-p.slots:
	case <-preempt:
		return nil, errPreempted
	case <-ctx.Done():
		return nil, canceled(ctx)
	}
	defer func() { p.slots <- w }()
	left := time.Until(deadline)
	if left < time.Millisecond {
		return nil, timeoutError(q.Timeout)
	}
	if w == nil || w.dead() {
		var err error
		if w, err = p.start(); err != nil {
			return nil, err
		}
	}
	p.mu.Lock()
	p.nextID++
	id := p.nextID
	p.busy[w] = true
	p.mu.Unlock()
	dir := p.opts.Dir
	if p.opts.Route != nil {
		dir = p.opts.Route()
	}
	res, err := w.runShared(ctx, request{
		ID: id, Dir: dir, Script: q.Script, Prelude: q.Prelude,
		TimeoutMS: left.Milliseconds(), Limit: q.Limit, Value: q.Value,
		CayleyJSON: q.CayleyJSON, Keep: q.Keep, Reset: q.Reset,
		Hold:         p.opts.HoldStore && !q.Keep && !q.Reset,
		KeepPriority: p.opts.KeepPriority,
	}, q.Shared, left+p.opts.Grace, preempt)
	p.mu.Lock()
	delete(p.busy, w)
	p.mu.Unlock()
	if w.overMemory.Load() > 0 && err == nil {
		// stopped by the memory watch just after it answered: its answer
		// stands, and the next query gets a fresh worker
		w.stop()
	}
	if w.dead() {
		w = nil
	}
	var qe *Error
	if errors.As(err, &qe) && qe.Kind == Timeout {
		err = timeoutError(q.Timeout) // its whole timeout, not what was left of it
	}
	return res, err
}

// enter waits until the pool is not paused and counts a running query; it
// returns the channel a pause closes to stop it.
func (p *Pool) enter(ctx context.Context) (<-chan struct{}, error) {
	for {
		p.mu.Lock()
		if p.closed {
			p.mu.Unlock()
			return nil, errors.New("query pool is closed")
		}
		if !p.paused {
			p.active++
			pre := p.preempt
			p.mu.Unlock()
			return pre, nil
		}
		ch := p.changed
		p.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, canceled(ctx)
		}
	}
}

func (p *Pool) leave() {
	p.mu.Lock()
	p.active--
	p.signal()
	p.mu.Unlock()
}

// signal wakes everyone waiting on a change; p.mu is held.
func (p *Pool) signal() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// Pause stops new queries from starting and waits until the running ones
// have ended, so that no worker has the store open: the leaseholder may
// then open it for writing. Queries still running after
// Options.PreemptAfter are stopped; they, and the queries that arrived
// meanwhile, run once resume is called.
func (p *Pool) Pause(ctx context.Context) (resume func(), err error) {
	p.mu.Lock()
	for p.paused {
		ch := p.changed
		p.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		p.mu.Lock()
	}
	p.paused = true
	p.signal()
	var preempt <-chan time.Time
	if p.opts.PreemptAfter > 0 && p.active > 0 {
		t := time.NewTimer(p.opts.PreemptAfter)
		defer t.Stop()
		preempt = t.C
	}
	for p.active > 0 {
		ch := p.changed
		p.mu.Unlock()
		select {
		case <-ch:
		case <-preempt:
			preempt = nil
			p.mu.Lock()
			p.preemptions.Add(uint64(p.active))
			close(p.preempt)
			p.preempt = make(chan struct{})
			p.mu.Unlock()
		case <-ctx.Done():
			p.mu.Lock()
			p.paused = false
			p.signal()
			p.mu.Unlock()
			return nil, ctx.Err()
		}
		p.mu.Lock()
	}
	p.mu.Unlock()
	if p.opts.HoldStore {
		p.releaseHeld()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			p.mu.Lock()
			p.paused = false
			p.signal()
			p.mu.Unlock()
		})
	}, nil
}

// releaseHeld has every worker close the stores it holds open (see
// Options.HoldStore); one that does not answer in time is stopped, which
// closes them too. The pool is paused with no query running, so every
// worker is idle in its slot.
func (p *Pool) releaseHeld() {
	ws := make([]*proc, 0, p.opts.Workers)
	for i := 0; i < p.opts.Workers; i++ {
		w := <-p.slots
		if w != nil && !w.dead() && w.release(p.opts.Grace) != nil {
			w.stop()
		}
		if w != nil && w.dead() {
			w = nil
		}
		ws = append(ws, w)
	}
	for _, w := range ws {
		p.slots <- w
	}
}

// Exclusive runs fn while the pool is paused: the way a leaseholder writes.
func (p *Pool) Exclusive(ctx context.Context, fn func() error) error {
	resume, err := p.Pause(ctx)
	if err != nil {
		return err
	}
	defer resume()
	return fn()
}

// Close stops every worker. Queries still running fail.
func (p *Pool) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	p.signal()
	close(p.done)
	p.mu.Unlock()
	for i := 0; i < p.opts.Workers; i++ {
		if w := <-p.slots; w != nil {
			w.stop()
		}
	}
	return nil
}

func canceled(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errorf(Canceled, "query cancelled: the caller's deadline passed")
	}
	return errorf(Canceled, "query cancelled")
}

// Preemptions counts the queries pauses have stopped (and run again).
func (p *Pool) Preemptions() uint64 { return p.preemptions.Load() }

// OverBudget counts the queries stopped for passing the memory budget.
func (p *Pool) OverBudget() uint64 { return p.overBudget.Load() }

// proc is one worker process.
type proc struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	resps  chan *response // answers, closed when stdout ends
	exited chan struct{}  // closed once the process has been reaped
	stderr *headBuffer
	// overMemory is set by the memory watch before it kills the worker:
	// the death is then the query's memory error, not a crash.
	overMemory atomic.Int64
	// sent are the keys of the Shared texts this worker has been sent
	// (request.SharedKey); only the query that holds the worker uses it.
	sent map[string]bool
}

func (p *Pool) start() (*proc, error) {
	cmd := exec.Command(p.opts.Command[0], p.opts.Command[1:]...)
	cmd.Env = append(os.Environ(), p.opts.Env...)
	// Workers die quietly: the parent reports the panic line itself.
	cmd.Env = append(cmd.Env, "GOTRACEBACK=single", fmt.Sprintf("%s=%d", memoryEnv, workerAddressLimit(p.opts.MemoryBudget)))
	// Their own process group keeps a terminal's Ctrl-C (SIGINT to the
	// foreground group) away from them: the REPL decides what it cancels.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w := &proc{cmd: cmd, stdin: stdin, resps: make(chan *response, 1), exited: make(chan struct{}), stderr: &headBuffer{max: 64 << 10}}
	cmd.Stderr = w.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start query worker %s: %w", p.opts.Command[0], err)
	}
	// Wait closes the stdout pipe once the process has exited, so it waits
	// for the reader to reach the end of stdout: a worker that retires
	// writes its last answer and exits at once, and a Wait before the
	// reader had it lost the answer's tail (a "crash", exit status 0).
	read := make(chan struct{})
	go func() {
		defer close(read)
		dec := json.NewDecoder(bufio.NewReader(stdout))
		for {
			var r response
			if err := dec.Decode(&r); err != nil {
				close(w.resps)
				return
			}
			w.resps <- &r
		}
	}()
	go func() {
		<-read
		_ = cmd.Wait()
		close(w.exited)
	}()
	return w, nil
}

func (w *proc) dead() bool {
	select {
	case <-w.exited:
		return true
	default:
		return false
	}
}

// kill kills the worker's process group without waiting for it: whoever
// runs its query sees it die.
func (w *proc) kill() {
	if w.cmd.Process != nil {
		_ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
	}
}

// stop kills the worker's process group and reaps it.
func (w *proc) stop() {
	if w.cmd.Process != nil {
		_ = syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
		_ = w.cmd.Process.Kill()
	}
	_ = w.stdin.Close()
	<-w.exited
}

// run sends one request and waits for its answer, the hard deadline, the
// caller's cancellation or the worker's death, whichever comes first.
// keptCancelWait is how long a kept statement that was cancelled may take
// to answer before its worker, and the session, is given up.
const keptCancelWait = time.Minute

func (w *proc) run(ctx context.Context, req request, hard time.Duration, preempt <-chan struct{}) (*Result, error) {
	w.stderr.Reset()
	b, _ := json.Marshal(req)
	if _, err := w.stdin.Write(append(b, '\n')); err != nil {
		w.stop()
		return nil, errorf(Crash, "the query worker is gone (%v); try again", err)
	}
	timer := time.NewTimer(hard)
	defer timer.Stop()
	select {
	case r, ok := <-w.resps:
		if !ok {
			<-w.exited
			if n := w.overMemory.Load(); n > 0 {
				return nil, memoryError(n)
			}
			return nil, w.crashError()
		}
		return w.result(r, req)
	case <-preempt:
		w.stop()
		return nil, errPreempted
	case <-timer.C:
		w.stop()
		return nil, timeoutError(time.Duration(req.TimeoutMS) * time.Millisecond)
	case <-ctx.Done():
		if req.Keep {
			// Ask the worker to stop the statement and keep its session;
			// kill it only if it does not answer. A statement stopped in
			// JavaScript answers at once and one in Cayley's Go code
			// within seconds (runKept), but a busy machine can take longer
			// than the pool's Grace: the wait only catches a stuck worker.
			b, _ := json.Marshal(request{Cancel: req.ID})
			if _, err := w.stdin.Write(append(b, '\n')); err == nil {
				select {
				case r, ok := <-w.resps:
					if ok {
						_, _ = w.result(r, req)
						return nil, canceled(ctx)
					}
				case <-time.After(keptCancelWait):
				}
			}
		}
		w.stop()
		return nil, canceled(ctx)
	}
}

// errNeedShared is a worker's answer to a request whose Shared it does
// not know by its key.
var errNeedShared = errors.New("the worker does not know the query's shared part")

// runShared runs req with shared as its Shared part: the text goes to the
// worker the first time, the key alone after that, and the text again if
// the worker has forgotten it.
func (w *proc) runShared(ctx context.Context, req request, shared string, hard time.Duration, preempt <-chan struct{}) (*Result, error) {
	if shared == "" {
		return w.run(ctx, req, hard, preempt)
	}
	req.SharedKey = sharedKey(shared)
	if !w.sent[req.SharedKey] {
		req.Shared = shared
	}
	res, err := w.run(ctx, req, hard, preempt)
	if errors.Is(err, errNeedShared) {
		req.Shared = shared
		res, err = w.run(ctx, req, hard, preempt)
	}
	if req.Shared != "" && !w.dead() {
		if w.sent == nil {
			w.sent = map[string]bool{}
		}
		w.sent[req.SharedKey] = true
	}
	return res, err
}

// sharedKeys caches the key of each Shared text (a digest of the whole
// text), up to maxShared texts.
var sharedKeys = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

// sharedKey names a Shared text: a digest of it.
func sharedKey(shared string) string {
	sharedKeys.Lock()
	defer sharedKeys.Unlock()
	if k, ok := sharedKeys.m[shared]; ok {
		return k
	}
	sum := sha256.Sum256([]byte(shared))
	k := hex.EncodeToString(sum[:16])
	if len(sharedKeys.m) >= maxShared {
		clear(sharedKeys.m)
	}
	sharedKeys.m[shared] = k
	return k
}

// release asks an idle worker to close the stores it holds and waits for
// its answer.
func (w *proc) release(wait time.Duration) error {
	b, _ := json.Marshal(request{Release: true})
	if _, err := w.stdin.Write(append(b, '\n')); err != nil {
		return err
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case r, ok := <-w.resps:
		if !ok {
			return errors.New("the worker exited")
		}
		if r.Err != nil {
			return r.Err
		}
		return nil
	case <-timer.C:
		return errors.New("the worker did not let go of the store in time")
	}
}

func (w *proc) result(r *response, req request) (*Result, error) {
	if r.Retiring || r.Err != nil && r.Err.Kind == Timeout && !req.Keep {
		w.stop() // it retires anyway; do not wait for it
	}
	if r.NeedShared {
		return nil, errNeedShared
	}
	if r.Err != nil {
		return nil, r.Err
	}
	return &Result{Rows: r.Rows, Truncated: r.Truncated, Note: r.Note, Elapsed: time.Duration(r.ElapsedNS), Session: r.Session}, nil
}

// crashError describes how a worker died, from the first panic or fatal
// error line it wrote.
func (w *proc) crashError() *Error {
	out := w.stderr.String()
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		for _, pre := range []string{"panic: ", "fatal error: ", "runtime: "} {
			if strings.HasPrefix(line, pre) {
				line = strings.TrimSuffix(line, " [recovered, repanicked]")
				line = strings.TrimSuffix(line, " [recovered]")
				return errorf(Crash, "query crashed the query engine: %s%s", line, crashHint(line))
			}
		}
	}
	state := "it exited"
	if ps := w.cmd.ProcessState; ps != nil {
		state = ps.String()
	}
	return errorf(Crash, "query crashed the query engine (%s)", state)
}

// crashHint turns the panics of Cayley's known traps into advice.
func crashHint(line string) string {
	switch {
	case strings.Contains(line, "unsupported type"):
		return " (a step was given a value it cannot use as a predicate or node, such as an object or a morphism's labels; give IRIs like \"<...>\", strings, or paths)"
	case strings.Contains(line, "expected string"):
		return " (a step or iri()/str() was given a number or object where a string belongs)"
	case strings.Contains(line, "stack overflow") || strings.Contains(line, "stack exceeds"):
		return " (the script recursed too deeply)"
	case strings.Contains(line, "out of memory") || strings.Contains(line, "cannot allocate") || strings.HasSuffix(line, "fatal error: fault"):
		return " (the query used more memory than a worker may: narrow it)"
	}
	return ""
}

// headBuffer keeps the first max bytes written since the last Reset: a
// crash's panic line comes first, the stack after it.
type headBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *headBuffer) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := t.max - len(t.buf); room > 0 {
		if len(b) > room {
			t.buf = append(t.buf, b[:room]...)
		} else {
			t.buf = append(t.buf, b...)
		}
	}
	return len(b), nil
}

func (t *headBuffer) Reset() {
	t.mu.Lock()
	t.buf = t.buf[:0]
	t.mu.Unlock()
}

func (t *headBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
