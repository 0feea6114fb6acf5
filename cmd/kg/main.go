// Command kg builds a knowledge graph from news articles and answers
// questions about it. Run `kg --help` for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"github.com/cayleygraph/cayley/clog"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
)

// version is set at build time with -ldflags "-X main.version=..."; without
// it kg reports the module version or VCS revision it was built from.
var version = ""

func main() {
	// Cayley logs its own chatter ("Running in nosync mode") to stderr;
	// kg reports what matters itself.
	clog.SetLogger(nil)
	stop := startProfile()
	app := newApp()
	// Messages name files and quote articles: escape the control
	// characters in them. Standard output too, when a terminal shows it
	// (redirected, it stays byte for byte what kg wrote: an export).
	app.ErrWriter = newTermSafe(os.Stderr)
	if isTerminal(os.Stdout) {
		app.Writer = newTermSafe(os.Stdout)
	}
	err := app.Run(normalizeArgs(app, os.Args))
	stop()
	if err != nil {
		if msg := err.Error(); msg != "" { // "": the command said why itself
			fmt.Fprintln(app.ErrWriter, "kg:", msg)
		}
		var ec cli.ExitCoder
		if errors.As(err, &ec) {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

func newApp() *cli.App {
	app := &cli.App{
		Name:    "kg",
		Usage:   "turn news articles into a knowledge graph you can question and draw",
		Version: buildVersion(),
		UsageText: `kg [--db DIR] [-q] [--server URL] COMMAND [options] [arguments]
(the options before COMMAND may also follow it)

Examples:
   kg load article.txt                     extract facts from a Hindi or English article
   kg load --date 2025-08-13 plain.txt     a text with no date header
   kg load dump.nq                         load N-Quads as they are
   kg stats                                what the store holds
   kg query timeline Kim --server http://127.0.0.1:7070   ask a running kg serve
   kg rm article.txt                       retract the facts of one article
   kg export --format nquads -o all.nq     dump the whole store
   KG_DB=/data/kg.db kg stats              use another store
   kg --db postgres://kg@db1/kg load archive/   a store in PostgreSQL, shared by a team

Reads (stats, query, export, repl) work while another kg holds the store:
one that serves (kg serve) is asked, through the address in the store's
lock; otherwise the store is read read-only beside its holder.`,
		Description: `kg keeps its graph in an embedded Cayley store (default ./kg.db, created on
first use), or in a PostgreSQL database that several kg processes share. Every fact records the article it came from, its date resolved
against the article's date, its place, who reported it and the sentence it
was read in.`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "db",
				Usage:   "the store: a directory, or a PostgreSQL database as postgres://USER:PASS@HOST:PORT/DB?sslmode=... or \"host=... dbname=...\" (created on first use)",
				Value:   "./kg.db",
				EnvVars: []string{"KG_DB"},
			},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			&cli.StringFlag{Name: "server", EnvVars: []string{"KG_SERVER"}, Usage: "send the work to the kg serve at `URL` instead of opening the store (by default, to the server that holds the store, if one does)"},
			&cli.StringFlag{Name: "token", EnvVars: []string{"KG_TOKEN"}, Usage: "bearer `TOKEN` for the server's writes (kg load, kg rm)"},
		},
		Commands: []*cli.Command{
			loadCommand(),
			rmCommand(),
			statsCommand(),
			exportCommand(),
			queryCommand(),
			queryWorkerCommand(),
			replCommand(),
			serveCommand(),
			nerCommand(),
			initCommand(),
			reindexCommand(),
		},
		Suggest:         true,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {}, // main prints errors once
		OnUsageError:    usageError,
	}
	for _, c := range app.Commands {
		c.OnUsageError = usageError
	}
	return app
}

// startProfile writes a CPU profile to $KG_CPUPROFILE, for measuring kg
// as users run it (go tool pprof kg FILE); it returns the function that
// ends it.
func startProfile() func() {
	path := os.Getenv("KG_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kg: KG_CPUPROFILE:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "kg: KG_CPUPROFILE:", err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		if bi.Main.Version == "" || bi.Main.Version == "(devel)" {
			return "devel (built without version control information)"
		}
		return bi.Main.Version
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel-" + rev
}

// openStore opens the store named by --db for a command.
func openStore(c *cli.Context, command string) (*graph.Store, error) {
	return graph.Open(c.String("db"), &graph.Options{Owner: graph.Owner{Command: command}})
}

// logf prints progress to stderr unless --quiet.
func logf(c *cli.Context, format string, args ...any) {
	if c.Bool("quiet") {
		return
	}
	fmt.Fprintf(c.App.ErrWriter, format+"\n", args...)
}

func stdout(c *cli.Context) io.Writer { return c.App.Writer }
