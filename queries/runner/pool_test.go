package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/boltdb/bolt"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/fixture"
)

func TestMain(m *testing.M) {
	ServeIfWorker()
	os.Exit(m.Run())
}

func newPool(t *testing.T, workers int) (*Pool, string) {
	t.Helper()
	dir := fixture.Build(t)
	return startPool(t, dir, workers, nil), dir
}

// startPool starts a pool of workers on the store in dir, with its
// options changed by set (when not nil), closed when the test ends.
func startPool(t *testing.T, dir string, workers int, set func(*Options)) *Pool {
	t.Helper()
	opts := SelfOptions(dir, workers)
	if set != nil {
		set(&opts)
	}
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// leasedPool builds the fixture store, holds its write lease as a writer
// would, and starts a pool of two workers on it beside the lease; it
// returns the store's directory too.
func leasedPool(t *testing.T, set func(*Options)) (*Pool, *graph.Lease, string) {
	t.Helper()
	dir := fixture.Build(t)
	lease, err := graph.Acquire(dir, &graph.Options{LockTimeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lease.Release() })
	return startPool(t, dir, 2, set), lease, dir
}

var ctx = context.Background()

// run runs a query; one without a timeout gets one that only catches a
// hang. (The pool's default, 30 s, is short for a test: a query past
// half a second runs at the least CPU priority, and beside stress on a
// busy machine that can be almost no CPU at all.)
func run(t *testing.T, p *Pool, q Query) (*Result, *Error) {
	t.Helper()
	if q.Timeout == 0 {
		q.Timeout = 10 * time.Minute
	}
	res, err := p.Run(ctx, q)
	if err == nil {
		return res, nil
	}
	var qe *Error
	if !errors.As(err, &qe) {
		t.Fatalf("error of type %T: %v", err, err)
	}
	return nil, qe
}

func TestRunKeepsLanguageTags(t *testing.T) {
	p, _ := newPool(t, 1)
	res, qe := run(t, p, Query{Script: `g.V("<` + string(fixture.Kim) + `>").Out("<http://www.w3.org/2000/01/rdf-schema#label>").All()`})
	if qe != nil {
		t.Fatal(qe)
	}
	var got []string
	for _, r := range res.Rows {
		got = append(got, string(r))
	}
	want := []string{`{"id":{"@language":"en","@value":"Kim Jong-un"}}`, `{"id":{"@language":"hi","@value":"किम जोंग-उन"}}`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// CayleyJSON answers in Cayley's plain JSON collation, as Cayley's HTTP API
// does: IRIs in angle brackets, strings without their language tags.
func TestRunCayleyJSON(t *testing.T) {
	p, _ := newPool(t, 1)
	res, qe := run(t, p, Query{CayleyJSON: true, Script: `g.V("<` + string(fixture.Kim) + `>").Tag("s").Out("<http://www.w3.org/2000/01/rdf-schema#label>").All()`})
	if qe != nil {
		t.Fatal(qe)
	}
	var got []string
	for _, r := range res.Rows {
		var m map[string]string
		if err := json.Unmarshal(r, &m); err != nil {
			t.Fatal(err)
		}
		got = append(got, m["s"]+" "+m["id"])
	}
	kim := "<" + string(fixture.Kim) + ">"
	want := []string{kim + " Kim Jong-un", kim + " किम जोंग-उन"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The malformed queries below panic inside Cayley's own goroutine; each
// must come back as an error, and the pool must answer the next query.
func TestMalformedQueriesDoNotKillThePool(t *testing.T) {
	p, _ := newPool(t, 1)
	cases := []struct {
		script string
		kind   Kind
		want   string
	}{
		{`g.V().Out({}).All()`, Crash, "unsupported type: map[string]interface {}"},
		{`g.V(iri(5)).All()`, Crash, "expected string, got: int64"},
		{`g.V().Out("<x>",5).All()`, Crash, "expected string, got: int64"},
		{`g.V().FollowR(g.M().Labels()).All()`, Crash, "query crashed the query engine"},
		{`g.V(`, Syntax, "SyntaxError"},
		{`g.V().Foo()`, Runtime, "TypeError"},
		{`throw new Error("boom")`, Runtime, "boom"},
		{`function f(){ return f() } f()`, Timeout, ""},
		{`g.Emit(function(){})`, Output, ""},
	}
	for _, c := range cases {
		// a crash must not pass for a timeout on a busy machine: only the
		// endless recursion, which may end either way, gets a short one
		timeout := 10 * time.Minute
		if c.kind == Timeout {
			timeout = 2 * time.Second
		}
		_, qe := run(t, p, Query{Script: c.script, Timeout: timeout})
		if qe == nil {
			t.Errorf("%s: no error", c.script)
			continue
		}
		if qe.Kind != c.kind && !(c.kind == Timeout && qe.Kind == Crash) {
			t.Errorf("%s: kind %s (%s), want %s", c.script, qe.Kind, qe.Message, c.kind)
		}
		if !strings.Contains(qe.Message, c.want) {
			t.Errorf("%s: message %q lacks %q", c.script, qe.Message, c.want)
		}
		res, qe := run(t, p, Query{Script: `g.Emit(1+1)`})
		if qe != nil || len(res.Rows) != 1 || string(res.Rows[0]) != "2" {
			t.Fatalf("after %s the pool answered %v, %v", c.script, res, qe)
		}
	}
}

// A crash belongs to the query that caused it. Cayley's goroutine closes
// its result channel while it panics, so the worker could see a clean end
// and answer "no rows" before the runtime ends the process; the next query
// then met a dying worker and got the crash. Busy workers on a loaded
// machine make that race show, so four clients go at once.
func TestCrashIsReportedForItsOwnQuery(t *testing.T) {
	p, _ := newPool(t, 4)
	var wg sync.WaitGroup
	for c := 0; c < 4; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				script := []string{`g.V().Out({}).All()`, `g.V(iri(5)).All()`, `g.V().FollowR(g.M().Labels()).All()`}[(i+c)%3]
				if res, err := p.Run(ctx, Query{Script: script, Timeout: 10 * time.Minute}); err == nil || err.(*Error).Kind != Crash {
					t.Errorf("client %d round %d: %s answered %v, %v", c, i, script, res, err)
					return
				}
				if res, err := p.Run(ctx, Query{Script: `g.V().Has("<` + string(fixture.Kim) + `>").Count()`, Value: true, Timeout: 10 * time.Minute}); err != nil || len(res.Rows) != 1 {
					t.Errorf("client %d round %d: the query after %s answered %v, %v", c, i, script, res, err)
					return
				}
			}
		}(c)
	}
	wg.Wait()
}

func TestRunawayQueryTimesOut(t *testing.T) {
	p, _ := newPool(t, 1)
	_, qe := run(t, p, Query{Script: `while(true){}`, Timeout: 300 * time.Millisecond})
	if qe == nil || qe.Kind != Timeout || !strings.Contains(qe.Message, "timed out after 300ms") {
		t.Fatalf("runaway query: %v", qe)
	}
	if res, qe := run(t, p, Query{Script: `g.Emit("ok")`}); qe != nil || string(res.Rows[0]) != `"ok"` {
		t.Fatalf("after a timeout: %v %v", res, qe)
	}
}

// A runaway query drops its worker to the lowest CPU priority, so that
// it takes no CPU the short queries beside it want; they are answered
// meanwhile. (How fast they are is measured by scripts/load-test.sh, not
// asserted here: a test must not depend on how busy the machine is.)
func TestRunawayDoesNotSlowOthers(t *testing.T) {
	p, _ := newPool(t, 2)
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := p.Run(rctx, Query{Script: `while(true){}`, Timeout: 10 * time.Minute})
		done <- err
	}()
	w := waitBusy(t, p, 1)[0]
	eventually(t, "the runaway's worker lowers its priority", func() bool { return niceOf(w.cmd.Process.Pid) == 19 })
	for i := 0; i < 5; i++ {
		res, qe := run(t, p, Query{Script: `g.V("<` + string(fixture.Putin) + `>").In().All()`, Timeout: 10 * time.Minute})
		if qe != nil || len(res.Rows) == 0 {
			t.Fatalf("query beside a runaway: %v %v", res, qe)
		}
	}
	cancel()
	var qe *Error
	if err := <-done; !errors.As(err, &qe) || qe.Kind != Canceled {
		t.Errorf("runaway ended with %v", err)
	}
}

// waitBusy waits until n workers run a query and returns them.
func waitBusy(t *testing.T, p *Pool, n int) []*proc {
	t.Helper()
	var ws []*proc
	eventually(t, fmt.Sprintf("%d queries running", n), func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		ws = ws[:0]
		for w := range p.busy {
			ws = append(ws, w)
		}
		return len(ws) >= n
	})
	return ws
}

