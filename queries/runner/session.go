package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/dop251/goja"

	"github.com/kgnews/kg/graph"
)

// kept is the worker's long-lived Gizmo session, for requests with Keep
// set (the REPL's): one JavaScript runtime whose variables and functions
// outlive each statement, over the store opened read-only once. A worker
// serves one REPL, so there is one.
type kept struct {
	id  string
	dir string
	st  *graph.Store
	ses *gizmo.Session
	n   int
}

var (
	keptSession *kept
	keptCount   int
	// retireKept ends the worker after its answer: a stopped statement
	// would not let go of the session's runtime.
	retireKept bool
)

// cancelMu guards the cancel state of the kept session: the request it
// runs and that request's cancel function, and the latest request a
// cancel named. Cancels come on stdin beside the requests (Serve's
// reader), so each names its request: one that comes before its request
// has started (a Ctrl-C just after Enter on a busy machine) stops it
// before it runs instead of being lost, and one that comes after its
// request ended stops nothing else. (A signal, as before, named no
// request: it was lost if it came too early, and the pool then killed the
// worker and the session with it.)
var (
	cancelMu      sync.Mutex
	runningID     uint64
	cancelCurrent context.CancelFunc
	cancelledID   uint64
)

// cancelKept stops kept request id if it is running and remembers it in
// case it has not started yet.
func cancelKept(id uint64) {
	cancelMu.Lock()
	defer cancelMu.Unlock()
	if id > cancelledID {
		cancelledID = id
	}
	if id == runningID && cancelCurrent != nil {
		cancelCurrent()
	}
}

func dropKept() {
	if keptSession != nil {
		keptSession.st.Close()
		keptSession = nil
	}
}

// endKey is the global a kept statement sets as it ends: a statement that
// neither failed nor set it was cut short by a crash of Cayley's own
// goroutine (see handle).
const endKey = "__kg_end__"

// handleKept runs a statement in the kept session. The statement runs as
// a program of its own in the session's runtime, as Cayley's REPL runs it,
// so var, let, const and function declarations stay; rows are turned into
// JSON-LD here, from Cayley's raw results, because the JSON collations
// drop the program's completion value, which the REPL shows.
func handleKept(req *request, resp *response, timeout time.Duration) {
	if req.Reset {
		dropKept()
		return
	}
	if keptSession == nil || keptSession.dir != req.Dir {
		dropKept()
		st, err := graph.OpenReader(req.Dir, timeout)
		if err != nil {
			resp.Err = errorf(Store, "%v", err)
			return
		}
		keptCount++
		keptSession = &kept{id: fmt.Sprintf("%d-%d", os.Getpid(), keptCount), dir: req.Dir, st: st, ses: gizmo.NewSession(st.QuadStore())}
	}
	k := keptSession
	resp.Session = k.id
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cancelMu.Lock()
	if cancelledID == req.ID {
		// cancelled before it started: the session's runtime is not touched
		cancelMu.Unlock()
		resp.Err = errorf(Canceled, "query cancelled")
		return
	}
	runningID, cancelCurrent = req.ID, cancel
	cancelMu.Unlock()
	defer func() {
		cancelMu.Lock()
		runningID, cancelCurrent = 0, nil
		cancelMu.Unlock()
	}()

	// The prelude (KG, the helpers, this statement's E() names) runs first.
	// It also takes any interrupt left over from a statement stopped just
	// as it ended, which would otherwise stop this one at once: such a
	// prelude is run again.
	prelude := req.Prelude + "var " + endKey + " = false;\n"
	var err error
	for try := 0; try < 2; try++ {
		if _, _, err = runKept(ctx, k, prelude, 0); err == nil {
			break
		}
	}
	if err != nil {
		resp.Err = keptError(ctx, err, timeout)
		return
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 1000
	}
	// The statement's own syntax errors, before the end marker is added.
	if _, err := goja.Compile("", req.Script, false); err != nil {
		resp.Rows = nil
		resp.Err = keptError(ctx, syntaxError{err}, timeout)
		return
	}
	// A var statement has no completion value, so the end marker leaves
	// the statement's own value as the program's.
	rows, value, err := runKept(ctx, k, req.Script+"\n;var "+endKey+" = true;\n", limit+1)
	if err != nil {
		resp.Rows = nil
		resp.Err = keptError(ctx, err, timeout)
		return
	}
	if _, end, err := runKept(ctx, k, endKey, 0); err != nil || end != true {
		// The script neither ended nor failed: Cayley's goroutine panicked
		// and the runtime is ending this process (see handle).
		time.Sleep(10 * time.Second)
		fmt.Fprintln(os.Stderr, "fatal error: the query engine stopped before the end of the statement")
		os.Exit(2)
	}
	k.n++
	if req.Value && value != nil {
		if isPath(value) {
			resp.Note = "that is a path, not a result: end it with .All(), .ToArray() or .Count() to run it"
		} else {
			rows = append(rows, value)
		}
	}
	size := 0
	for _, v := range rows {
		if len(resp.Rows) == limit {
			resp.Truncated = true
			break
		}
		b, err := json.Marshal(v)
		if err != nil {
			resp.Rows = nil
			resp.Err = errorf(Output, "a result cannot be shown as JSON: %v", err)
			return
		}
		if size += len(b); size > maxResponseBytes {
			resp.Rows = nil
			resp.Err = errorf(Output, "the result is over %d MiB; narrow the query or lower the limit", maxResponseBytes>>20)
			return
		}
		resp.Rows = append(resp.Rows, b)
	}
}

