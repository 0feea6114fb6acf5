package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/chzyer/readline"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/options"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/queries/output"
	"github.com/kgnews/kg/queries/runner"
)

const (
	defaultTimeout = 30 * time.Second
	defaultLimit   = 1000
)

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a canned query or raw Gizmo against the store",
		ArgsUsage: "NAME [ARGS...] | --gizmo SCRIPT | --file FILE | --list",
		Description: `Canned queries (kg query --list shows them with their parameters):
   relationships ENTITY, timeline [ENTITY] [--from DATE] [--to DATE],
   path A B [--max-hops N], neighbours ENTITY [--depth N], evidence A B,
   claims SOURCE, entities [--type T] [--match TEXT] [--discovered] (the last:
   names recognised in the text that the lexicon lacks, for review).
Entities may be named by any label or alias, Hindi or English, in any case.
Options may follow the arguments.

Examples:
   kg query timeline
   kg query relationships पुतिन --format json
   kg query path "Donald Trump" "Kim Jong-un"
   kg query claims KCNA --format csv
   kg query --gizmo 'g.V(E("Kim")).Out().All()'
   kg query --file q.js --timeout 5s`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, json or csv"},
			&cli.StringFlag{Name: "gizmo", Aliases: []string{"e"}, Usage: "run this Gizmo `SCRIPT`"},
			&cli.StringFlag{Name: "file", Usage: "run the Gizmo script in `FILE` (- for standard input)"},
			&cli.BoolFlag{Name: "list", Usage: "list the canned queries and their parameters"},
			&cli.DurationFlag{Name: "timeout", Value: defaultTimeout, Usage: "stop a query after this long"},
			&cli.IntFlag{Name: "limit", Value: defaultLimit, Usage: "print at most `N` rows (a canned query's page: 100 unless given)"},
			&cli.IntFlag{Name: "offset", Usage: "a canned query's page starts after `N` rows"},
		},
		Action: runQuery,
	}
}

// queryWorkerCommand is the hidden worker that kg query, kg repl and kg
// serve start to run Gizmo in a process of its own.
func queryWorkerCommand() *cli.Command {
	return &cli.Command{
		Name:   runner.WorkerCommand,
		Hidden: true,
		Action: func(c *cli.Context) error {
			os.Exit(runner.ServeStdio())
			return nil
		},
	}
}

// settings are the output and limits of a query session.
type settings struct {
	format  string
	timeout time.Duration
	limit   int
	// limitSet says limit was asked for: a canned query's page is
	// queries.DefaultPage rows otherwise (raw Gizmo gets limit)
	limitSet bool
	offset   int
}

// page is the page of a canned query the settings ask for.
func (s settings) page() queries.Page {
	p := queries.Page{Offset: s.offset, Limit: queries.DefaultPage}
	if s.limitSet {
		p.Limit = s.limit
	}
	return p
}

func (s *settings) set(name, val string) error {
	var err error
	switch name {
	case "format", "f":
		s.format, err = options.Format(val)
	case "timeout":
		s.timeout, err = options.Timeout(val)
	case "limit":
		s.limit, err = options.Limit(val)
		s.limitSet = err == nil
	case "offset":
		s.offset, err = options.Offset(val)
	default:
		return fmt.Errorf("unknown option --%s", name)
	}
	return optionError(err)
}

// session is a store leased for querying, with its worker pool: kg query
// and kg repl use one. Holding the lease keeps writers out while it lasts.
type session struct {
	dir   string
	lease *graph.Lease
	pool  *runner.Pool
	ents  []graph.Entity
	// remote, when set, is the kg serve the session's queries go to (it
	// holds the store); lease and pool are then nil.
	remote *remote
	settings
	replState
}

