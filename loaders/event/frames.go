// Package event finds event triggers in Hindi clauses: predicate frames
// keyed on the noun of a light-verb construction (बातचीत की, समर्थन दिया,
// हस्ताक्षर किए) or on a verb (भेजा, भेजेगा), each with the roles its case
// markers fill, the direct edges it yields, a word-sense guard and an
// example. The frames are data: schema/data/hi/frames.tsv, with verb forms
// in schema/data/hi/verbs.tsv and the words of verb groups (particles,
// negations, auxiliaries) in schema/data/hi/verbgroup.tsv.
package event

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Frame is one row of frames.tsv.
type Frame struct {
	Class    schema.EventClass
	Triggers []Pattern
	Light    []Pattern
	Nominal  bool // the trigger alone evokes the event ("*" in light)
	// DoLight: one of its light verbs is करना, so "… को अंजाम दिया" (carried
	// out) serves too
	DoLight bool
	IsVerb  bool // the trigger is the verb ("-" in light)
	// Sense is the word-sense guard: words (or entity types) of which one
	// must stand near the trigger, and words none of which may.
	Must, MustNot []SenseWord
	// NotNext are phrases that may not follow the trigger directly ("!में":
	// "हत्या के आरोप में गिरफ्तार" names a charge, not an accusation).
	NotNext [][]string
	// NotPrev are phrases that may not stand directly before the trigger
	// ("<काम का": "अपने काम का प्रदर्शन" shows one's work, no protest).
	NotPrev [][]string
	Roles   map[string]schema.Role // case marker (folded, "∅", "gen", "compound") -> role
	// AltRoles is the role of a case marker when its phrase names no one
	// who can act ("को=recipient/theme": a person receives, a thing is
	// handed over)
	AltRoles map[string]schema.Role
	Edges    []Edge
	Flags    Flags
	After    []After
	// Example is a sentence the frame must fire on; Counter, when given, one
	// with its trigger in which the guard keeps it from firing.
	Example, Counter string
	Line             int
}

// SenseWord is one item of a sense guard: a folded word, or an entity
// class (written "@Class") that a name near the trigger must have.
type SenseWord struct {
	Word   string
	Entity string
}

// Flags is a frame's behaviour, beyond its roles (frames.tsv column 7).
type Flags struct {
	Symmetric  bool // agent and participants are co-participants
	Motion     bool // को/में with a place is the destination, with a person the recipient
	Say        bool // the कि clause is what the agent says
	Complement bool // the कि clause is the event's theme (a demand)
	Attach     bool // in a relative clause, adds its roles to the event it qualifies
	Self       bool // the trigger phrase names the theme entity ("यह समझौता हुआ")
	Undergoer  bool // the subject undergoes the event ("12 लोग मारे गए")
	Report     bool // "यह जानकारी X ने दी": the report of the previous sentence, no event of its own
	Tell       bool // its कि/that clause is what it says, while it keeps its class ("told Y that")
	Place      bool // stands with a place alone: a flood, a curfew, an election
	// Predicative: a verb of calling that fires only after a को phrase and
	// a predicate noun ("X को दोषी बताया": called X guilty)
	Predicative bool
	// Adjacent: a participle or an adjective that is an event only with
	// its light verb right after it (particles between): "सम्मानित नागरिक
	// होने के नाते" honours no one, "प्रभावित लोगों" affects no one
	Adjacent bool
	// KiClass: followed by कि the event is of this class and says the कि
	// clause ("बताया कि" is a Statement, not a Briefing).
	KiClass schema.EventClass
	// Casualty is the count the undergoer's number gives (kg:killed …),
	// also given to the event the clause says it happened in ("हमले में").
	Casualty string
	// Needs are roles of which one must be filled for the event to be a
	// fact ("पहुंचे" needs where to or from: "India reached third place" is
	// no arrival).
	Needs []schema.Role
}

// knownFlags lists the flags frames.tsv may use, for the error message.
const knownFlags = "symmetric, motion, say, complement, attach, self, undergoer, report, tell, place, predicative, adjacent, ki=CLASS, casualty=killed|injured|affected, needs=ROLE|ROLE"

