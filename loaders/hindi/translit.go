package hindi

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kgnews/kg/schema"
)

type translit struct {
	cons, vowel, matra, other map[rune]string
}

var (
	trOnce sync.Once
	tr     *translit
	trErr  error
)

func loadTranslit() (*translit, error) {
	trOnce.Do(func() {
		rows, err := schema.ReadTSV("hi/translit.tsv", 2)
		if err != nil {
			trErr = err
			return
		}
		t := &translit{cons: map[rune]string{}, vowel: map[rune]string{}, matra: map[rune]string{}, other: map[rune]string{}}
		for _, r := range rows {
			letter := []rune(r.Field(1))
			if len(letter) != 1 {
				trErr = r.Errorf("want one letter, got %q", r.Field(1))
				return
			}
			m := map[string]map[rune]string{"c": t.cons, "v": t.vowel, "m": t.matra, "x": t.other}[r.Field(0)]
			if m == nil {
				trErr = r.Errorf("unknown kind %q (c, v, m or x)", r.Field(0))
				return
			}
			m[letter[0]] = r.Field(2)
		}
		tr = t
	})
	return tr, trErr
}

// Transliterate writes Devanagari in Latin letters the way English-language
// newspapers romanise names (मुशर्रफ → Musharraf, जॉर्ज → Jorj): each
// consonant carries an "a" unless a vowel sign or virama follows, and the
// "a" is dropped at the end of a word. Other scripts pass through. Words
// are capitalised.
func Transliterate(s string) string {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	rs := []rune(Clean(s))
	var b strings.Builder
	wordStart := true
	// vowel reports whether the letter at i is pronounced with a vowel: a
	// vowel, or a consonant followed by a vowel sign or by nothing that
	// removes its inherent a.
	isCons := func(i int) bool { return i >= 0 && i < len(rs) && t.cons[rs[i]] != "" }
	next := func(i int) rune { // the sign after consonant i, skipping a nukta
		j := i + 1
		if j < len(rs) && rs[j] == '़' {
			j++
		}
		if j < len(rs) {
			return rs[j]
		}
		return 0
	}
	hasInherent := func(i int) bool { // consonant i keeps its "a" as written
		n := next(i)
		_, m := t.matra[n]
		return !m && n != '्'
	}
	wordEnd := func(i int) bool { // consonant i is the last letter of its word
		j := i + 1
		for j < len(rs) && (rs[j] == '़' || t.other[rs[j]] != "" && rs[j] != '्') {
			j++
		}
		return j >= len(rs) || !(isCons(j) || t.vowel[rs[j]] != "" || t.matra[rs[j]] != "")
	}
	nextCons := func(i int) int { // the consonant that follows consonant i's sign
		j := i + 1
		for j < len(rs) && (rs[j] == '़' || t.matra[rs[j]] != "" || t.other[rs[j]] != "" && rs[j] != '्') {
			j++
		}
		if isCons(j) {
			return j
		}
		return -1
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		var out string
		switch {
		case t.cons[r] != "":
			out = t.cons[r]
			if hasInherent(i) && !wordEnd(i) {
				// Hindi drops a medial a between a vowel and a consonant that
				// carries a vowel: परवेज → Parvej, समझौता → Samjhauta.
				drop := false
				if j := nextCons(i); j > 0 && i > 0 && (isCons(i-1) && hasInherent(i-1) || t.matra[rs[i-1]] != "" || t.vowel[rs[i-1]] != "") {
					if !wordEnd(j) && !hasInherent(j) {
						drop = true
					}
				}
				if !drop {
					out += "a"
				}
			}
		case t.vowel[r] != "":
			out = t.vowel[r]
		case t.matra[r] != "":
			out = t.matra[r]
		default:
			if o, ok := t.other[r]; ok {
				out = o
			} else if r >= '०' && r <= '९' {
				out = string('0' + (r - '०'))
			} else {
				out = string(r)
			}
		}
		if out == "" {
			continue
		}
		if wordStart && unicode.IsLetter([]rune(out)[0]) {
			out = strings.ToUpper(out[:1]) + out[1:]
		}
		last := []rune(out)[len([]rune(out))-1]
		wordStart = !unicode.IsLetter(last) && !unicode.IsDigit(last)
		if isDevanagariLetter(r) || unicode.IsMark(r) {
			wordStart = false
		}
		b.WriteString(out)
	}
	return b.String()
}

func isDevanagariLetter(r rune) bool { return r >= 0x0900 && r <= 0x097F }

// Slug returns a lower-case ASCII slug of s (Devanagari transliterated),
// words joined by hyphens, at most max bytes, cut at a word boundary.
func Slug(s string, max int) string {
	s = strings.ToLower(Transliterate(s))
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			cur.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	out := ""
	for _, w := range words {
		if out != "" && len(out)+1+len(w) > max {
			break
		}
		if out != "" {
			out += "-"
		}
		out += w
	}
	if len(out) > max {
		out = out[:max]
	}
	return out
}
