package entity

import (
	"strings"

	"github.com/kgnews/kg/loaders/hindi"
)

// Word is one folded word of a text and the token it belongs to. A token
// such as "जोंग-उन" or "भारत-पाक" folds to several words, so that "किम जोंग
// उन" matches it and "भारत-पाक" yields India and Pakistan.
type Word struct {
	Norm string
	Tok  int
}

// Words splits tokens into words for matching. Punctuation stays a word of
// its own so that no name matches across it.
func Words(toks []hindi.Token) []Word {
	var out []Word
	for i, t := range toks {
		for _, w := range strings.Fields(t.Norm) {
			out = append(out, Word{Norm: w, Tok: i})
		}
	}
	return out
}

// Span is a span of words naming one or more candidate entities.
type Span struct {
	Start, End int // word indexes, End exclusive
	Forms      []Form
}

// Match finds the longest form at each position, left to right, without
// overlaps, across the given lexicons (e.g. kg's lexicon and the names an
// article has introduced).
func Match(words []Word, lexicons ...*Lexicon) []Span {
	var out []Span
	for i := 0; i < len(words); {
		best := Span{Start: i, End: i}
		for _, l := range lexicons {
			if l == nil {
				continue
			}
			n := l.root
			for j := i; j < len(words); j++ {
				n = n.next[words[j].Norm]
				if n == nil {
					break
				}
				if len(n.forms) > 0 && j+1 >= best.End {
					if j+1 > best.End {
						best = Span{Start: i, End: j + 1}
					}
					best.Forms = append(best.Forms, n.forms...)
				}
			}
		}
		if best.End > i {
			out = append(out, best)
			i = best.End
			continue
		}
		i++
	}
	return out
}
