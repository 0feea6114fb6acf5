package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	_ "github.com/lib/pq"

	"github.com/kgnews/kg/graph"
)

// The concurrent-writers run (bench/run N --db URL --concurrent), issue
// 12's acceptance at full size: two kg load processes of disjoint halves
// of the corpus and a third that loads, removes and loads again --churn
// articles of both halves, all at once against one PostgreSQL database.
// It passes when no process failed, every article is in the store once,
// and the store's sorted N-Quads dump is byte for byte that of a serial
// load of the same files (into bolt, which the PostgreSQL tests show
// dumps as PostgreSQL does).

// concurrentResult is the run's JSON line.
type concurrentResult struct {
	Articles    int        `json:"articles"`
	Dropped     int        `json:"dropped_clashing_ids"`
	Churn       int        `json:"churn"`
	Quads       int        `json:"quads"`
	SerialBoltS float64    `json:"serial_bolt_load_s"`
	WallS       float64    `json:"concurrent_wall_s"`
	LoaderS     [2]float64 `json:"loader_s"`
	ChurnS      float64    `json:"churn_s"`
	Failures    int        `json:"failures"`
	Missing     int        `json:"missing"`
	Duplicated  int        `json:"duplicated"`
	DumpEqual   bool       `json:"dump_equal"`
	DumpLines   int        `json:"dump_lines"`
	DiffLines   int        `json:"diff_lines"`
	Load1       string     `json:"load_average"`
	LoadEnd     string     `json:"load_average_end"`
}

func runConcurrent(c *config, articles string, out io.Writer) error {
	say := func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }
	if err := emptyStore(c.kgBin, c.db); err != nil {
		return err
	}
	var r concurrentResult
	r.Load1 = loadAverage()
	say("")
	say("kg concurrent writers: %s into %s; machine: %d cores, load average %s", articles, storeName(c.db), numCPU(), r.Load1)

	// Articles whose derived ids clash (headlines alike up to the slug's
	// length, one day) get a hash on the second one: which is second
	// depends on the order of the writes, so a concurrent load cannot
	// match a serial one on them. Both of each pair are left out.
	probe := filepath.Join(c.work, "probe.db")
	os.RemoveAll(probe)
	if b, err := command("", nil, c.kgBin, "--db", probe, "-q", "load", "-j", "1", articles).CombinedOutput(); err != nil {
		return fmt.Errorf("kg load into bolt (probe): %v\n%s", err, tail(string(b), 20))
	}
	arts, err := storeArticles(c.kgBin, probe)
	if err != nil {
		return err
	}
	os.RemoveAll(probe)
	hashed := regexp.MustCompile(`-[0-9a-f]{10}$`)
	sourceOf := map[string]string{}
	for _, a := range arts {
		sourceOf[a.IRI] = a.Source
	}
	drop := map[string]bool{}
	for _, a := range arts {
		if hashed.MatchString(a.IRI) {
			drop[a.Source] = true
			drop[sourceOf[hashed.ReplaceAllString(a.IRI, "")]] = true
		}
	}
	clean := filepath.Join(c.work, "clean")
	os.RemoveAll(clean)
	if err := os.MkdirAll(clean, 0o755); err != nil {
		return err
	}
	var files []string
	for _, a := range arts {
		if drop[a.Source] {
			continue
		}
		f := filepath.Join(clean, filepath.Base(a.Source))
		if err := os.Link(a.Source, f); err != nil {
			return err
		}
		files = append(files, f)
	}
	sort.Strings(files)
	r.Articles, r.Dropped = len(files), len(arts)-len(files)
	say("%d articles (%d left out: derived ids that clash, so order-dependent)", r.Articles, r.Dropped)
	if len(files) < 4 {
		return fmt.Errorf("too few articles (%d) for two loaders and a remover", len(files))
	}

	// the serial reference
	serial := filepath.Join(c.work, "serial.db")
	os.RemoveAll(serial)
	m, logs, err := measure(c.kgBin, "--db", serial, "-q", "load", clean)
	if err != nil {
		return fmt.Errorf("serial kg load into bolt: %v\n%s", err, tail(logs, 20))
	}
	r.SerialBoltS = m.wall.Seconds()
	want, err := sortedDump(c.kgBin, serial)
	if err != nil {
		return err
	}
	os.RemoveAll(serial)
	say("serial load into bolt          %8.1f s wall  (%d dump lines)", r.SerialBoltS, len(want))

	// the three writers
	half := len(files) / 2
	churn := c.churn
	if churn > len(files) {
		churn = len(files)
	}
	var churned []string
	for i := 0; i < churn; i++ {
		churned = append(churned, files[i*len(files)/churn])
	}
	r.Churn = len(churned)
	var mu sync.Mutex
	var failures []string
	fail := func(what string, err error, logs string) {
		mu.Lock()
		failures = append(failures, fmt.Sprintf("%s: %v\n%s", what, err, tail(logs, 10)))
		mu.Unlock()
	}
	var wg sync.WaitGroup
	start := time.Now()
	for i, part := range [][]string{files[:half], files[half:]} {
		wg.Add(1)
		go func(i int, part []string) {
			defer wg.Done()
			m, logs, err := measure(c.kgBin, append([]string{"--db", c.db, "-q", "load"}, part...)...)
			r.LoaderS[i] = m.wall.Seconds()
			if err != nil {
				fail(fmt.Sprintf("kg load (half %d)", i+1), err, logs)
			}
		}(i, part)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t0 := time.Now()
		for _, f := range churned {
			for _, verb := range []string{"load", "rm", "load"} {
				b, err := command("", nil, c.kgBin, "--db", c.db, "-q", verb, f).CombinedOutput()
				if err != nil {
					fail("kg "+verb+" "+filepath.Base(f), err, string(b))
				}
			}
		}
		r.ChurnS = time.Since(t0).Seconds()
	}()
	wg.Wait()
	r.WallS = time.Since(start).Seconds()
	r.Failures = len(failures)
	say("two loaders and a remover      %8.1f s wall  (loaders %.1f s and %.1f s; load, rm, load of %d articles %.1f s)", r.WallS, r.LoaderS[0], r.LoaderS[1], r.Churn, r.ChurnS)
	for _, f := range failures {
		say("  FAILED %s", f)
	}

	// the checks
	got, err := storeArticles(c.kgBin, c.db)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for _, a := range got {
		seen[a.Source]++
	}
	for _, f := range files {
		abs, _ := filepath.Abs(f)
		switch n := seen[abs]; {
		case n == 0:
			r.Missing++
		case n > 1:
			r.Duplicated++
		}
	}
	var st struct {
		Quads int `json:"quads"`
	}
	if err := kgJSON(c.kgBin, &st, "--db", c.db, "stats", "--json"); err != nil {
		return err
	}
	r.Quads = st.Quads
	dump, err := sortedDump(c.kgBin, c.db)
	if err != nil {
		return err
	}
	r.DumpLines = len(dump)
	r.DiffLines = diffCount(dump, want)
	r.DumpEqual = r.DiffLines == 0
	say("store: %d articles (%d missing, %d more than once), %d quads; dump %d lines, %d differ from the serial load's", len(got), r.Missing, r.Duplicated, r.Quads, r.DumpLines, r.DiffLines)
	ok := r.Failures == 0 && r.Missing == 0 && r.Duplicated == 0 && r.DumpEqual && len(got) == len(files)
	r.LoadEnd = loadAverage()
	say("load average at the end: %s", r.LoadEnd)
	if ok {
		say("PASS: no error, every article once, dump equal to a serial load")
	} else {
		say("FAIL")
	}
	b, _ := json.Marshal(r)
	fmt.Fprintln(out, string(b))
	if !ok {
		return fmt.Errorf("the concurrent writers did not end as a serial load")
	}
	return nil
}

