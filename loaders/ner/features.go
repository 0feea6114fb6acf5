package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are hashed: each one (template and values) is a 64-bit FNV-1a
// hash taken to a bucket of the weight table, so the model needs no
// feature dictionary, unseen features cost nothing, and extracting them
// allocates nothing. Collisions only add a little noise.

// Feature templates. The numbers are part of the model: append, never
// renumber (a change means retraining; featureVersion names the set).
const (
	fBias byte = iota
	fWord
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevWord
	fWordNext
	fNextNext2
	fPrev2Prev
	fPrefix
	fSuffix
	fTrigram
	fClass
	fNukta
	fCandraO
	fCap
	fAllCaps
	fLen
	fClassPrev
	fClassNext
	fClassTri
	fCueBefore
	fCueBefore2
	fCueIn
	fPlaceAfter
	fPlaceAfter2
	fPlaceIn
	fOrgIn
	fOrgAfter
	fOrgAfter2
	fStop
	fStopPrev
	fStopNext
	fLex
	fLexPrev
	fLexNext
	fLexKind
	fFirst
	fCueBeforeWord
	fLexWord
	fJoined
	fJoinedNext
	fAcronym
	fInitial
	fAcronymNext
	fFreq
	fFreqPrev
	fFreqNext
	fMarkAhead
	fCueBehind
	fPrev3
	fNext3
	fSuffixPrev
	fSuffixNext
)

// featureVersion changes whenever the features change, so that a model
// file built for other features is refused rather than misread.
const featureVersion = 6

type hash uint64

const (
	fnvOffset hash = 14695981039346656037
	fnvPrime  hash = 1099511628211
)

func tmpl(t byte) hash { return (fnvOffset ^ hash(t)) * fnvPrime }

func (h hash) str(s string) hash {
	for i := 0; i < len(s); i++ {
		h = (h ^ hash(s[i])) * fnvPrime
	}
	return h
}

// sep separates the values of a template, so ("ab","c") ≠ ("a","bc").
func (h hash) sep() hash { return (h ^ 0xff) * fnvPrime }

func (h hash) byte(b byte) hash { return (h ^ hash(b)) * fnvPrime }

// bucket mixes the hash (FNV's low bits are weak) and keeps its top bits.
func (h hash) bucket(bits uint) uint32 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return uint32(x >> (64 - bits))
}

// Script classes of a written word.
const (
	clsDeva  = 'D'
	clsLatin = 'L'
	clsDigit = 'N'
	clsPunct = 'P'
	clsMixed = 'M'
	clsEdge  = 'E' // before the first word, after the last
)

// context holds what the features of a sentence look up more than once.
type context struct {
	class      []byte
	letters    []int  // Latin letter names spelling the word (आईआईएम: 3)
	mark       []int  // a case marker of this many words starts here
	freq       []byte // how often the training data has the word, bucketed (freqBucket)
	cueEnd     []bool // a cue phrase (title, honorific, role) ends at this word
	cueIn      []bool
	placeStart []bool // a place-word phrase starts here
	placeIn    []bool
	orgIn      []bool
	stop       []bool
	lex        []string // B-PER, I-LOC … from the lexicon, "" outside it
	lexKind    []string
	offs       []int // scratch: rune offsets of a word
}

func (c *context) reset(n int) {
	c.class = resize(c.class, n)
	c.letters = resize(c.letters, n)
	c.freq = resize(c.freq, n)
	c.mark = resize(c.mark, n)
	c.cueEnd = resize(c.cueEnd, n)
	c.cueIn = resize(c.cueIn, n)
	c.placeStart = resize(c.placeStart, n)
	c.placeIn = resize(c.placeIn, n)
	c.orgIn = resize(c.orgIn, n)
	c.stop = resize(c.stop, n)
	c.lex = resize(c.lex, n)
	c.lexKind = resize(c.lexKind, n)
}

