package runner

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/queries/fixture"
)

// runKeptQuery runs a kept statement and returns its rows joined. Callers
// not testing the deadline give one that only catches a hang: on a busy
// machine a crash or an error must not pass for a timeout.
func runKeptQuery(t *testing.T, p *Pool, script string, timeout time.Duration) (string, string, *Error) {
	t.Helper()
	res, qe := run(t, p, Query{Script: script, Keep: true, Value: true, Timeout: timeout})
	if qe != nil {
		return "", "", qe
	}
	var rows []string
	for _, r := range res.Rows {
		rows = append(rows, string(r))
	}
	return strings.Join(rows, "\n"), res.Session, nil
}

func mustKept(t *testing.T, p *Pool, script, want string) string {
	t.Helper()
	got, sess, qe := runKeptQuery(t, p, script, 5*time.Minute)
	if qe != nil {
		t.Fatalf("%s: %v", script, qe)
	}
	if got != want {
		t.Fatalf("%s: rows %q, want %q", script, got, want)
	}
	return sess
}

// TestKeptSessionKeepsState: var, let, const and function declarations of
// one statement are there in the next, as in Cayley's REPL; paths kept in
// a variable still run; Reset forgets everything.
func TestKeptSessionKeepsState(t *testing.T) {
	p, _ := newPool(t, 1)
	sess := mustKept(t, p, "var x = 3", "")
	mustKept(t, p, "x + 1", "4")
	mustKept(t, p, "function twice(n) { return 2 * n }", "")
	mustKept(t, p, "let y = 10; const z = 1", "")
	mustKept(t, p, "twice(x) + y + z", "17")
	mustKept(t, p, `var kim = g.V("<`+string(fixture.Kim)+`>")`, "")
	mustKept(t, p, `kim.Out("<http://www.w3.org/2000/01/rdf-schema#label>").Count()`, "2")
	if got := mustKept(t, p, "x", "3"); got != sess {
		t.Errorf("session %q became %q without a crash", sess, got)
	}
	if _, qe := run(t, p, Query{Keep: true, Reset: true}); qe != nil {
		t.Fatal(qe)
	}
	mustKept(t, p, "typeof x + typeof twice", `"undefinedundefined"`)
}

// TestKeptSessionSurvivesTimeoutAndCancel: a statement stopped at its
// deadline or by the caller is stopped inside the worker, which keeps the
// session; a crash of Cayley's goroutine takes the worker, and the next
// statement runs in a new session (a new name says so).
func TestKeptSessionSurvivesTimeoutAndCancel(t *testing.T) {
	p, _ := newPool(t, 1)
	sess := mustKept(t, p, "var n = 41", "")
	if _, _, qe := runKeptQuery(t, p, "while(true){}", time.Second); qe == nil || qe.Kind != Timeout {
		t.Fatalf("runaway: %v", qe)
	}
	if got := mustKept(t, p, "n + 1", "42"); got != sess {
		t.Errorf("the timeout changed the session: %q to %q", sess, got)
	}
	// A cancel stops the statement and keeps the session, whether it
	// comes while the statement runs or (on a busy machine) before the
	// worker has started it, when the statement never runs. Each try
	// checks that; the tries wait longer before the cancel until one
	// found the statement running (n set), so that both ways are met.
	n := 41
	ran := false
	for wait := 500 * time.Millisecond; !ran && wait <= time.Minute; wait *= 2 {
		cctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, err := p.Run(cctx, Query{Script: fmt.Sprintf("n = %d; while(true){}", n+1), Keep: true, Value: true, Timeout: 10 * time.Minute})
			done <- err
		}()
		time.Sleep(wait)
		cancel()
		select {
		case err := <-done:
			if qe, ok := err.(*Error); !ok || qe.Kind != Canceled {
				t.Fatalf("cancelled statement: %v", err)
			}
		case <-time.After(2 * time.Minute): // only catches a hang
			t.Fatal("cancel did not stop the statement")
		}
		res, qe := run(t, p, Query{Script: "n", Keep: true, Value: true, Timeout: 5 * time.Minute})
		if qe != nil {
			t.Fatalf("n after the cancel: %v", qe)
		}
		if res.Session != sess {
			t.Fatalf("the cancel changed the session: %q to %q", sess, res.Session)
		}
		if len(res.Rows) != 1 {
			t.Fatalf("n after the cancel: rows %q", res.Rows)
		}
		switch got := string(res.Rows[0]); got {
		case strconv.Itoa(n + 1):
			ran = true
			n++
		case strconv.Itoa(n):
			t.Logf("cancelled %v after it was sent, the statement had not started", wait)
		default:
			t.Fatalf("n after the cancel is %s, want %d or %d", got, n, n+1)
		}
	}
	if !ran {
		t.Fatal("no cancel found the statement running")
	}
	if _, _, qe := runKeptQuery(t, p, "g.V().Out({}).All()", 5*time.Minute); qe == nil || qe.Kind != Crash {
		t.Fatalf("crash: %v", qe)
	}
	got := mustKept(t, p, "typeof n", `"undefined"`)
	if got == sess || got == "" {
		t.Errorf("after a crash the session is still %q", got)
	}
}

