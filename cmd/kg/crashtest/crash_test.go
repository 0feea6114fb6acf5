// Package crashtest kills kg in the middle of its writes and checks what a
// crash leaves (issue 11): a store that opens, every article fully present
// or absent, no quad under a label that is no article's, and a re-run of
// the command that ends byte for byte as a run that was never killed. It
// is a package of its own because it takes minutes: `go test ./...` runs
// it beside the others, each package with its own deadline.
package crashtest

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

var kgBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kg-crash-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	kgBin = filepath.Join(dir, "kg")
	build := exec.Command("go", "build", "-o", kgBin, "..")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build kg:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// minKills is how many runs of each command must die mid-run, at least:
// killed at every sync point of its clean run, then at moments spread over
// its run time.
const minKills = 20

// corpus writes n short articles of the project's own making: the same few
// people, places and verbs in different combinations and on different days,
// so that they share entities and claims as a real archive does.
func corpus(t *testing.T, dir string, n int) []string {
	t.Helper()
	people := []string{"किम जोंग-उन", "व्लादिमीर पुतिन", "डोनाल्ड ट्रंप", "नरेंद्र मोदी", "शी जिनपिंग"}
	places := []string{"मॉस्को", "दिल्ली", "सियोल", "बीजिंग", "प्योंगयांग", "टोक्यो"}
	must(t, os.MkdirAll(dir, 0o755))
	var paths []string
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		a, b := people[i%len(people)], people[(i/len(people)+i+1)%len(people)]
		if a == b {
			b = people[(i+2)%len(people)]
		}
		p := places[(i/3)%len(places)]
		text := fmt.Sprintf("date %s अंतरराष्ट्रीय\n\n%s और %s की %s में बातचीत %d\n\n%s: %s ने %s से फोन पर बातचीत की। दोनों नेताओं ने %d बिंदुओं पर सहयोग पर सहमति जताई। %s ने %s को समर्थन दिया।\n",
			day.AddDate(0, 0, i).Format("2006-01-02"), a, b, p, i, p, a, b, i%7+2, b, a)
		path := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		must(t, os.WriteFile(path, []byte(text), 0o644))
		paths = append(paths, path)
	}
	return paths
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// run runs kg on a store with extra environment; it returns the exit
// status (-1 when killed), stderr and the wall time.
func run(t *testing.T, db string, env []string, kill time.Duration, args ...string) (int, string, time.Duration) {
	t.Helper()
	cmd := exec.Command(kgBin, append([]string{"--db", db, "-q"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	must(t, cmd.Start())
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		cmd.Process.Kill()
		t.Fatalf("kg %v hung", args)
	}
	return cmd.ProcessState.ExitCode(), errb.String(), time.Since(start)
}

// snapshot is a store's quads, sorted N-Quads lines, by label.
type snapshot struct {
	lines   []string
	byLabel map[string][]string
}

func (s snapshot) String() string { return strings.Join(s.lines, "\n") }

// open opens the store as the next kg would (taking the lease undoes an
// interrupted journalled write) and reads every quad.
func open(t *testing.T, db string) (snapshot, error) {
	t.Helper()
	st, err := graph.Open(db, &graph.Options{LockTimeout: time.Minute})
	if err != nil {
		return snapshot{}, err
	}
	defer st.Close()
	s := snapshot{byLabel: map[string][]string{}}
	err = st.Each(context.Background(), func(q quad.Quad) error {
		line := q.NQuad()
		s.lines = append(s.lines, line)
		l := ""
		if q.Label != nil {
			l = q.Label.String()
		}
		s.byLabel[l] = append(s.byLabel[l], line)
		return nil
	})
	sort.Strings(s.lines)
	for _, ls := range s.byLabel {
		sort.Strings(ls)
	}
	return s, err
}

// syncPoints counts the sync points a clean run of the command passes.
func syncPoints(t *testing.T, db string, args []string) (int, []string, time.Duration) {
	t.Helper()
	log := filepath.Join(t.TempDir(), "sync.log")
	code, errs, took := run(t, db, []string{"KG_TEST_SYNC_LOG=" + log}, 0, args...)
	if code != 0 {
		t.Fatalf("kg %v: exit %d: %s", args, code, errs)
	}
	b, _ := os.ReadFile(log)
	var names []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if _, name, ok := strings.Cut(l, " "); ok {
			names = append(names, name)
		}
	}
	return len(names), names, took
}

// copyStore copies a store directory without its lock.
func copyStore(t *testing.T, from, to string) {
	t.Helper()
	must(t, filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
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
	}))
}

// crashCase is a command killed at every point, from a store in state
// "before"; a clean run of it gives "after".
type crashCase struct {
	name   string
	before string // store directory, copied for each run
	args   []string
	// single: the command is one transaction, so a crash leaves the whole
	// store as before or as after
	single bool
	// twoPart: the clean run must write additions and removals in one
	// transaction (the write Cayley's bug splits: see graph.Store.apply)
	twoPart bool
}

