package hindi

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/kgnews/kg/schema"
)

const (
	virama     = '्'
	nukta      = '़'
	anusvara   = 'ं'
	candrabind = 'ँ'
	visarga    = 'ः'
)

// translit is the table of hi/translit.tsv.
type translit struct {
	cons, nukta, nfinal, vowel, matra, other map[rune]string
	nasal                                    map[rune]string // the anusvara before a consonant
	cluster                                  map[string]string
	sonorant, w, keepLast                    map[rune]bool
	keepWhole                                map[string]bool // final conjuncts that keep their a, as written: "प्त"
	suffixes                                 [][]rune
	letters                                  map[string]string // "बी" → "B"
	maxLetter                                int               // runes of the longest letter name
	loans                                    map[string]string // folded English loanword or name → its spelling
	loanNames                                map[string]bool   // the folded loans that are names
	english                                  map[string]bool   // the folded loans that are common English words (loan rows of either file)
	brands                                   map[string]bool   // the folded names of companies and their brands (brand rows)
}

var loadTranslit = sync.OnceValues(func() (*translit, error) {
	rows, err := schema.ReadTSV("hi/translit.tsv", 2)
	if err != nil {
		return nil, err
	}
	// English words and foreign names (Riders, Michael, Middleton) live in
	// a file of their own, thousands of rows, and feed the same loans map.
	// They give labels only: read as names, so that Loanword, whose callers
	// take a span made only of loanwords for no name ("वॉल स्ट्रीट" would
	// be), still knows only translit.tsv's short list of common words.
	loanRows, err := schema.ReadTSV("hi/loanwords.tsv", 3)
	if err != nil {
		return nil, err
	}
	var englishRows, brandRows []schema.Row
	for _, r := range loanRows {
		if k := r.Field(0); k != "loan" && k != "loanname" && k != "brand" {
			return nil, r.Errorf("kind %q: this file holds only loan, loanname and brand rows", k)
		}
		switch r.Field(0) {
		case "loan":
			englishRows = append(englishRows, r)
		case "brand":
			brandRows = append(brandRows, r)
		}
		r.Fields[0] = "loanname"
		rows = append(rows, r)
	}
	t := &translit{cons: map[rune]string{}, nukta: map[rune]string{}, nfinal: map[rune]string{}, vowel: map[rune]string{},
		matra: map[rune]string{}, other: map[rune]string{}, nasal: map[rune]string{}, cluster: map[string]string{},
		sonorant: map[rune]bool{}, w: map[rune]bool{}, keepLast: map[rune]bool{}, keepWhole: map[string]bool{},
		letters: map[string]string{}, loans: map[string]string{}, loanNames: map[string]bool{}, english: map[string]bool{}, brands: map[string]bool{}}
	for _, r := range englishRows {
		for _, w := range r.List(1) {
			t.english[Fold(w)] = true
		}
	}
	for _, r := range brandRows {
		for _, w := range r.List(1) {
			t.brands[Fold(w)] = true
		}
	}
	single := map[string]map[rune]string{"c": t.cons, "n": t.nukta, "nfinal": t.nfinal, "v": t.vowel, "m": t.matra,
		"x": t.other, "nasal": t.nasal}
	sets := map[string]map[rune]bool{"sonorant": t.sonorant, "w": t.w}
	for _, r := range rows {
		kind, letters := r.Field(0), r.Field(1)
		rs := []rune(letters)
		if m, ok := single[kind]; ok || sets[kind] != nil || kind == "keep" && len(rs) <= 1 {
			if len(rs) != 1 {
				return nil, r.Errorf("want one letter, got %q", letters)
			}
			switch {
			case m != nil:
				m[rs[0]] = r.Field(2)
			case kind == "keep":
				t.keepLast[rs[0]] = true
			default:
				sets[kind][rs[0]] = true
			}
			continue
		}
		switch kind {
		case "keep":
			t.keepWhole[letters] = true
		case "cluster":
			if len(rs) != 3 || rs[1] != virama {
				return nil, r.Errorf("a cluster is consonant, virama, consonant; got %q", letters)
			}
			t.cluster[letters] = r.Field(2)
		case "suffix":
			t.suffixes = append(t.suffixes, rs)
		case "loan", "loanname":
			if r.Field(2) == "" {
				return nil, r.Errorf("loanword %q needs its English spelling", letters)
			}
			for _, w := range r.List(1) {
				t.loans[Fold(w)] = r.Field(2)
				if kind == "loanname" {
					t.loanNames[Fold(w)] = true
				} else {
					t.english[Fold(w)] = true
				}
			}
		case "letter":
			if r.Field(2) == "" {
				return nil, r.Errorf("letter %q needs its Latin letter", letters)
			}
			t.letters[letters] = r.Field(2)
			t.maxLetter = max(t.maxLetter, len(rs))
		default:
			return nil, r.Errorf("unknown kind %q (see the head of the file)", kind)
		}
	}
	for _, m := range []map[rune]string{t.nukta, t.nfinal, t.nasal} {
		for r := range m {
			if t.cons[r] == "" {
				return nil, fmt.Errorf("hi/translit.tsv: a row for %c, which has no consonant row", r)
			}
		}
	}
	return t, nil
})

