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
	modify  map[string]bool // rows of kind "word": translated only beside other translated words
	longest int             // words in the longest row
}

var loadNameHeads = sync.OnceValues(func() (*nameHeads, error) {
	rows, err := schema.ReadTSV("hi/nameheads.tsv", 2)
	if err != nil {
		return nil, err
	}
	h := &nameHeads{words: map[string]string{}, modify: map[string]bool{}}
	for _, r := range rows {
		en := r.Field(1)
		if en == "" {
			return nil, r.Errorf("%q needs its English word", r.Field(0))
		}
		if k := r.Field(2); k != "" && k != "word" {
			return nil, r.Errorf("kind %q: want nothing (a head) or word", k)
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
			h.modify[f] = r.Field(2) == "word"
			h.longest = max(h.longest, len(strings.Fields(f)))
		}
	}
	return h, nil
})

// LabelName returns the English label of the name of a thing that is no
// person (an organisation, a place, a prize): its transliteration, with the
// common nouns that say what it is translated (hi/nameheads.tsv): मैकगिल
// विश्वविद्यालय → McGill University rather than Maikgil Vishwavidyalay,
// which no analyst would search for. The words of kind "word" (रक्षा →
// Defence) are translated only when every word of the name is (रक्षा
// मंत्रालय → Defence Ministry; not राष्ट्रीय in a name that has a proper
// name in it). A name of one word is transliterated whole: a head alone
// is what the name is called.
func LabelName(s string) string {
	h, err := loadNameHeads()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	words := strings.Fields(Clean(s))
	if len(words) < 2 {
		return Transliterate(s)
	}
	// the rows at each word: translated heads, words, or neither
	type part struct {
		words  []string
		en     string
		modify bool
	}
	var parts []part
	all := true
	for i := 0; i < len(words); {
		found := false
		for l := min(h.longest, len(words)-i); l > 0; l-- {
			f := Fold(strings.Join(words[i:i+l], " "))
			if en, ok := h.words[f]; ok {
				parts = append(parts, part{words: words[i : i+l], en: en, modify: h.modify[f]})
				i += l
				found = true
				break
			}
		}
		if !found {
			parts = append(parts, part{words: words[i : i+1]})
			all = false
			i++
		}
	}
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, Transliterate(strings.Join(run, " ")))
			run = run[:0]
		}
	}
	for _, p := range parts {
		if p.en == "" || p.modify && !all {
			run = append(run, p.words...)
			continue
		}
		flush()
		out = append(out, p.en)
	}
	flush()
	return strings.Join(out, " ")
}

// NameHead returns the English word of a Hindi noun that says what a name
// names (विश्वविद्यालय → University, hi/nameheads.tsv heads, not the
// qualifying words): such a noun after a demonym ("अमरीकी विश्वविद्यालय")
// is a description, not a name.
func NameHead(word string) (string, bool) {
	h, err := loadNameHeads()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	f := Fold(word)
	en, ok := h.words[f]
	return en, ok && !h.modify[f]
}