// eventually waits for cond, failing the test only if it never holds: the
// deadline is there to catch a hang, not to measure speed.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// niceOf reads a process's nice value (field 19 of /proc/PID/stat).
func niceOf(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 17 {
		return 0
	}
	n, _ := strconv.Atoi(f[16])
	return n
}

// A pool with KeepPriority (kg query's: nothing runs beside its query)
// leaves a slow query's worker at its priority, and keeps the worker.
func TestKeepPriorityPoolLeavesASlowQueryAlone(t *testing.T) {
	p := startPool(t, fixture.Build(t), 1, func(o *Options) { o.KeepPriority = true })
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := p.Run(rctx, Query{Script: `var t0 = Date.now(); while (Date.now() - t0 < 3000) {} g.Emit("done")`, Timeout: 10 * time.Minute})
		done <- err
	}()
	w := waitBusy(t, p, 1)[0]
	own := niceOf(os.Getpid())
	// past slowAfter by the worker's own clock: the script's start is
	// after the worker took the request
	time.Sleep(2 * slowAfter)
	if n := niceOf(w.cmd.Process.Pid); n != own {
		t.Errorf("the worker's nice value is %d, the test's %d", n, own)
	}
	if err := <-done; err != nil {
		t.Fatalf("slow query: %v", err)
	}
	cancel()
	// the check that cannot pass by the machine's timing: a worker that
	// lowered its priority retires after its answer
	w2 := <-p.slots
	p.slots <- w2
	if w2 != w {
		t.Errorf("the worker was not kept after a slow query")
	}
}

