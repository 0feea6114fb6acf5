// Command corpus is kg's corpus benchmark (bench/run runs it): it writes N
// generated Hindi news articles (or takes a directory of real ones), times
// `kg load` of them into a fresh store, exports the store as N-Quads and
// times `cayley load` of that file into another fresh bolt store (Cayley's
// CLI built from the module version kg uses), times every canned query
// with a busy and a rare argument through `kg query` and through a running
// `kg serve`, times `kg load` of one new article into the big store and,
// where Chromium is installed, how long the page takes to draw the busiest
// entity's network at depth 2. It prints a report and ends with one JSON
// line of the figures.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/kgnews/kg/bench/gen"
	"github.com/kgnews/kg/graph"
)

type config struct {
	n          int
	dir        string // articles to load instead of generated ones
	work       string
	runs       int
	noCayley   bool
	noPage     bool
	store      string // an existing kg store: measure its queries only
	kgBin      string
	cayleyBin  string
	repository string
	db         string // a PostgreSQL database for kg's store instead of a bolt directory
	concurrent bool   // the concurrent-writers run (concurrent.go) instead of the query benchmark
	churn      int    // articles the third writer of that run removes and reloads
}

func main() {
	var c config
	flag.StringVar(&c.dir, "dir", "", "load the articles of `DIR` (e.g. ../shared/corpus/bbc) instead of generating N")
	flag.StringVar(&c.work, "work", "", "working `DIR` (default: a new temporary directory, removed at the end)")
	flag.IntVar(&c.runs, "runs", 20, "times each query runs")
	flag.BoolVar(&c.noCayley, "no-cayley", false, "skip the cayley load (no Cayley CLI at hand)")
	flag.BoolVar(&c.noPage, "no-page", false, "skip the page in Chromium")
	flag.StringVar(&c.store, "store", "", "measure the queries and the one-article load on the kg store `DIR` (a --work of an earlier run keeps it in DIR/kg.db) instead of loading one")
	flag.StringVar(&c.kgBin, "kg", "", "the kg binary to measure (default: built from this checkout)")
	flag.StringVar(&c.cayleyBin, "cayley", "", "the cayley binary (default: built from bench/cayley)")
	flag.StringVar(&c.db, "db", "", "kg's store in this PostgreSQL database (`URL`, postgres://... or key=value; it must hold no articles) instead of a fresh bolt directory")
	flag.BoolVar(&c.concurrent, "concurrent", false, "with --db: two kg load processes of disjoint halves and a third removing and reloading --churn articles, at once; checked against a serial load (no query timings)")
	flag.IntVar(&c.churn, "churn", 50, "with --concurrent: articles the third process removes and reloads")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: bench/run N [options]   or   bench/run --dir DIR [options]")
		flag.PrintDefaults()
	}
	// options may come before or after N
	var pos []string
	args := os.Args[1:]
	for {
		if err := flag.CommandLine.Parse(args); err != nil {
			os.Exit(2)
		}
		if flag.NArg() == 0 {
			break
		}
		pos = append(pos, flag.Arg(0))
		args = flag.Args()[1:]
	}
	if c.dir == "" && c.store == "" {
		if len(pos) != 1 {
			flag.Usage()
			os.Exit(2)
		}
		n, err := strconv.Atoi(pos[0])
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bench: N %q is not a positive number\n", pos[0])
			os.Exit(2)
		}
		c.n = n
	} else if len(pos) > 0 || (c.dir != "" && c.store != "") {
		flag.Usage()
		os.Exit(2)
	}
	if c.db != "" && !graph.IsDatabase(c.db) {
		fmt.Fprintf(os.Stderr, "bench: --db %q is not a PostgreSQL connection string (postgres://... or host=... dbname=...)\n", c.db)
		os.Exit(2)
	}
	if c.concurrent && c.db == "" {
		fmt.Fprintln(os.Stderr, "bench: --concurrent needs --db: bolt has one writer at a time")
		os.Exit(2)
	}
	wd, _ := os.Getwd()
	c.repository = wd
	if err := run(&c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is the JSON line, in the order, then the extras.
type result struct {
	Articles     int     `json:"articles"`
	Quads        int     `json:"quads"`
	KgLoadS      float64 `json:"kg_load_s"`
	CayleyLoadS  float64 `json:"cayley_load_s"`
	Ratio        float64 `json:"ratio"`
	RSSMB        float64 `json:"rss_mb"`
	StoreMB      float64 `json:"store_mb"`
	QueryP50MS   float64 `json:"query_p50_ms"`
	QueryP99MS   float64 `json:"query_p99_ms"`
	ServeP50MS   float64 `json:"serve_p50_ms"`
	ServeP99MS   float64 `json:"serve_p99_ms"`
	SingleLoadMS float64 `json:"single_load_ms"`
	// extras
	KgLoadCPUS     float64 `json:"kg_load_cpu_s"`
	CayleyLoadCPUS float64 `json:"cayley_load_cpu_s"`
	CayleyRSSMB    float64 `json:"cayley_rss_mb"`
	// the peaks of the load's anonymous (heap) and file-backed (bolt's
	// mapped pages) resident memory, sampled; rss_mb is getrusage's peak
	AnonMB        float64 `json:"rss_anon_mb"`
	FileMB        float64 `json:"rss_file_mb"`
	CayleyAnonMB  float64 `json:"cayley_rss_anon_mb"`
	CayleyFileMB  float64 `json:"cayley_rss_file_mb"`
	CayleyStoreMB float64 `json:"cayley_store_mb"`
	PageMS        float64 `json:"page_ms,omitempty"`
	FailedQueries int     `json:"failed_queries"`
	Load1         string  `json:"load_average"`
	Backend       string  `json:"backend"`
	LoadEnd       string  `json:"load_average_end"`
}

func run(c *config, out io.Writer) error {
	say := func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }
	if c.work == "" {
		dir, err := os.MkdirTemp("", "kg-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		c.work = dir
	} else if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	if c.kgBin == "" {
		c.kgBin = filepath.Join(c.work, "kg")
		say("building kg ...")
		if err := command(c.repository, nil, "go", "build", "-o", c.kgBin, "./cmd/kg").Run(); err != nil {
			return fmt.Errorf("build kg: %w", err)
		}
	}
	if c.store != "" {
		c.noCayley = true
	}
	if c.cayleyBin == "" && !c.noCayley && !c.concurrent {
		c.cayleyBin = filepath.Join(c.work, "cayley")
		say("building cayley (bench/cayley pins the module version of kg's go.mod) ...")
		cmd := command(filepath.Join(c.repository, "bench", "cayley"), nil, "go", "build", "-o", c.cayleyBin, "github.com/cayleygraph/cayley/cmd/cayley")
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("build cayley: %v\n%s", err, b)
		}
	}
	articles := c.dir
	if articles == "" && c.store == "" {
		articles = filepath.Join(c.work, "articles")
		say("writing %d generated articles to %s ...", c.n, articles)
		if err := writeArticles(articles, 0, c.n); err != nil {
			return err
		}
	}
	if c.concurrent {
		return runConcurrent(c, articles, out)
	}
	var r result
	r.Load1 = loadAverage()
	db, backend := c.store, "bolt"
	if db == "" {
		files, size, err := countArticles(articles)
		if err != nil {
			return err
		}
		db = filepath.Join(c.work, "kg.db")
		if c.db != "" {
			db, backend = c.db, "postgres"
			if err := emptyStore(c.kgBin, db); err != nil {
				return err
			}
		} else {
			os.RemoveAll(db)
		}
		say("")
		say("kg corpus benchmark: %d articles (%.1f MB) from %s into %s; machine: %d cores, load average %s", files, float64(size)/(1<<20), articles, storeName(db), numCPU(), r.Load1)
		say("")

		// kg load
		m, logs, err := measure(c.kgBin, "--db", db, "load", articles)
		if err != nil && !strings.Contains(logs, "loaded") {
			return fmt.Errorf("kg load: %v\n%s", err, tail(logs, 20))
		}
		r.KgLoadS, r.KgLoadCPUS, r.RSSMB = m.wall.Seconds(), m.cpu.Seconds(), m.rssMB
		r.AnonMB, r.FileMB = m.anonMB, m.fileMB
		say("kg load          %8.1f s wall  %7.1f s CPU  %s   %s", m.wall.Seconds(), m.cpu.Seconds(), memLine(m), summaryLine(logs))
		// kg load's own output (not a terminal: a progress line every
		// few seconds, then the summary), its first and last lines
		say("%s", indent(headTail(logs, 2, 4), "    | "))
	} else {
		if strings.Contains(db, "://") {
			backend = "postgres"
		}
		say("")
		say("kg corpus benchmark: the queries of the store %s; machine: %d cores, load average %s", storeName(db), numCPU(), r.Load1)
		say("")
	}
	var st struct {
		Quads    int `json:"quads"`
		Articles int `json:"articles"`
	}
	if err := kgJSON(c.kgBin, &st, "--db", db, "stats", "--json"); err != nil {
		return err
	}
	r.Articles, r.Quads = st.Articles, st.Quads
	r.Backend = backend
	var err error
	if r.StoreMB, err = storeMB(db); err != nil {
		return err
	}
	say("store            %8d articles  %d quads  %.0f MB on disk", st.Articles, st.Quads, r.StoreMB)

	// cayley load of the same quads
	if !c.noCayley {
		nq := filepath.Join(c.work, "all.nq")
		if b, err := command("", nil, c.kgBin, "--db", db, "export", "--format", "nquads", "-o", nq).CombinedOutput(); err != nil {
			return fmt.Errorf("kg export: %v\n%s", err, b)
		}
		cdb := filepath.Join(c.work, "cayley.db")
		os.RemoveAll(cdb)
		cm, clog, err := measure(c.cayleyBin, "load", "--init", "-d", "bolt", "-a", cdb, "-i", nq)
		if err != nil {
			return fmt.Errorf("cayley load: %v\n%s", err, tail(clog, 20))
		}
		r.CayleyLoadS, r.CayleyLoadCPUS, r.CayleyRSSMB, r.CayleyStoreMB = cm.wall.Seconds(), cm.cpu.Seconds(), cm.rssMB, dirMB(cdb)
		r.CayleyAnonMB, r.CayleyFileMB = cm.anonMB, cm.fileMB
		r.Ratio = r.KgLoadS / r.CayleyLoadS
		say("cayley load      %8.1f s wall  %7.1f s CPU  %s   (same %d quads, bolt, %.0f MB on disk)", cm.wall.Seconds(), cm.cpu.Seconds(), memLine(cm), st.Quads, r.CayleyStoreMB)
		say("kg / cayley      %8.2f× wall  %7.2f× CPU", r.Ratio, r.KgLoadCPUS/r.CayleyLoadCPUS)
		os.Remove(nq)
		os.RemoveAll(cdb)
	}

	// the canned queries
	cases, err := pickCases(c.kgBin, db)
	if err != nil {
		return err
	}
	say("")
	say("queries, %d runs each, first page (100 rows):", c.runs)
	say("  %-56s %12s %12s %6s", "query (entity: articles that mention it)", "kg query p50", "kg serve p50", "rows")
	var qAll, sAll []float64
	srv, stop, err := serve(c.kgBin, db)
	if err != nil {
		return err
	}
	// A query that fails is timed all the same (a user waited for it),
	// counted, and its first error printed under its row: one failure
	// does not end the benchmark.
	for _, cs := range cases {
		var qt, stt []float64
		var errs []string
		rows := 0
		for i := 0; i < c.runs; i++ {
			start := time.Now()
			b, err := command("", nil, c.kgBin, append([]string{"--db", db, "query"}, append(cs.argv, "--format", "json", "--timeout", queryTimeout)...)...).Output()
			qt = append(qt, ms(time.Since(start)))
			if err != nil {
				errs = append(errs, fmt.Sprintf("kg query: %v", err))
				continue
			}
			var rs []json.RawMessage
			_ = json.Unmarshal(b, &rs)
			rows = len(rs)
		}
		for i := 0; i < c.runs; i++ {
			start := time.Now()
			err := getOK(srv + cs.url)
			stt = append(stt, ms(time.Since(start)))
			if err != nil {
				errs = append(errs, fmt.Sprintf("kg serve: %v", err))
			}
		}
		qAll, sAll = append(qAll, qt...), append(sAll, stt...)
		say("  %-56s %9.0f ms %9.1f ms %6d", trim(cs.show, 56), pct(qt, 50), pct(stt, 50), rows)
		if len(errs) > 0 {
			r.FailedQueries += len(errs)
			say("    %d of %d runs failed; the first: %s", len(errs), 2*c.runs, tail(errs[0], 1))
		}
	}
	r.QueryP50MS, r.QueryP99MS = pct(qAll, 50), pct(qAll, 99)
	r.ServeP50MS, r.ServeP99MS = pct(sAll, 50), pct(sAll, 99)
	say("  %-56s %9.0f ms %9.1f ms", "all: p50", r.QueryP50MS, r.ServeP50MS)
	say("  %-56s %9.0f ms %9.1f ms", "all: p99", r.QueryP99MS, r.ServeP99MS)
	if r.FailedQueries > 0 {
		say("  %d runs failed (timed all the same)", r.FailedQueries)
	}

	// the page
	if !c.noPage {
		if chrome := chromium(); chrome != "" && cases[0].hub != "" {
			pm, err := pageTime(chrome, srv, cases[0].hub)
			if err != nil {
				say("page: %v", err)
			} else {
				r.PageMS = pm
				say("page             %8.0f ms to draw %s at depth 2 (Chromium, first page of lines)", pm, cases[0].hubLabel)
			}
		}
	}
	stop()

	// one more article into the big store
	var singles []float64
	one := filepath.Join(c.work, "one")
	for i := 0; i < 3; i++ {
		// new articles, also on a --store measured before
		k := 1_000_000 + r.Articles + i
		os.RemoveAll(one)
		if err := writeArticles(one, k, 1); err != nil {
			return err
		}
		start := time.Now()
		b, err := command("", nil, c.kgBin, "--db", db, "load", filepath.Join(one, gen.Name(k))).CombinedOutput()
		if err != nil {
			return fmt.Errorf("kg load of one article: %v\n%s", err, b)
		}
		singles = append(singles, ms(time.Since(start)))
	}
	r.SingleLoadMS = pct(singles, 50)
	say("")
	say("kg load of one new article into the store: %.0f ms (median of 3, process start included)", r.SingleLoadMS)
	say("")
	say("targets: 10,000 articles in ≤ 60 s, ≤ 500 MB; kg/cayley ≤ 1.0 (goal 0.7); serve p50 ≤ 20 ms, p99 ≤ 100 ms; kg query p50 ≤ 150 ms; one article ≤ 200 ms; page ≤ 2 s")
	r.LoadEnd = loadAverage()
	say("load average at the end: %s", r.LoadEnd)
	b, _ := json.Marshal(r)
	fmt.Fprintln(out, string(b))
	return nil
}

