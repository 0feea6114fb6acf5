package ner

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
)

// The tagger's word lists: its own (data/*.txt, data/names/) and its copy
// of kg's shared lists (data/shared/, snapshot.go). They are features of
// the model: changing one changes what the model sees, so retrain after an
// edit (README); the model records a fingerprint of them (Info.Lists).
//
//go:embed data
var dataFS embed.FS

// phrases is a set of folded word sequences, found at each position of a
// sentence.
type phrases struct {
	byFirst map[string][][]string
}

func newPhrases(items []string) *phrases {
	var split [][]string
	for _, it := range items {
		var ws []string
		for _, t := range hindi.Tokenize(it) {
			ws = append(ws, strings.Fields(t.Norm)...)
		}
		split = append(split, ws)
	}
	return wordPhrases(split)
}

// wordPhrases makes a set of phrases already split into folded words.
func wordPhrases(items [][]string) *phrases {
	type keyed struct {
		ws  []string
		key string // the words joined by spaces
	}
	byFirst := map[string][]keyed{}
	seen := map[string]bool{}
	for _, ws := range items {
		key := strings.Join(ws, " ")
		if len(ws) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		byFirst[ws[0]] = append(byFirst[ws[0]], keyed{ws, key})
	}
	// longest first, so "पुलिस अधीक्षक" is found before "पुलिस"; then
	// alphabetically, so the order never depends on the lists' order (by
	// keys joined once, not in every comparison: reading the lists took
	// a third less time)
	p := &phrases{byFirst: make(map[string][][]string, len(byFirst))}
	for first, l := range byFirst {
		sort.Slice(l, func(i, j int) bool {
			if len(l[i].ws) != len(l[j].ws) {
				return len(l[i].ws) > len(l[j].ws)
			}
			return l[i].key < l[j].key
		})
		out := make([][]string, len(l))
		for k, e := range l {
			out[k] = e.ws
		}
		p.byFirst[first] = out
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
	// lex is kg's lexicon as the copy has it: its phrases, and for each
	// (its words joined by spaces) the type and kind the features use
	lex      *phrases
	lexClass map[string][2]string
	// letters are the folded names of the Latin letters (एस, डब्ल्यू),
	// longest first, for spotting acronyms written in Devanagari
	letters []string
	// names: the classes of name parts (nameGivenIN …) a folded word is
	// in; loose: the same by looseKey, for spellings the lists lack
	names, loose map[string]uint8
	// affixes: endings typical of one type of name (-स्की, -पुर), longest
	// first
	affixes []affix
	// fingerprint identifies the lists' contents (Info.Lists)
	fingerprint string
}

type affix struct{ end, typ string }

var loadLists = sync.OnceValues(func() (*lists, error) {
	l, err := readLists(dataFS)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return l, nil
})

// readLine returns the lines of a list file that are neither blank nor
// comments.
func readLines(fsys fs.FS, name string) ([]string, error) {
	b, err := fs.ReadFile(fsys, name)
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

// readLists reads the lists from fsys, laid out as data/ is. It reads
// nothing else: no shared list of kg's (snapshot.go).
func readLists(fsys fs.FS) (*lists, error) {
	read := func(names ...string) ([]string, error) {
		var out []string
		for _, n := range names {
			lines, err := readLines(fsys, "data/"+n)
			if err != nil {
				return nil, err
			}
			out = append(out, lines...)
		}
		return out, nil
	}
	cues, err := read("shared/"+sharedCues, "person-cues.txt")
	if err != nil {
		return nil, err
	}
	places, err := read("place-words.txt")
	if err != nil {
		return nil, err
	}
	orgs, err := read("org-words.txt")
	if err != nil {
		return nil, err
	}
	marks, err := read("shared/" + sharedMarks)
	if err != nil {
		return nil, err
	}
	stop, err := read("shared/" + sharedStop)
	if err != nil {
		return nil, err
	}
	letters, err := read("letter-names.txt")
	if err != nil {
		return nil, err
	}
	lexRows, err := read("shared/" + sharedLex)
	if err != nil {
		return nil, err
	}
	l := &lists{cues: newPhrases(cues), places: newPhrases(places), orgs: newPhrases(orgs), marks: newPhrases(marks),
		stop: map[string]bool{}, lexClass: map[string][2]string{}}
	for _, s := range stop {
		for _, w := range strings.Fields(hindi.Fold(s)) {
			l.stop[w] = true
		}
	}
	var lexPhrases [][]string
	for _, r := range lexRows {
		f := strings.Split(r, "\t")
		if len(f) != 3 || f[0] == "" {
			return nil, fmt.Errorf("data/shared/%s: bad row %q", sharedLex, r)
		}
		lexPhrases = append(lexPhrases, strings.Split(f[0], " "))
		l.lexClass[f[0]] = [2]string{f[1], f[2]}
	}
	l.lex = wordPhrases(lexPhrases)
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
	if l.fingerprint, err = fingerprint(fsys); err != nil {
		return nil, err
	}
	return l, nil
}

// fingerprint hashes every file under data/ (names and contents, in name
// order).
func fingerprint(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// matchLexicon marks the lexicon's phrases in a sentence as entity.Match
// does: the longest at each position, left to right, without overlaps.
func (l *lists) matchLexicon(ws []word, fn func(start, end int, typ, kind string)) {
	for i := 0; i < len(ws); {
		n := l.lex.at(ws, i)
		if n == 0 {
			i++
			continue
		}
		var key strings.Builder
		for k := i; k < i+n; k++ {
			if k > i {
				key.WriteByte(' ')
			}
			key.WriteString(ws[k].norm)
		}
		c := l.lexClass[key.String()]
		fn(i, i+n, c[0], c[1])
		i += n
	}
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
