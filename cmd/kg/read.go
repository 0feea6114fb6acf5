package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
)

// readStore opens the store for a command that only reads (kg stats, kg
// export): read-only and without taking the store's lock, so that it works
// while another kg holds the store (kg repl, kg query; kg serve is asked
// instead, see serverFor), and keeps nobody else out. A write another
// process is making is waited for. Where a crash left a write to undo, the
// lease is taken first, which undoes it.
func readStore(c *cli.Context, command string) (*graph.Store, error) {
	dir := c.String("db")
	if graph.JournalPending(dir) {
		lease, err := graph.Acquire(dir, &graph.Options{Owner: graph.Owner{Command: command}})
		if err == nil {
			lease.Release()
		}
	}
	st, err := graph.OpenReader(dir, 10*time.Second)
	if err == nil {
		return st, nil
	}
	var le *graph.LockedError
	if errors.As(err, &le) {
		if o, held := graph.ReadOwner(dir); held {
			return nil, fmt.Errorf("store %s is being written by %s (pid %d) and was not free within 10s; try again when it is done", dir, o.Command, o.PID)
		}
	}
	if strings.Contains(err.Error(), "allows one process at a time") {
		// A backend without shared readers: take the store as a writer would.
		return openStore(c, command)
	}
	return nil, err
}