// A query past slowAfter runs on at the lowest CPU priority, so that it
// takes no CPU from short queries; it still answers, and its worker, which
// cannot raise its priority again, is replaced.
func TestSlowQueryYieldsAndRetires(t *testing.T) {
	p, _ := newPool(t, 1)
	res, qe := run(t, p, Query{Script: `var t0 = Date.now(); while (Date.now() - t0 < 800) {} g.Emit("done")`, Timeout: 10 * time.Minute})
	if qe != nil || len(res.Rows) != 1 || string(res.Rows[0]) != `"done"` {
		t.Fatalf("slow query: %v %v", res, qe)
	}
	if w := <-p.slots; w != nil {
		t.Errorf("the worker that ran a slow query was kept")
		p.slots <- w
	} else {
		p.slots <- nil
	}
	if res, qe := run(t, p, Query{Script: `g.Emit(1)`}); qe != nil || string(res.Rows[0]) != "1" {
		t.Fatalf("after a slow query: %v %v", res, qe)
	}
}

func TestCancelKillsQuery(t *testing.T) {
	p, _ := newPool(t, 1)
	cctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err := p.Run(cctx, Query{Script: `while(true){}`, Timeout: 10 * time.Minute})
	var qe *Error
	if !errors.As(err, &qe) || qe.Kind != Canceled {
		t.Fatalf("cancelled query: %v", err)
	}
	if _, qe := run(t, p, Query{Script: `g.Emit(1)`}); qe != nil {
		t.Fatal(qe)
	}
}

