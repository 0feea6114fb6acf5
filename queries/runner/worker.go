package runner

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/kgnews/kg/graph"
)

// WorkerEnv, set to "1" in a process's environment, makes ServeIfWorker
// serve queries. Test binaries use it to act as their own workers.
const WorkerEnv = "KG_QUERY_WORKER"

// maxResponseBytes bounds one answer: a query that emits more is cut off
// with an Output error rather than filling the parent's memory.
const maxResponseBytes = 64 << 20

// memoryLimit caps the address space of a worker started without the
// pool's own limit (memoryEnv), so that a script that
// allocates without end dies as a crash instead of swapping the machine.
const memoryLimit = 8 << 30

// ServeIfWorker serves queries on stdin and stdout and exits the process if
// WorkerEnv is set; otherwise it returns. Call it first in a TestMain.
func ServeIfWorker() {
	if os.Getenv(WorkerEnv) != "1" {
		return
	}
	os.Exit(ServeStdio())
}

// ServeStdio is the body of a worker process (`kg __query-worker`): it
// serves queries on stdin and stdout until stdin closes and returns the
// process's exit code.
func ServeStdio() int {
	limit := uint64(memoryLimit)
	if n, err := strconv.ParseUint(os.Getenv(memoryEnv), 10, 64); err == nil && n > 0 {
		limit = n
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit})
	ownProcess = true
	if err := Serve(os.Stdin, os.Stdout); err != nil && !errors.Is(err, errRetire) {
		fmt.Fprintln(os.Stderr, "query worker:", err)
		return 1
	}
	return 0
}

// slowAfter is how long a query runs at the CPU priority it started with.
// Past it the worker lowers its own priority to the least, so that a long
// or runaway query gets the CPU the short queries beside it leave; an
// unprivileged process cannot raise its priority again, so the worker
// retires after answering.
const slowAfter = 500 * time.Millisecond

// lowered is set once the worker has lowered its priority; ownProcess
// when Serve runs in a worker process of its own (ServeStdio), the only
// place where lowering the priority of the whole process is right.
var (
	lowered    atomic.Bool
	ownProcess bool
)

// lowerPriority sets the nice value of every thread of the worker to 19:
// Linux keeps one per thread, and a thread started later takes that of the
// thread that starts it.
func lowerPriority() {
	lowered.Store(true)
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		_ = syscall.Setpriority(syscall.PRIO_PROCESS, 0, 19)
		return
	}
	for _, t := range tasks {
		if tid, err := strconv.Atoi(t.Name()); err == nil {
			_ = syscall.Setpriority(syscall.PRIO_PROCESS, tid, 19)
		}
	}
}

// errRetire ends a worker after a query timed out (Cayley may still be
// computing in a goroutine nobody can stop) or after a slow query lowered
// its priority: a fresh process is cheap.
var errRetire = errors.New("retiring after a timeout or a slow query")

// Serve answers requests read from r, one JSON object each, with responses
// written to w, until r ends.
func Serve(r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	// Requests are read while one runs, so that a cancel (request.Cancel)
	// reaches the kept statement it names.
	reqs := make(chan *request)
	readErr := make(chan error, 1)
	served := make(chan struct{})
	defer close(served)
	go func() {
		dec := json.NewDecoder(bufio.NewReader(r))
		for {
			req := new(request)
			if err := dec.Decode(req); err != nil {
				readErr <- err
				close(reqs)
				return
			}
			if req.Cancel != 0 {
				cancelKept(req.Cancel)
				continue
			}
			select {
			case reqs <- req:
			case <-served:
				return
			}
		}
	}()
	for {
		req, ok := <-reqs
		if !ok {
			if err := <-readErr; !errors.Is(err, io.EOF) {
				return fmt.Errorf("read request: %w", err)
			}
			return nil
		}
		resp := handle(req)
		resp.Retiring = lowered.Load() || retireKept
		if err := enc.Encode(resp); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		// A kept session's worker stays after a timeout, with its state:
		// its statement was interrupted and nothing else shares it.
		if resp.Retiring || resp.Err != nil && resp.Err.Kind == Timeout && !req.Keep {
			return errRetire
		}
	}
}

