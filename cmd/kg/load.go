package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
	fileinput "github.com/kgnews/kg/loaders/input"
)

// maxArticleBytes bounds one text article: a news article is kilobytes, so
// a text file of many megabytes is a mistake (a dump, a binary) and is
// refused whole. N-Quads files, which may hold a whole exported store, get
// maxNQuadsBytes.
const (
	maxArticleBytes = 8 << 20
	maxNQuadsBytes  = 1 << 30
)

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "extract facts from articles (or load N-Quads) into the store",
		ArgsUsage: "DIR|GLOB|FILE... (- for standard input)",
		Description: `Loads article files: a directory is walked for .txt and .nq files, a quoted
glob ("archive/2024-*.txt") is expanded, - reads standard input. Articles are
extracted in parallel (one worker per core) and written in batches, each
article whole: after a failure, or a crash, every article is either fully in
the store or not at all. A file already loaded with the same text is skipped
before extraction ("unchanged"); an edited file replaces its old facts; a file
that fails does not stop the others (unless --fail-fast) and leaves no trace.

On a terminal a progress bar shows articles done, articles/s and the time
left; otherwise a progress line is printed every few seconds. Loading more
than 20 files prints a summary instead of a line per file (-v for both).

A text article may start with a header line "date YYYY-MM-DD section", then a
title, an optional summary and timestamp line, and paragraphs whose first
opens with a dateline ("सियोल:"). Without a header, give the publication
date with --date so that "बुधवार", "पिछले साल" and the like resolve.
Files ending .nq or .nquads load as N-Quads, unchanged.

An article's id is its date and a slug of its title; another text whose id
would be the same gets a short hash of its text appended. An id given with
--id replaces a different text stored under it only with --replace.

Examples:
   kg load article.txt
   kg load archive/                       every .txt and .nq under archive/
   kg load "archive/2024-*.txt" --fail-fast
   kg load --date 2025-08-13 notes.txt
   cat article.txt | kg load --id my-article -
   kg load --server http://127.0.0.1:7070 article.txt   through a running kg serve`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles without a date header"},
			&cli.StringFlag{Name: "id", Usage: "article id to use instead of one derived from date and title (one FILE only)"},
			&cli.BoolFlag{Name: "replace", Usage: "with --id: replace a different article stored under that id"},
			&cli.StringFlag{Name: "format", Usage: "input format (article|nquads) instead of guessing from the extension"},
			&cli.BoolFlag{Name: "fail-fast", Usage: "stop at the first file that fails (what was written stays)"},
			&cli.BoolFlag{Name: "force", Usage: "extract files again even when their text is unchanged (after upgrading kg)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "a line per file even for many files"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "extraction workers (default: one per core)"},
		},
		Action: runLoad,
	}
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("load: no FILE given (try `kg load article.txt`, a directory, or - for standard input)", 2)
	}
	var pub time.Time
	if d := c.String("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return cli.Exit(fmt.Sprintf("load: --date %q is not YYYY-MM-DD", d), 2)
		}
		pub = t
	}
	inputs := expandInputs(c.Args().Slice())
	if c.String("id") != "" && len(inputs) > 1 {
		return cli.Exit("load: --id names one article; give one FILE", 2)
	}
	if c.Bool("replace") && c.String("id") == "" {
		return cli.Exit("load: --replace goes with --id (a derived id never replaces another text)", 2)
	}
	if srv := c.String("server"); srv != "" {
		return loadRemote(c, srv, pub, inputs)
	}
	l := &loader{c: c, pub: pub, inputs: inputs, opts: loadOptions{
		id: c.String("id"), replace: c.Bool("replace"), format: c.String("format"),
		failFast: c.Bool("fail-fast"), force: c.Bool("force"),
		perFile: c.Bool("verbose") || len(inputs) <= perFileMax,
		workers: c.Int("jobs"),
	}}
	return l.run()
}

// perFileMax is the number of inputs up to which kg load prints a line per
// file; beyond it, a progress bar (or progress lines) and a summary.
const perFileMax = 20

// Batches: a write commits when it holds this many articles or quads, or
// this long after its first article, so that memory stays bounded and
// progress is durable every few seconds.
// Measured on 1,000 generated articles: batches of 256 articles kept 1.3 GB
// resident (bolt holds every page a transaction dirties, and Cayley's value
// buckets spread a batch over tens of thousands of pages); 96 keep under
// 520 MB at the same speed.
const (
	batchArticles = 96
	batchQuads    = 45_000
	batchWait     = 3 * time.Second
)