func TestLimitTruncates(t *testing.T) {
	p, _ := newPool(t, 1)
	res, qe := run(t, p, Query{Script: `for (var i = 0; i < 10; i++) g.Emit(i)`, Limit: 3})
	if qe != nil {
		t.Fatal(qe)
	}
	if len(res.Rows) != 3 || !res.Truncated {
		t.Errorf("rows %d truncated %v, want 3 and true", len(res.Rows), res.Truncated)
	}
	res, _ = run(t, p, Query{Script: `for (var i = 0; i < 3; i++) g.Emit(i)`, Limit: 3})
	if len(res.Rows) != 3 || res.Truncated {
		t.Errorf("exactly the limit: rows %d truncated %v", len(res.Rows), res.Truncated)
	}
}

func TestValueOfLastExpression(t *testing.T) {
	p, _ := newPool(t, 1)
	res, qe := run(t, p, Query{Script: "var n = g.V(\"<" + string(fixture.Kim) + ">\").Out().Count()\nn", Value: true})
	if qe != nil {
		t.Fatal(qe)
	}
	if len(res.Rows) != 1 {
		t.Fatalf("rows %v", res.Rows)
	}
	var n int
	if err := json.Unmarshal(res.Rows[0], &n); err != nil || n == 0 {
		t.Errorf("count row %s", res.Rows[0])
	}
	res, qe = run(t, p, Query{Script: `g.V()`, Value: true})
	if qe != nil || len(res.Rows) != 0 || !strings.Contains(res.Note, "path") {
		t.Errorf("bare path: %+v %v", res, qe)
	}
}

// A paused pool has no reader open: the leaseholder can write, and queries
// that arrive meanwhile run after resume and see the write. With
// preemption off, the pause waits for the query in flight.
func TestPauseLetsLeaseholderWrite(t *testing.T) {
	p, lease, _ := leasedPool(t, func(o *Options) { o.PreemptAfter = -1 })
	count := `g.Emit(g.V("<` + string(fixture.Putin) + `>").In().Count())`
	res, qe := run(t, p, Query{Script: count})
	if qe != nil {
		t.Fatal(qe)
	}
	before := string(res.Rows[0])

	slow := make(chan error, 1)
	go func() {
		_, err := p.Run(ctx, Query{Script: `var t = Date.now(); while (Date.now() - t < 300) {} g.Emit(1)`, Timeout: 10 * time.Minute})
		slow <- err
	}()
	waitBusy(t, p, 1)
	err := p.Exclusive(ctx, func() error {
		select {
		case err := <-slow:
			if err != nil {
				t.Errorf("query in flight at pause: %v", err)
			}
		default:
			t.Error("Exclusive ran before the running query ended")
		}
		return retractOne(lease)
	})
	if err != nil {
		t.Fatal(err)
	}
	res, qe = run(t, p, Query{Script: count})
	if qe != nil {
		t.Fatal(qe)
	}
	if string(res.Rows[0]) == before {
		t.Errorf("count unchanged (%s) after the write", before)
	}
}

