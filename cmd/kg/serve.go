package main

import "github.com/urfave/cli/v2"

// serveCommand is built in issue 5 (HTTP query service).
func serveCommand() *cli.Command {
	return &cli.Command{
		Name:   "serve",
		Usage:  "HTTP query service and web page",
		Action: func(c *cli.Context) error { return cli.Exit("serve: not built yet", 2) },
	}
}
