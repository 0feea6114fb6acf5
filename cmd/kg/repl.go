package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/chzyer/readline"
	"github.com/dop251/goja"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/queries"
)

func replCommand() *cli.Command {
	return &cli.Command{
		Name:  "repl",
		Usage: "interactive Gizmo query shell",
		Description: `Type Gizmo (Cayley's JavaScript query language). The value of the last
expression is shown: g.V(E("Kim")).Out().Count(). E("any alias") names an
entity; KG holds kg's vocabulary (iri(KG.agent), iri(KG.PhoneCall)), and
the names kg prints work too ("<kg:PhoneCall>"). Variables and functions
stay from one statement to the next (var x = 3, then x + 1); :reset forgets
them, :save FILE writes the statements that ran. A statement left
unfinished (g.V(, a trailing dot) continues on the next line, and a line
starting with "." continues the statement before it. Canned queries run as
:NAME ARGS, e.g. :timeline Kim, :path "Donald Trump" Kim. :help lists the
commands.

Tab completes Gizmo steps, commands and entity names; Ctrl-R searches the
history. Ctrl-C stops a running query (or clears the line), Ctrl-D leaves.
History is kept in ~/.kg_history (or $KG_HISTORY, or --history). With piped
input the statements run in turn and kg exits, non-zero if one failed.

Examples:
   kg repl
   echo ':timeline Kim' | kg repl
   kg repl < session.js                   statements saved with :save`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, json or csv"},
			&cli.DurationFlag{Name: "timeout", Value: defaultTimeout, Usage: "stop a query after this long"},
			&cli.IntFlag{Name: "limit", Value: defaultLimit, Usage: "print at most `N` rows"},
			&cli.StringFlag{Name: "history", Usage: "history `FILE` (default $KG_HISTORY, else ~/.kg_history)"},
		},
		Action: runRepl,
	}
}

func runRepl(c *cli.Context) error {
	set, err := flagSettings(c)
	if err != nil {
		return cli.Exit("repl: "+err.Error(), 2)
	}
	s, err := openSession(c, "kg repl")
	if err != nil {
		return err
	}
	defer s.Close()
	s.settings = set
	// Through a server each statement runs on its own there: the kept
	// session lives in a worker of this process.
	s.keep = s.remote == nil
	if !s.keep {
		logf(c, "kg: statements run one at a time on the server at %s: variables do not carry over from one to the next", s.dir)
	}
	if !isTerminal(os.Stdin) {
		if failed := s.script(os.Stdin, stdout(c), c.App.ErrWriter); failed > 0 {
			return cli.Exit(fmt.Sprintf("repl: %d statement(s) failed", failed), 1)
		}
		return nil
	}
	return s.interactive(historyPath(c))
}

func historyPath(c *cli.Context) string {
	if h := c.String("history"); h != "" {
		return h
	}
	if h := os.Getenv("KG_HISTORY"); h != "" {
		return h
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".kg_history")
}

// script runs the statements read from r (piped input) and returns how
// many failed.
func (s *session) script(r io.Reader, out, errw io.Writer) int {
	failed := 0
	quit := false
	var buf []string
	run := func() {
		stmt := strings.Join(buf, "\n")
		buf = nil
		if quit {
			return
		}
		var err error
		quit, err = s.exec(context.Background(), stmt, out, errw, false)
		if err != nil {
			fmt.Fprintln(errw, "error:", err)
			failed++
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	pending := false // buf holds a complete statement the next line may continue
	for sc.Scan() {
		line := sc.Text()
		if pending {
			// A script may break a chain before its dots:
			//   g.V(E("Kim"))
			//     .Out().All()
			if strings.HasPrefix(strings.TrimSpace(line), ".") {
				buf = append(buf, line)
				continue
			}
			run()
			pending = false
		}
		if len(buf) == 0 && strings.TrimSpace(line) == "" {
			continue
		}
		buf = append(buf, line)
		if complete(strings.Join(buf, "\n")) {
			if strings.HasPrefix(strings.TrimSpace(buf[0]), ":") {
				run()
			} else {
				pending = true
			}
		}
	}
	if len(buf) > 0 {
		run()
	}
	return failed
}

// complete says whether a statement can run: a command, or JavaScript
// that is not cut short. As in Cayley's REPL, a statement the parser finds
// unfinished at its end (g.V(, x +, a trailing dot, an open block, string
// or comment) continues on the next line; one with any other syntax error
// runs, and the error is shown.
func complete(stmt string) bool {
	t := strings.TrimSpace(stmt)
	if strings.HasPrefix(t, ":") {
		return true
	}
	_, err := goja.Compile("", t, false)
	return err == nil || !strings.Contains(firstError(err.Error()), "Unexpected end of input")
}

// firstError is the first of goja's "(and N more errors)".
func firstError(msg string) string {
	if i := strings.Index(msg, " (and "); i >= 0 {
		return msg[:i]
	}
	return msg
}

// interactive is the terminal REPL.
func (s *session) interactive(history string) error {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 "kg> ",
		HistoryFile:            history,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		AutoComplete:           &completer{s: s},
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
	})
	if err != nil {
		return err
	}
	defer rl.Close()
	out, errw := newTermSafe(rl.Stdout()), newTermSafe(rl.Stderr())
	fmt.Fprintf(out, "kg repl on %s: Gizmo statements, :help for commands, Ctrl-D to leave\n", s.dir)
	var buf []string
	last := "" // the statement that ran last, which a line starting with "." continues
	// Ctrl-C while a query runs: the terminal is out of raw mode, so it is
	// a SIGINT. It cancels the query (its worker, in a process group of its
	// own, never saw the signal: the REPL's worker is asked to stop the
	// statement and keeps its state) and not kg. kg takes SIGINT for the
	// whole session, not only while a query runs: between Enter and the
	// query's start the terminal is already out of raw mode, and a Ctrl-C
	// there killed kg instead of cancelling the statement.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	for {
		// a Ctrl-C after the last statement ended is not for the next one
		select {
		case <-sig:
		default:
		}
		if len(buf) == 0 {
			rl.SetPrompt("kg> ")
		} else {
			rl.SetPrompt("... ")
		}
		line, err := rl.Readline()
		if err == readline.ErrInterrupt {
			buf = nil
			continue
		}
		if err != nil { // io.EOF: Ctrl-D
			return nil
		}
		if len(buf) == 0 && strings.TrimSpace(line) == "" {
			continue
		}
		// On a terminal the statement before has run by the time the next
		// line shows it was not over: a line starting with "." continues it,
		// and the whole statement runs again (g.V(E("Kim")) then .Out().All()).
		if len(buf) == 0 && last != "" && strings.HasPrefix(strings.TrimSpace(line), ".") {
			buf = []string{last}
			s.dropLast(last)
		}
		buf = append(buf, line)
		stmt := strings.Join(buf, "\n")
		if !complete(stmt) {
			continue
		}
		buf = nil
		_ = rl.SaveHistory(strings.Join(strings.Fields(stmt), " "))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			select {
			case <-sig:
				cancel()
			case <-done:
			}
		}()
		quit, err := s.exec(ctx, stmt, out, errw, true)
		close(done)
		cancel()
		last = ""
		if err != nil {
			fmt.Fprintln(errw, "error:", err)
		} else if !strings.HasPrefix(strings.TrimSpace(stmt), ":") {
			last = stmt
		}
		if quit {
			return nil
		}
	}
}

