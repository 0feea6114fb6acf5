// Package style says how kg draws each class of node and what it calls it
// in English and Hindi. The table is data (styles.tsv, embedded, plus the
// titles of schema/data/hi/titles.tsv), so that a new event class gets a
// colour and a Hindi name by an edit there.
package style

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/kgnews/kg/schema"
)

//go:embed styles.tsv
var table string

// Kind tells an entity class from an event class.
type Kind string

const (
	Entity Kind = "entity"
	Event  Kind = "event"
)

// Style is one row of the table.
type Style struct {
	Class string // class local name
	Kind  Kind
	Shape string // Graphviz shape name
	Fill  string // #rrggbb
	EN    string // English name
	HI    string // Hindi name
	rank  int
}

// rows and byClass are built once, from embedded data only, when the
// package is initialised; a malformed row is a programming error that every
// test hits at once.
var rows, byClass = mustLoad()

var hexColour = regexp.MustCompile(`^#[0-9a-f]{6}$`)

func mustLoad() ([]Style, map[string]Style) {
	rs, err := parse(table)
	if err == nil {
		rs, err = withTitles(rs)
	}
	if err != nil {
		panic(err)
	}
	m := map[string]Style{}
	for i := range rs {
		rs[i].rank = i
		m[rs[i].Class] = rs[i]
	}
	return rs, m
}

func parse(text string) ([]Style, error) {
	rs, err := schema.ParseTSV("styles.tsv", strings.NewReader(text), 6)
	if err != nil {
		return nil, err
	}
	var out []Style
	seen := map[string]bool{}
	for _, r := range rs {
		s := Style{Class: r.Field(0), Kind: Kind(r.Field(1)), Shape: r.Field(2), Fill: r.Field(3), EN: r.Field(4), HI: r.Field(5)}
		switch {
		case len(r.Fields) != 6:
			return nil, r.Errorf("%d columns, want 6", len(r.Fields))
		case s.Kind != Entity && s.Kind != Event:
			return nil, r.Errorf("kind %q, want entity or event", s.Kind)
		case !hexColour.MatchString(s.Fill):
			return nil, r.Errorf("fill %q is not #rrggbb", s.Fill)
		case seen[s.Class]:
			return nil, r.Errorf("class %s twice", s.Class)
		}
		seen[s.Class] = true
		out = append(out, s)
	}
	return out, nil
}

// withTitles inserts the title classes of titles.tsv before the Position
// row, drawn as positions and named by the table's English title and first
// Hindi form.
func withTitles(rs []Style) ([]Style, error) {
	at := -1
	for i, r := range rs {
		if r.Class == "Position" {
			at = i
		}
	}
	if at < 0 {
		return nil, fmt.Errorf("styles.tsv: no Position row")
	}
	titles, err := schema.ReadTSV("hi/titles.tsv", 4)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, r := range rs {
		known[r.Class] = true
	}
	// Several titles may share a class (Supreme Leader, Leader; the English
	// "president"); the class is named by a Hindi title, preferably the one
	// whose English is the class's own name.
	var add []Style
	var scores []int
	index := map[string]int{}
	for _, t := range titles {
		c := t.Field(3)
		if known[c] {
			continue
		}
		en := strings.ToLower(t.Field(2))
		hiTitle := t.List(0)[0]
		for _, h := range t.List(0) {
			titleNames[h] = [2]string{en, hiTitle}
		}
		score := 0
		if devanagari(hiTitle) {
			score += 2
		}
		if en == Words(c) {
			score++
		}
		if i, ok := index[c]; ok {
			if score > scores[i] {
				add[i].EN, add[i].HI, scores[i] = en, hiTitle, score
			}
			continue
		}
		s := rs[at]
		s.Class, s.EN, s.HI = c, en, hiTitle
		index[c] = len(add)
		add = append(add, s)
		scores = append(scores, score)
	}
	out := append(append(append([]Style{}, rs[:at]...), add...), rs[at:]...)
	return out, nil
}

func devanagari(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Devanagari, r) {
			return true
		}
	}
	return false
}

// titleNames maps each Hindi form of a title to its English and Hindi
// names, filled with the table.
var titleNames = map[string][2]string{}

// Title names the title a position was read from (its kg:trigger, "नेता"),
// in English and in the Hindi form the table lists first.
func Title(trigger string) (en, hi string, ok bool) {
	n, ok := titleNames[trigger]
	return n[0], n[1], ok
}

// Default styles for classes the table does not know.
var (
	defaultEntity = Style{Class: "Thing", Kind: Entity, Shape: "ellipse", Fill: "#ffffff", EN: "thing", HI: "वस्तु", rank: 1 << 30}
	defaultEvent  = Style{Class: "Event", Kind: Event, Shape: "box", Fill: "#e0e0e0", EN: "event", HI: "घटना", rank: 1 << 30}
)

// For returns the style of a class of the given kind. An unknown class gets
// the kind's default look and a name made from its local name
// ("SanctionLifting" -> "sanction lifting"), so a new class still draws.
func For(kind Kind, class string) Style {
	if s, ok := byClass[class]; ok && s.Kind == kind {
		return s
	}
	d := defaultEntity
	if kind == Event {
		d = defaultEvent
	}
	if class != "" {
		d.Class = class
		d.EN = Words(class)
		d.HI = ""
		if kind == Event {
			d.HI = frameWords[class]
			if t, ok := schema.LookupEvent(schema.EventClass(class)); ok && t.EN != "" {
				d.EN = t.EN
			}
		}
	}
	return d
}

// frameWords names each event class of schema's class table
// (schema/data/events.tsv) in Hindi, for a class styles.tsv has no row for.
var frameWords = func() map[string]string {
	out := map[string]string{}
	for _, t := range schema.EventTypes() {
		out[string(t.Class)] = t.HI
	}
	return out
}()

// Primary picks, from a node's classes, the one that names its type: the
// first in the table's order, else the first unknown one in the order given.
func Primary(kind Kind, classes []string) string {
	best, bestRank := "", 1<<31-1
	for _, c := range classes {
		rank := 1 << 30
		if s, ok := byClass[c]; ok && s.Kind == kind {
			rank = s.rank
		}
		if rank < bestRank {
			best, bestRank = c, rank
		}
	}
	return best
}

// Words splits a CamelCase or snake_case name into lower-case words.
func Words(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case r == '_' || r == '-':
			b.WriteByte(' ')
			continue
		case i > 0 && unicode.IsUpper(r) && rs[i-1] != '_' && rs[i-1] != '-' &&
			(unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])):
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// All lists the table's rows in priority order (for legends and tests).
func All() []Style { return append([]Style(nil), rows...) }
