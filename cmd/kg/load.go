package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
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
		ArgsUsage: "FILE... (- for standard input)",
		Description: `Each FILE is loaded in one transaction that replaces whatever the store held
for that article: reloading a file changes nothing, an edited file replaces
its old facts, and a file that fails leaves the store as it was.

A text article may start with a header line "date YYYY-MM-DD section", then a
title, an optional summary and timestamp line, and paragraphs whose first
opens with a dateline ("सियोल:"). Without a header, give the publication
date with --date so that "बुधवार", "पिछले साल" and the like resolve.
Files ending .nq or .nquads load as N-Quads, unchanged.

Examples:
   kg load article.txt
   kg load --date 2025-08-13 notes.txt
   cat article.txt | kg load --id my-article -
   kg load *.txt
   kg load --server http://127.0.0.1:7070 article.txt   through a running kg serve`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles without a date header"},
			&cli.StringFlag{Name: "id", Usage: "article id to use instead of one derived from date and title (one FILE only)"},
			&cli.StringFlag{Name: "format", Usage: "input format (article|nquads) instead of guessing from the extension"},
		},
		Action: runLoad,
	}
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("load: no FILE given (try `kg load article.txt`, or - for standard input)", 2)
	}
	if c.String("id") != "" && c.NArg() > 1 {
		return cli.Exit("load: --id names one article; give one FILE", 2)
	}
	var pub time.Time
	if d := c.String("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return cli.Exit(fmt.Sprintf("load: --date %q is not YYYY-MM-DD", d), 2)
		}
		pub = t
	}
	if srv := c.String("server"); srv != "" {
		return loadRemote(c, srv, pub)
	}
	// Read and parse every file before opening the store, so that bad input
	// is reported without waiting for, or touching, the store.
	type job struct {
		name string
		res  *loaders.Result
	}
	var jobs []job
	failed := 0
	for _, name := range c.Args().Slice() {
		in, err := readInput(name, c.String("format"))
		if err == nil {
			in.Published, in.ID = pub, c.String("id")
			var res *loaders.Result
			res, err = parseInput(in)
			if err == nil {
				jobs = append(jobs, job{name, res})
				continue
			}
		}
		fmt.Fprintf(c.App.ErrWriter, "kg: load %s: %v\n", name, err)
		failed++
	}
	if len(jobs) > 0 {
		st, err := openStore(c, "kg load")
		if err != nil {
			return err
		}
		defer st.Close()
		for _, j := range jobs {
			for _, w := range j.res.Warnings {
				fmt.Fprintf(c.App.ErrWriter, "kg: load %s: warning: %s\n", j.name, w)
			}
			for _, a := range j.res.Articles {
				start := time.Now()
				ch, err := st.Load(c.Context, a)
				if err != nil {
					fmt.Fprintf(c.App.ErrWriter, "kg: load %s: %v\n", j.name, err)
					failed++
					continue
				}
				logf(c, "%s", describeLoad(j.name, a, j.res, ch, time.Since(start)))
			}
		}
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("load: %d of %d file(s) failed; the store holds none of their facts", failed, c.NArg()), 1)
	}
	return nil
}

// describeLoad says what a load did. Quads are counted as the store counts
// them, so that the figures agree with kg stats and kg rm: the article's
// quads, its bookkeeping and the entity-graph quads it brought.
func describeLoad(name string, a *graph.Article, res *loaders.Result, ch graph.Change, d time.Duration) string {
	facts := ""
	if res.Facts > 0 {
		facts = fmt.Sprintf("%d facts, ", res.Facts)
	}
	switch {
	case ch.Unchanged():
		return fmt.Sprintf("%s: unchanged (%salready in the store) as %s", name, facts, a.IRI)
	case len(ch.Replaced) > 0:
		return fmt.Sprintf("%s: replaced %s: %s+%d -%d quads in %v", name, a.IRI, facts, ch.Added, ch.Removed, d.Round(time.Millisecond))
	}
	return fmt.Sprintf("%s: loaded %s: %s%d quads in %v", name, a.IRI, facts, ch.Added, d.Round(time.Millisecond))
}

// readInput reads one FILE argument and checks that it can be an article:
// it exists, is a regular file, is not too big and is UTF-8 text.
func readInput(name, format string) (loaders.Input, error) {
	in := loaders.Input{Name: name, Format: format}
	limit := int64(maxArticleBytes)
	if f, ok := loaders.FormatFor(loaders.Input{Name: name, Format: format}); ok && f.Name == "nquads" {
		limit = maxNQuadsBytes
	}
	var r io.Reader
	if name == "-" {
		r = os.Stdin
	} else {
		st, err := os.Stat(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return in, errors.New("no such file")
			}
			return in, err
		}
		if st.IsDir() {
			return in, errors.New("is a directory (give the article files, e.g. dir/*.txt)")
		}
		if st.Size() > limit {
			return in, fmt.Errorf("file is %s, over the %s limit for one input", size(st.Size()), size(limit))
		}
		f, err := os.Open(name)
		if err != nil {
			return in, err
		}
		defer f.Close()
		r = f
		if abs, err := filepath.Abs(name); err == nil {
			in.Path = abs
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return in, err
	}
	if int64(len(data)) > limit {
		return in, fmt.Errorf("input is over the %s limit for one input", size(limit))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return in, errors.New("file is empty")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return in, errors.New("binary data (NUL bytes), not a text article")
	}
	if !utf8.Valid(data) {
		off := firstInvalidUTF8(data)
		return in, fmt.Errorf("not UTF-8 text (invalid byte 0x%02x at offset %d); convert it with iconv first", data[off], off)
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

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
