// Package options reads and checks the options of kg's exports and
// queries as the command line and the HTTP API both take them: one rule
// and one message for each, whichever way it arrives. A front end hands
// over the raw text and shows an *Error in its own spelling of the
// option's name (--lang on the command line, lang= in a URL).
package options

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/queries/output"
)

// Error is an option with a value kg cannot use.
type Error struct {
	Option string // its name without dashes: "lang", "depth"
	Value  string
	Want   string // what it takes: "want en, hi or both"
}

// Error names the option as a URL parameter does: lang "fr": want ...
func (e *Error) Error() string { return e.Option + " " + e.rest() }

// Flag names the option as the command line does: --lang "fr": want ...
func (e *Error) Flag() string { return "--" + e.Option + " " + e.rest() }

func (e *Error) rest() string {
	if e.Value == "" {
		return e.Want
	}
	return strconv.Quote(e.Value) + ": " + e.Want
}

func bad(option, value, format string, args ...any) *Error {
	return &Error{Option: option, Value: value, Want: fmt.Sprintf(format, args...)}
}

// Limit reads a row limit: a positive whole number.
func Limit(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n <= 0 {
		return 0, bad("limit", s, "want a positive number of rows")
	}
	return n, nil
}

// Offset reads where a page of rows starts: a whole number, 0 the first row.
func Offset(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, bad("offset", s, "want a whole number of rows to skip (0 for the first page)")
	}
	return n, nil
}

// Timeout reads a query timeout: a positive duration.
func Timeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d <= 0 {
		return 0, bad("timeout", s, "want a duration such as 10s, 500ms or 2m")
	}
	return d, nil
}

// Format reads a query's output format: table, json or csv.
func Format(s string) (string, error) {
	for _, f := range output.Formats {
		if f == s {
			return s, nil
		}
	}
	return "", bad("format", s, "want %s", strings.Join(output.Formats, ", "))
}

// Export is an export as asked for: the raw values of its options.
type Export struct {
	Format string // a format name; "" means from Output's extension, else nquads
	Output string // a file or directory (the command line's -o); "" or "-" is a stream
	Roots  []string
	Depth  string // "" means the default: 1 with roots, else 0
	From   string
	To     string
	Types  []string // class names; each may be a comma-separated list
	Lang   string   // "" means both
	Events string   // "" means nodes
	// Zip says the caller packs a format of several files into one
	// stream (the API's zip); otherwise such a format needs a directory.
	Zip bool
}

// ExportPlan is a checked export.
type ExportPlan struct {
	Format    export.Format
	Selection export.Selection // Roots still to be resolved
	Options   pg.Options
	Roots     []string // the names to resolve into Selection.Roots
}

// Check checks an export's options and works out its format. It reads
// nothing but Output's file status (a directory means csv: neo4j's files
// and the events table; csv to a file or a stream is the events table).
func (e Export) Check() (*ExportPlan, error) {
	p := &ExportPlan{Roots: e.Roots}
	toStream := e.Output == "" || e.Output == "-"
	switch {
	case e.Format != "":
		f, ok := export.ByName(e.Format)
		if !ok {
			return nil, bad("format", e.Format, "want one of %s", strings.Join(export.FormatNames(), ", "))
		}
		p.Format = f
	case !toStream:
		if isDir(e.Output) {
			p.Format, _ = export.ByName("csv")
			break
		}
		f, ok := export.ByExt(e.Output)
		if !ok {
			return nil, bad("format", "", "cannot tell the format of %s from its extension (known: %s; a directory for csv): give it", e.Output, strings.Join(export.Extensions(), " "))
		}
		p.Format = f
	default:
		p.Format, _ = export.ByName("nquads")
	}
	// csv to a stream or to a file (not a directory) is the events table
	if p.Format.Files != nil && !e.Zip && (toStream || !isDir(e.Output)) {
		p.Format, _ = export.ByName("events")
	}
	switch l := pg.Lang(e.Lang); l {
	case "", pg.Both:
		p.Selection.Lang, p.Options.Lang = pg.Both, pg.Both
	case pg.English, pg.Hindi:
		p.Selection.Lang, p.Options.Lang = l, l
	default:
		return nil, bad("lang", e.Lang, "want en, hi or both")
	}
	switch ev := pg.EventsAs(e.Events); ev {
	case "", pg.EventNodes:
		p.Options.Events = pg.EventNodes
	case pg.EventEdges:
		if p.Format.Quads != nil {
			return nil, bad("events", e.Events, "%s keeps kg's own model, where events are nodes; choose graphml, gexf, dot, cyjs or csv", p.Format.Name)
		}
		p.Options.Events = ev
	default:
		return nil, bad("events", e.Events, "want nodes or edges")
	}
	p.Selection.From, p.Selection.To = e.From, e.To
	for _, list := range e.Types {
		for _, t := range strings.Split(list, ",") {
			if t = strings.TrimSpace(t); t != "" {
				p.Selection.Types = append(p.Selection.Types, t)
			}
		}
	}
	if len(e.Roots) > 0 {
		p.Selection.Depth = 1
	}
	if e.Depth != "" {
		n, err := strconv.Atoi(strings.TrimSpace(e.Depth))
		if err != nil || n < 0 {
			return nil, bad("depth", e.Depth, "want 0 or more")
		}
		p.Selection.Depth = n
	}
	return p, nil
}

// isDir reports whether an output names a directory: one that exists, or a
// path ending in "/".
func isDir(out string) bool {
	if strings.HasSuffix(out, "/") {
		return true
	}
	st, err := os.Stat(out)
	return err == nil && st.IsDir()
}
