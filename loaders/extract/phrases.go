package extract

import (
	"strconv"
	"strings"

	"github.com/kgnews/kg/loaders/hindi"
)

// Phrases of common nouns that become nodes: treaties (with their
// coreference), groups of people or things with their number and
// nationality, anniversaries.

// treaties reads treaty phrases: [modifiers] HEAD, e.g. "पारस्परिक रक्षा
// संधि", "परमाणु प्रतिष्ठान आक्रमण निषेध समझौते". A treaty named only by
// generic words ("यह समझौता", "द्विपक्षीय समझौते") refers to the treaty
// named nearest in the article.
func (x *extractor) treaties(s *sentence, owner []*chunk, add func(*chunk)) {
	for i, w := range s.norms {
		display, ok := x.d.treatyHeads[w]
		if !ok || owner[i] != nil {
			continue
		}
		// modifiers: up to five preceding words that are glossary words or
		// unknown content words, not stop words or postpositions
		start := i
		var mods []string
		generic := false
		for k := i - 1; k >= 0 && i-k <= 5; k-- {
			mw := s.norms[k]
			if owner[k] != nil || !isLetterWord(mw) {
				break
			}
			if x.d.treatyGen[mw] {
				generic = true
				break
			}
			if x.d.stop[mw] || x.d.postpos.at(s.norms, k) > 0 {
				break
			}
			mods = append([]string{mw}, mods...)
			start = k
		}
		var e *Ent
		if len(mods) == 0 {
			e = x.nearestTreaty()
			if e == nil {
				continue // "समझौता" alone before any named treaty: not a name
			}
			e.seen("", s.idx)
			_ = generic
		} else {
			hi := x.surface(s, start, i) + " " + display
			en := ""
			if g, ok := x.d.gloss(mods); ok {
				en = g + " " + x.d.treatyEN[display]
			} else {
				en = hindi.Transliterate(x.surface(s, start, i)) + " " + x.d.treatyEN[display]
			}
			e = x.matchTreaty(mods, display)
			if e == nil {
				// A treaty with a long name is specific enough to share
				// across articles; "रक्षा समझौता" is not.
				local := len(mods) < 3
				id := hindi.Slug(en, 80)
				if local {
					id = x.localID(id)
				}
				e = x.newEnt(id, "Treaty", en, hi, local, x.surface(s, start, i+1), s.idx)
				e.Aliases = nil
			} else {
				e.seen(x.surface(s, start, i+1), s.idx)
				if len(mods) > len(strings.Fields(e.HI))-1 {
					// the longer name becomes the label
					e.HI, e.EN = hi, en
				}
			}
			x.treatyMods[e] = mergeMods(x.treatyMods[e], mods)
		}
		add(&chunk{ents: []*Ent{e}, start: start, end: i + 1})
	}
}