// handle runs one request. Panics on this goroutine are turned into errors;
// those on gizmo's own goroutine end the process, which the pool reports.
func handle(req *request) (resp *response) {
	start := time.Now()
	resp = &response{ID: req.ID, Rows: []json.RawMessage{}}
	defer func() {
		if p := recover(); p != nil {
			resp.Rows = nil
			resp.Err = errorf(Crash, "query failed inside the query engine: panic: %v", p)
		}
		resp.ElapsedNS = int64(time.Since(start))
	}()
	if req.Release {
		releaseHeld()
		return resp
	}
	if req.SharedKey != "" {
		if req.Shared != "" {
			rememberShared(req.SharedKey, req.Shared)
		} else if req.Shared = sharedTexts[req.SharedKey]; req.Shared == "" {
			resp.NeedShared = true
			return resp
		}
	}
	timeout := time.Duration(req.TimeoutMS) * time.Millisecond
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	if req.Keep || req.Reset {
		// The REPL's own worker: its priority stays, so that it is not
		// retired (and its state lost) after a slow statement.
		handleKept(req, resp, timeout)
		return resp
	}
	if ownProcess && !req.KeepPriority {
		slow := time.AfterFunc(slowAfter, lowerPriority)
		defer slow.Stop()
	}
	st, release, kept, err := openReader(req.Dir, timeout, req.Hold)
	if err != nil {
		resp.Err = errorf(Store, "%v", err)
		return resp
	}
	defer release()
	// JSON-LD keeps language tags and datatypes that JSON collation drops;
	// scripts see the same values (ToArray, TagArray) as the rows.
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	col := query.JSONLD
	if req.CayleyJSON {
		col = query.JSON
	}
	// A store the worker keeps open keeps its runtime, which has run the
	// Shared programs of earlier queries; elsewhere a session costs
	// microseconds, and one is made per query, with Shared run first.
	var rt *jsRuntime
	var ses *gizmo.Session
	if req.Shared != "" && kept {
		var err *Error
		if rt, err = runtimeFor(ctx, st, req.Shared, col, timeout); err != nil {
			resp.Err = err
			return resp
		}
		ses = rt.ses
	} else {
		ses = gizmo.NewSession(st.QuadStore())
	}

	script := req.Script
	if req.Value {
		script = valueWrapper(script)
	} else {
		// Run through eval, like the value wrapper, so that the end marker
		// below cannot change how the script itself parses.
		src, _ := json.Marshal(script)
		script = "(0, eval)(" + string(src) + ");\n"
	}
	// The end marker: a script that ran to its end emits it last.
	script = req.Prelude + script + "g.Emit({\"" + doneKey + "\": true});\n"
	if rt == nil {
		script = req.Shared + script
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 1000
	}
	// Room for one row past the limit (to tell that there were more), a
	// note and the end marker.
	it, err := ses.Execute(ctx, script, query.Options{Collation: col, Limit: limit + 3})
	if err != nil {
		resp.Err = errorf(Syntax, "SyntaxError: %s", strings.TrimPrefix(cleanJSError(err), "SyntaxError: "))
		return resp
	}
	// Closing Cayley's results interrupts the runtime, and an interrupt
	// that finds no program running stops the next one: a kept runtime
	// whose program ran to its end is left alone; one stopped early, or
	// that failed, is closed and dropped, and the next query starts anew.
	finished := false
	defer func() {
		if rt != nil && finished {
			return
		}
		it.Close()
		if rt != nil {
			dropRuntime(rt.st)
		}
	}()
	size := 0
	done := false
	for it.Next(ctx) {
		v := it.Result()
		if v == nil {
			continue
		}
		if m, ok := v.(map[string]any); ok && len(m) == 1 && m[doneKey] == true {
			done = true
			continue
		}
		if len(resp.Rows) == limit {
			resp.Truncated = true
			break
		}
		if m, ok := v.(map[string]any); ok {
			if note, ok := m[noteKey].(string); ok && len(m) == 1 {
				resp.Note = note
				continue
			}
			if val, ok := m[valueKey]; ok && len(m) == 1 {
				v = val
			}
		}
		b, err := json.Marshal(v)
		if err != nil {
			resp.Rows = nil
			resp.Err = errorf(Output, "a result cannot be shown as JSON: %v", err)
			return resp
		}
		size += len(b)
		if size > maxResponseBytes {
			resp.Rows = nil
			resp.Err = errorf(Output, "the result is over %d MiB; narrow the query or lower the limit", maxResponseBytes>>20)
			return resp
		}
		resp.Rows = append(resp.Rows, b)
	}
	if err := it.Err(); err != nil {
		resp.Rows = nil
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			resp.Err = timeoutError(timeout)
		} else if msg := cleanJSError(err); strings.HasPrefix(msg, "SyntaxError") {
			resp.Err = errorf(Syntax, "%s", msg)
		} else {
			resp.Err = errorf(Runtime, "%s", msg)
		}
		return resp
	}
	if !done && !resp.Truncated {
		// The script neither ended nor failed: Cayley's goroutine panicked.
		// It closes its result channel as it unwinds, so the loop above
		// ended as if the script had, while the runtime ends this process.
		// Answer nothing and wait for that: the pool then reports the crash,
		// with its panic line, for this query, instead of handing the dying
		// worker the next one.
		time.Sleep(10 * time.Second)
		fmt.Fprintln(os.Stderr, "fatal error: the query engine stopped before the end of the script")
		os.Exit(2)
	}
	finished = done && !resp.Truncated
	return resp
}