func resize[T any](s []T, n int) []T {
	var zero T
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = zero
	}
	return s
}

func (c *context) fill(l *lists, ws []word) {
	c.reset(len(ws))
	for i, w := range ws {
		c.class[i] = class(w.raw)
		if c.class[i] == clsDeva {
			c.letters[i] = l.letterCount(w.norm)
		}
		c.stop[i] = l.stop[w.norm]
		if n := l.cues.at(ws, i); n > 0 {
			for k := i; k < i+n; k++ {
				c.cueIn[k] = true
			}
			c.cueEnd[i+n-1] = true
		}
		if n := l.places.at(ws, i); n > 0 {
			c.placeStart[i] = true
			for k := i; k < i+n; k++ {
				c.placeIn[k] = true
			}
		}
		c.mark[i] = l.marks.at(ws, i)
		if n := l.orgs.at(ws, i); n > 0 {
			for k := i; k < i+n; k++ {
				c.orgIn[k] = true
			}
		}
	}
	l.matchLexicon(ws, func(start, end int, typ, kind string) {
		for k := start; k < end; k++ {
			if k == start {
				c.lex[k] = "B-" + typ
			} else {
				c.lex[k] = "I-" + typ
			}
			c.lexKind[k] = kind
		}
	})
}

func class(s string) byte {
	var deva, latin, digit, other bool
	for _, r := range s {
		switch {
		case r >= 0x0900 && r <= 0x097F && !(r >= 0x0964 && r <= 0x096F) && r != 0x0970:
			deva = true
		case unicode.IsDigit(r):
			digit = true
		case r < 0x250 && unicode.IsLetter(r):
			latin = true
		case unicode.IsLetter(r) || unicode.IsMark(r):
			other = true
		}
	}
	switch {
	case deva && !latin && !other && !digit:
		return clsDeva
	case latin && !deva && !other && !digit:
		return clsLatin
	case digit && !deva && !latin && !other:
		return clsDigit
	case !deva && !latin && !digit && !other:
		return clsPunct
	}
	return clsMixed
}

// freqBucket buckets how often the training data has a word: names are
// mostly rare words, and a word it has never seen is more often a name
// than not. Training counts a word's occurrences outside the sentence at
// hand, so that the model meets "unseen" words in training as it will in
// use.
func freqBucket(n int) byte {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return 1
	case n <= 3:
		return 2
	case n <= 9:
		return 3
	case n <= 49:
		return 4
	}
	return 5
}

// foreignNukta reports a nukta on क ख ग ज फ (क़ ख़ ग़ ज़ फ़), the letters
// of Persian, Arabic and English sounds, frequent in foreign names. ड़ ढ़
// are native Hindi letters and do not count.
func foreignNukta(s string) bool {
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == 0x093C && (prev == 'क' || prev == 'ख' || prev == 'ग' || prev == 'ज' || prev == 'फ'):
			return true
		case r >= 0x0958 && r <= 0x095B, r == 0x095E: // precomposed क़ ख़ ग़ ज़ फ़
			return true
		}
		prev = r
	}
	return false
}

// candraO reports ॉ or ऑ, the "o" of English words (डॉक्टर, ऑस्ट्रेलिया).
func candraO(s string) bool {
	for _, r := range s {
		if r == 0x0949 || r == 0x0911 {
			return true
		}
	}
	return false
}

func lenBucket(n int) byte {
	switch {
	case n <= 1:
		return 1
	case n <= 2:
		return 2
	case n <= 3:
		return 3
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	}
	return 6
}

const (
	edgeBefore = "<s>"
	edgeAfter  = "</s>"
)