// TestKeptSessionErrorsAndPaths: errors keep the script's own line numbers
// and leave the state; a path left without a final step gets the note.
func TestKeptSessionErrorsAndPaths(t *testing.T) {
	p, _ := newPool(t, 1)
	mustKept(t, p, "var a = 1", "")
	if _, _, qe := runKeptQuery(t, p, "g.V(", 5*time.Minute); qe == nil || qe.Kind != Syntax || !strings.Contains(qe.Message, "line 1:5: Unexpected end of input") {
		t.Errorf("syntax error: %v", qe)
	}
	if _, _, qe := runKeptQuery(t, p, "a = 2\nnope()", 5*time.Minute); qe == nil || qe.Kind != Runtime || !strings.Contains(qe.Message, "(line 2:") {
		t.Errorf("runtime error: %v", qe)
	}
	mustKept(t, p, "a", "2")
	res, qe := run(t, p, Query{Script: "g.V()", Keep: true, Value: true})
	if qe != nil || len(res.Rows) != 0 || !strings.Contains(res.Note, "that is a path") {
		t.Errorf("path: %+v %v", res, qe)
	}
	res, qe = run(t, p, Query{Script: "g.V().All()", Keep: true, Value: true, Limit: 3})
	if qe != nil || len(res.Rows) != 3 || !res.Truncated {
		t.Errorf("limit: %+v %v", res, qe)
	}
	mustKept(t, p, "a + 1", "3")
}

// TestCancelBeforeTheStatementStarts: a cancel that reaches the worker
// before the statement it names (here: sent first) answers that statement
// at once, without running it, and the session goes on; a cancel for a
// statement that has ended stops no later one.
func TestCancelBeforeTheStatementStarts(t *testing.T) {
	dir := fixture.Build(t)
	in, out := io.Pipe()
	res, w := io.Pipe()
	served := make(chan error, 1)
	go func() { served <- Serve(in, w); w.Close() }()
	enc := json.NewEncoder(out)
	dec := json.NewDecoder(res)
	ask := func(r request) response {
		t.Helper()
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		var a response
		if err := dec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	const long = 10 * 60 * 1000 // ms: only a hang reaches it
	first := ask(request{ID: 1, Dir: dir, Script: "var n = 1", TimeoutMS: long, Keep: true, Value: true})
	if first.Err != nil {
		t.Fatal(first.Err)
	}
	if err := enc.Encode(request{Cancel: 1}); err != nil { // ended already: ignored
		t.Fatal(err)
	}
	if err := enc.Encode(request{Cancel: 3}); err != nil { // before its statement
		t.Fatal(err)
	}
	if a := ask(request{ID: 2, Dir: dir, Script: "n = 2; n", TimeoutMS: long, Keep: true, Value: true}); a.Err != nil || len(a.Rows) != 1 || string(a.Rows[0]) != "2" {
		t.Errorf("the statement after a late cancel: rows %q, error %v", a.Rows, a.Err)
	}
	if a := ask(request{ID: 3, Dir: dir, Script: "n = 3; while(true){}", TimeoutMS: long, Keep: true, Value: true}); a.Err == nil || a.Err.Kind != Canceled {
		t.Errorf("the statement cancelled before it started: rows %q, error %v", a.Rows, a.Err)
	}
	a := ask(request{ID: 4, Dir: dir, Script: "n", TimeoutMS: long, Keep: true, Value: true})
	if a.Err != nil || len(a.Rows) != 1 || string(a.Rows[0]) != "2" || a.Session != first.Session {
		t.Errorf("after the cancelled statement: rows %q, error %v, session %q (was %q)", a.Rows, a.Err, a.Session, first.Session)
	}
	out.Close()
	select {
	case err := <-served:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(2 * time.Minute): // only catches a hang
		t.Fatal("Serve did not end with its input")
	}
	dropKept()
}