// writeArticles writes generated articles from..from+n-1 into dir.
func writeArticles(dir string, from, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := from; i < from+n; i++ {
		b, err := gen.Article(i)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, gen.Name(i)), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func countArticles(dir string) (int, int64, error) {
	n, size := 0, int64(0)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n++
			size += info.Size()
		}
		return err
	})
	return n, size, err
}

func command(dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

type measured struct {
	wall, cpu time.Duration
	rssMB     float64
	// the peaks of the two parts of the resident set, sampled from
	// /proc/PID/status while the command runs: anonymous memory (the
	// heap, what the process itself holds) and file-backed pages (bolt
	// reads through a mapping of its whole file, so these are the page
	// cache of the store the process has touched, which the kernel can
	// drop at any time). Zero where /proc has no such lines.
	anonMB, fileMB float64
}

// measure runs a command to its end: wall time, CPU time (user and
// system, its children included), peak resident memory (getrusage) and
// the peaks of its anonymous and file-backed parts (sampled).
func measure(name string, args ...string) (measured, string, error) {
	cmd := command("", nil, name, args...)
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measured{}, "", err
	}
	done := make(chan struct{})
	var anon, file float64
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			if a, f, ok := residentParts(cmd.Process.Pid); ok {
				anon, file = max(anon, a), max(file, f)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	<-sampled
	m := measured{wall: time.Since(start), anonMB: anon, fileMB: file}
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			m.rssMB = float64(ru.Maxrss) / 1024
		}
	}
	return m, buf.String(), err
}

