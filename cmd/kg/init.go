package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
)

func initCommand() *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "create an empty store, and give PostgreSQL roles their rights in it",
		ArgsUsage: " ",
		Description: `Creates the store --db names without loading anything: a directory, or
kg's tables and indexes in a PostgreSQL database (which must exist). Any
kg command that writes creates the store on first use too; kg init is for
a database whose owner is not the role kg load and kg serve connect as:
the owner runs it once and grants the others what they need.

An existing store is left as it is (the grants are given again).

Examples:
   kg --db postgres://kg_owner@db1/kg init --grant-writer kg_load --grant-reader kg_read
   kg --db /data/kg.db init`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "grant-writer", Usage: "PostgreSQL `ROLE` that may load and remove articles (repeatable)"},
			&cli.StringSliceFlag{Name: "grant-reader", Usage: "PostgreSQL `ROLE` that may read the store (repeatable)"},
		},
		Action: runInit,
	}
}

func runInit(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("init: unexpected arguments %q", c.Args().Slice()), 2)
	}
	loc := c.String("db")
	writers, readers := c.StringSlice("grant-writer"), c.StringSlice("grant-reader")
	if len(writers)+len(readers) > 0 && !graph.IsDatabase(loc) {
		return cli.Exit("init: --grant-writer and --grant-reader are for a PostgreSQL --db", 2)
	}
	lease, err := graph.Acquire(loc, &graph.Options{Owner: graph.Owner{Command: "kg init"}})
	if err != nil {
		return err
	}
	lease.Release()
	for _, r := range writers {
		if err := graph.Grant(loc, r, true); err != nil {
			return err
		}
		logf(c, "kg init: %s may load and remove articles", r)
	}
	for _, r := range readers {
		if err := graph.Grant(loc, r, false); err != nil {
			return err
		}
		logf(c, "kg init: %s may read", r)
	}
	logf(c, "kg init: store %s is ready", graph.Redact(loc))
	return nil
}
