package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func rmCommand() *cli.Command {
	return &cli.Command{
		Name:      "rm",
		Usage:     "retract the facts of one or more articles",
		ArgsUsage: "ARTICLE... (the file path it was loaded from, its id or its IRI)",
		Description: `Removes every quad the article contributed, in one transaction. Entities that
other articles still mention keep their type and labels.

Examples:
   kg rm article.txt
   kg rm 2025-08-13-north-korea-russia-support-alaska-shikhar-sammelan-se-pahle
   kg rm https://kg.example.org/article/2025-08-13-north-korea-russia-support-alaska-shikhar-sammelan-se-pahle`,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return cli.Exit("rm: no ARTICLE given (`kg stats --articles` lists them)", 2)
			}
			st, err := openStore(c, "kg rm")
			if err != nil {
				return err
			}
			defer st.Close()
			failed := 0
			for _, ref := range c.Args().Slice() {
				iri, err := st.FindArticle(c.Context, ref)
				if err == nil {
					ch, rerr := st.Retract(c.Context, iri)
					if rerr == nil {
						logf(c, "%s: removed %s (%d quads)", ref, iri, ch.Removed)
						continue
					}
					err = rerr
				}
				fmt.Fprintf(c.App.ErrWriter, "kg: rm %s: %v\n", ref, err)
				failed++
			}
			if failed > 0 {
				return cli.Exit(fmt.Sprintf("rm: %d article(s) not removed", failed), 1)
			}
			return nil
		},
	}
}
