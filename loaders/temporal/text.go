package temporal

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A folded text is the matching form of an input: NFC, then Devanagari
// digits as ASCII, nukta dropped, chandrabindu as anusvara, zero-width
// characters dropped, every space a plain space, dashes as '-', Latin in
// lower case. Each folded rune remembers the byte range of the input it
// came from, so expressions are reported in the caller's own offsets.
type folded struct {
	src   string
	runes []rune
	start []int // byte offset in src where the rune's source begins
	end   []int // byte offset in src where its source ends
	toks  []token
}

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

type token struct {
	s     string // folded form
	kind  tokKind
	b, e  int  // folded rune range [b, e)
	num   int  // value of a tNum (not a quantity); -1 otherwise
	ndig  int  // digits in a tNum
	qty   bool // a grouped or decimal number (5,000; 2.5): never part of a date
	space bool // whitespace or start of text before the token
	cap   bool // the input spells it with a leading capital
}

// nuktaBase maps the precomposed nukta letters to their base letters.
// NFC decomposes most of them anyway; ऩ ऱ ऴ it keeps composed.
var nuktaBase = map[rune]rune{
	'\u0929': '\u0928', '\u0931': '\u0930', '\u0934': '\u0933', // ऩ ऱ ऴ
	'\u0958': '\u0915', '\u0959': '\u0916', '\u095a': '\u0917', '\u095b': '\u091c', // क़ ख़ ग़ ज़
	'\u095c': '\u0921', '\u095d': '\u0922', '\u095e': '\u092b', '\u095f': '\u092f', // ड़ ढ़ फ़ य़
}

// foldRune gives the matching form of one rune, or false to drop it.
func foldRune(r rune) (rune, bool) {
	switch {
	case r >= '०' && r <= '९':
		return '0' + (r - '०'), true
	case r == '\u093c': // nukta: news spells borrowed sounds with and without it
		return 0, false
	case r == '\u0901': // chandrabindu and anusvara are used interchangeably
		return '\u0902', true
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		return 0, false
	case r == '\u0970': // Devanagari abbreviation sign: ई॰ = ई.
		return '.', true
	case r >= '\u2010' && r <= '\u2015' || r == '\u2212':
		return '-', true
	case r == '\u2018' || r == '\u2019' || r == '\u02bc':
		return '\'', true
	case unicode.IsSpace(r):
		return ' ', true
	}
	if b, ok := nuktaBase[r]; ok {
		return b, true
	}
	return unicode.ToLower(r), true
}

// fold builds the matching form of src and tokenises it.
func fold(src string) *folded {
	f := &folded{src: src}
	var it norm.Iter
	it.InitString(norm.NFC, src)
	for !it.Done() {
		p0 := it.Pos()
		seg := it.Next()
		p1 := it.Pos()
		// A segment is a starter and its combining marks: every rune of it
		// maps to the whole segment, so a slice never splits a letter from
		// its nukta or virama, whether the input was NFC or NFD.
		for _, r := range string(seg) {
			if fr, ok := foldRune(r); ok {
				f.runes = append(f.runes, fr)
				f.start = append(f.start, p0)
				f.end = append(f.end, p1)
			}
		}
	}
	f.tokenize()
	return f
}

// foldString is the matching form of a data word.
func foldString(s string) string {
	return string(fold(s).runes)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func (f *folded) digitsFrom(i int) int {
	j := i
	for j < len(f.runes) && isDigit(f.runes[j]) {
		j++
	}
	return j
}

func (f *folded) tokenize() {
	rs := f.runes
	space := true
	for i := 0; i < len(rs); {
		r := rs[i]
		t := token{b: i, space: space, num: -1}
		space = false
		switch {
		case r == ' ':
			space = true
			i++
			continue
		case isDigit(r):
			t.kind = tNum
			j := f.digitsFrom(i)
			// 5,000 and 1,00,000: groups of two or three digits after a comma
			// make one quantity ("13,2025" is a day and a year).
			for j+1 < len(rs) && rs[j] == ',' {
				k := f.digitsFrom(j + 1)
				if n := k - j - 1; n != 2 && n != 3 {
					break
				}
				j, t.qty = k, true
			}
			// 2.5 is a quantity; 13.08.2025 is a date, so a dot between two
			// digit groups that is followed or preceded by another is not a
			// decimal point.
			if !t.qty && j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
				k := f.digitsFrom(j + 1)
				dotAfter := k+1 < len(rs) && rs[k] == '.' && isDigit(rs[k+1])
				dotBefore := i >= 2 && rs[i-1] == '.' && isDigit(rs[i-2])
				if !dotAfter && !dotBefore {
					j, t.qty = k, true
				}
			}
			t.e = j
			if !t.qty {
				t.ndig = j - i
				if n, err := strconv.Atoi(string(rs[i:j])); err == nil && t.ndig <= 9 {
					t.num = n
				}
			}
		case isWordRune(r):
			t.kind = tWord
			j := i + 1
			for j < len(rs) {
				if isWordRune(rs[j]) {
					j++
					continue
				}
				// he'll, won't, Putin's: an apostrophe inside a Latin word
				if rs[j] == '\'' && j+1 < len(rs) && isLatin(rs[j-1]) && isLatin(rs[j+1]) {
					j++
					continue
				}
				break
			}
			t.e = j
			first, _ := utf8.DecodeRuneInString(f.src[f.start[i]:])
			t.cap = unicode.IsUpper(first)
		default:
			t.kind = tPunct
			t.e = i + 1
		}
		t.s = string(rs[t.b:t.e])
		f.toks = append(f.toks, t)
		i = t.e
	}
}

// span returns the input byte range of tokens [i, j).
func (f *folded) span(i, j int) (int, int) {
	return f.start[f.toks[i].b], f.end[f.toks[j-1].e-1]
}
