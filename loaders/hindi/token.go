package hindi

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/schema"
)

// Kind is the kind of a token.
type Kind int

const (
	Word   Kind = iota // a word, possibly hyphenated (जोंग-उन) or with a number (80वीं)
	Number             // digits with optional grouping: 5,000 1910-45 3.5
	Punct              // punctuation, one rune (danda, comma, quote)
)

// Token is one token of a text.
type Token struct {
	Text       string // as written
	Norm       string // Fold(Text)
	Start, End int    // byte offsets in the text tokenised
	Kind       Kind
}

// Tokenize splits text into words, numbers and punctuation. Hyphenated
// words stay whole (जोंग-उन, मई-जून, 1910-45), as do numbers with digit
// grouping (5,000); postpositions, already separate words in Hindi, are
// separate tokens (रूस के → रूस, के), so that every case form of a name
// starts with the same token.
func Tokenize(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := scanWord(text, i)
			out = append(out, token(text, i, j))
			i = j
		default:
			out = append(out, Token{Text: text[i : i+n], Norm: text[i : i+n], Start: i, End: i + n, Kind: Punct})
			i += n
		}
	}
	return out
}

func token(text string, i, j int) Token {
	t := Token{Text: text[i:j], Start: i, End: j, Kind: Word}
	t.Norm = Fold(t.Text)
	if isNumber(t.Norm) {
		t.Kind = Number
	}
	return t
}

// scanWord returns the end of the word starting at i: letters, marks and
// digits, joined by an inner hyphen, or by a comma or full stop between
// digits.
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if (r == '-' || r == '‐' || r == '‑') && j > i {
			if r2, _ := utf8.DecodeRuneInString(text[j+n:]); isWordRune(r2) {
				j += n
				continue
			}
		}
		if (r == ',' || r == '.') && j > i {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if isDigit(prev) && isDigit(next) {
				j += n
				continue
			}
		}
		// a word-final full stop of an abbreviation (डॉ., U.S.)
		if r == '.' && isAbbreviation(text[i:j+n]) {
			j += n
			continue
		}
		break
	}
	return j
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '_'
}

func isDigit(r rune) bool { return unicode.IsDigit(r) }

func isNumber(norm string) bool {
	if norm == "" {
		return false
	}
	digits := 0
	for _, r := range norm {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.' || r == ' ':
		default:
			return false
		}
	}
	return digits > 0
}

type lists struct {
	abbrev map[string]bool
	post   [][]string // folded postpositions, as token sequences, longest first
}

var (
	listsOnce sync.Once
	theLists  *lists
	listsErr  error
)

func loadLists() (*lists, error) {
	listsOnce.Do(func() {
		l := &lists{abbrev: map[string]bool{}}
		ab, err := schema.ReadLines("hi/abbreviations.txt")
		if err != nil {
			listsErr = err
			return
		}
		for _, a := range ab {
			l.abbrev[strings.ToLower(a)] = true
		}
		pp, err := schema.ReadLines("hi/postpositions.txt")
		if err != nil {
			listsErr = err
			return
		}
		for _, p := range pp {
			l.post = append(l.post, strings.Fields(Fold(p)))
		}
		for i := 1; i < len(l.post); i++ {
			for j := i; j > 0 && len(l.post[j]) > len(l.post[j-1]); j-- {
				l.post[j], l.post[j-1] = l.post[j-1], l.post[j]
			}
		}
		theLists = l
	})
	return theLists, listsErr
}

func mustLists() *lists {
	l, err := loadLists()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	return l
}

func isAbbreviation(w string) bool {
	return mustLists().abbrev[strings.ToLower(w)]
}

// Postposition reports whether the tokens at i start a postposition (case
// marker), and how many tokens it spans: "के बारे में" is one postposition
// of three tokens. The folded form is returned with single spaces.
func Postposition(toks []Token, i int) (string, int) {
	for _, p := range mustLists().post {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return strings.Join(p, " "), len(p)
		}
	}
	return "", 0
}
