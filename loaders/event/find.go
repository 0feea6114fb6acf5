package event

import "github.com/kgnews/kg/loaders/hindi"

// Trigger is one event evoked in a clause.
type Trigger struct {
	Frame      *Frame
	Start, End int // the trigger's words
	// Light is the light verb's words, [LightStart, LightEnd); equal when
	// the trigger is a verb or is used nominally.
	LightStart, LightEnd int
	Nominal              bool // no light verb: "फोन पर बातचीत में"
	Negated              bool // नहीं/न in the verb group
}

// VerbEnd is the last word of the trigger's verb group.
func (t Trigger) VerbEnd() int {
	if t.LightEnd > t.End {
		return t.LightEnd
	}
	return t.End
}

var (
	// particles may stand between a noun and its light verb.
	particles = foldSet("भी", "ही", "नहीं", "न", "तो", "'", "\"", "‘", "’", "“", "”", "पूरा", "पूरी", "पूर्ण", "भरपूर", "कड़ी", "कड़ा")
	negations = foldSet("नहीं", "न", "ना", "मत")
	refusals  = foldSet("इनकार", "इंकार", "मना")
	// An ambiguous light verb (की is also the genitive) counts only when a
	// clause end or an auxiliary follows it.
	ambiguous = foldSet("की", "के", "का")
	verbEnds  = foldSet("है", "हैं", "था", "थी", "थे", "गई", "गया", "गए", "जाएगी", "जाएगा", "जाएंगे", "जा", "थीं", "।", ",", ";", "|", "॥", "?", "!", ".")
	// after these a की is the verb of a finished clause, not a genitive:
	// "मुलाकात की और …", "निंदा की, लेकिन …"
	clauseJoins = foldSet("और", "तथा", "एवं", "व", "लेकिन", "परंतु", "किंतु", "मगर", "कि", "जबकि", "तो", "जिसमें", "जिसके", "जिसकी", "जो")
)

func foldSet(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[hindi.Fold(w)] = true
	}
	return m
}

// Find returns the triggers in words[lo:hi], one clause of folded words, in
// order. A word serves one trigger at most, as trigger or light verb.
func (fs *Frames) Find(words []string, lo, hi int) []Trigger {
	var out []Trigger
	used := map[int]bool{}
	for i := lo; i < hi; i++ {
		if used[i] {
			continue
		}
		for _, f := range fs.byFirst[words[i]] {
			t, ok := f.matchAt(fs, words, i, lo, hi, used)
			if !ok {
				continue
			}
			for k := t.Start; k < t.End; k++ {
				used[k] = true
			}
			for k := t.LightStart; k < t.LightEnd; k++ {
				used[k] = true
			}
			out = append(out, t)
			break
		}
	}
	return out
}

func (f *Frame) matchAt(fs *Frames, words []string, i, lo, hi int, used map[int]bool) (Trigger, bool) {
	var tp Pattern
	for _, p := range f.Triggers {
		if i+p.Len() <= hi && p.MatchAt(words, i) {
			tp = p
			break
		}
	}
	if tp == nil {
		return Trigger{}, false
	}
	t := Trigger{Frame: f, Start: i, End: i + tp.Len(), LightStart: i + tp.Len(), LightEnd: i + tp.Len()}
	if len(f.Context) > 0 {
		found := false
		for k := i - 1; k >= lo && k >= i-4; k-- {
			if f.Context[words[k]] {
				found = true
				break
			}
		}
		if !found {
			return Trigger{}, false
		}
	}
	// the verb group: particles, then a light verb
	j := t.End
	for j < hi && j < t.End+4 && particles[words[j]] {
		if negations[words[j]] {
			t.Negated = true
		}
		j++
	}
	if !f.IsVerb {
		light := f.findLight(words, j, hi, used, &t)
		if !light {
			// A subject noun's verb ends its clause, after the time and
			// place: "यह समझौता पिछले साल जून में हुआ था", "वार्ता … नई
			// दिल्ली में होने वाली है". Stop at another event's word.
			for k := j + 1; k < hi && k <= j+8; k++ {
				if verbEnds[words[k]] && words[k] != hindi.Fold("है") || len(fs.byFirst[words[k]]) > 0 {
					break
				}
				if f.findLight(words, k, hi, used, &t) {
					light = true
					break
				}
			}
		}
		if !light {
			if !f.Nominal {
				return Trigger{}, false
			}
			t.Nominal = true
		}
	}
	// a negation right after the verb group ("दी नहीं") negates it too, as
	// does a refusal: "समर्थन करने से इनकार किया"
	if e := t.VerbEnd(); e < hi && negations[words[e]] {
		t.Negated = true
	} else if e+1 < hi && words[e] == "से" && (refusals[words[e+1]] || e+2 < hi && refusals[words[e+2]]) {
		t.Negated = true // "… से (साफ) इनकार"
	}
	if i > lo && negations[words[i-1]] && f.IsVerb {
		t.Negated = true
	}
	return t, true
}

// findLight matches a light verb at j.
func (f *Frame) findLight(words []string, j, hi int, used map[int]bool, t *Trigger) bool {
	for _, lp := range f.Light {
		if j+lp.Len() <= hi && lp.MatchAt(words, j) && !used[j] {
			end := j + lp.Len()
			if lp.Len() == 1 && ambiguous[words[j]] && end < hi && !verbEnds[words[end]] && !clauseJoins[words[end]] {
				continue
			}
			t.LightStart, t.LightEnd = j, end
			return true
		}
	}
	return false
}
