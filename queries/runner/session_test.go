package runner

import (
	"context"
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
	cctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run(cctx, Query{Script: "n = 7; while(true){}", Keep: true, Value: true, Timeout: time.Minute})
		done <- err
	}()
	time.Sleep(500 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if qe, ok := err.(*Error); !ok || qe.Kind != Canceled {
			t.Fatalf("cancelled statement: %v", err)
		}
	case <-time.After(2 * time.Minute): // only catches a hang
		t.Fatal("cancel did not stop the statement")
	}
	if got := mustKept(t, p, "n", "7"); got != sess {
		t.Errorf("the cancel changed the session: %q to %q", sess, got)
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
