package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
	"github.com/kgnews/kg/schema"
)

// The heap of a load: extraction allocates briskly and a batch is large,
// so the collector runs less often than Go's default, within a budget.
// The budget is what a batch needs on a big store: a write transaction
// holds a node for every bolt page it touches, and on a store of 10,000
// articles a batch's random keys touch some 700 MB of them. A budget of
// 300 MB there kept the collector running all the time (2.3× the CPU for
// the same 300 articles, 20.4 s against 8.7 s); 1 GiB costs nothing more
// than no budget at all. GOGC and GOMEMLIMIT in the environment win.
const (
	gcPercent = 200
	memLimit  = 1 << 30 // 1 GiB
)

type loadOptions struct {
	id, format                        string
	replace, failFast, force, perFile bool
	workers                           int
}

// loader runs one kg load: workers read, check and extract the files in
// parallel, and this goroutine writes what they make in batches of whole
// articles, in the order of the inputs. Memory stays bounded whatever the
// number of files: a file is given to a worker only when fewer than
// `window` files before it are still waiting for the writer (a batch
// being written and at most a window more, extracted or in extraction).
type loader struct {
	c      *cli.Context
	pub    time.Time
	inputs []input
	opts   loadOptions

	open   sync.Once
	st     *graph.Store
	stErr  error
	prog   *progress
	tally  tally
	failed bool
}

// prepared is a file after its worker: extracted, skipped as unchanged, or
// failed.
type prepared struct {
	index     int // of the input, the writer's order
	name      string
	res       *loaders.Result
	unchanged quad.IRI // the stored article it is the same text as
	err       error
	fatal     bool // the store cannot be opened: nothing can be loaded
}

// tally counts what a load did, for the summary.
type tally struct {
	loaded, replaced, unchanged, failed int
	facts, quads                        int
	warnings                            map[string]int
	failures                            map[string]int
}

func (l *loader) store() (*graph.Store, error) {
	l.open.Do(func() { l.st, l.stErr = openStore(l.c, "kg load") })
	return l.st, l.stErr
}

