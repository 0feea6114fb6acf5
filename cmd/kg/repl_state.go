package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kgnews/kg/queries/runner"
)

// replState is what a REPL session remembers besides the JavaScript state
// its worker keeps: the statements that ran since the last :reset (for
// :save) and the name of the worker's kept session, which changes when a
// crash took the worker and the state with it.
type replState struct {
	keep       bool     // statements run in the worker's kept session
	statements []string // that ran without an error, since :reset
	live       int      // how many of them ran in the worker's current session
	sessionID  string
}

// ran records a statement that ran, and says so when the worker's session
// was not the one the statements before it ran in.
func (s *session) ran(stmt string, a *answer, notes io.Writer) {
	if !s.keep {
		return
	}
	if id := a.res.Session; id != s.sessionID {
		if s.sessionID != "" && s.live > 0 { // a death lost() did not see
			fmt.Fprintf(notes, "(the query engine was restarted: what the %d statement(s) before defined is gone; :save FILE keeps them)\n", s.live)
		}
		s.sessionID, s.live = id, 0
	}
	s.statements = append(s.statements, stmt)
	s.live++
}

// lost adds to a crash's error that the state went with the worker.
func (s *session) lost(err error) error {
	var qe *runner.Error
	if !s.keep || !errors.As(err, &qe) || qe.Kind != runner.Crash || s.live == 0 {
		return err
	}
	n := s.live
	s.sessionID, s.live = "", 0
	return fmt.Errorf("%w\n(the query engine was restarted: what the %d statement(s) before defined is gone; :save FILE keeps them, kg repl < FILE runs them again)", err, n)
}

// dropLast forgets the statement a continuation line is about to run
// again with its continuation.
func (s *session) dropLast(stmt string) {
	if n := len(s.statements); n > 0 && s.statements[n-1] == stmt {
		s.statements = s.statements[:n-1]
	}
}

// reset drops the worker's kept session: every variable and function.
func (s *session) reset(ctx context.Context) error {
	s.statements, s.live = nil, 0
	if !s.keep {
		return nil
	}
	_, err := s.pool.Run(ctx, runner.Query{Keep: true, Reset: true, Timeout: 10 * time.Second})
	return err
}

// save writes the statements that ran since :reset to path, one after
// another, so that `kg repl < FILE` (or kg query --file) runs them again.
// The file is written whole or not at all, with the umask's mode.
func (s *session) save(path string) (int, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "// kg repl session on %s, saved %s\n", s.dir, time.Now().Format(time.RFC3339))
	for _, st := range s.statements {
		b.WriteString(strings.TrimRight(st, " \t\n"))
		b.WriteString("\n")
	}
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, path)
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		return 0, err
	}
	return len(s.statements), os.Rename(tmp.Name(), path)
}
