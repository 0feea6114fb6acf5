// Package style says how kg draws each class of node and what it calls it
// in English and Hindi. The table is data (styles.tsv, embedded), so that a
// new event class gets a colour and a Hindi name by an edit there.
package style

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
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

var (
	rows    []Style
	byClass = map[string]Style{}
)

var hexColour = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// The table is checked when the package is loaded: a malformed row is a
// programming error that every test would hit at once.
func init() {
	var err error
	rows, err = parse(table)
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		byClass[r.Class] = r
	}
}

func parse(text string) ([]Style, error) {
	var out []Style
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("styles.tsv:%d: %d columns, want 6", i+1, len(f))
		}
		s := Style{Class: f[0], Kind: Kind(f[1]), Shape: f[2], Fill: f[3], EN: f[4], HI: f[5], rank: len(out)}
		switch {
		case s.Kind != Entity && s.Kind != Event:
			return nil, fmt.Errorf("styles.tsv:%d: kind %q, want entity or event", i+1, s.Kind)
		case !hexColour.MatchString(s.Fill):
			return nil, fmt.Errorf("styles.tsv:%d: fill %q is not #rrggbb", i+1, s.Fill)
		case seen[s.Class]:
			return nil, fmt.Errorf("styles.tsv:%d: class %s twice", i+1, s.Class)
		}
		seen[s.Class] = true
		out = append(out, s)
	}
	return out, nil
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
	}
	return d
}

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
		case i > 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) && rs[i-1] != '_':
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// All lists the table's rows in priority order (for legends and tests).
func All() []Style { return append([]Style(nil), rows...) }