// A pool with HoldStore keeps the store open in its workers between
// queries (a writer cannot open it meanwhile), lets go of it in every
// worker for a write (Exclusive), and reads the written store afterwards.
func TestHeldStoreIsReleasedForAWrite(t *testing.T) {
	p, lease, dir := leasedPool(t, func(o *Options) { o.HoldStore = true })
	// two queries at once, so that both workers read the store
	both := func() []string {
		count := `var t = Date.now(); while (Date.now() - t < 300) {} g.Emit(g.V("<` + string(fixture.Putin) + `>").In().Count())`
		var wg sync.WaitGroup
		counts := make([]string, 2)
		for i := range counts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := p.Run(ctx, Query{Script: count, Timeout: time.Minute})
				if err != nil {
					t.Error(err)
					return
				}
				counts[i] = string(res.Rows[0])
			}()
		}
		waitBusy(t, p, 2)
		wg.Wait()
		if t.Failed() {
			t.FailNow()
		}
		return counts
	}
	before := both()
	// held: a writer that does not go through the pool is kept out
	db, err := bolt.Open(filepath.Join(dir, "data", "indexes.bolt"), 0o600, &bolt.Options{Timeout: 200 * time.Millisecond})
	if err == nil {
		db.Close()
		t.Fatal("the store opened for writing while the workers should hold it")
	}
	if !errors.Is(err, bolt.ErrTimeout) {
		t.Fatalf("open for writing beside the workers: %v, want bolt's lock timeout", err)
	}
	// released for a write through the pool: the write opens the store
	if err := p.Exclusive(ctx, func() error { return retractOne(lease) }); err != nil {
		t.Fatalf("write while the pool is paused: %v", err)
	}
	for i, got := range both() {
		if got == before[0] {
			t.Errorf("worker %d after the write: count unchanged (%s): it read its old handle", i+1, got)
		}
	}
}

func retractOne(lease *graph.Lease) error {
	st, err := lease.Open()
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = st.Retract(ctx, fixture.Seed()[1].IRI)
	return err
}

// Issue 11 §3: a write waits for no query's deadline. A runaway with ten
// minutes to go is stopped when the pause has waited PreemptAfter, the
// write goes through (the store opens for writing: no worker has it open),
// and the runaway runs again after it, within its own timeout; so does a
// query that arrived during the pause.
func TestPauseStopsARunaway(t *testing.T) {
	p, lease, _ := leasedPool(t, nil)
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runaway := make(chan error, 1)
	go func() {
		_, err := p.Run(rctx, Query{Script: `while(true){}`, Timeout: 10 * time.Minute})
		runaway <- err
	}()
	waitBusy(t, p, 1)
	count := `g.Emit(g.V("<` + string(fixture.Putin) + `>").In().Count())`
	during := make(chan *Result, 1)
	err := p.Exclusive(ctx, func() error {
		go func() {
			res, _ := p.Run(ctx, Query{Script: count, Timeout: 10 * time.Minute})
			during <- res
		}()
		return retractOne(lease)
	})
	if err != nil {
		t.Fatalf("write beside a runaway: %v", err)
	}
	if n := p.Preemptions(); n != 1 {
		t.Errorf("%d queries preempted, want the runaway", n)
	}
	if res := <-during; res == nil || len(res.Rows) != 1 {
		t.Errorf("query that arrived during the write: %v", res)
	}
	// the runaway runs again
	waitBusy(t, p, 1)
	select {
	case err := <-runaway:
		t.Fatalf("the runaway ended at the write: %v", err)
	default:
	}
	cancel()
	var qe *Error
	if err := <-runaway; !errors.As(err, &qe) || qe.Kind != Canceled {
		t.Errorf("runaway: %v", err)
	}
}

