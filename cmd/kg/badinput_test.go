package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// badCase is one line of testdata/bad-input/cases.tsv.
type badCase struct {
	name, input string
	args        []string
	fail        bool
	expect      string
	cpu         time.Duration
	memMB       int64
}

func readBadCases(t *testing.T) []badCase {
	t.Helper()
	f, err := os.Open("../../testdata/bad-input/cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []badCase
	sc := bufio.NewScanner(f)
	header := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 7 {
			t.Fatalf("cases.tsv:%d: %d columns, want 7", n, len(col))
		}
		c := badCase{name: col[0], input: col[1], fail: col[3] == "fail", expect: col[4]}
		if col[3] != "fail" && col[3] != "ok" {
			t.Fatalf("cases.tsv:%d: outcome %q", n, col[3])
		}
		if col[2] != "-" {
			for _, a := range strings.Fields(col[2]) {
				u, err := strconv.Unquote(`"` + a + `"`)
				if err != nil {
					t.Fatalf("cases.tsv:%d: argument %q: %v", n, a, err)
				}
				c.args = append(c.args, u)
			}
		}
		if !c.fail {
			s, err1 := strconv.Atoi(col[5])
			m, err2 := strconv.Atoi(col[6])
			if err1 != nil || err2 != nil {
				t.Fatalf("cases.tsv:%d: bounds %q %q", n, col[5], col[6])
			}
			c.cpu, c.memMB = time.Duration(s)*time.Second, int64(m)
		}
		out = append(out, c)
	}
	return out
}