type storeArticle struct {
	IRI    string `json:"iri"`
	Source string `json:"source"`
}

func storeArticles(bin, db string) ([]storeArticle, error) {
	var st struct {
		Articles []storeArticle `json:"articles"`
	}
	if err := kgJSON(bin, &st, "--db", db, "stats", "--articles", "--json"); err != nil {
		return nil, err
	}
	return st.Articles, nil
}

func sortedDump(bin, db string) ([]string, error) {
	b, err := command("", nil, bin, "--db", db, "-q", "export", "--format", "nquads").Output()
	if err != nil {
		return nil, fmt.Errorf("kg export %s: %v", storeName(db), err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return lines, nil
}

// diffCount is how many lines are in one sorted list and not the other.
func diffCount(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case a[i] < b[j]:
			n, i = n+1, i+1
		default:
			n, j = n+1, j+1
		}
	}
	return n + len(a) - i + len(b) - j
}

// emptyStore fails unless the store holds no articles: a benchmark of a
// load into a store that already has them measures a reload.
func emptyStore(bin, db string) error {
	var st struct {
		Articles int `json:"articles"`
	}
	b, err := command("", nil, bin, "--db", db, "stats", "--json").CombinedOutput()
	if err != nil {
		if strings.Contains(string(b), "no kg store there") {
			return nil
		}
		return fmt.Errorf("kg stats on %s: %v\n%s", storeName(db), err, tail(string(b), 5))
	}
	if err := json.Unmarshal(b, &st); err == nil && st.Articles > 0 {
		return fmt.Errorf("%s already holds %d articles: give an empty database (createdb NAME)", storeName(db), st.Articles)
	}
	return nil
}

func storeName(db string) string {
	if graph.IsDatabase(db) {
		return "PostgreSQL " + graph.Redact(db)
	}
	return "bolt " + db
}

// storeMB is the store's size: the bolt directory's files, or the
// PostgreSQL database's.
func storeMB(db string) (float64, error) {
	if !graph.IsDatabase(db) {
		return dirMB(db), nil
	}
	os.Unsetenv("PGSYSCONFDIR") // lib/pq panics on it (pg_virtualenv sets it)
	conn, err := sql.Open("postgres", db)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	var n int64
	if err := conn.QueryRow(`SELECT pg_database_size(current_database())`).Scan(&n); err != nil {
		return 0, fmt.Errorf("size of %s: %w", storeName(db), err)
	}
	return float64(n) / (1 << 20), nil
}
