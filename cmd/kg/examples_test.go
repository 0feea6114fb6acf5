package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/graph/pgtest"
)

// An example is one command line a user is shown: in a ```sh block of the
// README or under "Examples:" in kg's help.
type example struct {
	where string // README.md:LINE or "kg CMD --help"
	line  string
}

// exampleBlocks reads the README's shell blocks, one block each.
func readmeBlocks(t *testing.T) [][]example {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks [][]example
	var cur []example
	in := false
	for i, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "```sh"):
			in, cur = true, nil
		case in && strings.HasPrefix(l, "```"):
			in = false
			blocks = append(blocks, cur)
		case in && strings.TrimSpace(l) != "":
			cur = append(cur, example{fmt.Sprintf("README.md:%d", i+1), l})
		}
	}
	return blocks
}

// helpBlocks reads the examples of kg --help and of every command's help:
// the lines that start with kg (or a variable setting, or cat ... |, or
// curl); the words after a gap of three spaces describe the line.
func helpBlocks() [][]example {
	app := newApp()
	texts := map[string]string{"kg --help": app.UsageText}
	for _, c := range app.Commands {
		if !c.Hidden {
			texts["kg "+c.Name+" --help"] = c.Description
		}
	}
	shown := regexp.MustCompile(`^\s+((?:[A-Z_]+=\S+ )*(?:kg |cat |curl ).*)$`)
	var blocks [][]example
	for where, text := range texts {
		var b []example
		for _, l := range strings.Split(text, "\n") {
			if m := shown.FindStringSubmatch(l); m != nil {
				b = append(b, example{where, cutDescription(m[1])})
			}
		}
		if len(b) > 0 {
			blocks = append(blocks, b)
		}
	}
	return blocks
}

// cutDescription drops the description after a run of three spaces
// outside quotes.
func cutDescription(l string) string {
	if i := unquoted(l, func(i int, _, _ rune) bool { return strings.HasPrefix(l[i:], "   ") }); i >= 0 {
		l = l[:i]
	}
	return strings.TrimSpace(l)
}

// unquoted is the byte offset of the first rune of l outside shell quotes
// for which at (given the offset, the rune and the rune before it) holds,
// or -1.
func unquoted(l string, at func(i int, r, prev rune) bool) int {
	var quote rune
	prev := ' '
	for i, r := range l {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case at(i, r, prev):
			return i
		}
		prev = r
	}
	return -1
}

// notRunHere are examples of other programs than kg and curl that this
// machine does not have, or that build kg itself (the test runs the kg it
// built) or its NER model (from the repository's corpora), or run the
// corpus benchmark (minutes; bench/corpus's test runs a small one); the
// test fails on any other line it cannot run.
var notRunHere = []string{"neo4j-admin ", "go generate ", "go build ", "go test ", "go run ./cmd/nertrain", "bench/run "}

// sandbox is a directory laid out for the examples: kg on PATH and as
// ./kg, the files they name, and ./kg.db holding the seed article.
type sandbox struct {
	t      *testing.T
	dir    string
	env    []string
	server string // URL of the block's kg serve, once started
	stop   func()
	pg     string // the block's PostgreSQL database, once made
}

