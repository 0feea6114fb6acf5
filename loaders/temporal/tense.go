package temporal

import (
	"strconv"
	"strings"

	"github.com/kgnews/kg/schema"
)

// ptok is one token test of a tense pattern.
type ptok struct {
	word   string // exact folded word, or
	suffix string // a word ending in this (and longer than it), or
	class  []ptok // any of these
	// a class's words as a set and its suffixes, for match (a class has
	// a hundred words and is tried at every word of every clause)
	classWords    map[string]bool
	classSuffixes []ptok
}

// classTok is the test of a class: its words and its suffixes.
func classTok(items []ptok) ptok {
	p := ptok{class: items, classWords: map[string]bool{}}
	for _, c := range items {
		if c.suffix != "" {
			p.classSuffixes = append(p.classSuffixes, c)
		} else {
			p.classWords[c.word] = true
		}
	}
	return p
}

func (p ptok) match(w string) bool {
	switch {
	case p.class != nil:
		if p.classWords[w] {
			return true
		}
		for _, c := range p.classSuffixes {
			if c.match(w) {
				return true
			}
		}
		return false
	case p.suffix != "":
		return len(w) > len(p.suffix) && strings.HasSuffix(w, p.suffix)
	}
	return w == p.word
}

// rule is one tense pattern: its tokens must match the words ending at some
// position; atEnd requires that position to be the clause's last word.
type rule struct {
	toks  []ptok
	atEnd bool
	tense Tense // Unknown for a "none" rule
	rank  int
}

var tenseNamesIn = map[string]Tense{"past": Past, "present": Present, "future": Future, "none": Unknown}

// addTense reads the tense.tsv rows of every language: classes first, so a
// rule may use a class defined further down or in another file.
func (lx *lexicon) addTense(rows []schema.Row) error {
	classes := map[string][]ptok{}
	for _, r := range rows {
		name, ok := strings.CutPrefix(r.Field(0), "@")
		if !ok {
			continue
		}
		if name == "" || classes[name] != nil {
			return r.Errorf("class name %q is empty or defined twice", r.Field(0))
		}
		for _, item := range r.List(2) {
			if strings.ContainsAny(item, " @$") {
				return r.Errorf("class item %q must be one word or -suffix", item)
			}
			classes[name] = append(classes[name], parsePtok(item))
		}
		if len(classes[name]) == 0 {
			return r.Errorf("empty class")
		}
	}
	tests := map[string]ptok{} // built once per class
	for _, r := range rows {
		if strings.HasPrefix(r.Field(0), "@") {
			continue
		}
		t, ok := tenseNamesIn[r.Field(0)]
		if !ok {
			return r.Errorf("unknown tense %q (want past, present, future, none or @class)", r.Field(0))
		}
		rank := 0
		if t != Unknown {
			n, err := strconv.Atoi(r.Field(1))
			if err != nil || n < 1 || n > 2 {
				return r.Errorf("rank %q is not 1 or 2", r.Field(1))
			}
			rank = n
		}
		if len(r.List(2)) == 0 {
			return r.Errorf("no patterns")
		}
		for _, pat := range r.List(2) {
			ru := &rule{tense: t, rank: rank}
			fields := strings.Fields(pat)
			for k, fl := range fields {
				switch {
				case fl == "$":
					if k != len(fields)-1 || k == 0 {
						return r.Errorf("pattern %q: $ must come last, after a word", pat)
					}
					ru.atEnd = true
				case strings.HasPrefix(fl, "@"):
					c, ok := classes[fl[1:]]
					if !ok {
						return r.Errorf("pattern %q: no class %s", pat, fl)
					}
					if _, ok := tests[fl]; !ok {
						tests[fl] = classTok(c)
					}
					ru.toks = append(ru.toks, tests[fl])
				default:
					ru.toks = append(ru.toks, parsePtok(fl))
				}
			}
			lx.rules = append(lx.rules, ru)
		}
	}
	return nil
}

func parsePtok(s string) ptok {
	if len(s) > 1 && s[0] == '-' {
		return ptok{suffix: foldString(s[1:])}
	}
	return ptok{word: foldString(s)}
}

// matchEnd reports whether r matches words ending at index i (last is the
// index of the clause's last word).
func (r *rule) matchEnd(words []string, i, last int) bool {
	n := len(r.toks)
	if i-n+1 < 0 || (r.atEnd && i != last) {
		return false
	}
	for k, p := range r.toks {
		if !p.match(words[i-n+1+k]) {
			return false
		}
	}
	return true
}

// tense reads the tense of a clause from its words (folded word tokens, in
// order); see tense.tsv for how the rules are applied.
func (lx *lexicon) tense(words []string) Tense {
	last := len(words) - 1
	weak := Unknown
	for i := last; i >= 0; {
		var best *rule
		for _, r := range lx.rules {
			if (best == nil || len(r.toks) > len(best.toks)) && r.matchEnd(words, i, last) {
				best = r
			}
		}
		switch {
		case best == nil:
			i--
		case best.tense == Unknown:
			i -= len(best.toks)
		case best.rank == 1:
			return best.tense
		default:
			if weak == Unknown {
				weak = best.tense
			}
			i--
		}
	}
	return weak
}

// wordsOf returns the word tokens among toks[i:j].
func wordsOf(toks []token, i, j int) []string {
	var ws []string
	for _, t := range toks[i:j] {
		if t.kind == tWord {
			ws = append(ws, t.s)
		}
	}
	return ws
}

// DetectTense reads the tense of a Hindi or English clause from its verb
// group, using the markers in schema/data/*/dates/tense.tsv: था/थी/थे, a
// perfect participle (किया, दी, हुई, कहा, बताया), alone or before है, →
// Past; -गा/-गी/-गे, होने वाला/वाली, तय है, -ने जा रहा है, will, to be →
// Future; है alone → Present. The last verb group of the clause decides,
// so pass one clause for a precise answer: a whole sentence takes the tense
// of its last clause. Unknown if no marker is found.
func DetectTense(clause string) Tense { return NewText(clause).Tense() }

// Text is a text folded and tokenised once, for a caller that asks both
// its tense and its time expressions: extraction asks both of every
// clause, and folding (NFC, then rune by rune) cost as much as the two
// questions.
type Text struct{ f *folded }

// NewText folds text for Tense and Find.
func NewText(text string) Text { return Text{fold(text)} }

// Source is the text as given to NewText.
func (t Text) Source() string {
	if t.f == nil {
		return ""
	}
	return t.f.src
}

// Tense is DetectTense of the text.
func (t Text) Tense() Tense {
	if t.f == nil {
		return Unknown
	}
	return load().tense(wordsOf(t.f.toks, 0, len(t.f.toks)))
}
