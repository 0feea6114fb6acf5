package main

import (
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
)

func reindexCommand() *cli.Command {
	return &cli.Command{
		Name:  "reindex",
		Usage: "upgrade a store written by an older kg (format 3 or 4) to this kg's format",
		Description: `Stores of format 3 lack the index that ranks each entity's claims by how many
articles state them (what lets relationships, neighbours, path and evidence
read a hub's busiest claims first instead of all of them), and stores of
format 3 or 4 each entity's own date buckets of events (what lets timeline
and claims read a hub's first events instead of the store's). kg reindex
writes them from the claims and event rows the store holds, then records
format 5; nothing else changes. It only adds quads, so a reindex that is
stopped is run again. Other kg commands refuse an older store and say to
run this. A store that does not keep the counts kg stats shows (one
written before kg kept them, which kg stats counts by reading every quad)
gets them from one such reading, in its totals. On a store of format 5
that keeps them it adds nothing. Last, it takes out of the bolt store's
indexes the quads that earlier writes removed: Cayley's backend leaves
them there, dead, for every read to skip (this kg's writes take them out
as they remove them).

Examples:
   kg reindex                     the store in ./kg.db (or --db DIR, KG_DB)`,
		Action: func(c *cli.Context) error {
			start := time.Now()
			last := time.Time{}
			n, err := graph.Reindex(c.Context, c.String("db"), &graph.Options{Owner: graph.Owner{Command: "kg reindex"}},
				func(what string, done, total int) {
					if time.Since(last) < 2*time.Second && done < total {
						return
					}
					last = time.Now()
					logf(c, "reindex: %d of %d %s (%.0f s)", done, total, what, time.Since(start).Seconds())
				})
			if err != nil {
				return err
			}
			logf(c, "reindex: %d claims ranked and the events of every entity bucketed by date in %.1f s", n, time.Since(start).Seconds())
			return nil
		},
	}
}