// residentParts reads a process's resident anonymous and file-backed
// memory (RssAnon, RssFile of /proc/PID/status) in MB.
func residentParts(pid int) (anonMB, fileMB float64, ok bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, false
	}
	var na, nf bool
	for _, line := range strings.Split(string(b), "\n") {
		var kb float64
		switch {
		case strings.HasPrefix(line, "RssAnon:"):
			if _, err := fmt.Sscanf(strings.TrimPrefix(line, "RssAnon:"), "%f", &kb); err == nil {
				anonMB, na = kb/1024, true
			}
		case strings.HasPrefix(line, "RssFile:"):
			if _, err := fmt.Sscanf(strings.TrimPrefix(line, "RssFile:"), "%f", &kb); err == nil {
				fileMB, nf = kb/1024, true
			}
		}
	}
	return anonMB, fileMB, na && nf
}

// memLine shows a peak RSS with its parts.
func memLine(m measured) string {
	if m.anonMB == 0 && m.fileMB == 0 {
		return fmt.Sprintf("%6.0f MB peak RSS", m.rssMB)
	}
	return fmt.Sprintf("%6.0f MB peak RSS (heap/anonymous %.0f MB, bolt file pages %.0f MB: peaks, sampled)", m.rssMB, m.anonMB, m.fileMB)
}