// runKept runs one program in the kept session and returns the rows it
// emitted (at most limit; 0 keeps none) and its completion value. It reads
// the results to their end and never closes them early: closing Cayley's
// iterator interrupts the runtime, and an interrupt that finds no program
// running stops the next one.
func runKept(ctx context.Context, k *kept, src string, limit int) ([]any, any, error) {
	it, err := k.ses.Execute(ctx, src, query.Options{Collation: query.Raw, Limit: -1})
	if err != nil {
		return nil, nil, syntaxError{err}
	}
	var rows []any
	var value any
	for it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r == nil {
			continue
		}
		switch {
		case r.Meta:
			value = r.Val
		case limit > 0 && len(rows) > limit:
			// Past the limit: read on, keep nothing.
		case r.Val != nil:
			rows = append(rows, r.Val)
		default:
			m, err := tagsToJSONLD(k.st.QuadStore(), r.Tags)
			if err != nil {
				return nil, nil, err
			}
			if m != nil {
				rows = append(rows, m)
			}
		}
	}
	if ctx.Err() != nil {
		// Stopped (timeout, cancel): the program's goroutine may still be
		// on its way out, and the runtime is not to be used by two at once.
		// Wait for it; a program stuck in Go code ends the worker.
		wctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		for it.Next(wctx) {
		}
		if wctx.Err() != nil {
			retireKept = true
		}
		cancel()
	}
	return rows, value, it.Err()
}

// tagsToJSONLD is what Cayley's JSON-LD collation makes of a path result:
// each tag's node as a JSON-LD value.
func tagsToJSONLD(qs cgraph.QuadStore, tags map[string]cgraph.Ref) (map[string]any, error) {
	out := map[string]any{}
	for k, ref := range tags {
		v, err := qs.NameOf(ref)
		if err != nil {
			return nil, err
		}
		if v != nil {
			out[k] = jsonld.FromValue(v)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// isPath tells a Gizmo path or graph object (Go values of unexported
// types) from a value a script computed.
func isPath(v any) bool {
	t := reflect.TypeOf(v)
	return t != nil && t.Kind() == reflect.Pointer && t.Elem().PkgPath() == reflect.TypeOf(gizmo.Session{}).PkgPath()
}

// syntaxError is a statement that does not compile.
type syntaxError struct{ err error }

func (e syntaxError) Error() string { return e.err.Error() }

func keptError(ctx context.Context, err error, timeout time.Duration) *Error {
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return timeoutError(timeout)
	case errors.Is(ctx.Err(), context.Canceled):
		return errorf(Canceled, "query cancelled")
	}
	msg := cleanJSError(err)
	var se syntaxError
	if errors.As(err, &se) || strings.HasPrefix(msg, "SyntaxError") {
		return errorf(Syntax, "SyntaxError: %s", strings.TrimPrefix(msg, "SyntaxError: "))
	}
	return errorf(Runtime, "%s", msg)
}
