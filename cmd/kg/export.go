package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/options"
	"github.com/kgnews/kg/queries"
)

func exportCommand() *cli.Command {
	var formats []string
	for _, f := range export.Formats() {
		exts := strings.Join(f.Exts, " ")
		if exts == "" {
			exts = "a directory"
		}
		formats = append(formats, fmt.Sprintf("   %-8s %s (%s)", f.Name, f.Doc, exts))
	}
	return &cli.Command{
		Name:      "export",
		Usage:     "write the store, or the part of it you select, for Gephi, Cytoscape, yEd, Graphviz, neo4j or RDF tools",
		ArgsUsage: "[--query NAME ARGS... | --gizmo SCRIPT]",
		Description: `Select with --root (and --depth), a canned query's or a Gizmo script's
results, or nothing (the whole store); narrow with --from/--to and --types.
The format comes from --format, else from the extension of -o, else N-Quads.

Formats:
` + strings.Join(formats, "\n") + `

Examples:
   kg export --root "Kim Jong-un" --depth 2 -o kim.dot && dot -Tpng kim.dot -o kim.png
   kg export --root किम --depth 2 -o kim.gexf              Gephi; its timeline plays event dates
   kg export --root Putin --root Trump --events edges -o leaders.graphml
   kg export --from 2024-06 --to 2024-12 --types Person,Country,Event -o 2024.cyjs
   kg export --lang hi -o story.gexf                      Hindi labels only
   kg export --format csv -o neo4j/                       nodes.csv, edges.csv (neo4j) and events.csv
   kg export --format csv -o events.csv                   the ACLED-like events table
   kg export --format csv --no-generic > events.csv       without generic events
   kg export -o kim.graphml --query neighbours "Kim Jong-un" --depth 2
   kg export -o calls.dot --gizmo 'g.V().Has("<rdf:type>", "<kg:PhoneCall>").All()'
   kg export --format nquads > all.nq                     the whole store, as stored

A node's id is its IRI shortened (ent:Q56226, ev:ARTICLE.3), the same in
every export. Options go before --query's arguments.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + strings.Join(export.FormatNames(), ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (for csv a directory) instead of standard output; written whole or not at all"},
			&cli.StringSliceFlag{Name: "root", Aliases: []string{"r"}, Usage: "start from `ENTITY` (any label or alias, Hindi or English, any case; repeatable)"},
			&cli.IntFlag{Name: "depth", Aliases: []string{"d"}, Usage: "go `N` hops from the roots or query results; an event shared is one hop (default 1 with --root, 0 with --query/--gizmo)"},
			&cli.StringFlag{Name: "query", Usage: "select the entities and events canned query `NAME` returns (its arguments follow)"},
			&cli.StringFlag{Name: "gizmo", Usage: "select the entities and events Gizmo `SCRIPT` returns"},
			&cli.StringFlag{Name: "from", Usage: "keep events on or after `DATE` (2024, 2024-06 or 2024-06-15)"},
			&cli.StringFlag{Name: "to", Usage: "keep events on or before `DATE`"},
			&cli.StringSliceFlag{Name: "types", Aliases: []string{"t"}, Usage: "keep only nodes of these `CLASSES` (Person,Country,Meeting; Event for all events)"},
			&cli.StringFlag{Name: "lang", Value: "both", Usage: "label language: en, hi or both"},
			&cli.StringFlag{Name: "events", Value: "nodes", Usage: "events as `nodes` linked to their participants, or as edges between them"},
			&cli.BoolFlag{Name: "no-generic", Usage: "leave out generic events (kg:generic: clauses no event frame covers)"},
			&cli.DurationFlag{Name: "timeout", Value: defaultTimeout, Usage: "stop --query/--gizmo after this long"},
		},
		Action: runExport,
	}
}

// exportPlan is what the flags ask for, checked before the store is opened.
type exportPlan struct {
	format export.Format
	sel    export.Selection
	opts   pg.Options
	roots  []string
	query  string
	args   []string
	gizmo  string
	depth  bool // --depth given
}

func planExport(c *cli.Context) (*exportPlan, error) {
	p := &exportPlan{query: c.String("query"), gizmo: c.String("gizmo"), depth: c.IsSet("depth")}
	depth := ""
	if c.IsSet("depth") {
		depth = strconv.Itoa(c.Int("depth"))
	}
	plan, err := options.Export{
		Format: c.String("format"), Output: c.String("output"), Roots: c.StringSlice("root"), Depth: depth,
		From: c.String("from"), To: c.String("to"), Types: c.StringSlice("types"), Lang: c.String("lang"), Events: c.String("events"),
	}.Check()
	if err != nil {
		return nil, optionError(err)
	}
	p.format, p.sel, p.opts, p.roots = plan.Format, plan.Selection, plan.Options, plan.Roots
	sources := 0
	for _, given := range []bool{len(p.roots) > 0, p.query != "", p.gizmo != ""} {
		if given {
			sources++
		}
	}
	if sources > 1 {
		return nil, fmt.Errorf("select with one of --root, --query and --gizmo")
	}
	if p.query == "" && c.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q (only --query takes arguments; options go before them)", c.Args().Slice())
	}
	p.args = c.Args().Slice()
	return p, nil
}

// optionError spells an option's name as the command line does.
func optionError(err error) error {
	var oe *options.Error
	if errors.As(err, &oe) {
		return errors.New(oe.Flag())
	}
	return err
}

func runExport(c *cli.Context) error {
	p, err := planExport(c)
	if err != nil {
		return cli.Exit("export: "+err.Error(), 2)
	}
	r, err := serverFor(c)
	if err != nil {
		return err
	}
	if r != nil {
		err = p.remote(c, r)
		if err == nil || !r.held || !unreachable(err) {
			return err
		}
	}
	all, err := p.read(c)
	if err != nil {
		return err
	}
	if c.Bool("no-generic") {
		all = export.WithoutGeneric(all)
	}
	out, err := export.Build(all, p.format, p.sel, p.opts)
	if err != nil {
		return cli.Exit("export: "+err.Error(), 2)
	}
	switch {
	case p.format.Graph != nil:
		err = writeOutput(c, func(w io.Writer) error { return p.format.Graph(w, out.Graph) })
	case p.format.Quads != nil:
		err = writeOutput(c, func(w io.Writer) error { return p.format.Quads(w, out.Quads) })
	default:
		// beside neo4j's nodes and edges, the events table
		var table *export.Output
		evf, _ := export.ByName("events")
		if table, err = export.Build(all, evf, p.sel, p.opts); err != nil {
			return cli.Exit("export: "+err.Error(), 2)
		}
		err = writeDir(c.String("output"), func(open func(string) (io.Writer, error)) error {
			if err := p.format.Files(open, out.Graph); err != nil {
				return err
			}
			w, err := open("events.csv")
			if err != nil {
				return err
			}
			return evf.Quads(w, table.Quads)
		})
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	dest := c.String("output")
	if dest == "" || dest == "-" {
		dest = "standard output"
	}
	logf(c, "exported %s as %s to %s", out.Counts(), p.format.Name, dest)
	return nil
}

// remote has the export made by a kg serve (GET /api/export, with the
// same options) and writes what it sends.
func (p *exportPlan) remote(c *cli.Context, r *remote) error {
	if p.query != "" || p.gizmo != "" {
		return cli.Exit(fmt.Sprintf("export: --query and --gizmo read the store, which the server at %s holds: select with --root there, or stop the server", r.base), 2)
	}
	q := url.Values{"format": {p.format.Name}, "root": p.roots}
	if c.IsSet("depth") {
		q.Set("depth", strconv.Itoa(c.Int("depth")))
	}
	for k, v := range map[string]string{"from": c.String("from"), "to": c.String("to"), "lang": c.String("lang"), "events": c.String("events"), "types": strings.Join(p.sel.Types, ",")} {
		if v != "" {
			q.Set(k, v)
		}
	}
	body, counts, err := r.export(c.Context, q)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if p.format.Files != nil {
		err = writeDir(c.String("output"), func(open func(string) (io.Writer, error)) error { return unzip(body, open) })
	} else {
		err = writeOutput(c, func(w io.Writer) error { _, err := w.Write(body); return err })
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	dest := c.String("output")
	if dest == "" || dest == "-" {
		dest = "standard output"
	}
	logf(c, "exported %s as %s to %s (server %s)", counts, p.format.Name, dest, r.base)
	return nil
}

// read loads the store's quads and turns --root, --query or --gizmo into
// the selection's roots.
func (p *exportPlan) read(c *cli.Context) ([]quad.Quad, error) {
	if p.query != "" || p.gizmo != "" {
		return p.readQuery(c)
	}
	st, err := readStore(c, "kg export")
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if len(p.roots) > 0 {
		ents, err := st.Entities(c.Context)
		if err != nil {
			return nil, err
		}
		for _, name := range p.roots {
			e, err := queries.Resolve(c.Context, ents, name)
			if err != nil {
				return nil, cli.Exit("export: --root: "+err.Error(), 1)
			}
			p.sel.Roots = append(p.sel.Roots, e.IRI)
		}
	}
	return export.AllQuads(c.Context, st)
}

// readQuery runs the query in a worker, as kg query does, and selects the
// entities and events in its results.
func (p *exportPlan) readQuery(c *cli.Context) ([]quad.Quad, error) {
	s, err := openSession(c, "kg export")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	s.timeout = c.Duration("timeout")
	s.limit = 1 << 20 // every result row selects; the export is the output
	var a *answer
	if p.gizmo != "" {
		a, err = s.gizmo(c.Context, p.gizmo)
	} else {
		var set settings
		a, set, err = s.canned(c.Context, p.query, p.args)
		if err == nil && set.format != s.format {
			err = fmt.Errorf("--format after the query's arguments: give export options before --query")
		}
	}
	if err != nil {
		return nil, cli.Exit("export: "+err.Error(), 1)
	}
	p.sel.Roots = nodesIn(a.res.Rows)
	if len(p.sel.Roots) == 0 {
		return nil, cli.Exit("export: the query returned no entity or event to export", 1)
	}
	st, err := graph.OpenReader(s.dir, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return export.AllQuads(c.Context, st)
}

// nodesIn collects the entity and event IRIs anywhere in a query's rows:
// JSON-LD node values ({"@id": IRI}) and plain IRI strings.
func nodesIn(rows []json.RawMessage) []quad.IRI {
	seen := map[quad.IRI]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case string:
			if iri, _, ok := pg.IsNode(quad.IRI(strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">"))); ok {
				seen[iri] = true
			}
		}
	}
	for _, r := range rows {
		var v any
		if json.Unmarshal(r, &v) == nil {
			walk(v)
		}
	}
	out := make([]quad.IRI, 0, len(seen))
	for iri := range seen {
		out = append(out, iri)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// writeOutput runs write against -o FILE (written to a temporary file and
// renamed, so a failed export never leaves half a file) or standard output.
func writeOutput(c *cli.Context, write func(io.Writer) error) error {
	path := c.String("output")
	if path == "" || path == "-" {
		bw := bufio.NewWriter(stdout(c))
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := createTemp(dirOf(path), path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeDir writes the files of a many-file format into dir (created if
// need be). Each goes to a temporary file first, and they are renamed into
// place only once all are written, so a failure leaves the old files.
func writeDir(dir string, write func(open func(string) (io.Writer, error)) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	type pending struct {
		name string
		f    *os.File
		w    *bufio.Writer
	}
	var files []pending
	defer func() {
		for _, p := range files {
			p.f.Close()
			os.Remove(p.f.Name())
		}
	}()
	open := func(name string) (io.Writer, error) {
		f, err := createTemp(dir, filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		files = append(files, pending{name, f, bufio.NewWriter(f)})
		return files[len(files)-1].w, nil
	}
	if err := write(open); err != nil {
		return err
	}
	for _, p := range files {
		if err := p.w.Flush(); err != nil {
			return err
		}
		if err := p.f.Close(); err != nil {
			return err
		}
	}
	for _, p := range files {
		if err := os.Rename(p.f.Name(), filepath.Join(dir, p.name)); err != nil {
			return err
		}
	}
	return nil
}

// createTemp makes the temporary file an export is written to before it is
// renamed to dest. os.CreateTemp makes files 0600 whatever the umask, which
// colleagues and web servers cannot read; an export is a document like any
// other, so it gets 0666 less the umask (0644 by default), or the mode of
// the file it replaces.
func createTemp(dir, dest string) (*os.File, error) {
	var mode os.FileMode = 0o666
	keep := false
	if st, err := os.Stat(dest); err == nil && st.Mode().IsRegular() {
		mode, keep = st.Mode().Perm(), true
	}
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".kg-export-%d-%08x", os.Getpid(), rand.Uint32()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err == nil && keep {
			// The umask applied at creation; the replaced file's mode wins.
			if err = f.Chmod(mode); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[:i+1]
		}
	}
	return "."
}