func openSession(c *cli.Context, command string) (*session, error) {
	defaults := settings{format: "table", timeout: defaultTimeout, limit: defaultLimit}
	r, err := serverFor(c)
	if err != nil {
		return nil, err
	}
	if r != nil {
		_, _, err := r.do(c.Context, http.MethodGet, "healthz", nil, nil, "")
		if err == nil || !r.held || !unreachable(err) {
			if err != nil {
				return nil, err
			}
			return &session{dir: r.base.String(), remote: r, settings: defaults}, nil
		}
		// The lock names a server that is gone: read the store here.
	}
	dir := c.String("db")
	// OpenReader fails with a clear message where there is no store, where
	// Acquire would create an empty one.
	probe, err := graph.OpenReader(dir, 2*time.Second)
	if err != nil {
		return nil, err
	}
	probe.Close()
	// The lease keeps writers out while the session lasts. Held by another
	// kg that serves nobody (kg repl, kg query), the store is read without
	// it: that one keeps writers out, and the workers open it read-only.
	lease, err := graph.Acquire(dir, &graph.Options{Owner: graph.Owner{Command: command}, LockTimeout: 200 * time.Millisecond})
	var le *graph.LockedError
	if errors.As(err, &le) {
		lease, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	// With the lease no one else writes while the session lasts, so its
	// worker may keep the store open from one query to the next. One
	// query at a time and none beside it to yield the CPU to: the worker
	// keeps its priority.
	pool, err := runner.New(runner.Options{Dir: dir, Workers: 1, HoldStore: lease != nil, KeepPriority: true})
	if err != nil {
		if lease != nil {
			lease.Release()
		}
		return nil, err
	}
	return &session{dir: dir, lease: lease, pool: pool, settings: defaults}, nil
}

func (s *session) Close() {
	if s.pool != nil {
		s.pool.Close()
	}
	if s.lease != nil {
		s.lease.Release()
	}
}

// entities lists the store's entities once: while the session holds the
// lease nobody else can change them.
func (s *session) entities() ([]graph.Entity, error) { return s.named("") }

// named lists the entities a name may mean, for resolving it: from the
// store's name index, which reads only that name's entries, or every
// entity when the index knows none (so that the error can suggest names)
// or the store is a server's. The full list is read once per session.
func (s *session) named(name string) ([]graph.Entity, error) {
	if name != "" && s.remote == nil {
		st, err := graph.OpenReader(s.dir, 5*time.Second)
		if err != nil {
			return nil, err
		}
		cands, err := st.Candidates(context.Background(), name)
		st.Close()
		if err != nil || len(cands) > 0 {
			return cands, err
		}
	}
	if s.ents != nil {
		return s.ents, nil
	}
	if s.remote != nil {
		ents, err := s.remote.entities(context.Background(), "")
		if err == nil {
			s.ents = ents
		}
		return ents, err
	}
	st, err := graph.OpenReader(s.dir, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	ents, err := st.Entities(context.Background())
	if err != nil {
		return nil, err
	}
	if ents == nil {
		ents = []graph.Entity{}
	}
	s.ents = ents
	return ents, nil
}

// answer is a query's result with the columns to print it in.
type answer struct {
	res     *runner.Result
	columns []string
}

// canned runs a canned query with command-line style arguments; options
// among them (--format, --limit, --timeout) apply to this query only.
func (s *session) canned(ctx context.Context, name string, argv []string) (*answer, settings, error) {
	set := s.settings
	c, ok := queries.Get(name)
	if !ok {
		return nil, set, fmt.Errorf("no canned query %q (kg query --list shows them)", name)
	}
	args, rest, err := c.ParseArgs(argv)
	if err != nil {
		return nil, set, err
	}
	for i := 0; i < len(rest); i++ {
		name, val, ok := strings.Cut(strings.TrimLeft(rest[i], "-"), "=")
		if !ok {
			if i+1 >= len(rest) {
				return nil, set, fmt.Errorf("%s needs a value (usage: %s)", rest[i], c.Usage())
			}
			i++
			val = rest[i]
		}
		if err := set.set(name, val); err != nil {
			return nil, set, fmt.Errorf("%s: %w (usage: %s)", c.Name, err, c.Usage())
		}
	}
	if s.remote != nil {
		a, err := s.remote.canned(ctx, c, args, set)
		return a, set, err
	}
	page := set.page()
	b, err := c.BindCall(ctx, args, s.named, page)
	if err != nil {
		return nil, set, err
	}
	res, err := s.pool.Run(ctx, runner.Query{Shared: b.Shared, Script: b.Call, Timeout: set.timeout, Limit: page.Limit})
	if err != nil {
		return nil, set, err
	}
	return &answer{res: res, columns: c.Columns}, set, nil
}

// gizmo runs a user's script; the value of its last expression is a row.
func (s *session) gizmo(ctx context.Context, script string) (*answer, error) {
	if s.remote != nil {
		return s.remote.gizmo(ctx, script, s.settings)
	}
	prelude, err := queries.RawPrelude(ctx, script, s.named)
	if err != nil {
		return nil, err
	}
	res, err := s.pool.Run(ctx, runner.Query{Script: queries.ExpandCompact(script), Prelude: prelude, Timeout: s.timeout, Limit: s.limit, Value: true, Keep: s.keep})
	if err != nil {
		return nil, err
	}
	return &answer{res: res}, nil
}

// print writes an answer, and to notes what the rows do not say: that
// there were more, or that the script built a path but did not run it.
func print(out, notes io.Writer, a *answer, set settings, tty bool) error {
	width := 0
	if tty {
		width = readline.GetScreenWidth()
	}
	if a.res.Note != "" {
		fmt.Fprintln(notes, a.res.Note)
	}
	if len(a.res.Rows) == 0 && set.format == "table" {
		if a.res.Note == "" {
			fmt.Fprintln(notes, "(no results)")
		}
		return nil
	}
	if err := output.Write(out, a.res.Rows, output.Options{Format: set.format, Columns: a.columns, Width: width}); err != nil {
		return err
	}
	if a.res.Truncated {
		if a.columns != nil {
			p := set.page()
			fmt.Fprintf(notes, "(rows %d-%d shown; --offset %d for the next %d)\n", p.Offset+1, p.Offset+len(a.res.Rows), p.Offset+len(a.res.Rows), p.Limit)
		} else {
			fmt.Fprintf(notes, "(first %d rows shown; raise the limit for more)\n", len(a.res.Rows))
		}
	}
	return nil
}

func runQuery(c *cli.Context) error {
	if c.Bool("list") {
		for _, q := range queries.List() {
			fmt.Fprintln(stdout(c), q.Help())
		}
		return nil
	}
	script := c.String("gizmo")
	if f := c.String("file"); f != "" {
		if script != "" {
			return cli.Exit("query: give --gizmo or --file, not both", 2)
		}
		var b []byte
		var err error
		if f == "-" {
			b, err = io.ReadAll(os.Stdin)
		} else {
			b, err = os.ReadFile(f)
		}
		if err != nil {
			return cli.Exit(fmt.Sprintf("query: %v", err), 2)
		}
		script = string(b)
	}
	if script == "" && c.NArg() == 0 {
		return cli.Exit("query: name a canned query (kg query --list), or give --gizmo SCRIPT or --file FILE", 2)
	}
	if script != "" && c.NArg() > 0 {
		return cli.Exit("query: give a canned query or --gizmo/--file, not both", 2)
	}
	// Check the options before touching the store.
	set, err := flagSettings(c)
	if err != nil {
		return cli.Exit("query: "+err.Error(), 2)
	}
	s, err := openSession(c, "kg query")
	if err != nil {
		return err
	}
	defer s.Close()
	s.settings = set
	var a *answer
	if script != "" {
		a, err = s.gizmo(c.Context, script)
	} else {
		a, set, err = s.canned(c.Context, c.Args().First(), c.Args().Tail())
	}
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	return print(stdout(c), c.App.ErrWriter, a, set, isTerminal(os.Stdout))
}

// flagSettings reads --format, --limit and --timeout.
func flagSettings(c *cli.Context) (settings, error) {
	var set settings
	if err := set.set("format", c.String("format")); err != nil {
		return set, err
	}
	set.limit = defaultLimit
	if c.IsSet("limit") {
		if err := set.set("limit", strconv.Itoa(c.Int("limit"))); err != nil {
			return set, err
		}
	}
	if c.IsSet("offset") {
		if err := set.set("offset", strconv.Itoa(c.Int("offset"))); err != nil {
			return set, err
		}
	}
	return set, set.set("timeout", c.Duration("timeout").String())
}

func isTerminal(f *os.File) bool { return readline.IsTerminal(int(f.Fd())) }
