// Package event finds event triggers in Hindi clauses: predicate frames
// keyed on the noun of a light-verb construction (बातचीत की, समर्थन दिया,
// हस्ताक्षर किए) or on a verb (भेजा, भेजेगा), each with the roles its case
// markers fill and the direct edges it yields. The frames are data:
// schema/data/hi/frames.tsv, with verb forms in schema/data/hi/verbs.tsv.
package event

import (
	"fmt"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Frame is one row of frames.tsv.
type Frame struct {
	Class    string
	Triggers []Pattern
	Light    []Pattern
	Nominal  bool // the trigger alone evokes the event ("*" in light)
	IsVerb   bool // the trigger is the verb ("-" in light)
	Context  map[string]bool
	Roles    map[string]string // case marker (folded, "∅", "gen") -> role
	Edges    []Edge
	Flags    map[string]bool
	After    []After
	Line     int
}

// Edge is a direct edge a frame yields between the fillers of two roles.
type Edge struct{ From, To, Predicate string }

// After is a pattern after a nominal trigger that fills a role: the words,
// with "{E}" where an entity stands.
type After struct {
	Words []string
	Role  string
}

// Pattern is a sequence of word matchers.
type Pattern []wordSet

// wordSet matches one folded word: an exact word, or any form of a verb.
type wordSet map[string]bool

// Len is the number of words the pattern spans.
func (p Pattern) Len() int { return len(p) }

// MatchAt reports whether the pattern matches words starting at i.
func (p Pattern) MatchAt(words []string, i int) bool {
	if i+len(p) > len(words) {
		return false
	}
	for k, ws := range p {
		if !ws[words[i+k]] {
			return false
		}
	}
	return true
}

// Frames is the parsed frame table.
type Frames struct {
	List []*Frame
	// byFirst indexes frames by the first word of each trigger form.
	byFirst map[string][]*Frame
}

// Default returns the frames of kg's embedded data, read once.
var Default = sync.OnceValues(load)

// Check loads the embedded frames and reports the first problem.
func Check() error { _, err := Default(); return err }

// ForWord returns the frames one of whose triggers starts with word, in
// table order.
func (fs *Frames) ForWord(word string) []*Frame { return fs.byFirst[word] }

func load() (*Frames, error) {
	verbs, err := loadVerbs()
	if err != nil {
		return nil, err
	}
	rows, err := schema.ReadTSV("hi/frames.tsv", 7)
	if err != nil {
		return nil, err
	}
	fs := &Frames{byFirst: map[string][]*Frame{}}
	for _, r := range rows {
		f := &Frame{Class: r.Field(0), Roles: map[string]string{}, Flags: map[string]bool{}, Context: map[string]bool{}, Line: r.Line}
		if f.Class == "" {
			return nil, r.Errorf("no class")
		}
		for _, t := range r.List(1) {
			p, err := verbs.pattern(t)
			if err != nil {
				return nil, r.Errorf("trigger %q: %v", t, err)
			}
			f.Triggers = append(f.Triggers, p)
		}
		if len(f.Triggers) == 0 {
			return nil, r.Errorf("no trigger")
		}
		for _, l := range r.List(2) {
			switch l {
			case "*":
				f.Nominal = true
			case "-":
				f.IsVerb = true
			default:
				p, err := verbs.pattern(l)
				if err != nil {
					return nil, r.Errorf("light verb %q: %v", l, err)
				}
				f.Light = append(f.Light, p)
			}
		}
		if c := r.Field(3); c != "-" {
			for _, w := range r.List(3) {
				f.Context[hindi.Fold(w)] = true
			}
		}
		for _, kv := range splitList(r.Field(4), ";") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || strings.TrimSpace(v) == "" {
				return nil, r.Errorf("role %q is not case=role", kv)
			}
			k = strings.TrimSpace(k)
			if k != "∅" && k != "gen" {
				k = hindi.Fold(k)
			}
			f.Roles[k] = strings.TrimSpace(v)
		}
		for _, e := range splitList(r.Field(5), ";") {
			if e == "-" {
				continue
			}
			ft, pred, ok := strings.Cut(e, ":")
			from, to, ok2 := strings.Cut(ft, ">")
			if !ok || !ok2 || pred == "" {
				return nil, r.Errorf("edge %q is not from>to:predicate", e)
			}
			f.Edges = append(f.Edges, Edge{From: strings.TrimSpace(from), To: strings.TrimSpace(to), Predicate: strings.TrimSpace(pred)})
		}
		for _, fl := range splitList(r.Field(6), ",") {
			if fl != "-" {
				f.Flags[fl] = true
			}
		}
		for _, a := range splitList(r.Field(7), ";") {
			if a == "-" {
				continue
			}
			pat, role, ok := strings.Cut(a, "=")
			if !ok || !strings.Contains(pat, "{E}") {
				return nil, r.Errorf("after-pattern %q needs {E} and =role", a)
			}
			var words []string
			for _, w := range strings.Fields(pat) {
				if w != "{E}" {
					w = hindi.Fold(w)
				}
				words = append(words, w)
			}
			f.After = append(f.After, After{Words: words, Role: strings.TrimSpace(role)})
		}
		fs.List = append(fs.List, f)
		seen := map[string]bool{}
		for _, t := range f.Triggers {
			for w := range t[0] {
				if !seen[w] {
					seen[w] = true
					fs.byFirst[w] = append(fs.byFirst[w], f)
				}
			}
		}
	}
	return fs, nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, x := range strings.Split(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// verbTable knows the forms of verb stems.
type verbTable struct {
	forms   map[string][]string // folded stem -> folded forms
	endings []string
}

func loadVerbs() (*verbTable, error) {
	rows, err := schema.ReadTSV("hi/verbs.tsv", 2)
	if err != nil {
		return nil, err
	}
	vt := &verbTable{forms: map[string][]string{}}
	for _, r := range rows {
		if r.Field(0) == "*" {
			vt.endings = strings.Split(r.Fields[1], "|")
			continue
		}
		stem := hindi.Fold(r.Field(0))
		for _, f := range r.List(1) {
			vt.forms[stem] = append(vt.forms[stem], hindi.Fold(f))
		}
	}
	if vt.endings == nil {
		return nil, fmt.Errorf("hi/verbs.tsv: no \"*\" row of regular endings")
	}
	return vt, nil
}

// pattern compiles "जानकारी दे~" into word matchers.
func (vt *verbTable) pattern(s string) (Pattern, error) {
	var p Pattern
	for _, w := range strings.Fields(s) {
		ws := wordSet{}
		if stem, ok := strings.CutSuffix(w, "~"); ok {
			stem = hindi.Fold(stem)
			if forms, ok := vt.forms[stem]; ok {
				for _, f := range forms {
					ws[f] = true
				}
			} else {
				for _, e := range vt.endings {
					ws[hindi.Fold(stem+e)] = true
				}
			}
		} else {
			for _, part := range strings.Fields(hindi.Fold(w)) {
				// a hyphenated word folds to two words; keep them in sequence
				if len(ws) > 0 {
					p = append(p, ws)
					ws = wordSet{}
				}
				ws[part] = true
			}
		}
		if len(ws) == 0 {
			return nil, fmt.Errorf("empty word")
		}
		p = append(p, ws)
	}
	if len(p) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	return p, nil
}
