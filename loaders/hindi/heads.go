package hindi

import (
	"strings"
	"sync"

	"github.com/kgnews/kg/schema"
)

// nameHeads is hi/nameheads.tsv: folded Hindi common nouns of one or two
// words that make up names of things (विश्वविद्यालय, नदी, हवाई अड्डा) → the
// English word.
type nameHeads struct {
	words   map[string]string
	longest int // words in the longest row
}

var loadNameHeads = sync.OnceValues(func() (*nameHeads, error) {
	rows, err := schema.ReadTSV("hi/nameheads.tsv", 2)
	if err != nil {
		return nil, err
	}
	h := &nameHeads{words: map[string]string{}}
	for _, r := range rows {
		en := r.Field(1)
		if en == "" {
			return nil, r.Errorf("%q needs its English word", r.Field(0))
		}
		for _, w := range r.List(0) {
			f := Fold(w)
			if f == "" {
				return nil, r.Errorf("empty word")
			}
			if old, ok := h.words[f]; ok && old != en {
				return nil, r.Errorf("%q is already %q", w, old)
			}
			h.words[f] = en
			h.longest = max(h.longest, len(strings.Fields(f)))
		}
	}
	return h, nil
})

// LabelName returns the English label of the name of a thing that is no
// person (an organisation, a place, a prize): its transliteration, with the
// common nouns that say what it is translated (hi/nameheads.tsv): मैकगिल
// विश्वविद्यालय → McGill University rather than Maikgil Vishwavidyalay,
// which no analyst would search for. A name of one word, or of such nouns
// only, is transliterated whole: a head alone is what the name is called.
func LabelName(s string) string {
	h, err := loadNameHeads()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	words := strings.Fields(Clean(s))
	if len(words) < 2 {
		return Transliterate(s)
	}
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, Transliterate(strings.Join(run, " ")))
			run = run[:0]
		}
	}
	translated := 0
	for i := 0; i < len(words); {
		found := false
		for l := min(h.longest, len(words)-i); l > 0; l-- {
			if en, ok := h.words[Fold(strings.Join(words[i:i+l], " "))]; ok {
				flush()
				out = append(out, en)
				translated += l
				i += l
				found = true
				break
			}
		}
		if !found {
			run = append(run, words[i])
			i++
		}
	}
	flush()
	if translated == len(words) {
		return Transliterate(s)
	}
	return strings.Join(out, " ")
}
