package temporal

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/kgnews/kg/schema"
)

// languages whose date data is read, each from schema/data/<lang>/dates/.
var languages = []string{"hi", "en"}

// dataFiles are the files every language directory must have, with the
// least number of columns a row needs.
var dataFiles = []struct {
	name      string
	minFields int
}{
	{"months.tsv", 2},
	{"weekdays.tsv", 2},
	{"numbers.tsv", 2},
	{"words.tsv", 3},
	{"tense.tsv", 3},
}

// cat is the category of a lexicon entry.
type cat uint8

const (
	cMonth cat = iota + 1
	cWeekday
	cCardinal
	cOrdinal
	cRelative
	cDeictic
	cUnit
	cUnitPlural
	cAgo
	cYearMark
	cEra
	cPost
	cYearNext
	cQuantNext
	cDaypart
	cMonthPart
	cMonthPrefix
	cRangeSep
	cRangeEnd
	cAnniversary
	cOrdSuffix
	cClause
	cSequel
	cClock
	cApprox
	cOffsetOf
	cEvery
)

// wordCats are the categories of words.tsv, by the name its first column uses.
var wordCats = map[string]cat{
	"relative": cRelative, "deictic": cDeictic, "unit": cUnit, "unit-plural": cUnitPlural,
	"ago": cAgo, "yearmark": cYearMark, "era": cEra, "post": cPost, "yearnext": cYearNext,
	"quantnext": cQuantNext, "daypart": cDaypart, "monthpart": cMonthPart,
	"monthprefix": cMonthPrefix, "rangesep": cRangeSep, "rangeend": cRangeEnd,
	"anniversary": cAnniversary, "ordsuffix": cOrdSuffix, "clause": cClause,
	"sequel": cSequel, "clock": cClock, "approx": cApprox,
	"offsetof": cOffsetOf, "every": cEvery,
}

var unitNames = map[string]Granularity{"year": Year, "month": Month, "week": Week, "day": Day, "hour": Hour}

// entry is one spelling of a lexicon word.
type entry struct {
	words   []string // folded tokens
	cat     cat
	val     int // month, weekday, number, offset; 1 for a strong yearmark
	val2    int // deictic: the offset in a future clause (val: in a past one)
	unit    Granularity
	capOnly bool // counts only when capitalised in the text
}

// lexicon is the whole of the date data, folded and indexed.
type lexicon struct {
	byFirst map[string][]*entry // by first folded token, longest first
	rules   []*rule             // tense rules, in file order
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// Check reads and validates the date data files, returning the first
// problem as "file:line: reason". Find and DetectTense panic with that error
// if the embedded data is broken; call Check at start-up to fail with one
// clear line instead.
func Check() error {
	lexOnce.Do(func() { lex, lexErr = readLexicon() })
	return lexErr
}

func load() *lexicon {
	if err := Check(); err != nil {
		panic("temporal: " + err.Error())
	}
	return lex
}

func readLexicon() (*lexicon, error) {
	files := map[string][]schema.Row{}
	for _, lang := range languages {
		for _, df := range dataFiles {
			name := path.Join(lang, "dates", df.name)
			rows, err := schema.ReadTSV(name, df.minFields)
			if err != nil {
				return nil, fmt.Errorf("temporal data: %w", err)
			}
			files[name] = rows
		}
	}
	return buildLexicon(files)
}

// buildLexicon turns the rows of the data files (keyed by their path under
// schema/data, whose base name says what they hold) into a lexicon.
func buildLexicon(files map[string][]schema.Row) (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]*entry{}}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names) // deterministic errors and rule order
	var tenseRows []schema.Row
	for _, name := range names {
		rows := files[name]
		var err error
		switch path.Base(name) {
		case "months.tsv":
			err = lx.addNamed(rows, cMonth, 1, 12)
		case "weekdays.tsv":
			err = lx.addNamed(rows, cWeekday, 1, 7)
		case "numbers.tsv":
			err = lx.addNumbers(rows)
		case "words.tsv":
			err = lx.addWords(rows)
		case "tense.tsv":
			tenseRows = append(tenseRows, rows...)
		default:
			err = fmt.Errorf("%s: unknown date data file", name)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := lx.addTense(tenseRows); err != nil {
		return nil, err
	}
	for _, es := range lx.byFirst {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].words) > len(es[j].words) })
	}
	return lx, nil
}