func newSandbox(t *testing.T) *sandbox {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	must(t, os.MkdirAll(bin, 0o755))
	must(t, os.Symlink(kgBin, filepath.Join(bin, "kg")))
	must(t, os.Symlink(kgBin, filepath.Join(dir, "kg")))
	// curl fails on an HTTP error, so that an example answering 4xx fails.
	must(t, os.WriteFile(filepath.Join(bin, "curl"), []byte("#!/bin/sh\nexec /usr/bin/curl --fail-with-body \"$@\"\n"), 0o755))
	seed, err := os.ReadFile("testdata/seed.txt")
	must(t, err)
	second, err := os.ReadFile("testdata/second.txt")
	must(t, err)
	must(t, os.MkdirAll(filepath.Join(dir, "examples"), 0o755))
	must(t, os.MkdirAll(filepath.Join(dir, "data"), 0o755))
	must(t, os.MkdirAll(filepath.Join(dir, "archive"), 0o755))
	plain := strings.Join(strings.Split(string(seed), "\n")[1:], "\n") // no date header
	for name, body := range map[string]string{
		"examples/article.txt": string(seed), "article.txt": string(seed), "a.txt": string(seed), "b.txt": string(second),
		"archive/2024-a.txt": string(seed), "archive/2024-b.txt": string(second),
		"note.txt": plain, "notes.txt": plain, "plain.txt": plain, "q.js": "g.V(E(\"Kim\")).Out().All()\n",
		"gold.conll": "कप्तान\tO\nअर्जुन\tB-NEP\nमेहता\tI-NEP\nने\tO\nकहा\tO\n",
		"session.js": "var kim = g.V(E(\"Kim\"))\nkim.Out(\"<rdfs:label>\").All()\n",
	} {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "KG_") && !strings.HasPrefix(e, "PATH=") {
			env = append(env, e)
		}
	}
	s := &sandbox{t: t, dir: dir, env: append(env,
		"PATH="+bin+":"+os.Getenv("PATH"), "KG_TOKEN=s3cret", "KG_HISTORY="+filepath.Join(dir, "history"))}
	s.run(example{"setup", "kg load examples/article.txt && kg export --format nquads -o dump.nq && kg --db data/kg.db load -q examples/article.txt"})
	t.Cleanup(func() {
		if s.stop != nil {
			s.stop()
		}
	})
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var port7070 = regexp.MustCompile(`(localhost|127\.0\.0\.1|0\.0\.0\.0):7070`)

// prepare rewrites what differs in the sandbox: the port of the block's
// server, /data/ for another store, go run for the built kg.
func (s *sandbox) prepare(l string) string {
	l = strings.ReplaceAll(l, "go run ./cmd/kg ", "kg ")
	l = strings.ReplaceAll(l, "/data/", s.dir+"/data/")
	if pgExample.MatchString(l) {
		u, err := url.Parse(s.postgres())
		must(s.t, err)
		db := strings.TrimPrefix(u.Path, "/")
		l = pgExample.ReplaceAllStringFunc(l, func(m string) string {
			if strings.HasPrefix(m, "host=") {
				return fmt.Sprintf("host=%s port=%s dbname=%s sslmode=disable", u.Hostname(), u.Port(), db)
			}
			user := pgExample.FindStringSubmatch(m)[1]
			return fmt.Sprintf("'postgres://%s@%s/%s?sslmode=disable'", user, u.Host, db)
		})
	}
	return l
}

// pgExample matches the PostgreSQL stores examples name: on host db1 (the
// primary) or db2 and db3 (its replicas), database kg. The sandbox maps
// them all to one test database, owned by kg_owner.
var pgExample = regexp.MustCompile(`postgres://([a-z_]+)@db[123]/kg\b|host=db[123] dbname=kg\b`)

// postgres is the sandbox's PostgreSQL database, made on first use with
// the roles the examples connect as.
func (s *sandbox) postgres() string {
	if s.pg != "" {
		return s.pg
	}
	loc := pgtest.Require(s.t)
	for _, r := range []string{"kg_owner", "kg_load", "kg_read"} {
		// roles belong to the cluster: another test may have made them
		_ = pgtest.Exec(loc, "DO $$BEGIN CREATE ROLE "+r+" LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$")
	}
	u, err := url.Parse(loc)
	must(s.t, err)
	db := strings.TrimPrefix(u.Path, "/")
	must(s.t, pgtest.Exec(loc, "ALTER DATABASE "+db+" OWNER TO kg_owner"))
	s.pg = loc
	return loc
}

// run runs one example with sh in the sandbox: it must exit 0, and a query
// or export must find something.
func (s *sandbox) run(ex example) {
	s.t.Helper()
	l := s.prepare(ex.line)
	if isServe(l) {
		s.serveBriefly(ex, l)
		return
	}
	if port7070.MatchString(l) {
		s.startServer()
		l = port7070.ReplaceAllString(l, strings.TrimPrefix(s.server, "http://"))
	}
	cmd := exec.Command("sh", "-c", l)
	cmd.Dir, cmd.Env = s.dir, s.env
	cmd.Stdin = strings.NewReader("")
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	must(s.t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Minute): // only catches a hang
		cmd.Process.Kill()
		s.t.Errorf("%s: %s: hung", ex.where, ex.line)
		return
	}
	switch {
	case err != nil:
		s.t.Errorf("%s: %s: %v\nstdout: %.500s\nstderr: %.1000s", ex.where, ex.line, err, out.String(), errb.String())
	case strings.Contains(errb.String(), "(no results)") || strings.Contains(errb.String(), "exported 0 nodes"):
		s.t.Errorf("%s: %s: found nothing: %s", ex.where, ex.line, errb.String())
	case strings.Contains(l, "kg query") && !strings.Contains(l, "-o ") && strings.TrimSpace(out.String()) == "":
		s.t.Errorf("%s: %s: printed nothing: %s", ex.where, ex.line, errb.String())
	}
}