// syllable is one akshara: a consonant or conjunct with its vowel, or an
// independent vowel, and the signs after it.
type syllable struct {
	cons   []rune // base letters of the conjunct
	nuktas []bool // which of them carry a nukta
	vowel  string // Latin of the vowel sign or independent vowel
	// vowelSign is the vowel sign as written, or 0
	vowelSign rune
	indep     bool // an independent vowel (no consonant)
	schwa     bool // carries the inherent a (no vowel sign, no final virama)
	keep      bool // the inherent a is pronounced (decided by deleteSchwas)
	nasal     rune // anusvara or chandrabindu after it, or 0
	visarga   bool
}

func (s *syllable) voiced() bool { return s.indep || s.vowel != "" || s.schwa && s.keep }

// Transliterate writes Devanagari in Latin letters the way English-language
// newspapers romanise names: अरविंद केजरीवाल → Arvind Kejriwal, सचिन तेंदुलकर
// → Sachin Tendulkar, ज़ेलेंस्की → Zelenski. Other scripts pass through; each
// Devanagari word is capitalised.
//
// The inherent a that Hindi writes but does not say is dropped (schwa
// deletion, after Ohala and Narasimhan et al. 2004): at the end of a word,
// unless a conjunct that needs a vowel ends it (चंद्र → Chandra, गुप्त →
// Gupta; hi/translit.tsv lists which) or it follows i or u before य
// (प्रिय → Priya); and inside a word, from right to left, where a vowel and
// a single consonant precede it and a single consonant with a vowel follows
// (अ-र-विं → Arvin-, के-ज-री → Kejri-, मन-मो-हन → Manmohan). Nukta letters
// are their own sounds (क़ → q, ज़ → z, फ़ → f, ड़ → r), ॉ is o; an anusvara is m
// before a labial (अंबेडकर → Ambedkar); व is w after स, श, द … in a conjunct
// and before a pronounced a or ā inside a word (स्वराज → Swaraj, केजरीवाल →
// Kejriwal), else v (विवेक → Vivek, यादव → Yadav).
func Transliterate(s string) string {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	rs := []rune(Clean(s))
	inWord := func(r rune) bool {
		return isDevanagariLetter(r) && r != '।' && r != '॥' && !(r >= '०' && r <= '९')
	}
	// A word of two consonant letter names (बीटी, केटी) is an
	// abbreviation only among abbreviations: in "वॉरेन बीटी" it is Beatty.
	words, abbrs := 0, 0
	for i := 0; i < len(rs); {
		if !inWord(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && inWord(rs[j]) {
			j++
		}
		words++
		if _, ok := t.abbreviation(rs[i:j], true); ok {
			abbrs++
		}
		i = j
	}
	strict := abbrs < words
	var b strings.Builder
	for i := 0; i < len(rs); {
		r := rs[i]
		if !isDevanagariLetter(r) || r == '।' || r == '॥' || r >= '०' && r <= '९' {
			if r >= '०' && r <= '९' {
				b.WriteByte(byte('0' + (r - '०')))
			} else {
				b.WriteRune(r)
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && inWord(rs[j]) {
			j++
		}
		word, loan := t.loan(string(rs[i:j])), true
		if word == "" {
			word = t.compound(rs[i:j])
		}
		if word == "" {
			word, loan = t.word(rs[i:j], strict), false
		}
		// capitalise a word, not the tail of "80वीं", nor "of" inside a name
		start := i == 0 || !unicode.IsLetter(rs[i-1]) && !unicode.IsDigit(rs[i-1])
		if word != "" && start && (!loan || b.Len() == 0 || strings.ToUpper(word[:1]) == word[:1]) {
			word = strings.ToUpper(word[:1]) + word[1:]
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// Abbreviation returns the Latin letters of a word written as Hindi names
// of Latin letters (बीजेपी → BJP, एनएसए → NSA): three or more of them, or
// two when one name starts with a vowel (एपी → AP; बीटी may be Beatty). It
// reads the word as written or folded, and is cheap: no transliteration.
func Abbreviation(word string) (string, bool) {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	rs := []rune(word)
	if len(rs) < 2 || !isDevanagariLetter(rs[0]) {
		return "", false
	}
	return t.abbreviation(rs, false)
}

// Loanword returns the English spelling of a common English word written
// in Devanagari that hi/translit.tsv lists (यूनिवर्सिटी → University),
// matched after folding; English names (गूगल) are not loanwords.
func Loanword(word string) (string, bool) {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	f := Fold(word)
	l, ok := t.loans[f]
	return l, ok && !t.loanNames[f]
}

// Initial returns the Latin letter a word names when it is the Hindi name
// of one Latin letter (आर → R, एल → L), as an initial of a person's name
// is written ("ए आर रहमान", "अंजलि आर."). Names that are also words a
// name holds (जी, the honorific; आई, "came"; ई, ओ) are not initials.
func Initial(word string) (string, bool) {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	switch word {
	case "जी", "आई", "ई", "ओ":
		return "", false
	}
	l, ok := t.letters[word]
	return l, ok
}

// Brand reports whether a word is the name of a company or of its brand
// as hi/loanwords.tsv's brand rows write it (सैमसंग, निसान), matched after
// folding: a name that begins with one is the company's or a product's,
// no person's.
func Brand(word string) bool {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	return t.brands[Fold(word)]
}

// Spelt reports whether the lists spell a word in English: a loanword,
// a foreign name or a brand of hi/loanwords.tsv or hi/translit.tsv
// (डूंडी → Dundee), matched after folding.
func Spelt(word string) bool {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	_, ok := t.loans[Fold(word)]
	return ok
}

// EnglishWord reports whether a word is a common English word written in
// Devanagari: a loan row of hi/translit.tsv or of hi/loanwords.tsv
// (कॉकटेल, टेलीविज़न), matched after folding. Names (माइकल, लंदन) are
// not. Unlike Loanword it knows the long list, whose words make up many
// names (वॉल स्ट्रीट, रॉयल चैलेंजर्स): a caller asks it about a word
// that stands alone, which no such word names.
func EnglishWord(word string) bool {
	t, err := loadTranslit()
	if err != nil {
		panic(err) // embedded data; see Check
	}
	return t.english[Fold(word)]
}

// loan returns the English spelling of a loanword or foreign name, "" if
// the lists lack it. A nasal before a consonant is written three ways
// (मैन्चेस्टर, मैंचेस्टर, मैनचेस्टर) and Fold joins only some of them: a
// form the lists lack is tried in the other two.
func (t *translit) loan(w string) string {
	f := Fold(w)
	if e := t.loans[f]; e != "" {
		return e
	}
	for _, alt := range [][2]string{{"न्", "न"}, {"न्", "ं"}, {"ं", "न"}, {"ं", "न्"}} {
		if strings.Contains(f, alt[0]) {
			if e := t.loans[strings.ReplaceAll(f, alt[0], alt[1])]; e != "" {
				return e
			}
		}
	}
	return ""
}

// compound spells a word that Hindi writes solid from two English words
// the loan lists know (फ़ास्टट्रैक → Fasttrack, not Fastatraik), or a
// Scottish or Irish name in Mc (मैक्गिल → McGil: मैक before a consonant
// is the prefix, not Maik); "" when the word is neither. Each part has
// three letters or more, and the second starts with a consonant or a vowel
// letter, never a sign, so no word is cut inside a syllable.
func (t *translit) compound(rs []rune) string {
	if len(rs) >= 6 {
		for k := 3; k <= len(rs)-3; k++ {
			if !t.startsSyllable(rs[k]) {
				continue
			}
			a, b := t.loan(string(rs[:k])), t.loan(string(rs[k:]))
			if a != "" && b != "" {
				return a + strings.ToLower(b)
			}
		}
	}
	// मैक, मेक then a consonant, with or without a virama: मैक्गिल, मैकगिल
	if len(rs) >= 5 && (rs[0] == 'म' && (rs[1] == 'ै' || rs[1] == 'े')) && rs[2] == 'क' {
		k := 3
		if rs[k] == virama {
			k++
		}
		if k < len(rs)-1 && t.cons[rs[k]] != "" && rs[k] != 'क' {
			rest := t.loan(string(rs[k:]))
			if rest == "" {
				rest = t.word(rs[k:], true)
			}
			if rest != "" {
				return "Mc" + strings.ToUpper(rest[:1]) + rest[1:]
			}
		}
	}
	return ""
}

// startsSyllable reports whether a word may begin with letter r: a
// consonant or an independent vowel, not a vowel sign, virama or nukta.
func (t *translit) startsSyllable(r rune) bool {
	return t.cons[r] != "" || t.vowel[r] != ""
}

// word transliterates one word of Devanagari letters and signs.
func (t *translit) word(rs []rune, strict bool) string {
	if a, ok := t.abbreviation(rs, !strict); ok {
		return a
	}
	for _, suf := range t.suffixes {
		n := len(rs) - len(suf)
		if n <= 0 || string(rs[n:]) != string(suf) || rs[n-1] == virama {
			continue
		}
		if m := t.matra[suf[0]]; m != "" {
			// "ाबाद" is "आबाद" after the stem's last consonant
			return t.syllableWord(rs[:n]) + m + t.syllableWord(suf[1:])
		}
		return t.syllableWord(rs[:n]) + t.syllableWord(suf)
	}
	return t.syllableWord(rs)
}

// abbreviation reads a word made of two or more Hindi names of Latin
// letters (बीजेपी) as the letters (BJP). Unless loose, two letters whose
// names both start with a consonant (बीटी: B, T) are a word, not an
// abbreviation: a name like Beatty is written so.
func (t *translit) abbreviation(rs []rune, loose bool) (string, bool) {
	var b strings.Builder
	n, vowel := 0, false
	for i := 0; i < len(rs); {
		found := false
		for l := min(t.maxLetter, len(rs)-i); l > 0; l-- {
			if L, ok := t.letters[string(rs[i:i+l])]; ok {
				b.WriteString(L)
				vowel = vowel || t.vowel[rs[i]] != ""
				i += l
				n++
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	return b.String(), n >= 3 || n == 2 && (vowel || loose)
}

// syllableWord transliterates one word without looking for its parts.
func (t *translit) syllableWord(rs []rune) string {
	syls := t.syllables(rs)
	t.deleteSchwas(syls)
	var b strings.Builder
	for i := range syls {
		s := &syls[i]
		for k := 0; k < len(s.cons); k++ {
			if k+1 < len(s.cons) && !s.nuktas[k] && !s.nuktas[k+1] {
				if l, ok := t.cluster[string([]rune{s.cons[k], virama, s.cons[k+1]})]; ok {
					b.WriteString(l)
					k++
					continue
				}
			}
			b.WriteString(t.consonant(syls, i, k))
		}
		switch {
		case s.vowel != "":
			b.WriteString(s.vowel)
		case s.schwa && s.keep:
			b.WriteByte('a')
		}
		if s.nasal != 0 {
			l := "n"
			if i+1 < len(syls) && len(syls[i+1].cons) > 0 && s.nasal == anusvara {
				if m := t.nasal[syls[i+1].cons[0]]; m != "" {
					l = m
				}
			}
			b.WriteString(l)
		}
		if s.visarga {
			b.WriteByte('h')
		}
	}
	return b.String()
}

// consonant is the Latin of consonant k of syllable i.
func (t *translit) consonant(syls []syllable, i, k int) string {
	s := &syls[i]
	c := s.cons[k]
	if s.nuktas[k] {
		if l, ok := t.nfinal[c]; ok && i == len(syls)-1 && k == len(s.cons)-1 && s.vowel == "" && !s.keep {
			return l
		}
		if l, ok := t.nukta[c]; ok {
			return l
		}
	}
	if c != 'व' {
		return t.cons[c]
	}
	switch {
	case k == len(s.cons)-1 && s.vowelSign != 0 && t.w[s.vowelSign]:
		return "w"
	case k > 0:
		if t.w[s.cons[k-1]] {
			return "w"
		}
		return "v"
	case i == 0:
		return "v"
	case s.vowel == "a" || s.schwa && s.keep:
		return "w"
	}
	return "v"
}

// syllables splits a word into aksharas.
func (t *translit) syllables(rs []rune) []syllable {
	var out []syllable
	for i := 0; i < len(rs); {
		r := rs[i]
		var s syllable
		switch {
		case t.cons[r] != "":
			for {
				s.cons = append(s.cons, rs[i])
				i++
				nk := i < len(rs) && rs[i] == nukta
				if nk {
					i++
				}
				s.nuktas = append(s.nuktas, nk)
				if i+1 < len(rs) && rs[i] == virama && t.cons[rs[i+1]] != "" {
					i++
					continue
				}
				break
			}
			switch {
			case i < len(rs) && rs[i] == virama:
				i++ // a dead final consonant: जोंग-उन्
			case i < len(rs) && t.matra[rs[i]] != "":
				s.vowel, s.vowelSign = t.matra[rs[i]], rs[i]
				i++
			default:
				s.schwa = true
			}
		case t.vowel[r] != "":
			s.indep, s.vowel = true, t.vowel[r]
			i++
		case t.matra[r] != "":
			// a vowel sign with no consonant (a typo, or text cut there)
			s.indep, s.vowel = true, t.matra[r]
			i++
		default:
			i++ // a stray sign: avagraha, a lone nukta or virama
			continue
		}
		for i < len(rs) {
			switch rs[i] {
			case anusvara, candrabind:
				s.nasal = rs[i]
			case visarga:
				s.visarga = true
			case nukta, virama:
			default:
				goto done
			}
			i++
		}
	done:
		out = append(out, s)
	}
	return out
}

// deleteSchwas decides which inherent vowels are pronounced (see
// Transliterate).
func (t *translit) deleteSchwas(syls []syllable) {
	n := len(syls)
	for i := range syls {
		syls[i].keep = syls[i].schwa
	}
	if n == 0 {
		return
	}
	if last := &syls[n-1]; last.schwa && n > 1 && last.nasal == 0 && !last.visarga {
		keep := len(last.cons) > 1 && t.keepFinal(last)
		if !keep && len(last.cons) == 1 && last.cons[0] == 'य' {
			prev := syls[n-2]
			keep = !prev.schwa && (prev.vowel == "i" || prev.vowel == "u")
		}
		last.keep = keep
	}
	for i := n - 2; i >= 1; i-- {
		s, prev, next := &syls[i], &syls[i-1], &syls[i+1]
		if !s.schwa || len(s.cons) != 1 || s.nasal != 0 || s.visarga {
			continue
		}
		if !prev.voiced() || prev.nasal != 0 || prev.visarga {
			continue // after a consonant or a nasal the a holds a cluster apart: सं-ज-य → Sanjay
		}
		if next.indep || len(next.cons) != 1 || !next.voiced() {
			continue
		}
		s.keep = false
	}
}

// keepFinal reports whether a word-final conjunct keeps its inherent a.
func (t *translit) keepFinal(s *syllable) bool {
	var w []rune
	for k, c := range s.cons {
		if k > 0 {
			w = append(w, virama)
		}
		w = append(w, c)
		if s.nuktas[k] {
			w = append(w, nukta)
		}
	}
	if t.keepWhole[string(w)] {
		return true
	}
	first, last := s.cons[len(s.cons)-2], s.cons[len(s.cons)-1]
	switch {
	case s.cons[0] == 'र', first == last, t.sonorant[first]:
		return false
	}
	return t.keepLast[last]
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