// materialise returns the path to load for a case, making generated
// inputs in dir.
func (c badCase) materialise(t *testing.T, dir string) string {
	t.Helper()
	name, ok := strings.CutPrefix(c.input, "gen:")
	if !ok {
		return filepath.Join("../../testdata/bad-input", c.input)
	}
	p := filepath.Join(dir, strings.TrimPrefix(name, "/"))
	write := func(ext string, data []byte) string {
		p += ext
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const head = "date 2025-08-13 x\n\nशीर्षक\n\n"
	switch name {
	case "dir":
		os.Mkdir(p, 0o755)
		return p
	case "missing":
		return p + ".txt"
	case "/dev/zero":
		return name
	case "fifo":
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	case "9mib":
		return write(".txt", append([]byte(head), bytes.Repeat([]byte("किम ने पुतिन से बातचीत की। "), 9<<20/60)...))
	case "100k-then-bad":
		var b bytes.Buffer
		for i := 0; i < 100000; i++ {
			fmt.Fprintf(&b, "<http://x/s%d> <http://x/p> \"value %d\" <http://x/big> .\n", i, i)
		}
		b.WriteString("<http://x/bad> <http://x/p> \"unclosed <http://x/big> .\n")
		return write(".nq", b.Bytes())
	case "two-graphs":
		return write(".nq", []byte("<http://x/a> <http://x/p> \"one\" <http://x/first> .\n<http://x/b> <http://x/p> \"two\" <> .\n"))
	case "token-500k":
		return write(".txt", []byte(head+strings.Repeat("क", 500000)+"\n"))
	case "name-10000":
		return write(".txt", []byte(head+strings.Repeat("किम ", 10000)+"\n"))
	case "clauses-10000":
		return write(".txt", []byte(head+strings.Repeat("किम ने पुतिन से फोन पर बातचीत की ", 10000)+"\n"))
	case "sentences-7mb":
		// sentences of the project's own, varied by number and place so
		// that they do not all merge into one event
		var b strings.Builder
		b.WriteString(head)
		places := []string{"मॉस्को", "दिल्ली", "सियोल", "बीजिंग", "टोक्यो"}
		for i := 0; b.Len() < 7_500_000; i++ {
			fmt.Fprintf(&b, "किम ने %s में पुतिन से %d बार फोन पर बातचीत की। दोनों नेताओं ने सहयोग पर सहमति जताई। ", places[i%len(places)], i)
			if i%20 == 19 {
				b.WriteString("\n\n")
			}
		}
		return write(".txt", []byte(b.String()))
	case "spaces-before-danda":
		return write(".txt", []byte(head+"किम ने पुतिन से बातचीत की"+strings.Repeat(" ", 1<<20)+"।\n"))
	}
	t.Fatalf("%s: no generator %q", c.name, name)
	return ""
}

// TestBadInputCorpus loads every case of testdata/bad-input into a store
// holding the seed: a failing case must print one line naming the input
// and the reason, exit 1 and leave the store's sorted N-Quads dump byte for
// byte as it was; an accepted one must load within its bounds on CPU time
// and memory. KG_BADINPUT_TABLE=FILE writes the table of outcomes (a
// Markdown table: case, expected, observed, time) to FILE.
func TestBadInputCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus takes a minute")
	}
	cases := readBadCases(t)
	if len(cases) < 30 {
		t.Fatalf("%d cases; the corpus must have at least 30", len(cases))
	}
	dir := t.TempDir()
	seeded := filepath.Join(dir, "seeded.db")
	if _, errs, code := kg(t, seeded, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	db := filepath.Join(dir, "kg.db")
	copyDir(t, seeded, db)
	var table strings.Builder
	table.WriteString("| case | expected | observed | time |\n|---|---|---|---|\n")
	for i, c := range cases {
		path := c.materialise(t, dir)
		if !c.fail {
			// an accepted case gets a store of its own, holding the seed:
			// its cost is its own, not that of replacing the case before
			db = filepath.Join(dir, fmt.Sprintf("ok%d.db", i))
			copyDir(t, seeded, db)
		}
		before := strings.Join(dump(t, db), "\n")
		cmd := exec.Command(kgBin, append(append([]string{"--db", db, "load"}, c.args...), path)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Minute):
			cmd.Process.Kill()
			t.Fatalf("%s: kg load hung", c.name)
		}
		wall := time.Since(start)
		ps := cmd.ProcessState
		ru := ps.SysUsage().(*syscall.Rusage)
		cpu := ps.UserTime() + ps.SystemTime()
		memMB := ru.Maxrss >> 10
		stderr := strings.TrimRight(errb.String(), "\n")
		lines := strings.Split(stderr, "\n")
		observed := ""
		if c.fail {
			after := strings.Join(dump(t, db), "\n")
			observed = fmt.Sprintf("exit %d: %s", ps.ExitCode(), stderr)
			switch {
			case ps.ExitCode() != 1:
				t.Errorf("%s: exit %d, want 1: %s", c.name, ps.ExitCode(), stderr)
			case len(lines) != 1:
				t.Errorf("%s: %d lines on stderr, want one:\n%s", c.name, len(lines), stderr)
			case !strings.HasPrefix(lines[0], "kg: load "+path+": ") || !strings.Contains(lines[0], c.expect):
				t.Errorf("%s: %q, want \"kg: load %s: …%s…\"", c.name, lines[0], path, c.expect)
			case strings.ContainsRune(stderr, 0x1b):
				t.Errorf("%s: a raw escape on stderr: %q", c.name, stderr)
			}
			if after != before {
				t.Errorf("%s: the store changed (%d quads before, %d after)", c.name, strings.Count(before, "\n")+1, strings.Count(after, "\n")+1)
			}
		} else {
			observed = fmt.Sprintf("exit %d, %.1f s CPU, %d MB: %s", ps.ExitCode(), cpu.Seconds(), memMB, lastLine(stderr))
			loaded := strings.Contains(stderr, ": loaded <") || strings.Contains(stderr, ": replaced <")
			switch {
			case ps.ExitCode() != 0 || !loaded:
				t.Errorf("%s: exit %d, want a load: %s", c.name, ps.ExitCode(), stderr)
			case c.expect != "-" && !strings.Contains(stderr, c.expect):
				t.Errorf("%s: no warning %q: %s", c.name, c.expect, stderr)
			case cpu > c.cpu:
				t.Errorf("%s: %v of CPU, over its bound of %v", c.name, cpu, c.cpu)
			case memMB > c.memMB:
				t.Errorf("%s: %d MB resident, over its bound of %d MB", c.name, memMB, c.memMB)
			}
			if d := strings.Join(dump(t, db), "\n"); strings.ContainsRune(d, 0x1b) || strings.ContainsRune(d, 0x07) {
				t.Errorf("%s: a control character reached the store", c.name)
			}
		}
		want := "ok"
		if c.fail {
			want = "fail: " + c.expect
		} else if c.expect != "-" {
			want += ", warns " + c.expect
		}
		fmt.Fprintf(&table, "| %s | %s | %s | %.2f s |\n", c.name, want, strings.ReplaceAll(observed, "|", `\|`), wall.Seconds())
	}
	if p := os.Getenv("KG_BADINPUT_TABLE"); p != "" {
		if err := os.WriteFile(p, []byte(table.String()), 0o644); err != nil {
			t.Error(err)
		}
	}
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// copyDir copies a store directory, without its lock file.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if info.Name() == "kg.lock" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, info.Mode())
	})
	if err != nil {
		t.Fatal(err)
	}
}