// features appends the buckets of word i's features to out.
func (c *context) features(ws []word, i int, bits uint, out []uint32) []uint32 {
	n := len(ws)
	at := func(k int) string {
		switch {
		case k < 0:
			return edgeBefore
		case k >= n:
			return edgeAfter
		}
		return ws[k].norm
	}
	cls := func(k int) byte {
		if k < 0 || k >= n {
			return clsEdge
		}
		return c.class[k]
	}
	flag := func(s []bool, k int) bool { return k >= 0 && k < n && s[k] }
	add := func(h hash) { out = append(out, h.bucket(bits)) }
	w, raw := ws[i].norm, ws[i].raw

	// the words themselves, alone and in pairs
	add(tmpl(fBias))
	add(tmpl(fWord).str(w))
	add(tmpl(fPrevWord).str(at(i - 1)).sep().str(w))
	add(tmpl(fWordNext).str(w).sep().str(at(i + 1)))
	add(tmpl(fPrev).str(at(i - 1)))
	add(tmpl(fNext).str(at(i + 1)))
	add(tmpl(fPrev2).str(at(i - 2)))
	add(tmpl(fNext2).str(at(i + 2)))
	add(tmpl(fPrev3).str(at(i - 3)))
	add(tmpl(fNext3).str(at(i + 3)))
	add(tmpl(fSuffixPrev).str(suffix(at(i-1), 2)))
	add(tmpl(fSuffixNext).str(suffix(at(i+1), 2)))
	add(tmpl(fNextNext2).str(at(i + 1)).sep().str(at(i + 2)))
	add(tmpl(fPrev2Prev).str(at(i - 2)).sep().str(at(i - 1)))

	// affixes and character trigrams, in runes
	runes := utf8.RuneCountInString(w)
	if c.class[i] != clsPunct {
		k := 0
		for j := range w {
			if k > 0 && k <= 5 && k < runes {
				add(tmpl(fPrefix).byte(byte(k)).str(w[:j]))
			}
			if k >= 1 && runes-k <= 4 {
				add(tmpl(fSuffix).byte(byte(runes - k)).str(w[j:]))
			}
			k++
		}
		// trigrams of "<w>": the marks are bytes UTF-8 never holds
		c.offs = append(c.offs[:0], 0)
		for j := range w {
			if j > 0 {
				c.offs = append(c.offs, j)
			}
		}
		c.offs = append(c.offs, len(w))
		unit := func(u int) string { // 0 the start mark, runes+1 the end mark
			switch {
			case u == 0:
				return "\xfe"
			case u > runes:
				return "\xff"
			}
			return w[c.offs[u-1]:c.offs[u]]
		}
		for u := 0; u+2 <= runes+1; u++ {
			add(tmpl(fTrigram).str(unit(u)).str(unit(u + 1)).str(unit(u + 2)))
		}
	}

	// script shape of the written word
	add(tmpl(fClass).byte(c.class[i]))
	if foreignNukta(raw) {
		add(tmpl(fNukta))
	}
	if candraO(raw) {
		add(tmpl(fCandraO))
	}
	if c.class[i] == clsLatin {
		r, _ := utf8.DecodeRuneInString(raw)
		if unicode.IsUpper(r) {
			add(tmpl(fCap))
			upper := true
			for _, r := range raw {
				if unicode.IsLetter(r) && !unicode.IsUpper(r) {
					upper = false
				}
			}
			if upper && runes > 1 {
				add(tmpl(fAllCaps))
			}
		}
	}
	add(tmpl(fLen).byte(lenBucket(runes)))
	fq := func(k int) byte {
		if k < 0 || k >= n {
			return 9
		}
		return c.freq[k]
	}
	add(tmpl(fFreq).byte(c.freq[i]).byte(c.class[i]))
	add(tmpl(fFreqPrev).byte(fq(i - 1)).byte(c.freq[i]))
	add(tmpl(fFreqNext).byte(c.freq[i]).byte(fq(i + 1)))
	add(tmpl(fClassPrev).byte(cls(i - 1)))
	add(tmpl(fClassNext).byte(cls(i + 1)))
	add(tmpl(fClassTri).byte(cls(i - 1)).byte(c.class[i]).byte(cls(i + 1)))

	// cues: a title or role before, a place or organisation word after
	if flag(c.cueEnd, i-1) {
		add(tmpl(fCueBefore))
		add(tmpl(fCueBeforeWord).str(at(i - 1)))
	}
	if flag(c.cueEnd, i-2) {
		add(tmpl(fCueBefore2))
	}
	if c.cueIn[i] {
		add(tmpl(fCueIn))
	}
	if flag(c.placeStart, i+1) {
		add(tmpl(fPlaceAfter))
	}
	if flag(c.placeStart, i+2) {
		add(tmpl(fPlaceAfter2))
	}
	if c.placeIn[i] {
		add(tmpl(fPlaceIn))
	}
	if c.orgIn[i] {
		add(tmpl(fOrgIn))
	}
	if flag(c.orgIn, i+1) {
		add(tmpl(fOrgAfter))
	}
	if flag(c.orgIn, i+2) {
		add(tmpl(fOrgAfter2))
	}
	if c.stop[i] {
		add(tmpl(fStop))
	}
	if flag(c.stop, i-1) {
		add(tmpl(fStopPrev))
	}
	if flag(c.stop, i+1) {
		add(tmpl(fStopNext))
	}

	// the lexicon
	lex := func(k int) string {
		if k < 0 || k >= n || c.lex[k] == "" {
			return "O"
		}
		return c.lex[k]
	}
	if c.lex[i] != "" {
		add(tmpl(fLex).str(c.lex[i]))
		add(tmpl(fLexKind).str(c.lexKind[i]).sep().str(c.lex[i]))
		add(tmpl(fLexWord).str(c.lex[i]).sep().str(w))
	}
	add(tmpl(fLexPrev).str(lex(i - 1)).sep().str(lex(i)))
	add(tmpl(fLexNext).str(lex(i)).sep().str(lex(i + 1)))
	if i == 0 {
		add(tmpl(fFirst))
	}
	// the case marker that closes the phrase the word is in (X Y ने: Y is
	// one word before ने, X two), and a cue a few words before it (कप्तान
	// X Y: Y is two words after it)
	for k := 1; k <= 4 && i+k < n; k++ {
		j := i + k
		if c.mark[j] > 0 {
			h := tmpl(fMarkAhead).byte(byte(k))
			for m := j; m < j+c.mark[j]; m++ {
				h = h.str(ws[m].norm).sep()
			}
			add(h)
			break
		}
		if c.class[j] == clsPunct || c.stop[j] {
			add(tmpl(fMarkAhead).byte(byte(k)).byte(c.class[j]))
			break
		}
	}
	for k := 1; k <= 3 && i-k >= 0; k++ {
		j := i - k
		if c.cueEnd[j] {
			add(tmpl(fCueBehind).byte(byte(k)))
			break
		}
		if c.class[j] == clsPunct || c.stop[j] || c.mark[j] > 0 {
			break
		}
	}
	// acronyms in Devanagari (आईआईएम), initials (एस. जयशंकर)
	if c.letters[i] >= 2 {
		add(tmpl(fAcronym).byte(byte(min(c.letters[i], 4))))
	}
	if i+1 < n && c.letters[i+1] >= 2 {
		add(tmpl(fAcronymNext))
	}
	if i+1 < n && ws[i+1].norm == "." && (c.letters[i] == 1 || c.class[i] == clsLatin && runes == 1 || c.class[i] == clsDeva && runes <= 2) {
		add(tmpl(fInitial))
	}
	// parts of one hyphenated token (जोंग-उन) hang together
	if ws[i].joined {
		add(tmpl(fJoined))
	}
	if i+1 < n && ws[i+1].joined {
		add(tmpl(fJoinedNext))
	}
	return out
}

// suffix returns the last k runes of s.
func suffix(s string, k int) string {
	for i := len(s); i > 0; {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if k--; k == 0 {
			return s[i:]
		}
	}
	return s
}