func mergeMods(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range append(append([]string{}, a...), b...) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// matchTreaty finds a treaty of the article whose modifiers include these
// or are included in them (रक्षा समझौता ~ पारस्परिक रक्षा संधि).
func (x *extractor) matchTreaty(mods []string, head string) *Ent {
	for _, e := range x.order {
		if e.Type != "Treaty" {
			continue
		}
		if subset(mods, x.treatyMods[e]) || subset(x.treatyMods[e], mods) {
			return e
		}
	}
	return nil
}

func subset(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	set := map[string]bool{}
	for _, w := range b {
		set[w] = true
	}
	for _, w := range a {
		if !set[w] {
			return false
		}
	}
	return true
}

func (x *extractor) nearestTreaty() *Ent {
	var best *Ent
	for _, e := range x.order {
		if e.Type == "Treaty" && (best == nil || e.lastSeen >= best.lastSeen) {
			best = e
		}
	}
	if best == nil && len(x.ahead) > 0 {
		f := x.ahead[0]
		best = x.newEnt(f.ID, f.Type, f.EN, f.HI, f.Local, "", -1)
		x.treatyMods[best] = x.aheadMods[0]
	}
	return best
}

// localID is the id of an article-scoped entity; it is unique within the
// article by construction (one node per label).
func (x *extractor) localID(base string) string {
	if base == "" {
		base = "thing"
	}
	return base
}

// groups reads [quantity] [modifiers] GROUP-NOUN: "5,000 सैन्य
// निर्माणकर्मी", "उत्तर कोरियाई सैनिकों", "आठ भारतीय अधिकारियों".
func (x *extractor) groups(s *sentence, owner []*chunk, add, remove func(*chunk), demonyms map[*chunk]*Ent) {
	n := len(s.norms)
	for i := 0; i < n; i++ {
		if owner[i] != nil {
			continue
		}
		var g *groupNoun
		var glen int
		for _, k := range x.d.groupFirst[s.norms[i]] {
			if l := x.d.groups[k].forms.at(s.norms, i); l > 0 {
				g, glen = &x.d.groups[k], l
				break
			}
		}
		if g == nil {
			continue
		}
		// "आतंकवादी संगठनों": the last of two group nouns is the head
		if x.groupAt(s, i+glen) {
			continue
		}
		start := i
		var country *Ent
		var mods []string
		for k := i - 1; k >= 0 && i-k <= 3; k-- {
			if c := owner[k]; c != nil {
				if de, ok := demonyms[c]; ok && c.end == start {
					country = de
					start = c.start
					remove(c)
					delete(demonyms, c)
				}
				break
			}
			if _, ok := x.d.glossary[s.norms[k]]; ok && !x.d.stop[s.norms[k]] {
				mods = append([]string{s.norms[k]}, mods...)
				start = k
				continue
			}
			break
		}
		// "फलस्तीनी संगठन हमास": a group noun right before a name is an
		// apposition; the name is the head
		if end := i + glen; end < len(owner) && owner[end] != nil && owner[end].start == end && len(owner[end].ents) > 0 && demonyms[owner[end]] == nil {
			i = end - 1
			continue
		}
		end := i + glen
		// a name right before the noun: "हमास संगठन", "गूगल कंपनी" — the noun
		// is the name's head and adds nothing; "लाहौर अदालत", "दिल्ली
		// पुलिस" — an institution of the place, located there
		var at, led *Ent
		if start == i && i > 0 && country == nil && len(mods) == 0 {
			if c := owner[i-1]; c != nil && c.end == i && len(c.ents) == 1 && c.pronoun == "" && demonyms[c] == nil {
				switch e := c.ents[0]; {
				case g.class != "Group" && g.class != "Thing" && e.isSource() && e.Type != "Person" && e.Type != "Country":
					nc := *c
					nc.end = end
					remove(c)
					add(&nc)
					i = end - 1
					continue
				case g.class != "Group" && g.class != "Thing" && e.isPlace():
					at = e
					start = c.start
					remove(c)
				case g.class != "Group" && g.class != "Thing" && e.Type == "Person":
					// "ओबामा प्रशासन": the administration the person leads
					led = e
					start = c.start
					remove(c)
				}
			}
		}
		// quantity before the phrase: "5,000", "आठ", "दो हजार", "लगभग 20"
		qty, qStart := x.quantityBefore(s, owner, start)
		modEN, _ := x.d.gloss(mods)
		en := strings.TrimSpace(modEN + " " + g.en)
		hi := strings.TrimSpace(x.surface(s, start, i) + " " + g.display)
		if !hindi.IsDevanagari(s.norms[i]) {
			hi = "" // an English phrase ("Russian drones") has no Hindi label
		}
		if at != nil {
			en = at.Label() + " " + en
		}
		if led != nil {
			en = led.Label() + " " + en
		}
		if country != nil {
			adj := country.DemonymEN
			if adj == "" {
				adj = country.EN
			}
			en = adj + " " + en
		}
		e := x.newEnt(x.localID(hindi.Slug(en, 60)), g.class, en, hi, true, x.surface(s, start, end), s.idx)
		if e.via == "" {
			e.via = "group"
		}
		if e.Country == nil {
			e.Country = country
		}
		c := &chunk{ents: []*Ent{e}, start: start, end: end, qty: []int64{qty}}
		if qStart >= 0 {
			c.start = qStart
		}
		add(c)
		if country != nil {
			x.res.Relations = append(x.res.Relations, Relation{From: e, To: country, Predicate: "from_country", Sentence: s.idx})
		}
		if at != nil {
			x.res.Relations = append(x.res.Relations, Relation{From: e, To: at, Predicate: "location", Sentence: s.idx})
		}
		i = end - 1
	}
}

// quantityBefore reads a number ending just before word i.
func (x *extractor) quantityBefore(s *sentence, owner []*chunk, i int) (int64, int) {
	k := i - 1
	if k < 0 || owner[k] != nil {
		return 0, -1
	}
	w := s.norms[k]
	if v, ok := parseDigits(w); ok {
		return v, k
	}
	// number words: "दो हजार", "आठ"
	var total, cur int64
	start := -1
	for k >= 0 {
		nw, ok := x.d.numbers[s.norms[k]]
		if !ok {
			if v, ok := parseDigits(s.norms[k]); ok && cur > 0 {
				// "2 हजार"
				total = v * cur
				cur = 0
				start = k
				k--
			}
			break
		}
		if nw.value == 0 {
			return 0, -1 // दर्जनों: vague
		}
		if nw.multiplier {
			if cur == 0 {
				cur = nw.value
			} else {
				cur *= nw.value
			}
		} else {
			if cur > 0 {
				total += nw.value * cur
				cur = 0
			} else {
				total += nw.value
			}
		}
		start = k
		k--
	}
	total += cur
	if start < 0 || total == 0 {
		return 0, -1
	}
	return total, start
}

func (x *extractor) groupAt(s *sentence, i int) bool {
	if i >= len(s.norms) {
		return false
	}
	for _, k := range x.d.groupFirst[s.norms[i]] {
		if x.d.groups[k].forms.at(s.norms, i) > 0 {
			return true
		}
	}
	return false
}

func parseDigits(w string) (int64, bool) {
	w = strings.ReplaceAll(w, ",", "")
	if w == "" {
		return 0, false
	}
	v, err := strconv.ParseInt(w, 10, 64)
	return v, err == nil
}

// anniversaries reads "80वीं मुक्ति वर्षगांठ" as an occasion node.
func (x *extractor) anniversaries(s *sentence, owner []*chunk, add, remove func(*chunk)) {
	for i, w := range s.norms {
		if owner[i] != nil || !x.d.is("anniversary", w) {
			continue
		}
		start := i
		ordinal := 0
		var mods []string
		for k := i - 1; k >= 0 && i-k <= 3; k-- {
			if owner[k] != nil {
				break
			}
			if o, ok := x.ordinalOf(s.norms[k]); ok {
				ordinal = o
				start = k
				break
			}
			if _, ok := x.d.glossary[s.norms[k]]; ok {
				mods = append([]string{s.norms[k]}, mods...)
				start = k
				continue
			}
			break
		}
		hi := x.surface(s, start, i+1)
		modEN, _ := x.d.gloss(mods)
		en := strings.TrimSpace(modEN + " anniversary")
		if ordinal > 0 {
			en = ordinalEN(ordinal) + " " + en
		}
		e := x.newEnt(x.localID(hindi.Slug(en, 60)), "Anniversary", en, hi, true, hi, s.idx)
		e.Ordinal = ordinal
		add(&chunk{ents: []*Ent{e}, start: start, end: i + 1})
	}
}

// ordinalOf reads an ordinal: digits with a suffix ("80वीं", "80th") or a
// word ("पहली").
func (x *extractor) ordinalOf(w string) (int, bool) {
	for _, suf := range x.d.function["ordinal-suffix"] {
		if n, ok := strings.CutSuffix(w, suf[0]); ok {
			if v, err := strconv.Atoi(n); err == nil {
				return v, true
			}
		}
	}
	o, ok := x.d.ordinals[w]
	return o, ok
}

func ordinalEN(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(n) + suf
}