func (l *loader) run() error {
	// Extraction allocates briskly and the writer's batches are large:
	// collect less often, but keep the heap within a budget.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memLimit)
	}
	start := time.Now()
	ctx, cancel := context.WithCancel(l.c.Context)
	defer cancel()
	defer func() {
		if l.st != nil {
			l.st.Close()
		}
	}()
	l.tally = tally{warnings: map[string]int{}, failures: map[string]int{}}
	if l.extracts() {
		warmExtraction()
	}
	l.prog = newProgress(l.c, len(l.inputs), !l.opts.perFile)
	workers := l.opts.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// The writer takes the results in the order of the inputs, not in
	// the order the workers finish: which of two texts with one derived
	// id keeps the plain id and which gets the hashed one is decided by
	// the order of the writes (the first written keeps it), so writing in
	// arrival order made the ids, and the store, depend on the machine's
	// load and the number of workers. A reorder buffer is the simpler of
	// the two cures: an order-free clash rule (say, the smaller content
	// hash keeps the plain id) would have to rename an article already
	// written by this load when a smaller hash comes later, while one
	// stored by an earlier load keeps its id — two rules, and a rename of
	// written articles, against a buffer here.
	// The window bounds the buffer: a file is handed out only when a
	// token is free, and a token comes back when the writer takes that
	// file's result, so at most `window` results wait, whatever the
	// order the workers finish in; the workers cannot run further ahead
	// of the writer than that. A whole batch of room (and one per
	// worker) lets them extract the next batch while the writer commits
	// this one (with room for one result per worker they stood idle
	// through every commit, and on two cores the load took the sum of
	// extraction and writing rather than the larger).
	window := batchArticles + workers
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	results := make(chan prepared, window) // never full: at most window are out
	go func() {
		defer close(jobs)
		for i := range l.inputs {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				p := l.prepare(ctx, i)
				p.index = i
				send := func() {
					select {
					case results <- p:
					case <-ctx.Done():
					}
				}
				if testHookSend != nil {
					testHookSend(i, send)
				} else {
					send()
				}
				if ctx.Err() != nil {
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var batch []prepared
	quads := 0
	var deadline <-chan time.Time
	flush := func() {
		if len(batch) > 0 {
			l.write(ctx, batch)
		}
		batch, quads, deadline = nil, 0, nil
	}
	var fatal error
	stopping := false
	// waiting holds the results that came before those of earlier files
	// (at most window of them); next is the file the writer takes next.
	waiting := map[int]prepared{}
	next := 0
	take := func(p prepared) {
		switch {
		case stopping:
			// draining: a stopped load writes nothing more
		case p.fatal:
			fatal, stopping = p.err, true
			cancel()
		case p.err != nil:
			l.fail(p.name, p.err)
			if l.opts.failFast {
				stopping = true
				cancel()
			}
		case p.unchanged != "":
			l.tally.unchanged++
			if l.opts.perFile {
				l.prog.println(fmt.Sprintf("%s: unchanged (same text as %s, not extracted again)", p.name, p.unchanged))
			}
			l.prog.add(1)
		default:
			batch = append(batch, p)
			for _, a := range p.res.Articles {
				quads += len(a.Quads)
			}
			if deadline == nil {
				deadline = time.After(batchWait)
			}
			if len(batch) >= batchArticles || quads >= batchQuads {
				flush()
			}
		}
	}
	for results != nil {
		select {
		case p, ok := <-results:
			if !ok {
				results = nil
				continue
			}
			waiting[p.index] = p
			for {
				q, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				<-tokens
				take(q)
			}
		case <-deadline:
			flush()
		}
	}
	// A cancelled load (interrupted, or stopped) may leave gaps: the files
	// after a gap are taken as they would have been, in input order.
	rest := make([]int, 0, len(waiting))
	for i := range waiting {
		rest = append(rest, i)
	}
	sort.Ints(rest)
	for _, i := range rest {
		take(waiting[i])
	}
	if fatal != nil {
		l.prog.finish()
		return fatal
	}
	if !stopping || l.opts.failFast {
		flush() // fail-fast keeps what was extracted before the failure
	}
	l.prog.finish()
	l.summary(time.Since(start))
	if err := l.c.Context.Err(); err != nil {
		return cli.Exit("load: interrupted; every article written so far is whole", 130)
	}
	switch {
	case l.tally.failed == 0:
		return nil
	case len(l.inputs) == 1:
		return cli.Exit("", 1) // its own line said why: one line for one file
	}
	return cli.Exit(fmt.Sprintf("load: %d of %d file(s) failed; the store holds none of their facts", l.tally.failed, len(l.inputs)), 1)
}

// testHookSend, set by a test only, is called by a worker with the index
// of the file it prepared and the function that hands the result to the
// writer, so that a test can make the workers finish in an order of its
// choosing (without sleeping).
var testHookSend func(i int, send func())

// extracts reports whether some input may be an article text (not N-Quads),
// which extraction reads.
func (l *loader) extracts() bool {
	for _, in := range l.inputs {
		if in.err != nil {
			continue
		}
		f, ok := loaders.FormatFor(loaders.Input{Name: in.name, Format: l.opts.format})
		if !ok || f.Name != "nquads" {
			return true
		}
	}
	return false
}

// warmExtraction starts reading, each in a goroutine of its own, the data
// extraction builds once per process: the NER model (read in place
// since session 5, a few ms), the entity lexicon (every name folded), the frames
// and the word lists. Extraction would read them one after the other
// before its first article; read side by side, on both cores, while the
// store opens and the first file is read and checked, they cost the first
// article about half the time. In a one-article load that is most of
// extraction: a profile of ten single loads into the 10,000-article store
// had 233 ms of CPU in these one-time reads per load and 10 ms in the
// extraction of the article itself. Extraction calls the same functions
// (each runs once, sync.Once), so an error surfaces there, for the file
// being extracted, as it would without the warm-up.
func warmExtraction() {
	for _, f := range loaders.DataReads() {
		go func() { _ = f() }()
	}
}

// prepare reads, checks and extracts one file, or finds it unchanged.
func (l *loader) prepare(ctx context.Context, i int) (p prepared) {
	in := l.inputs[i]
	p.name = in.name
	if in.err != nil {
		p.err = in.err
		return p
	}
	defer func() {
		if r := recover(); r != nil {
			p.res, p.err = nil, fmt.Errorf("extraction failed (a bug in kg; please report it with the file): %v", r)
		}
	}()
	data, err := readInput(in.name, l.opts.format)
	if err != nil {
		p.err = err
		return p
	}
	data.Published, data.ID = l.pub, l.opts.id
	if !l.opts.force {
		if hash, ok := loaders.ContentHash(data); ok {
			st, err := l.store()
			if err != nil {
				p.err, p.fatal = err, true
				return p
			}
			same, err := st.ArticlesWithHash(ctx, hash)
			if err != nil {
				p.err = err
				return p
			}
			for _, a := range same {
				if a.Source == data.Path && (data.ID == "" || a.IRI == schema.ArticleIRI(data.ID)) &&
					(data.Published.IsZero() || a.Published == data.Published.Format("2006-01-02")) {
					p.unchanged = a.IRI
					return p
				}
			}
		}
	}
	res, err := parseInput(data)
	if err != nil {
		p.err = err
		return p
	}
	for _, a := range res.Articles {
		a.ExplicitID, a.Replace = l.opts.id != "", l.opts.replace
		if err := a.Prepare(); err != nil {
			p.err = err
			return p
		}
	}
	p.res = res
	return p
}

// write commits one batch and reports each file of it.
func (l *loader) write(ctx context.Context, batch []prepared) {
	st, err := l.store()
	// A file of one article goes in the batch with the others; the
	// articles of one file of several (the graphs of an N-Quads file)
	// stand or fall together, in a transaction of their own.
	var arts []*graph.Article
	for _, p := range batch {
		if len(p.res.Articles) == 1 {
			arts = append(arts, p.res.Articles[0])
		}
	}
	start := time.Now()
	var single []graph.Result
	if err == nil && len(arts) > 0 {
		single, err = st.LoadBatch(ctx, arts)
	}
	results := make([][]graph.Result, len(batch)) // by file, by article
	for pi, p := range batch {
		rs := make([]graph.Result, len(p.res.Articles))
		switch {
		case len(rs) == 1 && single != nil:
			rs[0], single = single[0], single[1:]
		case err != nil:
			for i := range rs {
				rs[i].Err = err
			}
		case len(rs) > 1:
			chs, gerr := st.LoadAll(ctx, p.res.Articles)
			for i := range rs {
				if rs[i].Err = gerr; gerr == nil {
					rs[i].Change = chs[i]
				}
			}
		}
		results[pi] = rs
	}

	took := time.Since(start)
	for pi, p := range batch {
		var ferr error
		lines := []string{}
		facts, quads := 0, 0
		var kind string
		for j, a := range p.res.Articles {
			r := results[pi][j]
			if r.Err != nil {
				ferr = r.Err
				continue
			}
			ch := r.Change
			switch {
			case ch.Unchanged():
				kind = "unchanged"
			case len(ch.Replaced) > 0:
				kind = "replaced"
			default:
				kind = "loaded"
			}
			facts, quads = facts+p.res.Facts, quads+len(a.Quads)
			lines = append(lines, describeLoad(p.name, a, p.res, ch, took))
		}
		if ferr != nil {
			l.fail(p.name, ferr)
			continue
		}
		for _, w := range p.res.Warnings {
			if l.opts.perFile {
				l.prog.println(fmt.Sprintf("kg: load %s: warning: %s", p.name, w))
			} else {
				l.tally.warnings[w]++
			}
		}
		if l.opts.perFile && !l.c.Bool("quiet") {
			for _, line := range lines {
				l.prog.println(line)
			}
		}
		switch kind {
		case "unchanged":
			l.tally.unchanged++
		case "replaced":
			l.tally.replaced++
		default:
			l.tally.loaded++
		}
		l.tally.facts += facts
		l.tally.quads += quads
		l.prog.add(1)
	}
}

// fail reports a file that could not be loaded.
func (l *loader) fail(name string, err error) {
	l.tally.failed++
	msg := err.Error()
	reason, _, _ := strings.Cut(msg, " (")
	l.tally.failures[reason]++
	l.prog.println(fmt.Sprintf("kg: load %s: %v", name, err))
	l.prog.add(1)
}

func (l *loader) summary(took time.Duration) {
	if len(l.inputs) <= 1 || l.c.Bool("quiet") && l.tally.failed == 0 {
		return
	}
	t := l.tally
	rate := float64(len(l.inputs)) / took.Seconds()
	w := l.c.App.ErrWriter
	fmt.Fprintf(w, "kg: load: %s loaded, %s replaced, %s unchanged, %s failed; %s facts, %s quads in %v (%.0f files/s)\n",
		thousands(t.loaded), thousands(t.replaced), thousands(t.unchanged), thousands(t.failed),
		thousands(t.facts), thousands(t.quads), took.Round(100*time.Millisecond), rate)
	for _, kv := range byCount(t.warnings) {
		fmt.Fprintf(w, "kg: load: warning ×%s: %s\n", thousands(kv.n), kv.s)
	}
	if t.failed > 0 {
		var parts []string
		for _, kv := range byCount(t.failures) {
			parts = append(parts, fmt.Sprintf("×%s %s", thousands(kv.n), kv.s))
		}
		fmt.Fprintf(w, "kg: load: failed: %s (each named above)\n", strings.Join(parts, "; "))
	}
}

type countedString struct {
	s string
	n int
}

func byCount(m map[string]int) []countedString {
	out := make([]countedString, 0, len(m))
	for s, n := range m {
		out = append(out, countedString{s, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].s < out[j].s
	})
	return out
}

// thousands writes n with thin groups of three: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