const replHelp = `Gizmo statements run when their brackets balance; the last expression's
value is shown. E("Kim") is an entity by any alias; KG holds kg's IRIs
(iri(KG.agent)); the canned queries' helpers (edges, labels, eventRows) are
defined too.

  :help                 this text
  :list                 the canned queries and their parameters
  :NAME ARGS            run a canned query, e.g. :timeline Kim --from 2024,
                        :path "Donald Trump" Kim, :relationships पुतिन
  :format table|json|csv
  :limit N              rows to show at most
  :timeout D            e.g. 10s, 2m
  :reset                forget the variables and functions defined so far
  :save FILE            write the statements that ran (since :reset) to FILE
  :quit                 leave (or Ctrl-D)

Variables and functions stay from one statement to the next (var x = 3,
then x + 1). A statement left unfinished (g.V(, a trailing dot, an open
brace) continues on the next line; a line starting with "." continues the
statement before it. Ctrl-R searches the history. Ctrl-C stops a running
query or clears the line.
`

// exec runs one statement. It returns quit for :quit.
func (s *session) exec(ctx context.Context, stmt string, out, errw io.Writer, tty bool) (quit bool, err error) {
	t := strings.TrimSpace(stmt)
	if !strings.HasPrefix(t, ":") {
		a, err := s.gizmo(ctx, t)
		if err != nil {
			return false, s.lost(err)
		}
		s.ran(t, a, errw)
		if len(a.res.Rows) == 0 && a.res.Note == "" && declaration.MatchString(t) {
			return false, nil // var x = 3 shows nothing, not "(no results)"
		}
		return false, print(out, errw, a, s.settings, tty)
	}
	words, err := splitArgs(t[1:])
	if err != nil {
		return false, err
	}
	if len(words) == 0 {
		return false, fmt.Errorf("empty command (:help lists them)")
	}
	cmd, args := words[0], words[1:]
	switch cmd {
	case "quit", "q", "exit":
		return true, nil
	case "help", "h", "?":
		fmt.Fprint(out, replHelp)
		return false, nil
	case "list":
		for _, q := range queries.List() {
			fmt.Fprintln(out, q.Help())
		}
		return false, nil
	case "reset":
		if len(args) > 0 {
			return false, fmt.Errorf(":reset takes no arguments")
		}
		if err := s.reset(ctx); err != nil {
			return false, err
		}
		fmt.Fprintln(out, "variables and functions forgotten")
		return false, nil
	case "save":
		if len(args) != 1 {
			return false, fmt.Errorf(":save takes one FILE")
		}
		n, err := s.save(args[0])
		if err != nil {
			return false, err
		}
		fmt.Fprintf(out, "%d statement(s) saved to %s (kg repl < %s replays them)\n", n, args[0], args[0])
		return false, nil
	case "format", "limit", "timeout":
		if len(args) == 0 {
			fmt.Fprintf(out, "format %s, limit %d, timeout %v\n", s.format, s.limit, s.timeout)
			return false, nil
		}
		if len(args) > 1 {
			return false, fmt.Errorf(":%s takes one value", cmd)
		}
		if err := s.set(cmd, args[0]); err != nil {
			return false, err
		}
		fmt.Fprintf(out, "%s %s\n", cmd, args[0])
		return false, nil
	}
	if _, ok := queries.Get(cmd); !ok {
		return false, fmt.Errorf("unknown command :%s (:help lists them)", cmd)
	}
	a, set, err := s.canned(ctx, cmd, args)
	if err != nil {
		return false, err
	}
	return false, print(out, errw, a, set, tty)
}

// declaration is a statement that only defines: it has no value to show.
var declaration = regexp.MustCompile(`^(var|let|const|function|class)\s`)

// splitArgs splits a command line on spaces, keeping "quoted words" and
// 'quoted words' whole.
func splitArgs(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	var quote rune
	in := false
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '"' || r == '\'':
			quote, in = r, true
		case unicode.IsSpace(r):
			if in {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed %c quote", quote)
	}
	if in {
		out = append(out, cur.String())
	}
	return out, nil
}
