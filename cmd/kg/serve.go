package main

import (
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/runner"
	"github.com/kgnews/kg/server"
	"github.com/kgnews/kg/server/web"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "HTTP query service and web page over the store",
		Description: `Serves the store over HTTP: a JSON API for everything the command line
does, Cayley's own query endpoint (POST /api/v1/query/gizmo), Prometheus
metrics at /metrics and a web page at / to explore the graph and its
timeline. kg serve holds a directory store for as long as it runs: kg load
against the same store fails naming the server; send articles to it
instead with kg load --server URL. A PostgreSQL store (--db postgres://...)
is shared: any number of kg serve and kg load processes write it in turn,
and --read-db sends the queries to streaming replicas.

Writes (POST /api/articles, DELETE /api/articles/ID) need --token (or
KG_TOKEN) as "Authorization: Bearer TOKEN"; without a token they are
refused, unless the server listens on loopback and was started with
--allow-writes-without-token.

Examples:
   kg serve                                   http://127.0.0.1:7070, read-only
   kg serve --allow-writes-without-token      on loopback, anyone on this machine may load
   KG_TOKEN=s3cret kg serve --addr 0.0.0.0:7070 --workers 8
   kg serve --db postgres://kg@db1/kg --read-db postgres://kg@db2/kg,postgres://kg@db3/kg
   curl -s 'localhost:7070/api/queries/timeline?entity=Kim'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:7070", EnvVars: []string{"KG_ADDR"}, Usage: "listen on `HOST:PORT` (port 0 picks a free one)"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultTimeout, Usage: "longest a query may run; requests may ask for less"},
			&cli.IntFlag{Name: "limit", Value: server.DefaultLimit, Usage: "most rows a query returns; requests may ask for fewer"},
			&cli.StringFlag{Name: "token", EnvVars: []string{"KG_TOKEN"}, Usage: "bearer `TOKEN` that write requests must carry"},
			&cli.BoolFlag{Name: "allow-writes-without-token", Usage: "on a loopback address, take writes without a token"},
			&cli.StringFlag{Name: "max-body", Value: "8MiB", Usage: "largest request body (an article or N-Quads to load), e.g. 512KiB, 64MiB"},
			&cli.IntFlag{Name: "workers", Value: defaultWorkers(), Usage: "query worker processes: queries that may run at once"},
			&cli.StringFlag{Name: "query-memory", Value: "25%", Usage: "resident memory the query workers may use together: a size (4GiB) or a share of this machine's memory (25%)"},
			&cli.DurationFlag{Name: "extract-timeout", Value: server.DefaultExtractTimeout, Usage: "longest the extraction of one posted article may take"},
			&cli.StringSliceFlag{Name: "read-db", EnvVars: []string{"KG_READ_DB"}, Usage: "with a PostgreSQL --db: send queries and reads to these read-only replicas (`URL[,URL...]`, or the option repeated); writes go to --db"},
			&cli.DurationFlag{Name: "max-lag", Value: server.DefaultMaxLag, Usage: "a replica further behind the primary than this takes no reads until it catches up"},
		},
		Action: runServe,
	}
}

// defaultWorkers leaves room beyond the cores: a query stuck until its
// timeout then takes one worker of several, not the only one.
func defaultWorkers() int { return max(4, 2*runtime.NumCPU()) }

func runServe(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("serve: unexpected arguments %q", c.Args().Slice()), 2)
	}
	maxBody, err := parseSize(c.String("max-body"))
	if err != nil {
		return cli.Exit("serve: --max-body: "+err.Error(), 2)
	}
	if c.Duration("timeout") <= 0 || c.Int("limit") <= 0 || c.Int("workers") <= 0 || c.Duration("extract-timeout") <= 0 {
		return cli.Exit("serve: --timeout, --limit, --workers and --extract-timeout must be positive", 2)
	}
	cfg := server.Config{
		Timeout: c.Duration("timeout"), Limit: c.Int("limit"), MaxBody: maxBody, ExtractTimeout: c.Duration("extract-timeout"),
		Token: c.String("token"), AllowWritesWithoutToken: c.Bool("allow-writes-without-token"),
		Log: log.New(c.App.ErrWriter, "kg serve: ", log.LstdFlags),
	}
	// Listen before taking the store, so that a taken port or an unsafe
	// address fails without touching the store.
	ln, err := net.Listen("tcp", c.String("addr"))
	if err != nil {
		return cli.Exit(fmt.Sprintf("serve: %v", err), 1)
	}
	defer ln.Close()
	if err := server.CheckAddr(cfg, ln.Addr()); err != nil {
		return cli.Exit("serve: "+err.Error(), 2)
	}
	dir := c.String("db")
	lease, err := graph.Acquire(dir, &graph.Options{Owner: graph.Owner{Command: "kg serve"}})
	if err != nil {
		return err
	}
	defer lease.Release()
	budget, err := parseShare(c.String("query-memory"))
	if err != nil {
		return cli.Exit("serve: --query-memory: "+err.Error(), 2)
	}
	var readDBs []string
	for _, v := range c.StringSlice("read-db") {
		for _, l := range strings.Split(v, ",") {
			if l = strings.TrimSpace(l); l != "" {
				readDBs = append(readDBs, l)
			}
		}
	}
	if len(readDBs) > 0 && !graph.IsDatabase(dir) {
		return cli.Exit("serve: --read-db needs a PostgreSQL --db (postgres://... or host=... dbname=...); "+graph.Redact(dir)+" is a directory", 2)
	}
	if c.Duration("max-lag") <= 0 {
		return cli.Exit("serve: --max-lag must be positive", 2)
	}
	var srv *server.Server
	// The server writes a directory store only through the pool's pause,
	// which has the workers let go of it: they may keep it open between
	// queries.
	popts := runner.Options{Dir: dir, Workers: c.Int("workers"), MemoryBudget: budget, HoldStore: !graph.IsDatabase(dir)}
	if len(readDBs) > 0 {
		// queries are only asked through srv, once it is made
		popts.Route = func() string { return srv.ReadLocation() }
	}
	pool, err := runner.New(popts)
	if err != nil {
		return err
	}
	defer pool.Close()
	cfg.Lease, cfg.Pool = lease, pool
	cfg.ReadDBs, cfg.MaxLag = readDBs, c.Duration("max-lag")
	srv, err = server.New(cfg)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	if err := lease.SetAddr(url); err != nil {
		return err
	}
	writes := "read-only (give --token to take writes)"
	switch {
	case c.String("token") != "":
		writes = "writes need the bearer token"
	case c.Bool("allow-writes-without-token"):
		writes = "writes allowed without a token (loopback only)"
	}
	logf(c, "kg serve: store %s, %d query workers, %s", graph.Redact(dir), c.Int("workers"), writes)
	for _, r := range readDBs {
		logf(c, "kg serve: reads from replica %s", graph.Redact(r))
	}
	if !server.IsLoopback(ln.Addr()) {
		logf(c, "kg serve: warning: %s is reachable from other machines; reads need no token", ln.Addr())
	}
	if !web.Built() {
		logf(c, "kg serve: the web page's script is not built into this binary: run go generate ./server/web and rebuild (the API works)")
	}
	// Signals are caught before the URL is printed: a script that stops the
	// server as soon as it has read the URL gets a clean stop.
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The URL goes to standard output, alone on its line, for scripts.
	fmt.Fprintln(stdout(c), url)
	start := time.Now()
	err = srv.Serve(ctx, ln)
	logf(c, "kg serve: stopped after %v", time.Since(start).Round(time.Second))
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// parseShare reads a memory size (parseSize) or a share of the machine's
// memory ("25%").
func parseShare(s string) (int64, error) {
	if p, ok := strings.CutSuffix(strings.TrimSpace(s), "%"); ok {
		n, err := strconv.ParseFloat(p, 64)
		if err != nil || n <= 0 || n > 100 {
			return 0, fmt.Errorf("%q is not a share between 0%% and 100%%", s)
		}
		total := runner.MachineMemory()
		if total == 0 {
			return 0, fmt.Errorf("this machine's memory is unknown: give a size such as 4GiB")
		}
		return int64(float64(total) * n / 100), nil
	}
	return parseSize(s)
}

// parseSize reads a byte count: 1048576, 512KiB, 8MiB, 1GiB (KB, MB, GB
// are read as the binary units too).
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(strings.ToUpper(s), strings.ToUpper(u.suffix)) {
			s, mult = strings.TrimSpace(s[:len(s)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size such as 8MiB or 1048576", s)
	}
	return n * mult, nil
}