// parseFlags reads "symmetric,casualty=killed".
func parseFlags(list []string) (Flags, error) {
	var f Flags
	for _, fl := range list {
		key, val, _ := strings.Cut(fl, "=")
		switch key {
		case "symmetric":
			f.Symmetric = true
		case "motion":
			f.Motion = true
		case "say":
			f.Say = true
		case "complement":
			f.Complement = true
		case "attach":
			f.Attach = true
		case "self":
			f.Self = true
		case "undergoer":
			f.Undergoer = true
		case "report":
			f.Report = true
		case "tell":
			f.Tell = true
		case "place":
			f.Place = true
		case "predicative":
			f.Predicative = true
		case "adjacent":
			f.Adjacent = true
		case "ki":
			c := schema.EventClass(val)
			if _, ok := schema.LookupEvent(c); !ok {
				return f, fmt.Errorf("flag ki=%s: no such event class", val)
			}
			f.KiClass = c
		case "needs":
			for _, r := range strings.Split(val, "|") {
				if !schema.IsRole(r) {
					return f, fmt.Errorf("flag needs=%s: %q is not a role", val, r)
				}
				f.Needs = append(f.Needs, schema.Role(r))
			}
		case "casualty":
			switch val {
			case "killed", "injured", "affected":
				f.Casualty = val
			default:
				return f, fmt.Errorf("flag casualty=%s: want killed, injured or affected", val)
			}
		default:
			return f, fmt.Errorf("unknown flag %q (known: %s)", fl, knownFlags)
		}
		if val != "" && key != "ki" && key != "casualty" && key != "needs" {
			return f, fmt.Errorf("flag %q takes no value", key)
		}
	}
	return f, nil
}

// Edge is a direct edge a frame yields between the fillers of two roles;
// Unless names a role that must be empty for the edge to hold.
type Edge struct {
	From, To  schema.Role
	Predicate string
	Unless    schema.Role
}

