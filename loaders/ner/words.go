package ner

import (
	"strings"
	"unicode"

	"github.com/kgnews/kg/loaders/hindi"
)

// word is one word as the model sees it: the folded form kg matches on
// (hindi.Fold, what extraction's words hold) and the form as written, whose
// nukta, candra o and Latin capitals the folded form has lost.
type word struct {
	raw, norm string
	joined    bool // a hyphen joins it to the word before: the second part of "जोंग-उन"
}

// tokenWords appends the words of one token, split exactly as extraction
// splits it (entity.Words: the token's folded form at its spaces, so
// "जोंग-उन" is two words). The written form of each word is the token's
// text split at the same hyphens; when the two do not line up (a token
// whose folding removed a separator) the folded forms stand for both.
func tokenWords(t hindi.Token, out []word) []word {
	fields := strings.Fields(t.Norm)
	if len(fields) == 0 {
		return out
	}
	raws := strings.FieldsFunc(hindi.Clean(t.Text), isWordBreak)
	if len(raws) != len(fields) {
		raws = fields
	}
	for k, f := range fields {
		out = append(out, word{raw: raws[k], norm: f, joined: k > 0})
	}
	return out
}

// isWordBreak is where hindi.Fold turns a token into several words.
func isWordBreak(r rune) bool {
	switch r {
	case '-', '‐', '‑', '–', ' ', '\n':
		return true
	}
	return false
}

// unitWords splits units (the words a caller passes, or CoNLL tokens) into
// model words with hindi.Tokenize, and records for each model word the unit
// it came from. A unit may become several words ("जोंग-उन", `"अभियान`) or
// none (only zero-width characters); tagging maps the words' tags back
// with projectTags.
func unitWords(units []string) (ws []word, owner []int) {
	for u, s := range units {
		n := len(ws)
		for _, t := range hindi.Tokenize(s) {
			ws = tokenWords(t, ws)
		}
		for range ws[n:] {
			owner = append(owner, u)
		}
	}
	return ws, owner
}

// projectTags gives each unit the tag of its first word that is in a name
// (so a quote before a name does not hide it), as B- unless that word
// continues a name of the same type that the previous unit is part of.
func projectTags(tags []Tag, owner []int, units int) []Tag {
	out := make([]Tag, units)
	done := make([]bool, units)
	for i, t := range tags {
		u := owner[i]
		if done[u] || t == O {
			continue
		}
		done[u] = true
		if t.Inside() && u > 0 && out[u-1].Type() == t.Type() {
			out[u] = t
		} else {
			out[u] = begin(t.Type())
		}
	}
	return out
}

// unitGold spreads the gold tags of units over their words for training:
// the first word takes the unit's tag, the others continue it (I-). Only
// punctuation at the edge of a name is left out of it: `"अभियान` tagged
// B-ORG gives `"` O; but the full stop of an initial inside a name (एस.
// जयशंकर: एस . जयशंकर) stays in, as does punctuation before a unit that
// continues a name.
func unitGold(ws []word, owner []int, gold []Tag) []Tag {
	out := make([]Tag, len(ws))
	for i := 0; i < len(ws); {
		u := owner[i]
		j := i
		for j < len(ws) && owner[j] == u {
			j++
		}
		g := gold[u]
		lo, hi := i, j
		if g != O {
			if !g.Inside() {
				for lo < hi && isPunct(ws[lo].norm) {
					lo++
				}
			}
			if next := u + 1; next >= len(gold) || !(gold[next].Inside() && gold[next].Type() == g.Type()) {
				for hi > lo && isPunct(ws[hi-1].norm) {
					hi--
				}
			}
		}
		for k := lo; k < hi; k++ {
			if k == lo {
				out[k] = g
			} else {
				out[k] = inside(g.Type())
			}
		}
		// a unit that was all punctuation keeps its tag on its first word
		if lo == hi && g != O {
			out[i] = g
		}
		i = j
	}
	// I- only after its own type
	prev := O
	for k, t := range out {
		if t.Inside() && prev.Type() != t.Type() {
			out[k] = begin(t.Type())
		}
		prev = out[k]
	}
	return out
}

func isPunct(s string) bool {
	for _, r := range s {
		if isLetterOrDigit(r) {
			return false
		}
	}
	return true
}

func isLetterOrDigit(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