// report is what a case observed, for the test log and the notes.
type report struct {
	kills, syncKills, died, finished int
}

func (c crashCase) check(t *testing.T) report {
	t.Helper()
	work := t.TempDir()
	fresh := func(name string) string {
		db := filepath.Join(work, name)
		copyStore(t, c.before, db)
		return db
	}
	before, err := open(t, fresh("before"))
	must(t, err)
	ref := fresh("clean")
	points, names, took := syncPoints(t, ref, c.args)
	after, err := open(t, ref)
	must(t, err)
	if after.String() == before.String() {
		t.Fatalf("%s: the clean run changed nothing", c.name)
	}
	if c.twoPart && !contains(names, "before commit of additions, then removals") {
		t.Fatalf("%s: the clean run wrote no additions and removals in one commit (sync points %v): the case does not test the split write", c.name, names)
	}
	t.Logf("%s: %d sync points %v, clean run %v", c.name, points, names, took.Round(time.Millisecond))
	// The kills: at every sync point (the process kills itself there),
	// then at moments of the run until minKills runs have died mid-run.
	// A moment is a fraction of the clean run's wall time, spread by the
	// golden ratio so that any number of them covers the run evenly
	// (reading, extracting, planning, writing). A run that ended before
	// its kill is checked all the same but does not count, and the moments
	// after it come from a shorter span: on a busy machine as on an idle
	// one the kills land inside the run.
	kill := func(i int, span time.Duration, db string) (int, string) {
		if i < points {
			code, errs, _ := run(t, db, []string{"KG_TEST_CRASH_AT=" + strconv.Itoa(i+1)}, 0, c.args...)
			return code, errs
		}
		f := math.Mod(0.5+float64(i-points)*0.6180339887, 1)
		code, errs, _ := run(t, db, nil, time.Duration(f*float64(span))+time.Millisecond, c.args...)
		return code, errs
	}
	var rep report
	rep.syncKills = points
	span := took
	var tCopy, tKill, tOpen, tRerun time.Duration
	lap := func(d *time.Duration, since time.Time) { *d += time.Since(since) }
	for i := 0; i < points || rep.died < minKills || i-points < 2; i++ {
		if i >= 3*minKills+points {
			break // reported below
		}
		t0 := time.Now()
		db := fresh(fmt.Sprintf("kill%d", i))
		lap(&tCopy, t0)
		t0 = time.Now()
		code, errs := kill(i, span, db)
		lap(&tKill, t0)
		rep.kills++
		switch code {
		case -1:
			rep.died++
		case 0:
			rep.finished++ // the kill came after the end
			if i >= points {
				span = span * 3 / 4
			}
		default:
			t.Errorf("%s kill %d: exit %d: %s", c.name, i, code, errs)
			continue
		}
		t0 = time.Now()
		got, err := open(t, db)
		lap(&tOpen, t0)
		if err != nil {
			t.Errorf("%s kill %d: the store does not open: %v", c.name, i, err)
			continue
		}
		c.checkState(t, i, got, before, after)
		t0 = time.Now()
		// the command again, to its end: as if it had never been killed
		// (kg rm of what the killed run had removed already says so)
		if code, errs, _ := run(t, db, nil, 0, c.args...); code != 0 && !(c.args[0] == "rm" && strings.Contains(errs, "no article")) {
			t.Errorf("%s kill %d: the re-run failed: exit %d: %s", c.name, i, code, errs)
			continue
		}
		lap(&tRerun, t0)
		t0 = time.Now()
		again, err := open(t, db)
		lap(&tOpen, t0)
		must(t, err)
		if again.String() != after.String() {
			t.Errorf("%s kill %d: after the re-run the store differs from a clean run's:\n%s", c.name, i, diff(after.lines, again.lines))
		}
	}
	t.Logf("%s: %d kills (%d at sync points), %d died mid-run, %d had finished", c.name, rep.kills, rep.syncKills, rep.died, rep.finished)
	t.Logf("%s: time in copies %v, killed runs %v, opens %v, re-runs %v", c.name, tCopy.Round(time.Millisecond), tKill.Round(time.Millisecond), tOpen.Round(time.Millisecond), tRerun.Round(time.Millisecond))
	if rep.died < minKills {
		t.Errorf("%s: %d runs died mid-run, want at least %d", c.name, rep.died, minKills)
	}
	return rep
}

