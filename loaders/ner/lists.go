package ner

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// The tagger's own word lists. They are features of the model: changing
// one changes what the model sees, so retrain after an edit (README).
//
//go:embed data/*.txt
var dataFS embed.FS

// phrases is a set of folded word sequences, found at each position of a
// sentence.
type phrases struct {
	byFirst map[string][][]string
}

func newPhrases(items []string) *phrases {
	p := &phrases{byFirst: map[string][][]string{}}
	seen := map[string]bool{}
	for _, it := range items {
		var ws []string
		for _, t := range hindi.Tokenize(it) {
			ws = append(ws, strings.Fields(t.Norm)...)
		}
		key := strings.Join(ws, " ")
		if len(ws) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		p.byFirst[ws[0]] = append(p.byFirst[ws[0]], ws)
	}
	// longest first, so "पुलिस अधीक्षक" is found before "पुलिस"; then
	// alphabetically, so the order never depends on the lists' order
	for _, l := range p.byFirst {
		sort.Slice(l, func(i, j int) bool {
			if len(l[i]) != len(l[j]) {
				return len(l[i]) > len(l[j])
			}
			return strings.Join(l[i], " ") < strings.Join(l[j], " ")
		})
	}
	return p
}

// at returns the length in words of the longest phrase starting at word i,
// or 0.
func (p *phrases) at(ws []word, i int) int {
	for _, ph := range p.byFirst[ws[i].norm] {
		if i+len(ph) > len(ws) {
			continue
		}
		ok := true
		for k, w := range ph {
			if ws[i+k].norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

// lists are the word lists and the lexicon the features consult.
type lists struct {
	cues   *phrases // titles, honorifics, roles: stand before a person's name
	places *phrases // place words: stand after a place's name
	orgs   *phrases // organisation words: end an organisation's name
	marks  *phrases // case markers and postpositions (ने, को, के अनुसार): follow a noun phrase
	stop   map[string]bool
	lex    *entity.Lexicon
	// letters are the folded names of the Latin letters (एस, डब्ल्यू),
	// longest first, for spotting acronyms written in Devanagari
	letters []string
}

var loadLists = sync.OnceValues(func() (*lists, error) {
	l, err := readLists()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return l, nil
})

func readLists() (*lists, error) {
	own := func(name string) ([]string, error) {
		b, err := fs.ReadFile(dataFS, "data/"+name)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
				out = append(out, line)
			}
		}
		return out, nil
	}
	var cues []string
	titles, err := schema.ReadTSV("hi/titles.tsv", 1)
	if err != nil {
		return nil, err
	}
	for _, r := range titles {
		cues = append(cues, r.List(0)...)
	}
	hon, err := schema.ReadLines("hi/honorifics.txt")
	if err != nil {
		return nil, err
	}
	cues = append(cues, hon...)
	roles, err := own("person-cues.txt")
	if err != nil {
		return nil, err
	}
	cues = append(cues, roles...)
	places, err := own("place-words.txt")
	if err != nil {
		return nil, err
	}
	orgs, err := own("org-words.txt")
	if err != nil {
		return nil, err
	}
	marks, err := schema.ReadLines("hi/postpositions.txt")
	if err != nil {
		return nil, err
	}
	stop, err := schema.ReadLines("hi/stopwords.txt")
	if err != nil {
		return nil, err
	}
	letters, err := own("letter-names.txt")
	if err != nil {
		return nil, err
	}
	lex, err := entity.Default()
	if err != nil {
		return nil, err
	}
	l := &lists{cues: newPhrases(cues), places: newPhrases(places), orgs: newPhrases(orgs), marks: newPhrases(marks),
		stop: map[string]bool{}, lex: lex}
	for _, s := range stop {
		for _, w := range strings.Fields(hindi.Fold(s)) {
			l.stop[w] = true
		}
	}
	seen := map[string]bool{}
	for _, line := range letters {
		for _, v := range strings.Split(line, "|") {
			if v = hindi.Fold(v); v != "" && !seen[v] {
				seen[v] = true
				l.letters = append(l.letters, v)
			}
		}
	}
	sort.Slice(l.letters, func(i, j int) bool {
		if len(l.letters[i]) != len(l.letters[j]) {
			return len(l.letters[i]) > len(l.letters[j])
		}
		return l.letters[i] < l.letters[j]
	})
	return l, nil
}

// lexType maps a lexicon class onto the tagger's types; other classes
// (events, treaties, things) are "MISC", which is no name type but still
// tells the model the words are a lexicon name.
func lexType(class string) string {
	switch class {
	case "Person":
		return PER
	case "Country", "City", "Place", "AdministrativeArea":
		return LOC
	case "Organization", "GovernmentOrganization", "NewsMediaOrganization",
		"MilitaryOrganization", "PoliticalParty", "Group":
		return ORG
	}
	return "MISC"
}

// letterCount returns how many Latin letter names spell the folded word
// exactly (आईआईएम: आई आई एम, 3), or 0 if it is not spelled by them.
func (l *lists) letterCount(w string) int {
	if w == "" || len(w) > 64 {
		return 0
	}
	// best[i]: fewest letters spelling w[:i], -1 if none; the fewest is
	// what a reader takes (डब्ल्यू, not डी + …)
	var best [65]int
	for i := 1; i <= len(w); i++ {
		best[i] = -1
	}
	for i := 0; i < len(w); i++ {
		if best[i] < 0 {
			continue
		}
		for _, x := range l.letters {
			if strings.HasPrefix(w[i:], x) {
				if j := i + len(x); best[j] < 0 || best[i]+1 < best[j] {
					best[j] = best[i] + 1
				}
			}
		}
	}
	return max(best[len(w)], 0)
}