func kgJSON(bin string, v any, args ...string) error {
	b, err := command("", nil, bin, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			err = fmt.Errorf("%v: %s", err, tail(string(ee.Stderr), 3))
		}
		return fmt.Errorf("kg %s: %v", strings.Join(args, " "), err)
	}
	return json.Unmarshal(b, v)
}

// queryTimeout is kg's query deadline in the benchmark: a slow store is
// measured, not cut off at kg's default.
const queryTimeout = "10m"

// queryCase is one canned query with its arguments, as kg query takes
// them and as kg serve's URL.
type queryCase struct {
	argv          []string
	show          string // argv with entity names and their article counts
	url           string
	hub, hubLabel string // the busiest entity, on the first case
}

// pickCases chooses the arguments: the two busiest countries (a corpus's
// hubs), a rare person mentioned once or twice, the busiest and a rare
// source. Entities are given by IRI (resolution is timed apart: it reads
// the name index only); the report shows their names.
func pickCases(bin, db string) ([]queryCase, error) {
	type ent struct {
		Entity   string `json:"entity"`
		LabelEN  string `json:"label_en"`
		Articles int    `json:"articles"`
	}
	var top, people, sources []ent
	if err := kgJSON(bin, &top, "--db", db, "query", "entities", "--type", "Country", "--limit", "2", "--format", "json", "--timeout", queryTimeout); err != nil {
		return nil, err
	}
	if err := kgJSON(bin, &people, "--db", db, "query", "entities", "--type", "Person", "--limit", "400", "--format", "json", "--timeout", queryTimeout); err != nil {
		return nil, err
	}
	if err := kgJSON(bin, &sources, "--db", db, "query", "entities", "--type", "NewsMediaOrganization", "--limit", "400", "--format", "json", "--timeout", queryTimeout); err != nil {
		return nil, err
	}
	if len(top) < 2 || len(people) < 2 || len(sources) < 1 {
		return nil, errors.New("the store has too few entities for the query cases")
	}
	hub, hub2 := top[0].Entity, top[1].Entity
	rare, rare2 := people[len(people)-1].Entity, people[len(people)-2].Entity
	srcHub, srcRare := sources[0].Entity, sources[len(sources)-1].Entity
	names := map[string]string{}
	for _, l := range [][]ent{top, people, sources} {
		for _, e := range l {
			names[e.Entity] = fmt.Sprintf("%s (%d)", e.LabelEN, e.Articles)
		}
	}
	q := func(name string, params [][2]string, argv ...string) queryCase {
		v := url.Values{}
		for _, p := range params {
			v.Set(p[0], p[1])
		}
		show := []string{name}
		for _, a := range argv {
			if n, ok := names[a]; ok {
				a = n
			}
			show = append(show, a)
		}
		return queryCase{argv: append([]string{name}, argv...), show: strings.Join(show, " "), url: "/api/queries/" + name + "?" + v.Encode()}
	}
	cases := []queryCase{
		q("relationships", [][2]string{{"entity", hub}}, hub),
		q("relationships", [][2]string{{"entity", rare}}, rare),
		q("timeline", nil),
		q("timeline", [][2]string{{"entity", hub}}, hub),
		q("timeline", [][2]string{{"entity", hub}, {"from", "2020"}}, hub, "--from", "2020"),
		q("timeline", [][2]string{{"entity", rare}}, rare),
		q("claims", [][2]string{{"source", srcHub}}, srcHub),
		q("claims", [][2]string{{"source", srcRare}}, srcRare),
		q("neighbours", [][2]string{{"entity", hub}, {"depth", "2"}}, hub, "--depth", "2"),
		q("neighbours", [][2]string{{"entity", rare}, {"depth", "2"}}, rare, "--depth", "2"),
		q("evidence", [][2]string{{"a", hub}, {"b", hub2}}, hub, hub2),
		q("evidence", [][2]string{{"a", hub}, {"b", rare}}, hub, rare),
		q("path", [][2]string{{"a", rare}, {"b", rare2}}, rare, rare2),
		q("path", [][2]string{{"a", hub}, {"b", rare}}, hub, rare),
		q("entities", nil),
		q("entities", [][2]string{{"type", "Person"}}, "--type", "Person"),
	}
	cases[0].hub, cases[0].hubLabel = hub, top[0].LabelEN
	return cases, nil
}

