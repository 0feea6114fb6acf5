package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/schema"
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
			if c.String("server") != "" {
				return rmRemote(c)
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

// rmRemote is kg rm --server: each article is removed by the server, named
// by its id or IRI; a path names the article the file holds (read here,
// as kg load would read it).
func rmRemote(c *cli.Context) error {
	r, err := serverFor(c)
	if err != nil {
		return err
	}
	failed := 0
	for _, ref := range c.Args().Slice() {
		name := ref
		if in, err := readInput(ref, ""); err == nil {
			if res, err := parseInput(in); err == nil && len(res.Articles) == 1 {
				name = string(res.Articles[0].IRI)
			}
		}
		// By id: an IRI's slashes would not survive the URL's path.
		if strings.HasPrefix(name, schema.ArticleNS) {
			name = schema.LocalName(quad.IRI(name))
		}
		b, _, err := r.do(c.Context, http.MethodDelete, "api/articles/"+name, nil, nil, "")
		if err == nil {
			var out struct {
				Removed string `json:"removed"`
				Quads   int    `json:"quads"`
			}
			if err = json.Unmarshal(b, &out); err == nil {
				logf(c, "%s: removed <%s> (%d quads) (server %s)", ref, out.Removed, out.Quads, r.base)
				continue
			}
		}
		fmt.Fprintf(c.App.ErrWriter, "kg: rm %s: %v\n", ref, err)
		failed++
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("rm: %d article(s) not removed", failed), 1)
	}
	return nil
}
