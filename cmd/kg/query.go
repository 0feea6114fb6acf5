package main

import "github.com/urfave/cli/v2"

// queryCommand is built in issue 3 (canned Gizmo queries).
func queryCommand() *cli.Command {
	return &cli.Command{
		Name:   "query",
		Usage:  "run a canned query or raw Gizmo against the store",
		Action: func(c *cli.Context) error { return cli.Exit("query: not built yet", 2) },
	}
}

// replCommand is built in issue 3 (the interactive query REPL).
func replCommand() *cli.Command {
	return &cli.Command{
		Name:   "repl",
		Usage:  "interactive Gizmo query shell",
		Action: func(c *cli.Context) error { return cli.Exit("repl: not built yet", 2) },
	}
}