// add indexes the spellings of one row under category c.
func (lx *lexicon) add(r schema.Row, spellings []string, proto entry) error {
	for _, sp := range spellings {
		f := fold(sp)
		if len(f.toks) == 0 {
			return r.Errorf("spelling %q has no letters or digits", sp)
		}
		e := proto
		e.words = make([]string, len(f.toks))
		for i, t := range f.toks {
			e.words[i] = t.s
		}
		key := strings.Join(e.words, " ")
		dup := false
		for _, old := range lx.byFirst[e.words[0]] {
			if old.cat != e.cat || strings.Join(old.words, " ") != key {
				continue
			}
			if old.val != e.val || old.val2 != e.val2 || old.unit != e.unit {
				return r.Errorf("%q has two values in the same category", sp)
			}
			dup = true
		}
		if !dup {
			lx.byFirst[e.words[0]] = append(lx.byFirst[e.words[0]], &e)
		}
	}
	return nil
}

// addNamed reads months.tsv or weekdays.tsv: number, spellings, and
// spellings that count only when capitalised.
func (lx *lexicon) addNamed(rows []schema.Row, c cat, lo, hi int) error {
	for _, r := range rows {
		n, err := strconv.Atoi(r.Field(0))
		if err != nil || n < lo || n > hi {
			return r.Errorf("first column %q is not a number from %d to %d", r.Field(0), lo, hi)
		}
		if len(r.List(1))+len(r.List(2)) == 0 {
			return r.Errorf("no spellings")
		}
		if err := lx.add(r, r.List(1), entry{cat: c, val: n}); err != nil {
			return err
		}
		if err := lx.add(r, r.List(2), entry{cat: c, val: n, capOnly: true}); err != nil {
			return err
		}
	}
	return nil
}

func (lx *lexicon) addNumbers(rows []schema.Row) error {
	for _, r := range rows {
		n, err := strconv.Atoi(r.Field(0))
		if err != nil || n < 1 {
			return r.Errorf("first column %q is not a positive number", r.Field(0))
		}
		if len(r.List(1)) == 0 {
			return r.Errorf("no cardinal spellings")
		}
		if err := lx.add(r, r.List(1), entry{cat: cCardinal, val: n}); err != nil {
			return err
		}
		if err := lx.add(r, r.List(2), entry{cat: cOrdinal, val: n}); err != nil {
			return err
		}
	}
	return nil
}

func (lx *lexicon) addWords(rows []schema.Row) error {
	for _, r := range rows {
		c, ok := wordCats[r.Field(0)]
		if !ok {
			return r.Errorf("unknown category %q", r.Field(0))
		}
		e := entry{cat: c}
		v := r.Field(1)
		bad := func() error { return r.Errorf("value %q is not valid for category %s", v, r.Field(0)) }
		switch c {
		case cRelative, cAgo, cSequel:
			n, err := strconv.Atoi(v)
			if err != nil || n < -1 || n > 1 || (c == cAgo && n == 0) {
				return bad()
			}
			e.val = n
		case cDeictic:
			p, f, ok := strings.Cut(v, "/")
			a, err1 := strconv.Atoi(p)
			b, err2 := strconv.Atoi(f)
			if !ok || err1 != nil || err2 != nil {
				return bad()
			}
			e.val, e.val2 = a, b
		case cUnit, cUnitPlural:
			u, ok := unitNames[v]
			if !ok {
				return bad()
			}
			e.unit = u
		case cYearMark:
			switch v {
			case "strong":
				e.val = 1
			case "weak":
			default:
				return bad()
			}
		default:
			if v != "-" && v != "" {
				return bad()
			}
		}
		if len(r.List(2)) == 0 {
			return r.Errorf("no spellings")
		}
		if err := lx.add(r, r.List(2), e); err != nil {
			return err
		}
	}
	return nil
}

// lookup returns the longest entry of category c that matches the tokens
// from i, and how many tokens it covers; (nil, 0) if none does.
func (lx *lexicon) lookup(toks []token, i int, c cat) (*entry, int) {
	if i < 0 || i >= len(toks) {
		return nil, 0
	}
next:
	for _, e := range lx.byFirst[toks[i].s] {
		if e.cat != c || i+len(e.words) > len(toks) || (e.capOnly && !toks[i].cap) {
			continue
		}
		for k, w := range e.words {
			if toks[i+k].s != w {
				continue next
			}
		}
		return e, len(e.words)
	}
	return nil, 0
}
