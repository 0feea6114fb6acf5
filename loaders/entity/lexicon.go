// Package entity finds named entities in tokenised text: a lexicon of
// people, places and organisations in Hindi and English (with short and
// variant forms), countries whose names come from CLDR, and a matcher that
// finds the longest lexicon form at each position. The lexicon's data is
// schema/data/entities.tsv and schema/data/countries.tsv.
package entity

import (
	"fmt"
	"regexp"
	"sort"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Entity is one thing the lexicon (or an article) names.
type Entity struct {
	ID     string // QID when known, else a slug of the English name
	Type   string // a class in schema.EntityClasses
	EN, HI string // labels
	QID    string
	// Region is the ISO 3166 code of a country.
	Region    string
	DemonymEN string // "North Korean"
	// Local marks an entity that only makes sense within one article (a
	// group of "soldiers", a generic "defence agreement"); its IRI is
	// scoped to the article.
	Local bool
	// Aliases are the lexicon's other names, for skos:altLabel.
	Aliases []string
	// Discovered marks a name an article introduced (DiscoveredID), not
	// one of the lexicon's: its EN is a transliteration.
	Discovered bool
}

// FormKind says how a form names its entity.
type FormKind int

const (
	Full     FormKind = iota // the full name or a variant of it
	Short                    // a surname or short name: किम, पुतिन
	Demonym                  // an adjective of a country: रूसी, उत्तर कोरियाई
	Dateline                 // names the entity only in a dateline: भाषा (PTI)
)

func (k FormKind) String() string {
	return [...]string{"full", "short", "demonym", "dateline"}[k]
}

// Form is one way of writing an entity's name.
type Form struct {
	Entity *Entity
	Kind   FormKind
}

// Lexicon maps written forms to entities.
type Lexicon struct {
	root     *trieNode
	byID     map[string]*Entity
	entities []*Entity
}

type trieNode struct {
	next  map[string]*trieNode
	forms []Form
}

// New builds a lexicon from entities and their forms.
func New() *Lexicon {
	return &Lexicon{root: &trieNode{}, byID: map[string]*Entity{}}
}

// Add registers an entity (once) and a form of its name. A form is folded
// and split into words, so "किम जोंग-उन", "किम जोंग उन" and "Kim Jong-un"
// are each one path in the lexicon.
func (l *Lexicon) Add(e *Entity, form string, kind FormKind) {
	if prev, ok := l.byID[e.ID]; ok {
		e = prev
	} else {
		l.byID[e.ID] = e
		l.entities = append(l.entities, e)
	}
	// Split a form exactly as article text is split, so that "जॉर्ज
	// डब्ल्यू. बुश", "26/11" and "U.S." match what Tokenize makes of them.
	var words []string
	for _, w := range Words(hindi.Tokenize(form)) {
		words = append(words, w.Norm)
	}
	if len(words) == 0 {
		return
	}
	n := l.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	for _, f := range n.forms {
		if f.Entity == e && f.Kind == kind {
			return
		}
	}
	n.forms = append(n.forms, Form{Entity: e, Kind: kind})
}

// Walk calls fn for every phrase the lexicon has forms for, with its
// folded words and its forms, in the order of the words (byte order), so
// that a listing made from it is the same on every run. fn must not keep
// or change words.
func (l *Lexicon) Walk(fn func(words []string, forms []Form)) {
	var words []string
	var walk func(n *trieNode)
	walk = func(n *trieNode) {
		if len(n.forms) > 0 {
			fn(words, n.forms)
		}
		keys := make([]string, 0, len(n.next))
		for k := range n.next {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			words = append(words, k)
			walk(n.next[k])
			words = words[:len(words)-1]
		}
	}
	walk(l.root)
}

// ByID returns the entity with an id.
func (l *Lexicon) ByID(id string) *Entity { return l.byID[id] }

// Entities lists the lexicon's entities in the order they were added.
func (l *Lexicon) Entities() []*Entity { return l.entities }

// Begins reports whether some form of several words begins with the word
// given ("राहुल" of "राहुल द्रविड़").
func (l *Lexicon) Begins(word string) bool {
	ws := Words(hindi.Tokenize(word))
	if len(ws) != 1 {
		return false
	}
	n := l.root.next[ws[0].Norm]
	return n != nil && len(n.next) > 0
}

// Lookup returns the forms registered for exactly this phrase.
func (l *Lexicon) Lookup(phrase string) []Form {
	n := l.root
	for _, w := range Words(hindi.Tokenize(phrase)) {
		if n = n.next[w.Norm]; n == nil {
			return nil
		}
	}
	return n.forms
}

var (
	defOnce sync.Once
	defLex  *Lexicon
	defErr  error
)

// Default returns the lexicon built from kg's embedded data: countries from
// CLDR and countries.tsv, then entities.tsv.
func Default() (*Lexicon, error) {
	defOnce.Do(func() {
		countries, err := schema.ReadTSV("countries.tsv", 2)
		if err != nil {
			defErr = err
			return
		}
		entities, err := schema.ReadTSV("entities.tsv", 4)
		if err != nil {
			defErr = err
			return
		}
		defLex, defErr = Build(entities, countries)
	})
	return defLex, defErr
}

// Build makes a lexicon from rows in the formats of entities.tsv and
// countries.tsv (schema/data/README.md). Tests build small ones.
func Build(entities, countries []schema.Row) (*Lexicon, error) {
	l := New()
	if err := l.addCountries(countries); err != nil {
		return nil, err
	}
	if err := l.addEntities(entities); err != nil {
		return nil, err
	}
	return l, nil
}

var (
	qidRE  = regexp.MustCompile(`^Q[0-9]+$`)
	slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

func (l *Lexicon) addEntities(rows []schema.Row) error {
	for _, r := range rows {
		e := &Entity{ID: r.Field(0), Type: r.Field(1), EN: r.Field(2), HI: r.Field(3)}
		switch {
		case qidRE.MatchString(e.ID):
			e.QID = e.ID
		case !slugRE.MatchString(e.ID):
			return r.Errorf("id %q is neither a QID nor a lower-case slug", e.ID)
		}
		if !schema.IsEntityClass(e.Type) {
			return r.Errorf("type %q is not one of %v", e.Type, schema.EntityClasses)
		}
		if e.EN == "" || e.HI == "" {
			return r.Errorf("entity %s needs an English and a Hindi label", e.ID)
		}
		if prev := l.byID[e.ID]; prev != nil {
			return r.Errorf("id %s is listed twice (or is a country's QID)", e.ID)
		}
		e.Aliases = append(append([]string{}, r.List(4)...), r.List(5)...)
		l.Add(e, e.EN, Full)
		l.Add(e, e.HI, Full)
		for _, a := range e.Aliases {
			l.Add(e, a, Full)
		}
		for _, s := range r.List(6) {
			l.Add(e, s, Short)
		}
		for _, s := range r.List(7) {
			l.Add(e, s, Short)
		}
		for _, s := range r.List(8) {
			l.Add(e, s, Dateline)
		}
	}
	return nil
}

// loadCountries takes every country CLDR names in Hindi and English, and
// adds the QIDs, news spellings and demonyms of countries.tsv.
func (l *Lexicon) addCountries(rows []schema.Row) error {
	hi := display.Regions(language.Hindi)
	en := display.English.Regions()
	for _, r := range rows {
		reg, err := language.ParseRegion(r.Field(0))
		if err != nil || !reg.IsCountry() {
			return r.Errorf("%q is not an ISO 3166 country code", r.Field(0))
		}
		e := &Entity{Type: "Country", Region: reg.String(), QID: r.Field(1), DemonymEN: r.Field(5)}
		if e.QID != "" && !qidRE.MatchString(e.QID) {
			return r.Errorf("QID %q is malformed", e.QID)
		}
		e.HI, e.EN = hi.Name(reg), en.Name(reg)
		cldrHI, cldrEN := e.HI, e.EN
		if v := r.Field(6); v != "" {
			e.HI = v
		}
		if v := r.Field(7); v != "" {
			e.EN = v
		}
		if e.HI == "" || e.EN == "" {
			return r.Errorf("no Hindi or English name for %s", reg)
		}
		e.ID = e.QID
		if e.ID == "" {
			e.ID = hindi.Slug(e.EN, 60)
		}
		e.Aliases = dedupe(append(append([]string{cldrHI, cldrEN}, r.List(2)...), r.List(3)...), e.HI, e.EN)
		l.Add(e, e.HI, Full)
		l.Add(e, e.EN, Full)
		for _, a := range e.Aliases {
			l.Add(e, a, Full)
		}
		for _, d := range r.List(4) {
			l.Add(e, d, Demonym)
		}
		if e.DemonymEN != "" {
			l.Add(e, e.DemonymEN, Demonym)
		}
	}
	return nil
}

func dedupe(list []string, drop ...string) []string {
	seen := map[string]bool{}
	for _, d := range drop {
		seen[d] = true
	}
	var out []string
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Check loads the embedded lexicon and reports the first problem.
func Check() error {
	_, err := Default()
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	return nil
}