func isServe(l string) bool {
	return regexp.MustCompile(`(^|\s)(\./)?kg( --db \S+)? serve\b`).MatchString(l)
}

// serveBriefly starts a kg serve example on a free port of the address it
// names and on a store of its own, waits for its URL, and stops it.
func (s *sandbox) serveBriefly(ex example, l string) {
	s.t.Helper()
	// The flag goes before a trailing "# comment", where sh would read it
	// as part of the comment and kg serve would take port 7070.
	l = stripComment(l)
	if strings.Contains(l, "--addr") {
		l = port7070.ReplaceAllString(l, "127.0.0.1:0")
	} else {
		l += " --addr 127.0.0.1:0"
	}
	cmd := exec.Command("sh", "-c", "exec env "+l)
	cmd.Dir = s.dir
	cmd.Env = append(s.env, "KG_DB="+filepath.Join(s.t.TempDir(), "kg.db"))
	url, stop, errs := startExample(s.t, cmd)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		s.t.Errorf("%s: %s: printed no URL: %s", ex.where, ex.line, errs())
	}
	stop()
}

// stripComment drops a shell comment from a command line: a '#' that
// starts a word, outside quotes, and everything after it.
func stripComment(l string) string {
	if i := unquoted(l, func(_ int, r, prev rune) bool { return r == '#' && (prev == ' ' || prev == '\t') }); i >= 0 {
		return strings.TrimRight(l[:i], " \t")
	}
	return l
}

// startServer starts the block's kg serve on a copy of the sandbox's
// store, taking writes with the token s3cret the examples use.
func (s *sandbox) startServer() {
	if s.server != "" {
		return
	}
	// On a copy of the sandbox's store: held by the server, the store
	// itself would send the block's later local lines to it too.
	if b, err := exec.Command("cp", "-r", filepath.Join(s.dir, "kg.db"), filepath.Join(s.dir, "served.db")).CombinedOutput(); err != nil {
		s.t.Fatalf("copy the store: %v: %s", err, b)
	}
	cmd := exec.Command(kgBin, "--db", "served.db", "serve", "--addr", "127.0.0.1:0", "--workers", "2")
	cmd.Dir, cmd.Env = s.dir, s.env
	url, stop, errs := startExample(s.t, cmd)
	if url == "" {
		s.t.Fatalf("kg serve for the examples: %s", errs())
	}
	s.server, s.stop = url, stop
}

// startExample starts a kg serve and returns the URL it prints and a stop
// function (SIGTERM, then a clean exit is expected).
func startExample(t *testing.T, cmd *exec.Cmd) (string, func(), func() string) {
	t.Helper()
	out, err := cmd.StdoutPipe()
	must(t, err)
	var errb strings.Builder
	cmd.Stderr = &errb
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	must(t, cmd.Start())
	urls := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		urls <- strings.TrimSpace(line)
		io.Copy(io.Discard, out)
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(3 * time.Minute): // only catches a hang
	}
	stop := func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("kg serve after SIGTERM: %v: %s", err, errb.String())
			}
		case <-time.After(2 * time.Minute): // only catches a hang
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			t.Errorf("kg serve did not stop on SIGTERM")
		}
	}
	return url, stop, errb.String
}

var rmLine = regexp.MustCompile(`^(?:\./)?kg (?:--db \S+ )?rm (\S+)`)

