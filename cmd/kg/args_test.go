package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestNormalizeArgs(t *testing.T) {
	app := newApp()
	for _, c := range []struct{ in, want string }{
		{"kg load -q a.txt", "kg -q load a.txt"},
		{"kg load a.txt -q --db d", "kg -q --db d load a.txt"},
		{"kg load a.txt --date 2025-08-13 b.txt", "kg load --date 2025-08-13 a.txt b.txt"},
		{"kg --db d stats --json --server=http://x", "kg --db d --server=http://x stats --json"},
		{"kg rm x --db=d", "kg --db=d rm x"},
		// A command's own option of the same name stays its own.
		{"kg serve --token s --addr a", "kg serve --token s --addr a"},
		// Values of a command's options are not options.
		{"kg query --gizmo --db", "kg query --gizmo --db"},
		{"kg query timeline Kim --from 2024 -q", "kg -q query timeline Kim --from 2024"},
		{"kg export -o x.dot --root Kim --db d", "kg --db d export -o x.dot --root Kim"},
		// After "--" nothing moves; unknown commands are left to urfave/cli.
		{"kg load -- -q", "kg load -- -q"},
		{"kg nope -q", "kg nope -q"},
		{"kg query --limit", "kg query --limit"},
	} {
		if got := strings.Join(normalizeArgs(app, strings.Fields(c.in)), " "); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestFlagsAnywhere: global options after the command and a command's
// options after its arguments work; a wrong option prints one line and
// the command's usage line, not the help.
func TestFlagsAnywhere(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	if out, errs, code := kg(t, filepath.Join(dir, "unused"), "", "load", "-q", "testdata/seed.txt", "--db", db); code != 0 || out+errs != "" {
		t.Fatalf("kg load -q FILE --db DB: exit %d, %q %q", code, out, errs)
	}
	if out, _, code := kg(t, filepath.Join(dir, "unused"), "", "stats", "--db", db); code != 0 || !strings.Contains(out, "articles  1") && !strings.Contains(out, "articles") {
		t.Errorf("kg stats --db: exit %d\n%s", code, out)
	}
	for _, c := range []struct {
		args  []string
		first string
		usage string
	}{
		{[]string{"load", "--nope", "x.txt"}, "kg: flag provided but not defined: -nope", "usage: kg load [options] DIR|GLOB|FILE..."},
		{[]string{"--nope", "stats"}, "kg: flag provided but not defined: -nope", "usage: kg [--db DIR]"},
		{[]string{"export", "--depth", "two"}, "kg: invalid value \"two\" for flag -depth", "usage: kg export [options]"},
		{[]string{"query", "--limit"}, "kg: flag needs an argument: -limit", "usage: kg query [options]"},
	} {
		out, errs, code := kg(t, db, "", c.args...)
		lines := strings.Split(strings.TrimSpace(errs), "\n")
		if code != 2 || out != "" || len(lines) != 2 || !strings.HasPrefix(lines[0], c.first) || !strings.HasPrefix(lines[1], c.usage) {
			t.Errorf("kg %v: exit %d, stdout %q, stderr:\n%s\nwant two lines: %q, %q", c.args, code, out, errs, c.first, c.usage)
		}
	}
}