// Issue 11 §6: the workers share one memory budget. Queries that allocate
// without end are stopped with a Memory error when they pass it together,
// and the pool answers the next query.
func TestMemoryBudget(t *testing.T) {
	p := startPool(t, fixture.Build(t), 2, func(o *Options) { o.MemoryBudget = 400 << 20 })
	// 64 KiB a step: a hog of short strings needs millions of steps to
	// reach the budget, and past half a second it runs at the least CPU
	// priority (slowAfter), which beside stress took it minutes at a load
	// average of 13 and could reach any timeout on a busier machine.
	hog := `var s = "allocate".repeat(8192), a = []; for (var i = 0; ; i++) { a.push(s + i); }`
	var wg sync.WaitGroup
	errs := make([]*Error, 2)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = run(t, p, Query{Script: hog, Timeout: 10 * time.Minute})
		}(i)
	}
	wg.Wait()
	for i, qe := range errs {
		if qe == nil || qe.Kind != Memory || !strings.Contains(qe.Message, "memory budget") {
			t.Errorf("hog %d: %v", i, qe)
		}
	}
	if p.OverBudget() < 2 {
		t.Errorf("%d queries stopped for memory", p.OverBudget())
	}
	if res, qe := run(t, p, Query{Script: `g.Emit(1)`}); qe != nil || string(res.Rows[0]) != "1" {
		t.Fatalf("after the hogs: %v %v", res, qe)
	}
}

// A worker that retires after a slow query writes its answer and exits at
// once: the answer must still be read to its end. (os/exec's Wait closes
// the stdout pipe when the process exits; waiting before the reader had
// the answer lost its tail, and the query was reported as a crash, "exit
// status 0", on a busy machine.)
func TestRetiringWorkersAnswerIsReadToItsEnd(t *testing.T) {
	p, _ := newPool(t, 1)
	script := `var t0 = Date.now(); while (Date.now() - t0 < 600) {}
var s = "x"; while (s.length < 200) { s = s + s }
for (var i = 0; i < 20000; i++) { g.Emit(s + i) }`
	for i := 0; i < 3; i++ {
		res, qe := run(t, p, Query{Script: script, Limit: 20000, Timeout: 10 * time.Minute})
		if qe != nil {
			t.Fatalf("run %d: %v", i, qe)
		}
		if len(res.Rows) != 20000 {
			t.Fatalf("run %d: %d rows, want 20000", i, len(res.Rows))
		}
	}
}

