package queries

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

//go:embed *.js
var files embed.FS

// Param is one parameter of a canned query, from a header line
//
//	// arg: NAME[?] TYPE  help      (positional; ? makes it optional)
//	// flag: NAME TYPE[=DEFAULT]  help
type Param struct {
	Name     string
	Type     string // ENTITY, DATE, INT, TEXT, CLASS or BOOL (a flag without a value)
	Default  string
	Help     string
	Optional bool // for args; flags are always optional
	Flag     bool
}

// Key is the name the script sees the value under: params.max_hops.
func (p Param) Key() string { return strings.ReplaceAll(p.Name, "-", "_") }

// Canned is one canned query.
type Canned struct {
	Name    string
	Summary string
	Params  []Param
	// Columns are the keys of every row, in the order tables show them.
	Columns []string
	// Returns describes the rows.
	Returns string
	File    string
	Source  string

	sharedOnce sync.Once
	sharedText string
}

var paramTypes = map[string]bool{"ENTITY": true, "DATE": true, "INT": true, "TEXT": true, "CLASS": true, "BOOL": true}

var registry = mustLoad()

func mustLoad() map[string]*Canned {
	m, err := load(files)
	if err != nil {
		panic(err)
	}
	return m
}

// load parses the header of every .js file except the shared library.
func load(fsys fs.FS) (map[string]*Canned, error) {
	names, err := fs.Glob(fsys, "*.js")
	if err != nil {
		return nil, err
	}
	out := map[string]*Canned{}
	for _, n := range names {
		if n == libFile {
			continue
		}
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		c, err := parseHeader(n, string(b))
		if err != nil {
			return nil, err
		}
		if out[c.Name] != nil {
			return nil, fmt.Errorf("%s: query %q is defined twice", n, c.Name)
		}
		out[c.Name] = c
	}
	return out, nil
}

// parseHeader reads the leading // comment block of a query file.
func parseHeader(file, src string) (*Canned, error) {
	c := &Canned{File: file, Source: src}
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	var last *string // the field a continuation line extends
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(t, "//") {
			break
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "//"))
		key, val, ok := strings.Cut(t, ":")
		if !ok || strings.Contains(key, " ") {
			if last != nil && t != "" {
				*last += " " + t
			}
			continue
		}
		val = strings.TrimSpace(val)
		last = nil
		switch key {
		case "name":
			c.Name = val
		case "summary":
			c.Summary = val
			last = &c.Summary
		case "returns":
			c.Returns = val
			last = &c.Returns
		case "columns":
			c.Columns = strings.Fields(val)
		case "arg", "flag":
			p, err := parseParam(val, key == "flag")
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, line, err)
			}
			c.Params = append(c.Params, p)
			last = &c.Params[len(c.Params)-1].Help
		default:
			if last != nil {
				*last += " " + t
			}
		}
	}
	switch {
	case c.Name == "":
		return nil, fmt.Errorf("%s: header has no name:", file)
	case c.Name+".js" != file:
		return nil, fmt.Errorf("%s: header names it %q", file, c.Name)
	case len(c.Columns) == 0:
		return nil, fmt.Errorf("%s: header has no columns:", file)
	}
	seenOptional := false
	for _, p := range c.Params {
		if p.Flag {
			continue
		}
		if seenOptional && !p.Optional {
			return nil, fmt.Errorf("%s: required arg %s follows an optional one", file, p.Name)
		}
		seenOptional = seenOptional || p.Optional
	}
	return c, nil
}

func parseParam(s string, flag bool) (Param, error) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return Param{}, fmt.Errorf("parameter %q: want NAME TYPE help", s)
	}
	p := Param{Name: f[0], Type: f[1], Flag: flag, Optional: flag}
	if strings.HasSuffix(p.Name, "?") {
		p.Name, p.Optional = strings.TrimSuffix(p.Name, "?"), true
	}
	if t, d, ok := strings.Cut(p.Type, "="); ok {
		p.Type, p.Default = t, d
	}
	if !paramTypes[p.Type] {
		return Param{}, fmt.Errorf("parameter %s: unknown type %s", p.Name, p.Type)
	}
	p.Help = strings.Join(f[2:], " ")
	return p, nil
}

// List returns the canned queries sorted by name.
func List() []*Canned {
	out := make([]*Canned, 0, len(registry))
	for _, c := range registry {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the canned query with the name.
func Get(name string) (*Canned, bool) {
	c, ok := registry[name]
	return c, ok
}

// Usage is the one-line synopsis: `path A B [--max-hops INT]`.
func (c *Canned) Usage() string {
	parts := []string{c.Name}
	for _, p := range c.Params {
		switch {
		case p.Flag && p.Type == "BOOL":
			parts = append(parts, fmt.Sprintf("[--%s]", p.Name))
		case p.Flag:
			parts = append(parts, fmt.Sprintf("[--%s %s]", p.Name, p.Type))
		case p.Optional:
			parts = append(parts, "["+strings.ToUpper(p.Name)+"]")
		default:
			parts = append(parts, strings.ToUpper(p.Name))
		}
	}
	return strings.Join(parts, " ")
}

// Help is a few lines on the query: synopsis, summary, parameters, columns.
func (c *Canned) Help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n  %s\n", c.Usage(), c.Summary)
	for _, p := range c.Params {
		name := strings.ToUpper(p.Name)
		if p.Flag {
			name = "--" + p.Name
		}
		def := ""
		if p.Default != "" {
			def = " (default " + p.Default + ")"
		}
		fmt.Fprintf(&b, "    %-12s %s %s%s\n", name, p.Type, p.Help, def)
	}
	fmt.Fprintf(&b, "  columns: %s\n", strings.Join(c.Columns, ", "))
	return b.String()
}
