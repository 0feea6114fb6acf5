package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count articles, entities by type, events (by class, CAMEO root and PLOVER type) and quads",
		Description: `Examples:
   kg stats
   kg stats --articles
   kg stats --json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "articles", Usage: "also list the loaded articles"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return cli.Exit(fmt.Sprintf("stats: unexpected arguments %q (kg stats takes options only)\n%s", c.Args().Slice(), usageLine(c)), 2)
			}
			r, err := serverFor(c)
			if err != nil {
				return err
			}
			if r != nil {
				err = remoteStats(c, r)
				if err == nil || !r.held || !unreachable(err) {
					return err
				}
			}
			st, err := readStore(c, "kg stats")
			if err != nil {
				return err
			}
			defer st.Close()
			if keeps, err := st.KeepsCounts(c.Context); err == nil && !keeps && st.Backend() != "postgres" {
				logf(c, "kg stats: this store keeps no counts (an older kg wrote it): counting every quad, minutes for a big store; `kg --db %s reindex` once makes kg stats immediate", graph.Redact(st.Dir()))
			}
			s, err := st.Stats(c.Context)
			if err != nil {
				return err
			}
			var arts []graph.ArticleInfo
			if c.Bool("articles") {
				if arts, err = st.Articles(c.Context); err != nil {
					return err
				}
			}
			return printStats(c, fmt.Sprintf("%s (%s)", graph.Redact(st.Dir()), st.Backend()), s, arts)
		},
	}
}

// remoteStats asks a kg serve for its statistics (and article list).
func remoteStats(c *cli.Context, r *remote) error {
	var s graph.Stats
	if err := r.getJSON(c.Context, "api/stats", nil, &s); err != nil {
		return err
	}
	var arts []graph.ArticleInfo
	if c.Bool("articles") {
		var a struct {
			Articles []graph.ArticleInfo `json:"articles"`
		}
		if err := r.getJSON(c.Context, "api/articles", nil, &a); err != nil {
			return err
		}
		arts = a.Articles
	}
	return printStats(c, "served by "+r.base.String(), s, arts)
}

// printStats prints what kg stats says, as a table or as JSON.
func printStats(c *cli.Context, store string, s graph.Stats, arts []graph.ArticleInfo) error {
	if c.Bool("articles") {
		if c.Bool("json") {
			return json.NewEncoder(stdout(c)).Encode(map[string]any{"stats": s, "articles": arts})
		}
		w := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "PUBLISHED\tARTICLE\tHEADLINE\tSOURCE")
		for _, x := range arts {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", x.Published, x.IRI, x.Headline, x.Source)
		}
		w.Flush()
		fmt.Fprintln(stdout(c))
	}
	if c.Bool("json") {
		return json.NewEncoder(stdout(c)).Encode(s)
	}
	w := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "store\t%s\n", store)
	fmt.Fprintf(w, "articles\t%d\n", s.Articles)
	fmt.Fprintf(w, "entities\t%d\n", s.Entities)
	for _, k := range sortedKeys(s.ByType) {
		fmt.Fprintf(w, "  %s\t%d\n", k, s.ByType[k])
	}
	fmt.Fprintf(w, "events\t%d\n", s.Events)
	for _, k := range sortedKeys(s.EventsBy) {
		fmt.Fprintf(w, "  %s\t%d\n", k, s.EventsBy[k])
	}
	if s.Generic > 0 {
		fmt.Fprintf(w, "  generic (kg:Event only)\t%d\n", s.Generic)
	}
	if s.Events > 0 {
		fmt.Fprintf(w, "events by CAMEO root\t\n")
		roots := schema.CAMEORoots()
		coded := 0
		for _, k := range roots.Sorted() {
			if n := s.EventsByCAMEO[k]; n > 0 {
				fmt.Fprintf(w, "  %s %s\t%d\n", k, roots[k], n)
				coded += n
			}
		}
		fmt.Fprintf(w, "  (not coded: sports, disasters, courts …)\t%d\n", s.Events-coded)
		fmt.Fprintf(w, "events by PLOVER type\t\n")
		coded = 0
		for _, k := range sortedKeys(s.EventsByPLOVER) {
			fmt.Fprintf(w, "  %s\t%d\n", k, s.EventsByPLOVER[k])
			coded += s.EventsByPLOVER[k]
		}
		fmt.Fprintf(w, "  (not coded)\t%d\n", s.Events-coded)
	}
	fmt.Fprintf(w, "positions\t%d\n", s.Positions)
	fmt.Fprintf(w, "quads\t%d\n", s.Quads)
	return w.Flush()
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if m[ks[i]] != m[ks[j]] {
			return m[ks[i]] > m[ks[j]]
		}
		return ks[i] < ks[j]
	})
	return ks
}
