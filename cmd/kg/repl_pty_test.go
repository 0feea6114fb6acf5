package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/kgnews/kg/queries/fixture"
)

// term is kg repl on a pseudo-terminal, typed at as a person would.
type term struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	seen int // output before this offset has been matched
	done chan struct{}
}

func startRepl(t *testing.T, db, history string) *term {
	t.Helper()
	// a deadline that only catches a hang: the runaway statements below
	// end by Ctrl-C, and at 20 s a slow one could end by the deadline
	// instead and pass for a cancelled one
	cmd := exec.Command(kgBin, "--db", db, "repl", "--timeout", "10m")
	cmd.Env = append(os.Environ(), "KG_HISTORY="+history, "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, cmd: cmd, pty: f, done: make(chan struct{})}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			tm.mu.Lock()
			tm.buf.Write(b[:n])
			tm.mu.Unlock()
			if err != nil {
				close(tm.done)
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
	return tm
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

// expect waits until the output since the last match contains want.
func (tm *term) expect(want string) {
	tm.t.Helper()
	// a deadline that only catches a hang: at a load average of 40 the
	// REPL's first prompt took seconds
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		tm.mu.Lock()
		out := ansi.ReplaceAllString(tm.buf.String(), "")
		if i := strings.Index(out[tm.seen:], want); i >= 0 {
			tm.seen += i + len(want)
			tm.mu.Unlock()
			return
		}
		tm.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.t.Fatalf("no %q in the REPL's output:\n%s", want, ansi.ReplaceAllString(tm.buf.String(), "")[tm.seen:])
}

// interrupt presses Ctrl-C until the output since the last match
// contains want (a runaway statement was stopped). One press after a
// fixed pause is not enough on a busy machine: if the REPL has not yet
// read the Enter before it, the Ctrl-C is a key for the line editor, not a
// SIGINT, and the statement runs on. Presses after the first that stopped
// it land at the prompt, where Ctrl-C clears the (empty) line.
func (tm *term) interrupt(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(3 * time.Minute) // only catches a hang
	for time.Now().Before(deadline) {
		tm.send("\x03")
		for wait := time.Now().Add(time.Second); time.Now().Before(wait); {
			tm.mu.Lock()
			out := ansi.ReplaceAllString(tm.buf.String(), "")
			i := strings.Index(out[tm.seen:], want)
			if i >= 0 {
				tm.seen += i + len(want)
			}
			tm.mu.Unlock()
			if i >= 0 {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.t.Fatalf("Ctrl-C for 3 minutes, and no %q in the REPL's output:\n%s", want, ansi.ReplaceAllString(tm.buf.String(), "")[tm.seen:])
}

func (tm *term) send(s string) {
	tm.t.Helper()
	if _, err := tm.pty.Write([]byte(s)); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *term) exited() bool {
	select {
	case <-tm.done:
		_ = tm.cmd.Wait()
		return true
	case <-time.After(2 * time.Minute): // only catches a hang
		return false
	}
}

func TestReplTerminal(t *testing.T) {
	db := fixture.Build(t)
	history := filepath.Join(t.TempDir(), "history")
	tm := startRepl(t, db, history)
	tm.expect("kg> ")

	// A multi-line statement runs when its brackets balance.
	tm.send("g.V(E(\"Kim\")).Out(\r")
	tm.expect("... ")
	tm.send("iri(KG.label)).All()\r")
	tm.expect(`"किम जोंग-उन"@hi`)
	tm.expect("kg> ")

	// A canned shortcut.
	tm.send(":timeline Kim\r")
	tm.expect("PhoneCall: Kim Jong-un, Vladimir Putin")
	tm.expect("kg> ")

	// Completion: a command, an entity name, a Gizmo step.
	tm.send(":timel\t")
	tm.expect(":timeline ")
	tm.send("Alas\t")
	tm.expect("Alaska")
	tm.send("\r")
	tm.expect("Meeting: Donald Trump, Vladimir Putin")
	tm.expect("kg> ")
	tm.send("g.V(E(\"Donald T\t")
	tm.expect(`g.V(E("Donald Trump")`)
	tm.send(").OutPr\t")
	tm.expect("OutPredicates()")
	tm.send(".All()\r")
	tm.expect("rel:meets")
	tm.expect("kg> ")

	// Ctrl-C stops a runaway query, and the REPL goes on.
	tm.send("while(true){}\r")
	tm.interrupt("query cancelled")
	tm.expect("kg> ")

	// Queries that kill Cayley's goroutine are error messages.
	for _, m := range malformed[:4] {
		tm.send(m.script + "\r")
		tm.expect(m.want)
		tm.expect("kg> ")
	}
	tm.send("g.Emit(6*7)\r")
	tm.expect("42")
	tm.expect("kg> ")

	// Ctrl-D leaves.
	tm.send("\x04")
	if !tm.exited() {
		t.Fatal("Ctrl-D did not end the REPL")
	}

	// History survives a restart: Up recalls the last statement.
	tm = startRepl(t, db, history)
	tm.expect("kg> ")
	tm.send("\x1b[A")
	tm.expect("g.Emit(6*7)")
	tm.send("\r")
	tm.expect("42")
	tm.send(":quit\r")
	if !tm.exited() {
		t.Fatal(":quit did not end the REPL")
	}
	b, err := os.ReadFile(history)
	if err != nil || !strings.Contains(string(b), `g.V(E("Kim")).Out( iri(KG.label)).All()`) {
		t.Errorf("history file: %q, %v", b, err)
	}
}

// TestReplTerminalKeepsState: on a terminal, as typed: variables and
// functions stay from one statement to the next, also past a Ctrl-C; an
// unfinished statement continues; a line starting with "." continues the
// statement before it; Ctrl-R finds an earlier statement; :save writes the
// statements, which kg repl runs again from a pipe; :reset forgets.
func TestReplTerminalKeepsState(t *testing.T) {
	db := fixture.Build(t)
	dir := t.TempDir()
	tm := startRepl(t, db, filepath.Join(dir, "history"))
	tm.expect("kg> ")

	tm.send("var x = 3\r")
	tm.expect("kg> ")
	tm.send("function twice(n) {\r")
	tm.expect("... ")
	tm.send("return 2 * n }\r")
	tm.expect("kg> ")
	tm.send("twice(x) + 1\r")
	tm.expect("7")
	tm.expect("kg> ")

	// Unfinished: a trailing dot continues.
	tm.send("g.V(E(\"Kim\")).\r")
	tm.expect("... ")
	tm.send("Out(iri(KG.label)).All()\r")
	tm.expect(`"किम जोंग-उन"@hi`)
	tm.expect("kg> ")

	// A path without a final step runs and says so; ".Out(...)" on the
	// next line continues it.
	tm.send("var p = g.V(E(\"Putin\"))\r")
	tm.expect("kg> ")
	tm.send("p\r")
	tm.expect("that is a path, not a result")
	tm.expect("kg> ")
	tm.send(".Out(\"<rdfs:label>\").All()\r")
	tm.expect(`"Vladimir Putin"@en`)
	tm.expect("kg> ")

	// Ctrl-C stops a runaway statement inside the worker: x is still 3.
	tm.send("while(true){}\r")
	tm.interrupt("query cancelled")
	tm.expect("kg> ")
	tm.send("x * 100\r")
	tm.expect("300")
	tm.expect("kg> ")

	// Ctrl-R: reverse search of the history, Enter runs what it found.
	tm.send("\x12")
	tm.send("twice(")
	tm.expect("twice(x) + 1")
	tm.send("\r")
	tm.expect("7")
	tm.expect("kg> ")

	saved := filepath.Join(dir, "session.js")
	tm.send(":save " + saved + "\r")
	tm.expect("saved to " + saved)
	tm.expect("kg> ")
	tm.send(":reset\r")
	tm.expect("forgotten")
	tm.expect("kg> ")
	tm.send("typeof x + typeof twice\r")
	tm.expect("undefinedundefined")
	tm.expect("kg> ")
	tm.send(":quit\r")
	if !tm.exited() {
		t.Fatal(":quit did not end the REPL")
	}

	b, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"var x = 3\n", "function twice(n) {\nreturn 2 * n }\n", "p\n.Out(\"<rdfs:label>\").All()\n", "x * 100\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("saved session lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), "while(true)") || strings.Contains(string(b), ":save") {
		t.Errorf("saved session holds a failed statement or a command:\n%s", b)
	}
	out, errs, code := kg(t, db, string(b), "repl")
	if code != 0 || !strings.Contains(out, "300") || !strings.Contains(out, "Vladimir Putin") {
		t.Errorf("replaying the saved session: exit %d\n%s\n%s", code, out, errs)
	}
}
