package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/graph"
)

// dump exports the store as sorted N-Quads lines.
func dump(t *testing.T, db string) []string {
	t.Helper()
	out, errs, code := kg(t, db, "", "export", "--format", "nquads")
	if code != 0 {
		t.Fatalf("export: %s", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	sort.Strings(lines)
	return lines
}

func withLabel(lines []string, label string) int {
	n := 0
	for _, l := range lines {
		if strings.HasSuffix(l, "<"+label+"> .") {
			n++
		}
	}
	return n
}

func articleIRI(t *testing.T, loadErr string) string {
	t.Helper()
	i := strings.Index(loadErr, "<https://kg.example.org/article/")
	if i < 0 {
		t.Fatalf("no article IRI in %q", loadErr)
	}
	j := strings.Index(loadErr[i:], ">")
	return loadErr[i+1 : i+j]
}

func TestLoadReloadRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errs, code := kg(t, db, "", "load", "testdata/seed.txt")
	if code != 0 {
		t.Fatalf("load: %s", errs)
	}
	seed := articleIRI(t, errs)
	first := dump(t, db)
	if withLabel(first, seed) < 300 {
		t.Fatalf("only %d quads for the seed", withLabel(first, seed))
	}

	// Reloading changes nothing.
	_, errs, code = kg(t, db, "", "load", "testdata/seed.txt")
	if code != 0 || !strings.Contains(errs, "unchanged") {
		t.Fatalf("reload: %d %s", code, errs)
	}
	if again := dump(t, db); strings.Join(again, "\n") != strings.Join(first, "\n") {
		t.Errorf("reload changed the store: %d -> %d quads", len(first), len(again))
	}

	// A second article shares Kim and Putin.
	if _, errs, code = kg(t, db, "", "load", "testdata/second.txt"); code != 0 {
		t.Fatalf("load second: %s", errs)
	}
	both := dump(t, db)
	kimType := "<https://kg.example.org/entity/Q56226> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <https://kg.example.org/graph/entities> ."
	if n := count(both, kimType); n != 1 {
		t.Errorf("Kim's type appears %d times with two articles loaded", n)
	}

	// Removing the seed by its path leaves nothing of it, and keeps what
	// the second article still mentions.
	if _, errs, code = kg(t, db, "", "rm", "testdata/seed.txt"); code != 0 {
		t.Fatalf("rm: %s", errs)
	}
	after := dump(t, db)
	if n := withLabel(after, seed); n != 0 {
		t.Errorf("%d quads still carry the removed article's label", n)
	}
	if count(after, kimType) != 1 {
		t.Error("Kim lost his type though the second article mentions him")
	}
	for _, l := range after {
		if strings.Contains(l, "entity/kursk") || strings.Contains(l, "entity/Q17>") {
			t.Errorf("an entity only the removed article mentioned survives: %s", l)
			break
		}
	}
}

func count(lines []string, want string) int {
	n := 0
	for _, l := range lines {
		if l == want {
			n++
		}
	}
	return n
}

// Bad input gets a one-line error naming the file and the reason, a
// non-zero exit, and leaves the store as it was.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	before := dump(t, db)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	emptyDir := filepath.Join(dir, "nothing-here")
	os.Mkdir(emptyDir, 0o755)
	big := filepath.Join(dir, "big.txt")
	f, _ := os.Create(big)
	f.Truncate(50 << 20)
	f.Close()
	cases := []struct{ file, reason string }{
		{write("empty.txt", nil), "file is empty"},
		{write("blank.txt", []byte(" \n\n ")), "file is empty"},
		{write("binary.txt", []byte("abc\x00\x01\x02")), "binary data"},
		{write("latin1.txt", []byte("caf\xe9 au lait")), "not UTF-8"},
		{big, "over the 8.0 MiB limit"},
		{emptyDir, "holds no .txt or .nq files"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{write("broken.nq", []byte("<a> <b> .\n")), "quad 1"},
	}
	for _, c := range cases {
		_, errs, code := kg(t, db, "", "load", c.file)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code == 0 {
			t.Errorf("%s: exit 0", c.file)
		}
		if !strings.Contains(lines[0], c.file) || !strings.Contains(lines[0], c.reason) {
			t.Errorf("%s: first line %q, want the file and %q", c.file, lines[0], c.reason)
		}
	}
	if after := dump(t, db); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("bad input changed the store")
	}
}

func TestNoFactsIsAWarning(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errs, code := kg(t, db, "यह एक वाक्य है जिसमें कोई तथ्य नहीं।\n", "load", "--id", "quiet", "-")
	if code != 0 || !strings.Contains(errs, "warning: no facts found") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestPlainTextWithDate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	text := "किम शुक्रवार को पुतिन से मुलाकात करेंगे।\n"
	_, errs, code := kg(t, db, text, "load", "--id", "nodate", "-")
	if code != 0 || !strings.Contains(errs, "relative dates") {
		t.Errorf("without --date: exit %d, stderr %q (want a warning about relative dates)", code, errs)
	}
	_, errs, code = kg(t, db, text, "load", "--id", "dated", "--date", "2025-08-13", "-")
	if code != 0 {
		t.Fatal(errs)
	}
	dated := strings.Join(dump(t, db), "\n")
	if !strings.Contains(dated, `"2025-08-15"^^<http://www.w3.org/2001/XMLSchema#date> <https://kg.example.org/article/dated>`) {
		t.Error("--date did not resolve शुक्रवार to 2025-08-15")
	}
}

func TestLoadFailsFastWhenAnotherProcessHoldsTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	l, err := graph.Acquire(db, &graph.Options{Owner: graph.Owner{Command: "kg serve"}})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	l.SetAddr("http://127.0.0.1:7070")
	// the holder keeps the store throughout: a load that waited for it
	// would never end (and the test binary's deadline would catch it)
	_, errs, code := kg(t, db, "", "load", "testdata/seed.txt")
	if code == 0 || !strings.Contains(errs, "kg serve") || !strings.Contains(errs, "http://127.0.0.1:7070") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// A load killed with SIGKILL in the middle of its write leaves a store
// that opens, with the article either wholly there or not at all.
func TestKill9DuringLoad(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	// one big graph so that the write takes long enough to be interrupted
	var b strings.Builder
	const n = 150000
	for i := 0; i < n; i++ {
		b.WriteString("<http://x/s")
		b.WriteString(strconv.Itoa(i))
		b.WriteString("> <http://x/p> \"value ")
		b.WriteString(strconv.Itoa(i))
		b.WriteString("\" <http://x/big> .\n")
	}
	nq := filepath.Join(dir, "big.nq")
	os.WriteFile(nq, []byte(b.String()), 0o644)
	killedMidway := false
	for attempt := 0; attempt < 4 && !killedMidway; attempt++ {
		cmd := exec.Command(kgBin, "--db", db, "load", nq)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(400+attempt*300) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killedMidway = err != nil && cmd.ProcessState.ExitCode() == -1
		lines := dump(t, db) // the store opens
		got := withLabel(lines, "http://x/big")
		if got != 0 && got < n {
			t.Fatalf("after kill -9: %d of %d quads of the article", got, n)
		}
		if got == n {
			kg(t, db, "", "rm", "http://x/big")
		}
	}
	if !killedMidway {
		t.Log("the load finished before every kill; the store was still checked each time")
	}
}
