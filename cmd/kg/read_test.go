package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// readCommands are the read-only commands an analyst runs beside a server
// or a REPL, with what each must print.
func readCommands(dir string) []struct {
	args []string
	want string
} {
	return []struct {
		args []string
		want string
	}{
		{[]string{"stats"}, "entities"},
		{[]string{"stats", "--json"}, `"quads":`},
		{[]string{"stats", "--articles"}, "north-korea-russia-support"},
		{[]string{"query", "relationships", "Kim"}, "leader_of"},
		{[]string{"query", "timeline", "Kim", "--format", "json"}, `"PhoneCall"`},
		{[]string{"query", "--gizmo", `g.V().Has("<rdf:type>", "<kg:PhoneCall>").Count()`}, "1"},
		{[]string{"export", "--root", "Kim", "-o", filepath.Join(dir, "kim.dot")}, ""},
		{[]string{"export", "--format", "csv", "-o", filepath.Join(dir, "csv") + "/"}, ""},
		{[]string{"export", "--format", "nquads"}, "<https://kg.example.org/"},
	}
}

// TestReadWhileServeHolds: while kg serve holds the store, kg stats, kg
// query and kg export find its address in the lock and ask it; with
// --server they ask the server they are given; the answers are what the
// store itself gives once the server has stopped.
func TestReadWhileServeHolds(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	local := map[string]string{}
	for _, c := range readCommands(dir) {
		out, errs, code := kg(t, db, "", c.args...)
		if code != 0 {
			t.Fatalf("kg %v without a server: %s", c.args, errs)
		}
		local[strings.Join(c.args, " ")] = out
	}
	url := startServe(t, db)
	for _, c := range readCommands(dir) {
		for _, args := range [][]string{c.args, append([]string{"--server", url}, c.args...)} {
			out, errs, code := kg(t, db, "", args...)
			if code != 0 || !strings.Contains(out, c.want) {
				t.Errorf("kg %v while kg serve holds the store: exit %d\n%s\n%s", args, code, out, errs)
				continue
			}
			if args[0] != "--server" && !strings.Contains(errs, "asking it at "+url) {
				t.Errorf("kg %v: nothing says it asked the server: %s", args, errs)
			}
			// The same answer as from the store (the store's own path aside).
			want := local[strings.Join(c.args, " ")]
			if c.args[0] == "stats" && !strings.Contains(strings.Join(c.args, " "), "json") {
				want = ""
			}
			if want != "" && out != want {
				t.Errorf("kg %v through the server differs from the store's answer:\n%s\nwant:\n%s", args, out, want)
			}
		}
	}
	// The REPL's queries go to the server too.
	out, errs, code := kg(t, db, "g.V(E(\"Kim\")).Out(\"<rdfs:label>\").All()\n:relationships Kim\n", "repl")
	if code != 0 || !strings.Contains(out, "Kim Jong-un") || !strings.Contains(out, "leader_of") || !strings.Contains(errs, url) {
		t.Errorf("kg repl while kg serve holds the store: exit %d\n%s\n%s", code, out, errs)
	}
	// kg rm --server removes through it (the lock keeps a local rm out).
	if _, errs, code := kg(t, db, "", "rm", "--server", url, "--token", "s3cret", "testdata/seed.txt"); code == 0 || !strings.Contains(errs, "403") && !strings.Contains(errs, "token") {
		t.Errorf("kg rm --server without the server's token: exit %d: %s", code, errs)
	}
}

// TestReadWhileReplHolds: kg repl holds the store and serves nobody; kg
// stats, kg query and kg export read it read-only beside it.
func TestReadWhileReplHolds(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	repl := exec.Command(kgBin, "--db", db, "repl")
	repl.Env = append(os.Environ(), "KG_HISTORY="+filepath.Join(dir, "history"))
	in, err := repl.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var replOut lockedBuffer
	repl.Stdout = &replOut
	if err := repl.Start(); err != nil {
		t.Fatal(err)
	}
	defer repl.Process.Kill()
	// A statement that ran means the REPL holds the store and its worker
	// has it open. Piped input runs a statement when the next line comes
	// (a chain may go on with ".method()" there): the empty line runs it.
	in.Write([]byte("var kept = 41\nkept + 1\n\n"))
	// (a deadline that only catches a hang: the REPL must have answered
	// before the load beside it means anything)
	deadline := time.Now().Add(3 * time.Minute)
	for !strings.Contains(replOut.String(), "42") {
		if time.Now().After(deadline) {
			t.Fatalf("kg repl did not answer kept + 1 in 3 minutes: %s", replOut.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if _, errs, code := kg(t, db, "", "load", "testdata/second.txt"); code == 0 || !strings.Contains(errs, "kg repl") {
		t.Fatalf("kg load beside kg repl: exit %d: %s (the REPL should hold the store)", code, errs)
	}
	for _, c := range readCommands(dir) {
		out, errs, code := kg(t, db, "", c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("kg %v while kg repl holds the store: exit %d\n%s\n%s", c.args, code, out, errs)
		}
	}
	in.Write([]byte("kept\n"))
	in.Close()
	if err := repl.Wait(); err != nil || !strings.Contains(replOut.String(), "41") {
		t.Errorf("kg repl: %v\n%s", err, replOut.String())
	}
}

// TestStaleServerInLock: a kg serve killed with -9 leaves its address in
// the lock file (the kernel drops the lock itself): reads find nobody
// there and read the store.
func TestStaleServerInLock(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	if err := os.WriteFile(filepath.Join(db, "kg.lock"), []byte(`{"pid":999999,"command":"kg serve","addr":"http://127.0.0.1:1","since":"2026-01-01T00:00:00Z"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"stats"}, {"query", "relationships", "Kim"}, {"export", "--format", "nquads"}} {
		if out, errs, code := kg(t, db, "", args...); code != 0 || out == "" {
			t.Errorf("kg %v with a stale server in the lock: exit %d: %s", args, code, errs)
		}
	}
}

// lockedBuffer is a child's output that a test may read while the child
// writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
