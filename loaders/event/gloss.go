package event

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kgnews/kg/schema"
)

// Gloss is a row of hi/glosses.tsv: a Hindi verb (or noun with its light
// verb) that no frame covers, with an English gloss, so that a clause
// stating a relation no frame knows still yields a generic event.
type Gloss struct {
	Pattern Pattern
	Lemma   string // the Hindi lemma: "ख़रीदना", "इस्तेमाल करना"
	EN      string // English gloss: "buy"
	Past    string // English past form, for the direct edge: "bought"
	// Dative: a verb of giving, sending or showing, whose को phrase
	// receives (the fourth column, "recipient")
	Dative bool
	Line   int
}

// Verb is a clause's main verb read with the gloss list.
type Verb struct {
	Gloss      *Gloss
	Start, End int // the verb's words
	GroupEnd   int
	Negated    bool
	Passive    bool
	Modal      string
}

func loadGlosses(vt *verbTable) ([]*Gloss, error) {
	rows, err := schema.ReadTSV("hi/glosses.tsv", 3)
	if err != nil {
		return nil, err
	}
	var out []*Gloss
	for _, r := range rows {
		p, err := vt.pattern(r.Field(0))
		if err != nil {
			return nil, r.Errorf("verb %q: %v", r.Field(0), err)
		}
		en := r.Field(1)
		past := r.Field(2)
		if en == "" || past == "" || strings.ContainsAny(past, " \t") {
			return nil, r.Errorf("gloss needs an English verb and its past form (one word, _ for spaces)")
		}
		if k := r.Field(3); k != "" && k != "recipient" {
			return nil, r.Errorf("the fourth column is %q: want \"recipient\" or nothing", k)
		}
		out = append(out, &Gloss{Pattern: p, Lemma: lemma(r.Field(0)), EN: en, Past: past, Dative: r.Field(3) == "recipient", Line: r.Line})
	}
	// a noun with its light verb before the verb alone: "इस्तेमाल कर~"
	// before "कर~"
	sort.SliceStable(out, func(a, b int) bool { return out[a].Pattern.Len() > out[b].Pattern.Len() })
	return out, nil
}

// lemma writes a pattern as a dictionary form: "ख़रीद~" → "ख़रीदना",
// "इस्तेमाल कर~" → "इस्तेमाल करना".
func lemma(pat string) string {
	ws := strings.Fields(pat)
	for i, w := range ws {
		if stem, ok := strings.CutSuffix(w, "~"); ok {
			ws[i] = stem + "ना"
		}
	}
	return strings.Join(ws, " ")
}

// Glosses lists the gloss table's rows.
func (fs *Frames) Glosses() []*Gloss { return fs.glosses }

// MainVerb finds the main verb of the clause words[lo:hi]: a gloss that
// ends where the clause's trailing auxiliaries begin ("ख़रीद लिया है"), or
// is itself one of them ("किताब दी"). ok is false when the clause ends in no
// verb the list knows.
func (fs *Frames) MainVerb(words []string, lo, hi int) (Verb, bool) {
	g := fs.group
	end := hi
	for end > lo && !isWordLike(words[end-1]) {
		end--
	}
	k := end
	for k > lo && (g.aux[words[k-1]] || g.negation[words[k-1]] || g.passive[words[k-1]]) {
		k--
	}
	for e := k; e <= end; e++ {
		for _, gl := range fs.glosses {
			s := e - gl.Pattern.Len()
			if s < lo || !gl.Pattern.MatchAt(words, s) {
				continue
			}
			// "दिखाई दिए": a verb form that is also the noun of a longer
			// gloss ending one word later (an auxiliary: "दिखाई दे~",
			// appear) is that gloss, not the verb (दिखा~, show)
			if e < end {
				if gl2, s2 := fs.glossEndingAt(words, lo, e+1); gl2 != nil && s2 <= s {
					gl, s, e = gl2, s2, e+1
				}
			}
			// "आने दिया", "करने लगे": after an oblique infinitive the verb
			// is a modal (let, begin), not the relation
			if s > lo && isInfinitive(words[s-1]) {
				return Verb{}, false
			}
			// "संक्रमित कर दिया", "बहाल कर दिया": a verb the auxiliaries
			// hold (दिया, लिया) after करना's stem is a vector verb
			// (completion), not give or take; the relation is the word
			// before कर, which no gloss names
			if s >= k && s > lo && g.vectorHost[words[s-1]] {
				return Verb{}, false
			}
			t := Trigger{Start: s, End: e, LightStart: e, LightEnd: e}
			fs.readGroup(words, hi, &t)
			v := Verb{Gloss: gl, Start: s, End: e, GroupEnd: t.GroupEnd, Passive: t.Passive, Modal: t.Modal, Negated: t.Negated}
			for j := max(lo, s-1); j < e; j++ {
				if g.negation[words[j]] {
					v.Negated = true
				}
			}
			return v, true
		}
	}
	return Verb{}, false
}

// glossEndingAt is the longest gloss that ends at word e and starts at
// lo or after, with its start.
func (fs *Frames) glossEndingAt(words []string, lo, e int) (*Gloss, int) {
	for _, gl := range fs.glosses {
		if s := e - gl.Pattern.Len(); s >= lo && gl.Pattern.MatchAt(words, s) {
			return gl, s
		}
	}
	return nil, 0
}

func isWordLike(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