// serve starts kg serve on the store and returns its URL and a stop.
func serve(bin, db string) (string, func(), error) {
	cmd := command("", nil, bin, "--db", db, "serve", "--addr", "127.0.0.1:0", "--timeout", queryTimeout)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return "", nil, fmt.Errorf("kg serve printed no URL: %v", err)
	}
	go io.Copy(io.Discard, out)
	stop := func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
		}
	}
	return strings.TrimSpace(line), stop, nil
}

var client = &http.Client{Timeout: 11 * time.Minute}

func getOK(u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", resp.Status, tail(string(b), 3))
	}
	return nil
}

func pct(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(p/100*float64(len(s)-1) + 0.5)
	return s[i]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func dirMB(dir string) float64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / (1 << 20)
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// headTail is the first h and the last t lines of s, "..." between.
func headTail(s string, h, t int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) <= h+t {
		return strings.Join(lines, "\n")
	}
	return strings.Join(append(append(lines[:h:h], "..."), lines[len(lines)-t:]...), "\n")
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// summaryLine is kg load's summary (the warnings counted follow it).
func summaryLine(logs string) string {
	lines := strings.Split(logs, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "kg: load: ") && strings.Contains(lines[i], " loaded, ") {
			return strings.TrimPrefix(lines[i], "kg: load:")
		}
	}
	return ""
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func numCPU() int {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return 0
	}
	return strings.Count(string(b), "processor\t:")
}