// After is a pattern after a nominal trigger that fills a role: the words,
// with "{E}" where an entity stands.
type After struct {
	Words []string
	Role  schema.Role
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

// Frames is the parsed frame table with the words of verb groups.
type Frames struct {
	List []*Frame
	// byFirst indexes frames by the first word of each trigger form.
	byFirst map[string][]*Frame
	group   *verbGroup
	verbs   *verbTable
	glosses []*Gloss
	// verbForms are the words of the frames' verbs and light verbs.
	verbForms map[string]bool
}

// Default returns the frames of kg's embedded data, read once.
var Default = sync.OnceValues(load)

// Check loads the embedded frames and reports the first problem.
func Check() error {
	if _, err := Default(); err != nil {
		return err
	}
	_, err := English()
	return err
}

// ForWord returns the frames one of whose triggers starts with word, in
// table order.
func (fs *Frames) ForWord(word string) []*Frame { return fs.byFirst[word] }

func load() (*Frames, error) {
	if err := schema.CheckEvents(); err != nil {
		return nil, err
	}
	verbs, err := loadVerbs()
	if err != nil {
		return nil, err
	}
	group, err := loadVerbGroup()
	if err != nil {
		return nil, err
	}
	rows, err := schema.ReadTSV("hi/frames.tsv", 9)
	if err != nil {
		return nil, err
	}
	glosses, err := loadGlosses(verbs)
	if err != nil {
		return nil, err
	}
	fs := &Frames{byFirst: map[string][]*Frame{}, group: group, verbs: verbs, glosses: glosses, verbForms: map[string]bool{}}
	for _, r := range rows {
		f, err := parseFrame(r, verbs)
		if err != nil {
			return nil, err
		}
		fs.List = append(fs.List, f)
		for _, p := range f.Light {
			for w := range p[len(p)-1] {
				fs.verbForms[w] = true
			}
		}
		if f.IsVerb {
			for _, p := range f.Triggers {
				for w := range p[len(p)-1] {
					fs.verbForms[w] = true
				}
			}
		}
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

func parseFrame(r schema.Row, verbs *verbTable) (*Frame, error) {
	f := &Frame{Class: schema.EventClass(r.Field(0)), Roles: map[string]schema.Role{}, AltRoles: map[string]schema.Role{}, Line: r.Line}
	if _, ok := schema.LookupEvent(f.Class); !ok {
		return nil, r.Errorf("class %q is not in events.tsv", f.Class)
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
	// the longest form first: "इंटरनेट सेवा" before "इंटरनेट"
	sort.SliceStable(f.Triggers, func(a, b int) bool { return f.Triggers[a].Len() > f.Triggers[b].Len() })
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
			if len(p) == 1 && p[0][hindi.Fold("किया")] {
				f.DoLight = true
			}
		}
	}
	if f.IsVerb && (f.Nominal || len(f.Light) > 0) {
		return nil, r.Errorf("light %q: \"-\" (the trigger is the verb) goes alone", r.Field(2))
	}
	if err := f.parseSense(r.Field(3)); err != nil {
		return nil, r.Errorf("sense %q: %v", r.Field(3), err)
	}
	for _, kv := range splitList(r.Field(4), ";") {
		if kv == "-" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, r.Errorf("role %q is not case=role", kv)
		}
		v, alt, hasAlt := strings.Cut(v, "/")
		for _, x := range []string{v, alt} {
			if x != "" && !schema.IsRole(x) || x == "" && (x == v || hasAlt) {
				return nil, r.Errorf("role %q is not one of schema.AllRoles", x)
			}
		}
		k = strings.TrimSpace(k)
		if k != "∅" && k != "gen" && k != "compound" {
			k = hindi.Fold(k)
		}
		f.Roles[k] = schema.Role(v)
		if hasAlt {
			f.AltRoles[k] = schema.Role(alt)
		}
	}
	for _, e := range splitList(r.Field(5), ";") {
		if e == "-" {
			continue
		}
		ed, err := parseEdge(e)
		if err != nil {
			return nil, r.Errorf("%v", err)
		}
		f.Edges = append(f.Edges, ed)
	}
	var flags []string
	for _, fl := range splitList(r.Field(6), ",") {
		if fl != "-" {
			flags = append(flags, fl)
		}
	}
	var err error
	if f.Flags, err = parseFlags(flags); err != nil {
		return nil, r.Errorf("%v", err)
	}
	for _, a := range splitList(r.Field(7), ";") {
		if a == "-" {
			continue
		}
		pat, role, ok := strings.Cut(a, "=")
		if !ok || !strings.Contains(pat, "{E}") || !schema.IsRole(strings.TrimSpace(role)) {
			return nil, r.Errorf("after-pattern %q needs {E} and =role", a)
		}
		var words []string
		for _, w := range strings.Fields(pat) {
			if w != "{E}" {
				w = hindi.Fold(w)
			}
			words = append(words, w)
		}
		f.After = append(f.After, After{Words: words, Role: schema.Role(strings.TrimSpace(role))})
	}
	if f.Example = r.Field(8); f.Example == "" || f.Example == "-" {
		return nil, r.Errorf("no example sentence (column 9)")
	}
	if c := r.Field(9); c != "" && c != "-" {
		f.Counter = c
	}
	return f, nil
}

// parseEdge reads "agent>theme:sends!destination".
func parseEdge(e string) (Edge, error) {
	ft, pred, ok := strings.Cut(e, ":")
	from, to, ok2 := strings.Cut(ft, ">")
	if !ok || !ok2 || pred == "" {
		return Edge{}, fmt.Errorf("edge %q is not from>to:predicate", e)
	}
	pred, unless, _ := strings.Cut(pred, "!")
	ed := Edge{From: schema.Role(strings.TrimSpace(from)), To: schema.Role(strings.TrimSpace(to)), Predicate: strings.TrimSpace(pred), Unless: schema.Role(strings.TrimSpace(unless))}
	for _, r := range []schema.Role{ed.From, ed.To} {
		if !schema.IsRole(string(r)) {
			return Edge{}, fmt.Errorf("edge %q: %q is not a role", e, r)
		}
	}
	if ed.Unless != "" && !schema.IsRole(string(ed.Unless)) {
		return Edge{}, fmt.Errorf("edge %q: %q is not a role", e, ed.Unless)
	}
	return ed, nil
}

// sensePhrases reads the "|"-separated phrases of a "!" or "<" guard item,
// each folded and split into its words.
func sensePhrases(list string) ([][]string, error) {
	var ps [][]string
	for _, w := range strings.Split(list, "|") {
		ws := strings.Fields(hindi.Fold(w))
		if len(ws) == 0 {
			return nil, fmt.Errorf("empty word")
		}
		ps = append(ps, ws)
	}
	return ps, nil
}

// parseSense reads the guard: "-" for none; else ";"-separated items,
// "+w|w" (one must stand near), "-w|w" (none may), "!p|p" (no phrase may
// follow the trigger), "<p|p" (no phrase may precede it) or, as before, "w|w"
// (one must). "@Class" stands for a name of that entity class.
func (f *Frame) parseSense(s string) error {
	if s == "-" || s == "" {
		return nil
	}
	for _, item := range splitList(s, ";") {
		must := true
		switch {
		case strings.HasPrefix(item, "!"):
			ps, err := sensePhrases(item[1:])
			if err != nil {
				return err
			}
			f.NotNext = append(f.NotNext, ps...)
			continue
		case strings.HasPrefix(item, "<"):
			ps, err := sensePhrases(item[1:])
			if err != nil {
				return err
			}
			f.NotPrev = append(f.NotPrev, ps...)
			continue
		case strings.HasPrefix(item, "+"):
			item = item[1:]
		case strings.HasPrefix(item, "-"):
			item, must = item[1:], false
		}
		var ws []SenseWord
		for _, w := range strings.Split(item, "|") {
			w = strings.TrimSpace(w)
			switch {
			case w == "":
				return fmt.Errorf("empty word")
			case strings.HasPrefix(w, "@"):
				if !schema.IsEntityClass(w[1:]) {
					return fmt.Errorf("%q is not an entity class", w)
				}
				ws = append(ws, SenseWord{Entity: w[1:]})
			default:
				for _, part := range strings.Fields(hindi.Fold(w)) {
					ws = append(ws, SenseWord{Word: part})
				}
			}
		}
		if must {
			f.Must = append(f.Must, ws...)
		} else {
			f.MustNot = append(f.MustNot, ws...)
		}
	}
	return nil
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
	forms map[string][]string // folded stem -> folded forms
	// endings of regular verbs: after a consonant, and after a vowel sign
	// (हरा → हराया, हराई, हराएगा)
	endings, vowelEndings []string
}

func loadVerbs() (*verbTable, error) {
	rows, err := schema.ReadTSV("hi/verbs.tsv", 2)
	if err != nil {
		return nil, err
	}
	vt := &verbTable{forms: map[string][]string{}}
	for _, r := range rows {
		switch r.Field(0) {
		case "*":
			vt.endings = strings.Split(r.Fields[1], "|")
			continue
		case "*ा":
			vt.vowelEndings = strings.Split(r.Fields[1], "|")
			continue
		}
		stem := hindi.Fold(r.Field(0))
		if _, dup := vt.forms[stem]; dup {
			return nil, r.Errorf("stem %q listed twice", r.Field(0))
		}
		for _, f := range r.List(1) {
			vt.forms[stem] = append(vt.forms[stem], hindi.Fold(f))
		}
	}
	if vt.endings == nil || vt.vowelEndings == nil {
		return nil, fmt.Errorf("hi/verbs.tsv: no \"*\" and \"*ा\" rows of regular endings")
	}
	return vt, nil
}

// Forms returns the folded forms of a stem.
func (vt *verbTable) Forms(stem string) []string {
	stem = hindi.Fold(stem)
	if forms, ok := vt.forms[stem]; ok {
		return forms
	}
	endings := vt.endings
	if strings.HasSuffix(stem, "ा") || strings.HasSuffix(stem, "ो") || strings.HasSuffix(stem, "ू") {
		endings = vt.vowelEndings
	}
	var out []string
	for _, e := range endings {
		out = append(out, hindi.Fold(stem+e))
	}
	return out
}

// pattern compiles "जानकारी दे~" into word matchers.
func (vt *verbTable) pattern(s string) (Pattern, error) {
	var p Pattern
	for _, w := range strings.Fields(s) {
		ws := wordSet{}
		if stem, ok := strings.CutSuffix(w, "~"); ok {
			for _, f := range vt.Forms(stem) {
				ws[f] = true
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