func runBlock(t *testing.T, block []example) {
	s := newSandbox(t)
	for _, ex := range block {
		skip := false
		for _, p := range notRunHere {
			if strings.HasPrefix(strings.TrimSpace(ex.line), p) {
				skip = true
			}
		}
		if skip {
			continue
		}
		// Each removal example removes the seed article, which the one
		// before it may have removed already: load it again first, from
		// the file the line names if it names one.
		if m := rmLine.FindStringSubmatch(s.prepare(ex.line)); m != nil {
			from := "article.txt"
			if _, err := os.Stat(filepath.Join(s.dir, m[1])); err == nil {
				from = m[1]
			}
			s.run(example{ex.where + " (set-up)", "kg load -q " + from})
		}
		s.run(ex)
	}
}

// TestReadmeExamples runs every line of the README's shell blocks, each
// block in a sandbox of its own whose store holds the seed article, the
// lines of a block in turn. curl and kg load --server lines go to a kg
// serve the test starts on the sandbox's store; each kg serve line is
// started on a store of its own and must print its URL.
func TestReadmeExamples(t *testing.T) {
	blocks := readmeBlocks(t)
	if len(blocks) < 5 {
		t.Fatalf("found %d shell blocks in the README", len(blocks))
	}
	for _, b := range blocks {
		t.Run(b[0].where, func(t *testing.T) { runBlock(t, b) })
	}
}

// TestHelpExamples runs the examples of kg --help and of each command's
// help the same way.
func TestHelpExamples(t *testing.T) {
	blocks := helpBlocks()
	n := 0
	for _, b := range blocks {
		n += len(b)
		t.Run(strings.ReplaceAll(b[0].where, " ", "_"), func(t *testing.T) { runBlock(t, b) })
	}
	if n < 20 {
		t.Errorf("found only %d examples in the help texts", n)
	}
}

// TestReadmeFigures checks the README's figures for the seed article
// against a run, and that kg load, kg stats and kg rm count quads alike.
func TestReadmeFigures(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	must(t, err)
	m := regexp.MustCompile(`kg stores (\d+) events, (\d+) positions and (\d+) entities in\s+(\d+) quads`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal("README.md has no sentence \"kg stores N events, N positions and N entities in N quads\"")
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errs, code := kg(t, db, "", "load", "../../examples/article.txt")
	loaded := regexp.MustCompile(`: loaded \S+: \d+ facts, (\d+) quads in`).FindStringSubmatch(errs)
	if code != 0 || loaded == nil {
		t.Fatalf("kg load: exit %d: %s", code, errs)
	}
	out, errs, code := kg(t, db, "", "stats", "--json")
	if code != 0 {
		t.Fatalf("kg stats: %s", errs)
	}
	var st struct{ Events, Positions, Entities, Quads int }
	must(t, json.Unmarshal([]byte(out), &st))
	got := []string{strconv.Itoa(st.Events), strconv.Itoa(st.Positions), strconv.Itoa(st.Entities), strconv.Itoa(st.Quads)}
	for i, what := range []string{"events", "positions", "entities", "quads"} {
		if m[i+1] != got[i] {
			t.Errorf("README.md says the seed gives %s %s; kg stats says %s: update the README", m[i+1], what, got[i])
		}
	}
	if loaded[1] != got[3] {
		t.Errorf("kg load reported %s quads, kg stats counts %s", loaded[1], got[3])
	}
	_, errs, code = kg(t, db, "", "rm", "../../examples/article.txt")
	removed := regexp.MustCompile(`removed \S+ \((\d+) quads\)`).FindStringSubmatch(errs)
	if code != 0 || removed == nil || removed[1] != got[3] {
		t.Errorf("kg rm: exit %d, %s; want %s quads removed", code, errs, got[3])
	}
}

// The serve examples get their --addr before a trailing comment: appended
// after it, sh reads the flag as part of the comment and kg serve takes
// port 7070, so the example fails where 7070 is in use.
func TestStripComment(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"./kg serve                                    # http://127.0.0.1:7070: the page at /", "./kg serve"},
		{"KG_TOKEN=s3cret ./kg serve\t# writes need a token", "KG_TOKEN=s3cret ./kg serve"},
		{`kg query '#x' "a # b" # c`, `kg query '#x' "a # b"`},
		{"kg export --format a#b", "kg export --format a#b"},
		{"kg serve", "kg serve"},
	} {
		if got := stripComment(c.in); got != c.want {
			t.Errorf("stripComment(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
