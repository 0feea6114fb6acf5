package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// Args are a canned query's arguments as the user typed them, by parameter
// name.
type Args map[string]string

// ParseArgs reads positional arguments and --flag VALUE / --flag=VALUE
// pairs, in any order. Flags it does not know are returned in rest, for the
// caller's own options (--format, --limit).
func (c *Canned) ParseArgs(argv []string) (args Args, rest []string, err error) {
	args = Args{}
	var pos []string
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		if !strings.HasPrefix(a, "--") || a == "--" {
			if a == "--" {
				pos = append(pos, argv[i+1:]...)
				break
			}
			pos = append(pos, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		p, ok := c.flag(name)
		if !ok {
			rest = append(rest, a)
			if !hasVal && i+1 < len(argv) && !strings.HasPrefix(argv[i+1], "--") {
				i++
				rest = append(rest, argv[i])
			}
			continue
		}
		if !hasVal && p.Type == "BOOL" {
			val = "true" // --discovered alone; --discovered=false also reads
		} else if !hasVal {
			if i+1 >= len(argv) {
				return nil, nil, fmt.Errorf("%s: --%s needs a %s", c.Name, name, p.Type)
			}
			i++
			val = argv[i]
		}
		args[p.Name] = val
	}
	var positional []Param
	for _, p := range c.Params {
		if !p.Flag {
			positional = append(positional, p)
		}
	}
	if len(pos) > len(positional) {
		return nil, nil, fmt.Errorf("%s: too many arguments (usage: %s; quote names with spaces)", c.Name, c.Usage())
	}
	for i, p := range positional {
		if i < len(pos) {
			args[p.Name] = pos[i]
		} else if !p.Optional {
			return nil, nil, fmt.Errorf("%s: missing %s (usage: %s)", c.Name, strings.ToUpper(p.Name), c.Usage())
		}
	}
	return args, rest, nil
}

func (c *Canned) flag(name string) (Param, bool) {
	for _, p := range c.Params {
		if p.Flag && p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// EntitySource lists the entities a name may mean, for resolving it: every
// entity of the store will do, and so will those the name index finds
// (graph.Store.Candidates), with every entity when it finds none (for
// suggestions). It is called only when a query has an entity argument.
type EntitySource func(name string) ([]graph.Entity, error)

// AllEntities is an EntitySource that offers every entity of a list.
func AllEntities(ents []graph.Entity) EntitySource {
	return func(string) ([]graph.Entity, error) { return ents, nil }
}

var dateRE = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// maxArgRunes bounds any one argument of a canned query: names have their
// own, smaller bound (MaxNameRunes); this one keeps a text argument
// (entities --match) from making the script a megabyte long.
const maxArgRunes = 1000

// Page is which rows of its answer a canned query emits: Limit rows from
// Offset in its order (one more when there are more). A Limit of 0 is the
// default page, DefaultPage rows.
type Page struct{ Offset, Limit int }

// DefaultPage is the rows of a canned query's page when none is asked for.
const DefaultPage = 100

// Bind checks the arguments, resolves entity names through ents (under
// ctx: a lookup stops when it ends) and returns the script to run: the
// query as a function (Bound.Shared) and the call of it with this call's
// params (Bound.Call), in one program.
func (c *Canned) Bind(ctx context.Context, args Args, ents EntitySource, page Page) (string, error) {
	b, err := c.BindCall(ctx, args, ents, page)
	if err != nil {
		return "", err
	}
	return b.Script(), nil
}

// Bound is a canned query ready to run, in two parts. Shared defines one
// function of params that holds the KG vocabulary, the shared library and
// the query: it is the same text for every call of the query, so that a
// worker that keeps its JavaScript runtime between queries compiles it
// once (runner.Query.Shared). Call calls it with this call's params (the
// page included). Each call runs in the function's own scope: the
// library's caches and the query's variables are new for every call, and
// strict mode keeps a stray assignment from making a global that the next
// query would see.
type Bound struct{ Shared, Call string }

// Script is the bound query as one program.
func (b Bound) Script() string { return b.Shared + b.Call }

// BindCall is Bind in two parts; see Bound.
func (c *Canned) BindCall(ctx context.Context, args Args, ents EntitySource, page Page) (Bound, error) {
	if page.Limit <= 0 {
		page.Limit = DefaultPage
	}
	params := map[string]any{}
	for _, p := range c.Params {
		raw, ok := args[p.Name]
		if !ok {
			if p.Default == "" {
				params[p.Key()] = nil
				continue
			}
			raw = p.Default
		}
		if n := utf8.RuneCountInString(raw); n > maxArgRunes && p.Type != "ENTITY" {
			return Bound{}, fmt.Errorf("%s: --%s is %d characters long; at most %d", c.Name, p.Name, n, maxArgRunes)
		}
		v, err := bindValue(ctx, p, raw, ents)
		if err != nil {
			return Bound{}, fmt.Errorf("%s: %w", c.Name, err)
		}
		params[p.Key()] = v
		if p.Type == "TEXT" {
			// the name-index nodes of the text and of its words, for
			// queries that look a text up among names
			key := graph.NameKey(raw)
			nodes := []string{string(schema.NameIRI(key))}
			if words := strings.Fields(key); len(words) > 1 {
				for _, w := range words {
					nodes = append(nodes, string(schema.NameIRI(w)))
				}
			}
			params[p.Key()+"_names"] = nodes
		}
	}
	params["offset"], params["limit"] = page.Offset, page.Limit
	pj, err := json.Marshal(params)
	if err != nil {
		return Bound{}, err
	}
	return Bound{Shared: c.shared(), Call: c.funcName() + "(" + string(pj) + ");\n"}, nil
}

// funcName is the global function Shared defines.
func (c *Canned) funcName() string {
	return "__kg_canned_" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, c.Name)
}

// shared is the query as a function of params (see Bound), made once.
func (c *Canned) shared() string {
	c.sharedOnce.Do(func() {
		c.sharedText = "function " + c.funcName() + "(params) {\n\"use strict\";\n" + prelude + lib + "\n" + c.Source + "\n}\n"
	})
	return c.sharedText
}

func bindValue(ctx context.Context, p Param, raw string, ents EntitySource) (any, error) {
	switch p.Type {
	case "ENTITY":
		if err := CheckName(raw); err != nil {
			return nil, err
		}
		l, err := ents(raw)
		if err != nil {
			return nil, err
		}
		e, err := Resolve(ctx, l, raw)
		if err != nil {
			return nil, err
		}
		return string(e.IRI), nil
	case "DATE":
		if !dateRE.MatchString(raw) {
			return nil, fmt.Errorf("--%s %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", p.Name, raw)
		}
		return raw, nil
	case "INT":
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("--%s %q is not a whole number", p.Name, raw)
		}
		return n, nil
	case "BOOL":
		if raw == "" {
			return true, nil // ?discovered= in a URL: the flag is given
		}
		b, err := strconv.ParseBool(raw)
		if err != nil {
			return nil, fmt.Errorf("--%s=%q is not true or false", p.Name, raw)
		}
		return b, nil
	case "CLASS":
		for _, cl := range schema.EntityClasses {
			if strings.EqualFold(cl, raw) || Normalize(cl) == Normalize(raw) {
				return string(schema.Class(cl)), nil
			}
		}
		return nil, fmt.Errorf("--%s %q is not an entity class (have %s)", p.Name, raw, strings.Join(schema.EntityClasses, ", "))
	}
	return raw, nil
}

// Script makes a runnable script from query source and parameter values.
func Script(src string, params map[string]any) (string, error) {
	pj, err := json.Marshal(params)
	if err != nil {
		return "", err
	}
	return prelude + "var params = " + string(pj) + ";\n" + lib + "\n" + src, nil
}

// nameCall finds E("name") calls in a raw script: the names are resolved in
// Go before the script runs.
var nameCall = regexp.MustCompile(`\bE\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\)`)

// maxScriptNames bounds the distinct E("name") calls of one script, each
// of which is a lookup (with suggestions when it fails).
const maxScriptNames = 100

// RawPrelude is what a user's own Gizmo script runs after: the KG
// vocabulary, kg's prefixes (see ExpandCompact, which the caller applies to
// the script itself), the library of the canned queries, and E("any alias") for an
// entity node, whose names are resolved (with "did you mean") before the
// script runs, under ctx. It is separate from the script so that errors
// keep the script's own line numbers.
func RawPrelude(ctx context.Context, script string, ents EntitySource) (string, error) {
	names := map[string]string{}
	for _, m := range nameCall.FindAllStringSubmatch(script, -1) {
		lit := m[1]
		var name string
		if lit[0] == '\'' {
			lit = `"` + strings.ReplaceAll(strings.ReplaceAll(lit[1:len(lit)-1], `\'`, `'`), `"`, `\"`) + `"`
		}
		if err := json.Unmarshal([]byte(lit), &name); err != nil {
			return "", fmt.Errorf("E(%s): %v", m[1], err)
		}
		if _, ok := names[name]; ok {
			continue
		}
		if len(names) == maxScriptNames {
			return "", fmt.Errorf("the script names more than %d entities with E(...); look the others up inside the script", maxScriptNames)
		}
		if err := CheckName(name); err != nil {
			return "", fmt.Errorf("E(%.40q...): %w", name, err)
		}
		l, err := ents(name)
		if err != nil {
			return "", err
		}
		e, err := Resolve(ctx, l, name)
		if err != nil {
			return "", fmt.Errorf("E(%q): %w", name, err)
		}
		names[name] = string(e.IRI)
	}
	nj, _ := json.Marshal(names)
	head := prelude + compactPrelude + "var params = {};\n" + lib +
		// Merged into the names of earlier statements: in the REPL's kept
		// session a function defined before may call E() with its own.
		"\nvar __kg_names = Object.assign(typeof __kg_names === \"object\" && __kg_names || {}, " + string(nj) + ");\n" +
		`function E(n) { var v = __kg_names[n]; if (v === undefined) throw new Error("E(" + JSON.stringify(n) + "): give the name as a string literal, so kg can resolve it before the query runs"); return iri(v); }` + "\n"
	return head, nil
}
