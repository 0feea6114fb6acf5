package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/kgnews/kg/bench/gen"
)

// writeCorpus writes generated articles i..j-1 into dir.
func writeCorpus(t *testing.T, dir string, from, to int) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	for i := from; i < to; i++ {
		b, err := gen.Article(i)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, gen.Name(i)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var summaryRE = regexp.MustCompile(`kg: load: (\d+) loaded, (\d+) replaced, (\d+) unchanged, (\d+) failed`)

// A corpus load walks a directory, loads the good files, skips those
// already in the store, reports each failure and sums it all up; the
// failures do not stop the others and leave nothing behind.
func TestCorpusLoadMixesGoodUnchangedAndFailingFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	corpus := filepath.Join(dir, "corpus")
	writeCorpus(t, corpus, 0, 6)
	writeCorpus(t, filepath.Join(corpus, "more"), 6, 9)
	// two of them are loaded first: the corpus load finds them unchanged
	if _, errs, code := kg(t, db, "", "load", filepath.Join(corpus, gen.Name(0)), filepath.Join(corpus, gen.Name(1))); code != 0 {
		t.Fatal(errs)
	}
	os.WriteFile(filepath.Join(corpus, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(corpus, "more", "latin1.txt"), []byte("caf\xe9"), 0o644)
	os.WriteFile(filepath.Join(corpus, "broken.nq"), []byte("<a> <b> .\n"), 0o644)
	os.WriteFile(filepath.Join(corpus, "notes.md"), []byte("not an article"), 0o644) // not a .txt: not loaded
	os.MkdirAll(filepath.Join(corpus, ".hidden"), 0o755)
	os.WriteFile(filepath.Join(corpus, ".hidden", "x.txt"), []byte("skipped"), 0o644)

	_, errs, code := kg(t, db, "", "load", "-v", corpus)
	if code == 0 {
		t.Errorf("exit 0 although three files failed")
	}
	for _, want := range []string{"empty.txt: file is empty", "latin1.txt: not UTF-8", "broken.nq: quad 1"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	m := summaryRE.FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("no summary in:\n%s", errs)
	}
	if got := strings.Join(m[1:], " "); got != "7 0 2 3" {
		t.Errorf("summary counts %q, want 7 loaded 0 replaced 2 unchanged 3 failed", got)
	}
	if strings.Contains(errs, "x.txt") || strings.Contains(errs, "notes.md") {
		t.Errorf("a hidden or non-article file was loaded:\n%s", errs)
	}
	out, serrs, code := kg(t, db, "", "stats", "--json")
	if code != 0 {
		t.Fatal(serrs)
	}
	if !strings.Contains(out, `"articles": 9`) && !strings.Contains(out, `"articles":9`) {
		t.Errorf("stats after the corpus load: %s", out)
	}

	// Loading it again: everything unchanged, nothing extracted again.
	_, errs, _ = kg(t, db, "", "load", corpus)
	if m := summaryRE.FindStringSubmatch(errs); m == nil || m[3] != "9" || m[1] != "0" {
		t.Errorf("second load: %v\n%s", m, errs)
	}
}

// --fail-fast stops at the first failure: nothing after it is written.
func TestCorpusLoadFailFast(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	corpus := filepath.Join(dir, "corpus")
	writeCorpus(t, corpus, 0, 3)
	os.WriteFile(filepath.Join(corpus, "0-empty.txt"), nil, 0o644) // sorts first
	_, errs, code := kg(t, db, "", "load", "--fail-fast", "-j", "1", corpus)
	if code == 0 || !strings.Contains(errs, "0-empty.txt: file is empty") {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	out, _, _ := kg(t, db, "", "stats", "--json")
	if strings.Contains(out, `"articles": 3`) {
		t.Errorf("the files after the failure were loaded: %s", out)
	}
}

// On a terminal a corpus load draws the progress bar (on the terminal
// itself, not through the writer that escapes kg's messages, which would
// print its carriage returns and colours as text), then the summary.
func TestCorpusLoadDrawsABarOnATerminal(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	writeCorpus(t, corpus, 0, perFileMax+4)
	cmd := exec.Command(kgBin, "--db", filepath.Join(dir, "kg.db"), "load", corpus)
	cmd.Env = append(os.Environ(), "TERM=xterm")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out, _ := io.ReadAll(f) // ends with an error once kg has exited
	if err := cmd.Wait(); err != nil {
		t.Fatalf("kg load: %v\n%s", err, out)
	}
	s := string(out)
	if !regexp.MustCompile(`loading +\d+% \|.*\| \(\d+/` + strconv.Itoa(perFileMax+4) + `, `).MatchString(s) {
		t.Errorf("no progress bar on the terminal:\n%q", s)
	}
	if strings.Contains(s, `\r`) || strings.Contains(s, `\x1b`) {
		t.Errorf("the bar's control characters were escaped:\n%q", s)
	}
	if !strings.Contains(s, "kg: load: "+strconv.Itoa(perFileMax+4)+" loaded") {
		t.Errorf("no summary:\n%q", s)
	}
}
