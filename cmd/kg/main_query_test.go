package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/graph/pgtest"
	"github.com/kgnews/kg/queries/fixture"
)

// kgBin is the kg binary built once for the tests that run it as a user
// would: the query workers are that binary's hidden subcommand.
var kgBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kg-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kgBin = filepath.Join(dir, "kg")
	build := exec.Command("go", "build", "-o", kgBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build kg:", err)
		os.Exit(1)
	}
	code := pgtest.Main(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

// kg runs the kg binary on a store and returns stdout, stderr and the exit
// code.
func kg(t *testing.T, db string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(kgBin, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "KG_HISTORY="+filepath.Join(t.TempDir(), "history"))
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Minute): // only catches a hang
		cmd.Process.Kill()
		t.Fatalf("kg %v hung", args)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// malformed are scripts that must each end in an error message, never in a
// dead kg: the first four panic inside Cayley's own goroutine.
var malformed = []struct{ script, want string }{
	{`g.V().Out({}).All()`, "query crashed the query engine: panic: unsupported type: map[string]interface {}"},
	{`g.V(iri(5)).All()`, "query crashed the query engine: panic: expected string, got: int64"},
	{`g.V().Out("<x>",5).All()`, "query crashed the query engine: panic: expected string, got: int64"},
	{`g.V().FollowR(g.M().Labels()).All()`, "query crashed the query engine"},
	{`g.V().In([{}]).All()`, "query crashed the query engine"},
	{`g.V().Has({}).All()`, "not a quad.Value"},
	{`g.V().Nope()`, "TypeError"},
	{`g.Emit(function(){})`, "cannot be shown as JSON"},
	{`g.V(E("Nobody Atall")).All()`, `no entity is called "Nobody Atall"`},
	{`while(true){}`, "query timed out after 1s"},
	{`g.V(`, "SyntaxError: line 1:5: Unexpected end of input"}, // last: in a pipe it takes the lines after it
}

func TestQueryGizmoMalformed(t *testing.T) {
	db := fixture.Build(t)
	for _, m := range malformed {
		// only the runaway gets a short timeout: a crash on a busy
		// machine must not pass for one
		timeout := "2m"
		if strings.Contains(m.want, "timed out") {
			timeout = "1s"
		}
		out, errs, code := kg(t, db, "", "query", "--timeout", timeout, "--gizmo", m.script)
		if code != 1 || !strings.Contains(errs, m.want) {
			t.Errorf("kg query --gizmo %s: exit %d, stderr %q, stdout %q; want exit 1 and %q", m.script, code, errs, out, m.want)
		}
	}
}

func TestQueryCanned(t *testing.T) {
	db := fixture.Build(t)
	out, errs, code := kg(t, db, "", "query", "timeline", "--format", "json")
	if code != 0 {
		t.Fatalf("timeline: exit %d: %s", code, errs)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("timeline --format json is not one JSON array: %v\n%s", err, out)
	}
	var dates []string
	for _, r := range rows {
		d, _ := r["date"].(string)
		dates = append(dates, d)
	}
	if got := strings.Join(dates, " "); got != "1910 2024-06 2025-08 2025-08-13 2025-08-15 2025-08-15 " {
		t.Errorf("timeline dates %q", got)
	}

	// Any alias, any case, options after the arguments.
	first, _, _ := kg(t, db, "", "query", "relationships", "Vladimir Putin")
	for _, alias := range []string{"पुतिन", "vladimir putin", "Putin"} {
		got, errs, code := kg(t, db, "", "query", "relationships", alias, "--format", "table")
		if code != 0 || got != first {
			t.Errorf("relationships %q: exit %d %s\n%s\nwant\n%s", alias, code, errs, got, first)
		}
	}
	for _, want := range []string{"Kim Jong-un", "Donald Trump", "Korean People's Army"} {
		if !strings.Contains(first, want) {
			t.Errorf("relationships of Putin lack %s:\n%s", want, first)
		}
	}

	out, _, code = kg(t, db, "", "query", "path", "Donald Trump", "Kim Jong-un", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "hops,path,nodes,steps\n2,Donald Trump –meets→ Vladimir Putin ←spoke_with– Kim Jong-un,") {
		t.Errorf("path as CSV:\n%s", out)
	}
	out, _, _ = kg(t, db, "", "query", "claims", "KCNA")
	if !strings.Contains(out, "PhoneCall") || !strings.Contains(out, "Praise") || strings.Contains(out, "TreatySigning") {
		t.Errorf("claims KCNA:\n%s", out)
	}

	_, errs, code = kg(t, db, "", "query", "relationships", "Putn")
	if code != 1 || !strings.Contains(errs, `did you mean "Vladimir Putin"`) {
		t.Errorf("unknown name: exit %d, %s", code, errs)
	}
	_, errs, code = kg(t, db, "", "query", "timeline", "--from", "last year")
	if code != 1 || !strings.Contains(errs, "is not a date") {
		t.Errorf("bad date: exit %d, %s", code, errs)
	}
	out, _, code = kg(t, db, "", "query", "--list")
	for _, c := range []string{"relationships ENTITY", "timeline [ENTITY] [--from DATE] [--to DATE]", "path A B [--max-hops INT]",
		"neighbours ENTITY [--depth INT]", "evidence A B", "claims SOURCE", "entities [--type CLASS] [--match TEXT]"} {
		if code != 0 || !strings.Contains(out, c) {
			t.Errorf("--list lacks %q", c)
		}
	}
	out, errs, code = kg(t, db, "", "query", "entities", "--limit", "2", "--format", "json")
	if code != 0 || strings.Count(out, "\"entity\"") != 2 || !strings.Contains(errs, "rows 1-2 shown; --offset 2") {
		t.Errorf("--limit 2: exit %d\n%s\n%s", code, out, errs)
	}
}

func TestQueryWithoutStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none")
	_, errs, code := kg(t, db, "", "query", "timeline")
	if code == 0 || !strings.Contains(errs, "load an article first") {
		t.Errorf("exit %d, %s", code, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("kg query created a store")
	}
}

// With piped input the REPL runs each statement (multi-line ones when their
// brackets balance), reports failures and goes on, and exits non-zero.
func TestReplPipe(t *testing.T) {
	db := fixture.Build(t)
	var in strings.Builder
	in.WriteString("g.V(E(\"Kim\"))\n  .Out(iri(KG.label))\n  .All()\n")
	in.WriteString(":timeline किम\n")
	in.WriteString(":format json\n:path Trump Kim\ng.Emit(6*7)\n")
	for _, m := range malformed[:len(malformed)-1] {
		if strings.Contains(m.want, "timed out") {
			// only the runaway gets a short timeout: a crash on a busy
			// machine must not pass for one
			in.WriteString(":timeout 1s\n" + m.script + "\n:timeout 2m\n")
			continue
		}
		in.WriteString(m.script + "\n")
	}
	in.WriteString("g.Emit(\"still here\")\n")
	in.WriteString(malformed[len(malformed)-1].script + "\n")
	out, errs, code := kg(t, db, in.String(), "repl", "--timeout", "2m")
	if code != 1 || !strings.Contains(errs, fmt.Sprintf("%d statement(s) failed", len(malformed))) {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	for _, want := range []string{`"Kim Jong-un"@en`, `"किम जोंग-उन"@hi`, "PhoneCall: Kim Jong-un, Vladimir Putin", `"hops":2`, "\n  42\n", `"still here"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, m := range malformed {
		if !strings.Contains(errs, m.want) {
			t.Errorf("stderr lacks %q", m.want)
		}
	}
}