// jsRuntime is a Gizmo session (one JavaScript runtime) kept for a store
// the worker keeps open, and the Shared programs it has run.
type jsRuntime struct {
	st      *graph.Store
	ses     *gizmo.Session
	defined map[string]bool
}

// runtimes are the kept runtimes, by store.
var runtimes = map[*graph.Store]*jsRuntime{}

// maxShared bounds the Shared programs one runtime keeps (a handful of
// canned queries in practice): past it the runtime starts anew.
const maxShared = 64

func dropRuntime(st *graph.Store) { delete(runtimes, st) }

// sharedTexts are the Shared texts this worker was sent, by their keys
// (request.SharedKey); past maxShared of them it forgets them all, and the
// pool sends again those it asks for (response.NeedShared).
var sharedTexts = map[string]string{}

func rememberShared(key, text string) {
	if _, ok := sharedTexts[key]; !ok && len(sharedTexts) >= maxShared {
		clear(sharedTexts)
	}
	sharedTexts[key] = text
}

// runtimeFor returns st's kept runtime with shared run in it, making the
// runtime or running shared first if need be.
func runtimeFor(ctx context.Context, st *graph.Store, shared string, col query.Collation, timeout time.Duration) (*jsRuntime, *Error) {
	rt := runtimes[st]
	if rt != nil && (rt.defined[shared] || len(rt.defined) < maxShared) {
		if rt.defined[shared] {
			return rt, nil
		}
	} else {
		rt = &jsRuntime{st: st, ses: gizmo.NewSession(st.QuadStore()), defined: map[string]bool{}}
		runtimes[st] = rt
	}
	it, err := rt.ses.Execute(ctx, shared, query.Options{Collation: col, Limit: -1})
	if err != nil {
		dropRuntime(st)
		return nil, errorf(Syntax, "SyntaxError: %s", strings.TrimPrefix(cleanJSError(err), "SyntaxError: "))
	}
	// Read to the end (definitions emit nothing): see handle on closing.
	for it.Next(ctx) {
	}
	if err := it.Err(); err != nil {
		it.Close()
		dropRuntime(st)
		if ctx.Err() != nil {
			return nil, timeoutError(timeout)
		}
		return nil, errorf(Runtime, "%s", cleanJSError(err))
	}
	rt.defined[shared] = true
	return rt, nil
}

// Keys of the objects valueWrapper and the end marker emit; a user's own
// objects would need exactly this one key to be mistaken for them.
const (
	valueKey = "__kg_value__"
	noteKey  = "__kg_note__"
	doneKey  = "__kg_done__"
)