// input is one file to load, found from an argument.
type input struct {
	name string
	err  error // the argument names nothing loadable
}

// articleExts are the files a directory walk loads.
var articleExts = map[string]bool{".txt": true, ".nq": true, ".nquads": true}

// expandInputs turns the arguments into files: a directory is walked
// (hidden entries skipped, files sorted), a glob expanded, "-" kept.
func expandInputs(args []string) []input {
	var out []input
	seen := map[string]bool{}
	addFile := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, input{name: name})
		}
	}
	var walk func(arg string)
	walk = func(dir string) {
		n := 0
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{name: p, err: err})
				return nil
			}
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && articleExts[strings.ToLower(filepath.Ext(p))] {
				addFile(p)
				n++
			}
			return nil
		})
		if err == nil && n == 0 {
			err = errors.New("directory holds no .txt or .nq files")
		}
		if err != nil {
			out = append(out, input{name: dir, err: err})
		}
	}
	for _, a := range args {
		if a == "-" {
			addFile(a)
			continue
		}
		if st, err := os.Stat(a); err == nil {
			if st.IsDir() {
				walk(a)
			} else {
				addFile(a)
			}
			continue
		}
		if strings.ContainsAny(a, "*?[") {
			matches, err := filepath.Glob(a)
			if err != nil || len(matches) == 0 {
				out = append(out, input{name: a, err: errors.New("no file matches this pattern")})
				continue
			}
			for _, m := range matches {
				if st, err := os.Stat(m); err == nil && st.IsDir() {
					walk(m)
				} else {
					addFile(m)
				}
			}
			continue
		}
		addFile(a) // readInput says what is wrong with it
	}
	return out
}

// readInput reads one FILE argument and checks that it can be an article:
// it exists, is a regular file, is not too big and is UTF-8 text.
func readInput(name, format string) (loaders.Input, error) {
	in := loaders.Input{Name: name, Format: format}
	limit := int64(maxArticleBytes)
	if f, ok := loaders.FormatFor(loaders.Input{Name: name, Format: format}); ok && f.Name == "nquads" {
		limit = maxNQuadsBytes
	}
	// Regular files, named pipes (under a deadline) and standard input; the
	// checks that the bytes are UTF-8 text are fileinput.CheckText's.
	var data []byte
	var err error
	if name == "-" {
		data, err = fileinput.ReadStdin(os.Stdin, limit)
	} else {
		data, err = fileinput.Read(name, fileinput.Options{Limit: limit})
		if abs, aerr := filepath.Abs(name); aerr == nil {
			in.Path = abs
		}
	}
	if err != nil {
		return in, err
	}
	if err := fileinput.CheckText(data); err != nil {
		return in, err
	}
	in.Data = data
	return in, nil
}

func parseInput(in loaders.Input) (*loaders.Result, error) {
	f, ok := loaders.FormatFor(in)
	if !ok {
		return nil, fmt.Errorf("unknown --format %q", in.Format)
	}
	return f.Parse(in)
}

// describeLoad says what a load did. Quads are counted as the store counts
// them, so that the figures agree with kg stats and kg rm: the article's
// quads, its bookkeeping and what it changed in the entity graph, the
// claims and the index (for a file written in a batch with others, the
// changes shared with them are not counted).
func describeLoad(name string, a *graph.Article, res *loaders.Result, ch graph.Change, d time.Duration) string {
	facts := ""
	if res.Facts > 0 {
		facts = fmt.Sprintf("%d facts, ", res.Facts)
	}
	as := ch.Article
	if as == "" {
		as = a.IRI
	}
	note := ""
	if ch.Renamed {
		note = " (its derived id names another text already, so its id ends with a hash of its text)"
	}
	switch {
	case ch.Unchanged():
		return fmt.Sprintf("%s: unchanged (%salready in the store) as %s", name, facts, as)
	case len(ch.Replaced) > 0:
		return fmt.Sprintf("%s: replaced %s%s: %s+%d -%d quads in %v", name, as, note, facts, ch.Added, ch.Removed, d.Round(time.Millisecond))
	}
	return fmt.Sprintf("%s: loaded %s%s: %s%d quads in %v", name, as, note, facts, ch.Added, d.Round(time.Millisecond))
}