// checkState checks what a crash left: every article as it was before or
// as it is after (or absent), no quad under a label that is neither an
// article in the store nor a derived graph; for a one-transaction command,
// the whole store as before or as after.
func (c crashCase) checkState(t *testing.T, i int, got, before, after snapshot) {
	t.Helper()
	if c.single && got.String() != before.String() && got.String() != after.String() {
		t.Errorf("%s kill %d: the store is neither as before nor as after:\nfrom before:\n%s\nfrom after:\n%s", c.name, i, diff(before.lines, got.lines), diff(after.lines, got.lines))
	}
	for label, lines := range got.byLabel {
		if schema.IsDerivedGraph(quad.IRI(strings.Trim(label, "<>"))) {
			continue
		}
		art := strings.Trim(label, "<>")
		node := quad.Quad{Subject: quad.IRI(art), Predicate: schema.Type, Object: schema.NewsArticle, Label: quad.IRI(art)}.NQuad()
		if !contains(lines, node) {
			t.Errorf("%s kill %d: %d orphaned quads under %s (no article node), e.g. %s", c.name, i, len(lines), label, lines[0])
			continue
		}
		was, will := strings.Join(before.byLabel[label], "\n"), strings.Join(after.byLabel[label], "\n")
		now := strings.Join(lines, "\n")
		if now != was && now != will {
			t.Errorf("%s kill %d: article %s is neither as before (%d quads) nor as after (%d): %d quads", c.name, i, label, len(before.byLabel[label]), len(after.byLabel[label]), len(lines))
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// diff shows the lines only one side has, at most ten of each.
func diff(want, got []string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	for _, l := range got {
		g[l] = true
	}
	var b strings.Builder
	n := 0
	for _, l := range want {
		if !g[l] && n < 10 {
			fmt.Fprintf(&b, "- %s\n", l)
			n++
		}
	}
	n = 0
	for _, l := range got {
		if !w[l] && n < 10 {
			fmt.Fprintf(&b, "+ %s\n", l)
			n++
		}
	}
	return b.String()
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills kg a hundred times")
	}
	dir := t.TempDir()
	setup := time.Now()
	paths := corpus(t, filepath.Join(dir, "corpus"), 300)

	// an empty store, and one holding the 300 articles
	empty := filepath.Join(dir, "empty.db")
	if code, errs, _ := run(t, empty, nil, 0, "load", "--date", "2020-01-01", paths[0]); code != 0 {
		t.Fatal(errs)
	}
	if code, errs, _ := run(t, empty, nil, 0, "rm", paths[0]); code != 0 {
		t.Fatal(errs)
	}
	full := filepath.Join(dir, "full.db")
	copyStore(t, empty, full)
	if code, errs, _ := run(t, full, nil, 0, "load", filepath.Join(dir, "corpus")); code != 0 {
		t.Fatal(errs)
	}

	// replacing: the same file edited, its title kept (same id) or changed
	// (a new id: additions, then removals, in one bolt transaction)
	src := filepath.Join(dir, "replace")
	must(t, os.MkdirAll(src, 0o755))
	same, renamed := filepath.Join(src, "same.txt"), filepath.Join(src, "renamed.txt")
	article := func(title, body string) []byte {
		return []byte("date 2021-03-04 अंतरराष्ट्रीय\n\n" + title + "\n\nसियोल: " + body + "\n")
	}
	body := "किम जोंग-उन ने व्लादिमीर पुतिन से फोन पर बातचीत की। दोनों नेताओं ने 12 बिंदुओं पर सहयोग पर सहमति जताई।"
	must(t, os.WriteFile(same, article("सियोल में एक बातचीत", body), 0o644))
	must(t, os.WriteFile(renamed, article("प्योंगयांग से एक लंबी खबर जिसका शीर्षक बदलेगा", body+" डोनाल्ड ट्रंप ने नरेंद्र मोदी से मुलाकात की।"), 0o644))
	replaced := filepath.Join(dir, "replaced.db")
	copyStore(t, full, replaced)
	for _, p := range []string{same, renamed} {
		if code, errs, _ := run(t, replaced, nil, 0, "load", p); code != 0 {
			t.Fatal(errs)
		}
	}
	// the edits: same title (same id), new facts; a new title (a new id)
	// and fewer facts, which removes more uses of values than it adds
	must(t, os.WriteFile(same, article("सियोल में एक बातचीत", body+" शी जिनपिंग ने नरेंद्र मोदी को समर्थन दिया।"), 0o644))
	must(t, os.WriteFile(renamed, article("छोटा शीर्षक", "किम जोंग-उन ने पुतिन से बातचीत की।"), 0o644))

	t.Logf("setup (the stores before) took %v", time.Since(setup).Round(time.Millisecond))
	cases := []crashCase{
		{name: "kg load of 300 articles", before: empty, args: []string{"load", filepath.Join(dir, "corpus")}},
		{name: "kg rm", before: full, args: []string{"rm", paths[42]}, single: true},
		{name: "replace under the same id", before: replaced, args: []string{"load", same}, single: true},
		{name: "replace under a new id", before: replaced, args: []string{"load", renamed}, single: true, twoPart: true},
	}
	var lines []string
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.check(t)
			lines = append(lines, fmt.Sprintf("| %s | %d | %d | %d | %d |", c.name, r.kills, r.syncKills, r.died, r.finished))
		})
	}
	t.Logf("\n| command | kills | at sync points | died mid-run | had finished |\n|---|---|---|---|---|\n%s", strings.Join(lines, "\n"))
}