// valueWrapper makes a script emit the value of its last expression, as
// `cayley repl` prints it, so `g.V().Count()` or `g.V().ToArray()` show
// something. A path left without a final step gets a note instead.
func valueWrapper(script string) string {
	src, _ := json.Marshal(script)
	return `var __kg_v = (0, eval)(` + string(src) + `);
if (__kg_v !== undefined && __kg_v !== null) {
  if (typeof __kg_v === "object" && typeof __kg_v.All === "function" && typeof __kg_v.Out === "function") {
    g.Emit({"` + noteKey + `": "that is a path, not a result: end it with .All(), .ToArray() or .Count() to run it"});
  } else {
    g.Emit({"` + valueKey + `": __kg_v});
  }
}`
}

var (
	atEval     = regexp.MustCompile(` at <eval>:(\d+):(\d+)\(\d+\)`)
	syntaxLine = regexp.MustCompile(`(?:<eval>|\(anonymous\)): Line (\d+):(\d+) `)
)

// cleanJSError trims goja's messages to what helps: the message and the
// line and column in the script.
func cleanJSError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "Error: ")
	msg = strings.ReplaceAll(msg, "SyntaxError: SyntaxError: ", "SyntaxError: ")
	msg = strings.ReplaceAll(msg, " at eval (native)", "")
	msg = regexp.MustCompile(` \(and \d+ more errors?\)`).ReplaceAllString(msg, "")
	msg = syntaxLine.ReplaceAllString(msg, "line $1:$2: ")
	msg = atEval.ReplaceAllString(msg, " (line $1:$2)")
	switch {
	case strings.Contains(msg, "not a quad.Value"):
		msg += " (a step was given an object or array where a node belongs: give IRIs as \"<...>\", iri(...) or E(\"name\"))"
	case strings.Contains(msg, "has no member"):
		msg += " (Gizmo steps start with a capital: Out, In, Both, Has, Tag, All, ToArray, Count; Tab completes them)"
	}
	return strings.TrimSpace(msg)
}

// pgReaders are the PostgreSQL stores this worker has read, kept open
// between queries: opening one is a few round trips to the server, and
// Cayley's cache of node values lives in it. A bolt store is opened per
// query, as its shared file lock keeps writers out while it is open.
var pgReaders = map[string]*graph.Store{}

// held are the bolt stores kept open between the queries of a pool that
// asks for it (Options.HoldStore), until a Release request.
var held = map[string]*graph.Store{}

// heldResident is the resident memory past which a worker drops the
// pages of the stores it holds after a query. Bolt reads through a
// mapping of the whole file, and the pages a query touched stay resident
// (and count against the pool's memory budget) while the store is held;
// they stay in the kernel's page cache, so the next query maps them again
// at the cost of a page fault.
const heldResident = 256 << 20

func releaseHeld() {
	for dir, st := range held {
		dropRuntime(st)
		st.Close()
		delete(held, dir)
	}
}

// openReader opens a store for one query and returns what ends its use,
// and whether the store stays open after it (held, or a database's).
func openReader(dir string, timeout time.Duration, hold bool) (*graph.Store, func(), bool, error) {
	if !graph.IsDatabase(dir) && hold {
		if st := held[dir]; st != nil {
			return st, func() { afterHeld(st) }, true, nil
		}
		st, err := graph.OpenReader(dir, timeout)
		if err != nil {
			return nil, nil, false, err
		}
		held[dir] = st
		return st, func() { afterHeld(st) }, true, nil
	}
	if !graph.IsDatabase(dir) {
		st, err := graph.OpenReader(dir, timeout)
		if err != nil {
			return nil, nil, false, err
		}
		return st, func() { st.Close() }, false, nil
	}
	if st := pgReaders[dir]; st != nil {
		return st, func() {}, true, nil
	}
	st, err := graph.OpenReader(dir, timeout)
	if err != nil {
		return nil, nil, false, err
	}
	pgReaders[dir] = st
	return st, func() {}, true, nil
}

// afterHeld ends a query on a held store: its pages go if the worker
// holds too many.
func afterHeld(st *graph.Store) {
	if residentBytes(os.Getpid()) > heldResident {
		st.DropMapped()
	}
}
