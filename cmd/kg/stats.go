package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

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
			st, err := openStore(c, "kg stats")
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(c.Context)
			if err != nil {
				return err
			}
			var arts any
			if c.Bool("articles") {
				a, err := st.Articles(c.Context)
				if err != nil {
					return err
				}
				arts = a
				if c.Bool("json") {
					return json.NewEncoder(stdout(c)).Encode(map[string]any{"stats": s, "articles": a})
				}
				w := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
				fmt.Fprintln(w, "PUBLISHED\tARTICLE\tHEADLINE\tSOURCE")
				for _, x := range a {
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", x.Published, x.IRI, x.Headline, x.Source)
				}
				w.Flush()
				fmt.Fprintln(stdout(c))
			}
			if c.Bool("json") {
				_ = arts
				return json.NewEncoder(stdout(c)).Encode(s)
			}
			w := tabwriter.NewWriter(stdout(c), 0, 4, 2, ' ', 0)
			fmt.Fprintf(w, "store\t%s (%s)\n", st.Dir(), st.Backend())
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
		},
	}
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