// Shared definitions run once in a worker that holds the store: the next
// query that brings the same Shared runs in the runtime that ran it (a
// global its script sets is still there), a query that fails or is cut
// off at its limit leaves a fresh runtime to the next, and a worker that
// does not hold the store runs Shared every time.
func TestSharedRuntimeIsKeptWhileTheStoreIsHeld(t *testing.T) {
	dir := fixture.Build(t)
	shared := `var __defs = (typeof __defs === "number" ? __defs : 0) + 1;
function report(n) { g.Emit({calls: __calls, defs: __defs, n: n}); }
`
	call := func(n int) Query {
		return Query{Shared: shared, Limit: 10, Script: fmt.Sprintf(`__calls = (typeof __calls === "number" ? __calls : 0) + 1; report(%d);`, n)}
	}
	rowOf := func(p *Pool, q Query) string {
		t.Helper()
		res, qe := run(t, p, q)
		if qe != nil {
			t.Fatalf("%s: %v", q.Script, qe)
		}
		if len(res.Rows) != 1 {
			t.Fatalf("%s: rows %s", q.Script, res.Rows)
		}
		return string(res.Rows[0])
	}
	opts := SelfOptions(dir, 1)
	opts.HoldStore = true
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	steps := []struct {
		q    Query
		want string // "" for a query that fails
	}{
		{call(1), `{"calls":1,"defs":1,"n":1}`},
		{call(2), `{"calls":2,"defs":1,"n":2}`},
		// another Shared is run in the same runtime
		{Query{Shared: "function other() { g.Emit({calls: __calls}); }", Script: "other();"}, `{"calls":2}`},
		{call(3), `{"calls":3,"defs":1,"n":3}`},
		// a failure drops the runtime
		{Query{Shared: shared, Script: "__calls = 100; throw new Error('boom');"}, ""},
		{call(4), `{"calls":1,"defs":1,"n":4}`},
		{call(5), `{"calls":2,"defs":1,"n":5}`},
		// so does a query cut off at its limit (its program was interrupted)
		{Query{Shared: shared, Limit: 1, Script: "__calls = 100; report(0); report(0); report(0);"}, `{"calls":100,"defs":1,"n":0}`},
		{call(6), `{"calls":1,"defs":1,"n":6}`},
		// and one that is no JavaScript (it fails inside the eval that
		// runs it)
		{Query{Shared: shared, Script: "report(("}, ""},
		{call(7), `{"calls":1,"defs":1,"n":7}`},
		{call(8), `{"calls":2,"defs":1,"n":8}`},
	}
	for i, s := range steps {
		res, qe := run(t, p, s.q)
		switch {
		case s.want == "" && qe == nil:
			t.Errorf("step %d (%s): no error, rows %s", i+1, s.q.Script, res.Rows)
		case s.want != "" && qe != nil:
			t.Errorf("step %d (%s): %v", i+1, s.q.Script, qe)
		case s.want != "" && (len(res.Rows) == 0 || string(res.Rows[0]) != s.want):
			t.Errorf("step %d (%s): rows %s, want first %s", i+1, s.q.Script, res.Rows, s.want)
		}
	}
	// not held: Shared and the script run in a runtime of their own
	fresh, err := New(SelfOptions(dir, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for n := 1; n <= 2; n++ {
		if got, want := rowOf(fresh, call(n)), fmt.Sprintf(`{"calls":1,"defs":1,"n":%d}`, n); got != want {
			t.Errorf("store not held, query %d: %s, want %s", n, got, want)
		}
	}
}

// A worker is sent a Shared text once: later queries bring its key alone,
// and a worker that has forgotten the text (past maxShared others) is sent
// it again, with the same answers throughout.
func TestSharedTextIsSentOnce(t *testing.T) {
	dir := fixture.Build(t)
	opts := SelfOptions(dir, 1)
	opts.HoldStore = true
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	q := func(n int) Query {
		return Query{Shared: fmt.Sprintf("function f%d() { g.Emit({n: %d}); }", n, n), Script: fmt.Sprintf("f%d();", n), Limit: 10}
	}
	check := func(n int) {
		t.Helper()
		res, qe := run(t, p, q(n))
		if qe != nil {
			t.Fatalf("query %d: %v", n, qe)
		}
		if want := fmt.Sprintf(`{"n":%d}`, n); len(res.Rows) != 1 || string(res.Rows[0]) != want {
			t.Fatalf("query %d: rows %s, want %s", n, res.Rows, want)
		}
	}
	check(0)
	w := <-p.slots
	sent := len(w.sent)
	p.slots <- w
	if sent != 1 {
		t.Fatalf("after one query the pool records %d texts sent to its worker, want 1", sent)
	}
	check(0) // the key alone
	for n := 1; n <= maxShared; n++ {
		check(n)
	}
	check(0) // forgotten by the worker: sent again
	check(0)
}

// A worker answers a key it has no text for by asking for the text.
func TestWorkerAsksForAForgottenSharedText(t *testing.T) {
	dir := fixture.Build(t)
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, r := range []request{
		{ID: 1, Dir: dir, SharedKey: "k", Script: "f();", Limit: 10},
		{ID: 2, Dir: dir, SharedKey: "k", Shared: "function f() { g.Emit({x: 1}); }", Script: "f();", Limit: 10},
		{ID: 3, Dir: dir, SharedKey: "k", Script: "f();", Limit: 10},
	} {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := Serve(&in, &out); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&out)
	for i, want := range []string{"need", `{"x":1}`, `{"x":1}`} {
		var r response
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("answer %d: %v", i+1, err)
		}
		got := "need"
		if !r.NeedShared {
			got = fmt.Sprintf("%s %v", r.Rows, r.Err)
			if r.Err == nil && len(r.Rows) == 1 {
				got = string(r.Rows[0])
			}
		}
		if got != want {
			t.Errorf("answer %d: %s, want %s", i+1, got, want)
		}
	}
}
