package hindi

import (
	"strings"
	"unicode/utf8"
)

// Span is a part of a text, by byte offsets.
type Span struct{ Start, End int }

// Sentences splits text into sentences: at a danda (।, ॥, or | typed for
// it), ?, !, a full stop that ends neither an abbreviation (डॉ., U.S.) nor a
// number, and at blank lines. Closing quotes and brackets stay with the
// sentence they close. Spans exclude surrounding space.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '।' || r == '॥' || r == '|' || r == '?' || r == '!':
			j := i + n
			for j < len(text) { // ।। and ?! runs
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != '।' && r2 != '॥' && r2 != '|' && r2 != '?' && r2 != '!' {
					break
				}
				j += n2
			}
			j = skipClosers(text, j)
			emit(j)
			i = j
			continue
		case r == '.':
			if endsSentence(text, i) {
				j := skipClosers(text, i+n)
				emit(j)
				i = j
				continue
			}
		case r == '\n':
			// a blank line ends a paragraph, and so a sentence
			if j := i + n; strings.HasPrefix(strings.TrimLeft(text[j:], " "), "\n") {
				emit(i)
			}
		}
		i += n
	}
	emit(len(text))
	return out
}

// endsSentence decides whether the full stop at i ends a sentence.
func endsSentence(text string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if isDigit(prev) && isDigit(next) {
		return false // 3.5
	}
	if isWordRune(next) {
		return false // U.S., example.com: no space after the stop
	}
	// the word the full stop ends, with the stop
	w := i
	for w > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if !isWordRune(r) && r != '.' {
			break
		}
		w -= n
	}
	if isAbbreviation(text[w : i+1]) {
		return false
	}
	// a single Latin initial (J. Smith)
	if i-w == 1 && prev >= 'A' && prev <= 'Z' {
		return false
	}
	return true
}

func skipClosers(text string, j int) int {
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !strings.ContainsRune(`"'”’»)]`, r) {
			break
		}
		j += n
	}
	return j
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\n') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
		e--
	}
	return s, e
}
