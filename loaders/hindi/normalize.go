// Package hindi holds the text processing kg needs before extraction, for
// Hindi and the English mixed into Hindi news: cleaning a text into the form
// kg stores, folding spelling variants for matching, splitting sentences and
// tokenising. Its word lists live in schema/data/hi.
package hindi

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kgnews/kg/schema"
)

// Clean returns the form of a text that kg stores and counts offsets in:
// NFC, no byte-order mark, LF line ends, no zero-width characters, no-break
// and other exotic spaces turned into plain spaces, no space before a
// danda ("है ।" → "है।"), and no control characters: terminal escape
// sequences (ESC [ … m, ESC ] … BEL) go whole, other C0 and C1 controls,
// DEL and the bidirectional embedding and override marks go, so that
// nothing stored can recolour or rewrite the terminal that prints it.
func Clean(s string) string {
	if inert(s) {
		return s
	}
	if plain(s) {
		return norm.NFC.String(s) // s itself when it is NFC already
	}
	return clean(s)
}

// Kinds of rune for inert, below U+0980 (ASCII and Devanagari).
const (
	rSlow  uint8 = iota // anything else: Clean's whole way
	rInert              // stays as it is, in NFC and in Clean, beside any other inert rune
	rSpace              // the plain space
	rDanda              // । ॥ |: no space may come before them
)

// runeKinds is computed from the Unicode tables of x/text/unicode/norm, so
// that it cannot disagree with them: a rune is inert if it is a printable
// ASCII character or newline, or a Devanagari character with no
// decomposition that neither combines with what comes before it
// (BoundaryBefore) nor has a combining class other than 0 and the virama's
// 9 (the only combining mark allowed, which composes with nothing and
// keeps its place beside starters and itself).
var runeKinds = func() (k [0x980]uint8) {
	for r := rune(0); r < 0x980; r++ {
		switch {
		case r == ' ':
			k[r] = rSpace
		case r == '|' || r == '।' || r == '॥':
			k[r] = rDanda
		case r == '\n' || r >= 0x20 && r < 0x7f:
			k[r] = rInert
		case r >= 0x900:
			p := norm.NFC.PropertiesString(string(r))
			if len(p.Decomposition()) == 0 && !unicode.IsControl(r) && !unicode.IsSpace(r) &&
				(p.CCC() == 0 && p.BoundaryBefore() || r == '\u094d' && p.CCC() == 9) {
				k[r] = rInert
			}
		}
	}
	return k
}()

// inert reports whether Clean leaves s as it is, reading each rune once:
// ASCII and Devanagari only, no control but the newline, no space before
// a danda, and NFC already (see runeKinds). Most of the words and
// sentences kg folds are inert, and NFC's own check cost a tenth of
// start-up (the lexicon folds every name).
func inert(s string) bool {
	space := false
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if r >= 0x980 {
				return false // utf8.RuneError too
			}
		}
		switch runeKinds[r] {
		case rSlow:
			return false
		case rSpace:
			space = true
			continue
		case rDanda:
			if space {
				return false
			}
		}
		space = false
	}
	return true
}

// clean is Clean's every step.
func clean(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = stripEscapes(s)
	// What goes goes before NFC: a character between a letter and its
	// combining mark keeps them apart, and taken out afterwards would leave
	// the pair uncomposed (and a second Clean would compose it).
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			return -1 // zero-width (non-)joiners and friends change nothing a reader sees
		case r != '\n' && r != '\t' && (unicode.IsControl(r) || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'):
			return -1
		}
		return r
	}, s)
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	spaces := 0 // spaces held back: they go unless a danda follows
	for _, r := range s {
		if r == '\t' || r != '\n' && unicode.IsSpace(r) {
			spaces++
			continue
		}
		if r != '।' && r != '॥' && r != '|' {
			for ; spaces > 0; spaces-- {
				b.WriteByte(' ')
			}
		}
		spaces = 0
		b.WriteRune(r)
	}
	for ; spaces > 0; spaces-- {
		b.WriteByte(' ')
	}
	return b.String()
}

// plain reports whether Clean would change nothing in s but its NFC form:
// valid UTF-8 without a byte-order mark, CR, tab, control, escape,
// zero-width or bidi character, no space but the plain one, and no space
// before a danda. Words and most sentences are plain, and Clean (which
// Fold calls for every word of the lexicon and of each article) then
// skips its four passes and copy.
func plain(s string) bool {
	space := false
	for _, r := range s {
		switch {
		case r == ' ':
			space = true
			continue
		case r == '\n':
		case r < 0x20 || r == 0x7f:
			return false
		case r < 0x80:
			if r == '|' && space {
				return false
			}
		case r == '।' || r == '॥':
			if space {
				return false
			}
		case r == utf8.RuneError || r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\u00ad' ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || unicode.IsControl(r) || unicode.IsSpace(r):
			return false
		}
		space = false
	}
	return true
}

