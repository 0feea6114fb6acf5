package event

import (
	"fmt"
	"slices"
	"strings"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Trigger is one event evoked in a clause.
type Trigger struct {
	Frame      *Frame
	Start, End int // the trigger's words
	// Light is the light verb's words, [LightStart, LightEnd); equal when
	// the trigger is a verb or is used nominally.
	LightStart, LightEnd int
	// GroupEnd is the end of the whole verb group: the light verb (or verb)
	// with the auxiliaries after it ("किया जा चुका है").
	GroupEnd int
	Nominal  bool // no light verb: "फोन पर बातचीत में"
	Negated  bool // नहीं/न in the verb group, or a refusal after it
	// Passive: a form of जाना follows a perfective participle in the verb
	// group ("गिरफ्तार किया गया"): the bare subject undergoes the event.
	Passive bool
	// Intransitive: an adjective or participle with a form of होना
	// ("सम्मानित हुए", "रिहा हो गए"): the subject is the one it happens to,
	// as in a passive.
	Intransitive bool
	// Modal is what the verb group says of the event beyond its tense:
	// "possible" (सकता है), "obligation" (चाहिए), "desire" (… चाहते हैं), or "".
	Modal string
}

// VerbEnd is the last word of the trigger's verb (the light verb, or the
// trigger itself).
func (t Trigger) VerbEnd() int {
	if t.LightEnd > t.End {
		return t.LightEnd
	}
	return t.End
}

// verbGroup holds the words of verb groups (verbgroup.tsv) by kind.
type verbGroup struct {
	particle, negation, refusal, ambiguous, end, join, passive, completive, compound, aux, possible, obligation, desire, intransitive, vectorHost map[string]bool
	// host: nouns that take the light verb after them themselves ("फोन
	// इस्तेमाल किया", "फोन बंद किया"): a trigger before one is no light-verb
	// construction of its own
	host map[string]bool
	// carryOut, carryVerb: "… को अंजाम दिया" (carried out) stands for करना
	// after any trigger noun that takes करना ("हमले को अंजाम दिया")
	carryOut, carryVerb map[string]bool
	// predicateStop: words that, right before a verb of calling ("बताया"),
	// show that no predicate noun stands there ("बीबीसी को बताया", "उन्हें
	// यह बताया"): the verb tells someone, it does not call something
	predicateStop map[string]bool
	// caseMarker: after a trigger noun, the noun is in a phrase of the
	// clause ("चुनाव में … होगी"), not the subject of its far verb
	caseMarker map[string]bool
	// adjunctEnd, adjunctTime, adjunctStop: the adjunct phrases a light
	// verb may stand after, away from its noun (adjunctRun)
	adjunctEnd, adjunctTime, adjunctStop map[string]bool
}

func loadVerbGroup() (*verbGroup, error) {
	rows, err := schema.ReadTSV("hi/verbgroup.tsv", 2)
	if err != nil {
		return nil, err
	}
	g := &verbGroup{}
	kinds := map[string]*map[string]bool{
		"particle": &g.particle, "negation": &g.negation, "refusal": &g.refusal, "ambiguous": &g.ambiguous,
		"end": &g.end, "join": &g.join, "passive": &g.passive, "completive": &g.completive, "compound": &g.compound, "aux": &g.aux, "possible": &g.possible,
		"obligation": &g.obligation, "desire": &g.desire, "intransitive": &g.intransitive, "vector-host": &g.vectorHost,
		"host": &g.host, "carry-out": &g.carryOut, "carry-verb": &g.carryVerb, "predicate-stop": &g.predicateStop, "case": &g.caseMarker,
		"adjunct-end": &g.adjunctEnd, "adjunct-time": &g.adjunctTime, "adjunct-stop": &g.adjunctStop,
	}
	for _, r := range rows {
		m, ok := kinds[r.Field(0)]
		if !ok {
			return nil, r.Errorf("kind %q is not one of %s", r.Field(0), kindList(kinds))
		}
		if *m == nil {
			*m = map[string]bool{}
		}
		for _, w := range r.List(1) {
			for _, f := range strings.Fields(hindi.Fold(w)) {
				(*m)[f] = true
			}
		}
	}
	for k, m := range kinds {
		if len(*m) == 0 {
			return nil, fmt.Errorf("hi/verbgroup.tsv: no words of kind %q", k)
		}
	}
	return g, nil
}

func kindList[T any](m map[string]T) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return strings.Join(ks, ", ")
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Participle reports whether a folded word is the perfective form of a
// transitive verb the frames know ("भेजे", "दिए"): before a noun it is a
// participle ("न्यूयॉर्क टाइम्स को भेजे एक पत्र में"), and the phrases
// before it are its own.
func (fs *Frames) Participle(w string) bool {
	g := fs.group
	return fs.verbForms[w] && g.perfective(w) && !g.ambiguous[w] && !g.intransitive[w] && !g.passive[w]
}

// Intransitive reports whether a folded word is a form of होना, the light
// verb of what happens rather than of what someone does.
func (fs *Frames) Intransitive(w string) bool { return fs.group.intransitive[w] }

// Negation reports whether a folded word negates (नहीं, न).
func (fs *Frames) Negation(w string) bool { return fs.group.negation[w] }

// Find returns the triggers in words[lo:hi], one clause of folded words, in
// order. A word serves one trigger at most, as trigger or light verb.
func (fs *Frames) Find(words []string, lo, hi int) []Trigger {
	return fs.FindTyped(words, nil, lo, hi)
}

// FindTyped is Find with the entity class of the name each word belongs
// to (types[i], "" for none; nil for no names), which sense guards such as
// "@NewsMediaOrganization" read.
func (fs *Frames) FindTyped(words, types []string, lo, hi int) []Trigger {
	var out []Trigger
	used := map[int]bool{}
	for i := lo; i < hi; i++ {
		if used[i] {
			continue
		}
		for _, f := range fs.byFirst[words[i]] {
			t, ok := f.matchAt(fs, words, types, i, lo, hi, used)
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

// senseOK applies the frame's word-sense guard around the trigger at
// [i, j): one Must word in the clause before it or within three words
// after (Hindi puts the agent and its objects before the verb), no MustNot
// word within five words either side, inside the clause.
func (f *Frame) senseOK(words, types []string, i, j, lo, hi int) bool {
	near := func(list []SenseWord, before, after int) bool {
		for k := max(lo, i-before); k < min(hi, j+after); k++ {
			if k >= i && k < j {
				continue
			}
			for _, sw := range list {
				if sw.Word != "" && words[k] == sw.Word || sw.Entity != "" && types != nil && types[k] == sw.Entity {
					return true
				}
			}
		}
		return false
	}
	if len(f.Must) > 0 && !near(f.Must, j-lo, 3) {
		return false
	}
	for _, p := range f.NotNext {
		if j+len(p) <= len(words) && slices.Equal(words[j:j+len(p)], p) {
			return false
		}
	}
	for _, p := range f.NotPrev {
		if i-len(p) >= lo && slices.Equal(words[i-len(p):i], p) {
			return false
		}
	}
	return len(f.MustNot) == 0 || !near(f.MustNot, 5, 5)
}

func (f *Frame) matchAt(fs *Frames, words, types []string, i, lo, hi int, used map[int]bool) (Trigger, bool) {
	g := fs.group
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
	if !f.senseOK(words, types, t.Start, t.End, lo, hi) {
		return Trigger{}, false
	}
	// the verb group: particles, then a light verb
	j := t.End
	for j < hi && j < t.End+4 && g.particle[words[j]] {
		if g.negation[words[j]] {
			t.Negated = true
		}
		j++
	}
	if !f.IsVerb {
		light := f.findLight(g, words, j, hi, used, &t)
		if !light {
			// A subject noun's verb ends its clause, after the time and
			// place: "यह समझौता पिछले साल जून में हुआ था", "वार्ता … नई
			// दिल्ली में होने वाली है". Stop at another event's word.
			for k := j + 1; k < hi && k <= j+8; k++ {
				// "चुनाव में … होगी": a noun in a phrase of the clause is
				// not the subject of its far verb ("संघर्ष विराम की घोषणा
				// की" still reads the light verb right after the marker)
				if k > j+1 && g.caseMarker[words[j]] || f.Flags.Adjacent {
					break
				}
				// "फोन इस्तेमाल किया", "नया फोन लॉन्च किया": the noun right
				// after the trigger takes the light verb
				if k == j+1 && g.host[words[j]] {
					break
				}
				// beyond one word only a form of होना or a passive: the subject
				// noun's verb ("वार्ता … में होने वाली है", "राहत सामग्री
				// गांवों में भेजी जाएगी"); an object noun stands next to its
				// light verb ("हमला किया", "सुरक्षा कड़ी की")
				// or any light verb after adjunct phrases only ("X की खोज
				// 2003 में एक दूरबीन से की"): when, where and with what
				// stand between the noun and its verb; an object does not
				if f.findLight(g, words, k, hi, used, &t) && (k == j+1 || g.intransitive[words[t.LightStart]] || g.passiveAt(words, t.LightEnd, hi) || fs.adjunctRun(words, j, k)) {
					light = true
					break
				}
				t.LightStart, t.LightEnd = t.End, t.End
				if g.end[words[k]] && words[k] != hindi.Fold("है") || len(fs.byFirst[words[k]]) > 0 {
					break
				}
			}
		}
		if !light {
			// "सीरीज़ जीत ली", "हार गए": a verb stem before its compound
			// verb or auxiliary is no noun; a verb row reads it
			if !f.Nominal || t.End < hi && g.compound[words[t.End]] {
				return Trigger{}, false
			}
			t.Nominal = true
		}
	}
	fs.readGroup(words, hi, &t)
	// a frame with an object, read with होना rather than करना, is
	// intransitive: the object is its subject ("तीन लोग गिरफ्तार हुए")
	if _, object := f.Roles["∅"]; object && !f.IsVerb && t.LightEnd > t.LightStart && g.intransitive[words[t.LightStart]] {
		t.Intransitive = true
	}
	// a negation right after the verb group ("दी नहीं") negates it too, as
	// does a refusal: "समर्थन करने से इनकार किया"
	if e := t.VerbEnd(); e < hi && g.negation[words[e]] {
		t.Negated = true
	} else if e+1 < hi && words[e] == "से" {
		// "… से (साफ) इनकार", "… से कथित तौर पर मना कर दिया": a refusal
		// a few words after, before the clause ends
		for k := e + 1; k < hi && k <= e+4 && !g.end[words[k]]; k++ {
			if g.refusal[words[k]] {
				t.Negated = true
				break
			}
		}
	}
	// a negation right before the verb, or before a noun that takes its
	// light verb ("संबंध नहीं स्थापित किए", "नहीं गिरफ्तार किया")
	if i > lo && g.negation[words[i-1]] && (f.IsVerb || !t.Nominal && t.LightEnd > t.LightStart) {
		t.Negated = true
	}
	if f.Flags.Predicative && !g.predicativeAt(words, i, lo) {
		return Trigger{}, false
	}
	return t, true
}

// adjunctRun reports whether words[a:b] are adjunct phrases only, each
// ending in an adjunct postposition ("2003 में", "एक दूरबीन से") or a time
// word ("पिछले साल"), or a year on its own ("1998"): no ने or को phrase,
// no conjunction or relative, no verb form of the frames (a genitive की
// is none: "चिली की एक वेधशाला में"), no trigger.
func (fs *Frames) adjunctRun(words []string, a, b int) bool {
	g := fs.group
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		w := words[k]
		if g.adjunctStop[w] || g.end[w] || fs.verbForms[w] && !g.ambiguous[w] || len(fs.byFirst[w]) > 0 || g.aux[w] {
			return false
		}
	}
	last := words[b-1]
	return g.adjunctEnd[last] || g.adjunctTime[last] || isYear(last)
}

// isYear reports whether a word is a year in digits (1900-2099, Latin or
// Devanagari digits).
func isYear(w string) bool {
	r := []rune(w)
	if len(r) != 4 {
		return false
	}
	n := 0
	for _, c := range r {
		switch {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
		case c >= '०' && c <= '९':
			n = n*10 + int(c-'०')
		default:
			return false
		}
	}
	return n >= 1900 && n <= 2099
}

// readGroup reads the auxiliaries after the verb: passive, modal,
// negation, and where the group ends.
func (fs *Frames) readGroup(words []string, hi int, t *Trigger) {
	g := fs.group
	t.GroupEnd = t.VerbEnd()
	if t.Nominal {
		return
	}
	prev := words[t.VerbEnd()-1]
	for k := t.VerbEnd(); k < hi && k < t.VerbEnd()+5; k++ {
		w := words[k]
		switch {
		case g.passive[w] && g.perfective(prev):
			t.Passive = true
		case g.possible[w]:
			t.Modal = "possible"
		case g.obligation[w]:
			t.Modal = "obligation"
		case g.desire[w] && isInfinitive(prev):
			t.Modal = "desire"
		case g.negation[w]:
			t.Negated = true
		case !g.aux[w]:
			return
		}
		prev = w
		t.GroupEnd = k + 1
	}
}

// passiveAt reports whether a passive form of जाना stands at k, after a
// perfective participle.
func (g *verbGroup) passiveAt(words []string, k, hi int) bool {
	return k > 0 && k < hi && g.passive[words[k]] && g.perfective(words[k-1])
}

// Perfective reports whether a folded word is a perfective participle
// (the form a passive जाना follows), not a root जाना completes ("ले").
func (fs *Frames) Perfective(w string) bool { return fs.group.perfective(w) }

// perfective reports whether a folded word is a perfective participle
// (किया, की, भेजे, मारी), the form a passive जाना follows, rather than a
// root that जाना completes ("ले गए", "हो गया", "चले गए").
func (g *verbGroup) perfective(w string) bool {
	if isInfinitive(w) || g.completive[w] {
		return false
	}
	for _, suf := range []string{"ा", "ी", "े", "ए", "ई", "ये", "यी", "या"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func isInfinitive(w string) bool {
	return len([]rune(w)) > 2 && (strings.HasSuffix(w, "ना") || strings.HasSuffix(w, "ने") || strings.HasSuffix(w, "नी"))
}

// predicativeAt reports whether the verb at i follows a को phrase and a
// predicate noun or adjective: "अदालत ने उसे दोषी बताया", "विरोधियों को
// 'देशद्रोही' बताया" (called them traitors), not "बीबीसी को बताया".
func (g *verbGroup) predicativeAt(words []string, i, lo int) bool {
	k := i - 1
	for k >= lo && g.particle[words[k]] {
		k--
	}
	if k < lo || g.predicateStop[words[k]] {
		return false
	}
	for m := k - 1; m >= lo && m >= k-8; m-- {
		if words[m] == "को" {
			return true
		}
	}
	return false
}

// findLight matches a light verb at j.
func (f *Frame) findLight(g *verbGroup, words []string, j, hi int, used map[int]bool, t *Trigger) bool {
	for _, lp := range f.Light {
		if j+lp.Len() <= hi && lp.MatchAt(words, j) && !used[j] {
			end := j + lp.Len()
			if lp.Len() == 1 && g.ambiguous[words[j]] && end < hi && !g.end[words[end]] && !g.join[words[end]] {
				continue
			}
			t.LightStart, t.LightEnd = j, end
			return true
		}
	}
	// "हमले को अंजाम दिया": carried out, for a noun that takes करना
	if f.DoLight && j+2 < hi && words[j] == "को" && g.carryOut[words[j+1]] && g.carryVerb[words[j+2]] && !used[j] {
		t.LightStart, t.LightEnd = j, j+3
		return true
	}
	return false
}