// stripEscapes removes terminal escape sequences: CSI (ESC [ … final
// byte), OSC (ESC ] … BEL or ESC \) and two-byte ones (ESC and one more).
func stripEscapes(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch s[i+1] {
		case '[':
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) && s[j] >= 0x20 {
				j++
			}
			i = j // the final byte goes too
		case ']':
			j := i + 2
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j < len(s) && s[j] == 0x1b {
				j++
			}
			i = j
		default:
			if s[i+1] >= 0x20 && s[i+1] < 0x7f {
				i++
			}
		}
	}
	return b.String()
}

type folder struct {
	pairs [][2]string // longest "from" first
	first map[rune]bool
	// low is first for the runes below U+0980, looked up without hashing
	// (Fold asks for every rune of every word)
	low [0x980]bool
	// keep: runes below U+0980 that Clean and Fold leave as they are
	keep [0x980]bool
}

// folded reports whether Fold(s) is s: every rune one that Clean and Fold
// keep (no capital, Devanagari digit, dash or newline), no variant of
// hi/normalize.tsv, and single spaces between words only. Most words are folded
// already (extraction folds tokens of folded text, the lexicon its names'
// words), and Fold then returns them without building a copy.
func (f *folder) folded(s string) bool {
	space := false // the rune before was a space
	for i := 0; i < len(s); {
		at := i
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if r >= 0x980 {
				return false
			}
		}
		switch {
		case r == ' ':
			if at == 0 || space {
				return false // leading or double
			}
			space = true
			continue
		case !f.keep[r], space && runeKinds[r] == rDanda:
			return false
		case f.low[r]:
			if _, _, ok := f.match(s[at:]); ok {
				return false
			}
		}
		space = false
	}
	return !space // no trailing space
}

// starts reports whether a variant begins with r.
func (f *folder) starts(r rune) bool {
	if r < 0x980 {
		return f.low[r]
	}
	return f.first[r]
}

var (
	foldOnce sync.Once
	fold     *folder
	foldErr  error
)

func loadFolder() (*folder, error) {
	foldOnce.Do(func() {
		rows, err := schema.ReadTSV("hi/normalize.tsv", 1)
		if err != nil {
			foldErr = err
			return
		}
		f := &folder{first: map[rune]bool{}}
		for _, r := range rows {
			from := norm.NFC.String(r.Fields[0])
			to := ""
			if len(r.Fields) > 1 {
				to = norm.NFC.String(r.Fields[1])
			}
			if from == "" {
				foldErr = r.Errorf("empty variant")
				return
			}
			f.pairs = append(f.pairs, [2]string{from, to})
			for _, c := range from {
				f.first[c] = true
				if c < 0x980 {
					f.low[c] = true
				}
				break
			}
		}
		for r := rune(0); r < 0x980; r++ {
			f.keep[r] = (runeKinds[r] == rInert || runeKinds[r] == rDanda) && r != '\n' &&
				!(r >= '०' && r <= '९') && !(r >= 'A' && r <= 'Z') && r != '-' && unicode.ToLower(r) == r
		}
		// Longest first, so a conjunct wins over its first letter.
		for i := 1; i < len(f.pairs); i++ {
			for j := i; j > 0 && len(f.pairs[j][0]) > len(f.pairs[j-1][0]); j-- {
				f.pairs[j], f.pairs[j-1] = f.pairs[j-1], f.pairs[j]
			}
		}
		fold = f
	})
	return fold, foldErr
}

// Check loads the package's data files and reports the first problem, so a
// broken data file fails at start-up rather than matching nothing.
func Check() error {
	if _, err := loadFolder(); err != nil {
		return err
	}
	if _, err := loadLists(); err != nil {
		return err
	}
	if _, err := loadTranslit(); err != nil {
		return err
	}
	_, err := loadNameHeads()
	return err
}

// Fold returns the matching form of a word or phrase: Clean, then lower
// case, Devanagari digits as ASCII, nukta and chandrabindu dropped, nasal
// conjuncts as anusvara (hi/normalize.tsv), hyphens and spaces as one
// space. Two spellings a reader takes for the same word fold alike:
// Fold("सितम्बर") == Fold("सितंबर"), Fold("ट्रम्प") == Fold("ट्रंप").
func Fold(s string) string {
	f, err := loadFolder()
	if err != nil {
		panic(err) // data files are embedded and tested; see Check
	}
	if f.folded(s) {
		return s
	}
	return f.fold(s)
}

// fold is Fold's every step.
func (f *folder) fold(s string) string {
	s = Clean(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading spaces
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if f.starts(r) {
			if to, m, ok := f.match(s[i:]); ok {
				b.WriteString(to)
				i += m
				space = false
				continue
			}
		}
		i += n
		switch {
		case r >= '०' && r <= '९':
			b.WriteByte(byte('0' + (r - '०')))
		case r == '-' || r == '‐' || r == '‑' || r == '–' || r == ' ' || r == '\n':
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

func (f *folder) match(s string) (string, int, bool) {
	for _, p := range f.pairs {
		if strings.HasPrefix(s, p[0]) {
			return p[1], len(p[0]), true
		}
	}
	return "", 0, false
}

// IsDevanagari reports whether s contains a Devanagari letter.
func IsDevanagari(s string) bool {
	for _, r := range s {
		if r >= 0x0900 && r <= 0x097F {
			return true
		}
	}
	return false
}
