package extract

import (
	"strings"
)

// What surrounds the names: pronoun placeholders, case markers (lifted
// over the nouns a genitive qualifies), coordination, brackets.

// anaphora marks pronouns and phrases that point back ("उन्होंने", "दोनों
// देशों"); they are resolved when roles are assigned.
func (x *extractor) anaphora(s *sentence, owner []*chunk, add func(*chunk)) {
	kinds := []string{"own-country", "both-persons", "both-countries", "other-country", "speaker", "agent", "object", "subject",
		"this-state", "this-country", "this-city"}
	for i := 0; i < len(s.norms); i++ {
		if owner[i] != nil {
			continue
		}
		for _, k := range kinds {
			l := x.d.anaphora[k].at(s.norms, i)
			if l == 0 {
				continue
			}
			if k == "subject" && (!x.isClauseStart(s, i) || !x.standsAlone(s, owner, i+l)) {
				break // यह/वह before a noun is a determiner ("यह समझौता")
			}
			if definite[k] && !x.definiteAt(s, owner, i, l) {
				break
			}
			c := &chunk{start: i, end: i + l, pronoun: k}
			add(c)
			i += l - 1
			break
		}
	}
}

var definite = map[string]bool{"this-state": true, "this-country": true, "this-city": true}

// definiteAt: "राज्य", "देश", "शहर" at i stand for one place the article
// named when no modifier, number or genitive comes before them and a
// postposition or particle comes after ("राज्य में", "देश के"), not a noun
// ("प्रदेश अध्यक्ष", "राज्य सभा").
func (x *extractor) definiteAt(s *sentence, owner []*chunk, i, l int) bool {
	if i > 0 {
		p := s.norms[i-1]
		// "बिहार राज्य": a place right before names the state itself
		if c := owner[i-1]; c != nil && len(c.ents) > 0 && c.ents[0].isPlace() {
			return false
		}
		if x.d.anaphora["definite-not-after"].at(s.norms, i-1) > 0 || isGenitive(p) {
			return false
		}
		if _, ok := x.d.glossary[p]; ok && !x.d.stop[p] {
			return false
		}
		if _, ok := parseDigits(p); ok {
			return false
		}
		if _, ok := x.d.numbers[p]; ok {
			return false
		}
	}
	j := i + l
	return j < len(s.norms) && (x.d.is("particle", s.norms[j]) || x.d.postpos.at(s.norms, j) > 0)
}

// standsAlone tells a pronoun from a determiner by what follows it: a name,
// a particle or a postposition, not a common noun.
func (x *extractor) standsAlone(s *sentence, owner []*chunk, j int) bool {
	if j >= len(s.norms) {
		return true
	}
	if c := owner[j]; c != nil && c.start == j && len(c.ents) > 0 {
		switch c.ents[0].Type {
		case "Treaty", "Group", "Thing", "Anniversary":
			return false
		}
		return true
	}
	w := s.norms[j]
	return x.d.is("particle", w) || x.d.postpos.at(s.norms, j) > 0
}

func (x *extractor) isClauseStart(s *sentence, i int) bool {
	if i == 0 {
		return true
	}
	prev := s.norms[i-1]
	if prev == "," {
		return true
	}
	for _, ps := range x.d.clauseWords {
		for _, p := range ps {
			if len(p) > 0 && i-len(p) >= 0 && p.at(s.norms, i-len(p)) {
				return true
			}
		}
	}
	return false
}

// caseMarkers reads the postposition after each chunk, lifting a name over
// a common noun it qualifies: "योनहाप समाचार एजेंसी की रिपोर्ट के अनुसार"
// and "कोरियाई पीपुल्स आर्मी के योगदान की सराहना" keep the outer case.
func (x *extractor) caseMarkers(s *sentence, chunks []*chunk) {
	starts := map[int]bool{}
	for _, c := range chunks {
		starts[c.start] = true
	}
	for _, c := range chunks {
		j := c.end
		// "कोरियन सेंट्रल न्यूज एजेंसी (केसीएनए) के मुताबिक": skip a bracketed
		// short name
		if j+2 < len(s.norms) && s.norms[j] == "(" {
			for k := j + 1; k < len(s.norms) && k <= j+6; k++ {
				if s.norms[k] == ")" {
					j = k + 1
					break
				}
			}
		}
		// "' द न्यूज ' के अनुसार": a closing quote before the case marker
		if j < len(s.norms) && x.d.is("quote", s.norms[j]) {
			j++
		}
		// "आउटब्रेन कंपनी के मुताबिक", "बदख़्शां प्रांत में": the noun naming
		// the name's kind stands between it and its case marker
		// (two of them: "बीबीसी समाचार वेबसाइट को")
		cl := j
		for n := 0; n < 2 && cl < len(s.norms) && !starts[cl] && x.d.is("classifier", s.norms[cl]); n++ {
			cl++
		}
		if cl > j && x.d.postpos.at(s.norms, cl) > 0 {
			j = cl
		}
		if l := x.d.postpos.at(s.norms, j); l > 0 {
			c.post = strings.Join(s.norms[j:j+l], " ")
			c.postEnd = j + l
		} else {
			c.postEnd = c.end
		}
		// "भारत प्रशासित कश्मीर": the name modifies the noun after it
		if c.post == "" && j < len(s.norms) && x.d.is("attributive", s.norms[j]) {
			c.consumed = true
		}
		if c.pronoun == "object" && c.post == "" {
			c.post = "को" // उसे, उन्हें: pronoun + को in one word
		}
		// lift over the common nouns a genitive qualifies: "X के नेताओं ने",
		// "X के कदमों के लिए", "X के साहस और बलिदान की"
		// (not over a kinship noun or an associate: "X के भाई ने कहा",
		// "X के दोस्तों का मानना है" are said by someone else than X)
		if isGenitive(c.post) {
			k := c.postEnd
			n := 0
			for k < len(s.norms) && n < 3 && !starts[k] && isLetterWord(s.norms[k]) &&
				x.d.postpos.at(s.norms, k) == 0 && x.d.frames.ForWord(s.norms[k]) == nil && !x.d.reportNouns[s.norms[k]] {
				if nd, _ := loadNameData(); nd.kin[s.norms[k]] || x.d.is("associate", s.norms[k]) {
					n = 0
					break
				}
				k++
				n++
			}
			if n > 0 && k < len(s.norms) && !starts[k] && !x.placeBeforeName(s, c, k) {
				// "मुंबई की उस कंपनी ने": a city does not act through
				// what it qualifies
				if l := x.d.postpos.at(s.norms, k); l > 0 && !(s.norms[k] == "ने" && cityLike(c.ents)) {
					c.post = strings.Join(s.norms[k:k+l], " ")
					c.postEnd = k + l
					c.qualifies = true
				}
			} else if n > 0 && k < len(s.norms) && starts[k] && !x.d.stop[s.norms[k-1]] {
				// "दोनों देशों के विदेश सचिव नई दिल्ली में मिलेंगे": the phrase
				// the genitive qualifies ends at the next name, bare
				c.post, c.postEnd, c.lifted = "", k, true
			}
		}
	}
}

// qtyList returns the chunk's numbers, one per entity.
func (c *chunk) qtyList() []int64 {
	out := make([]int64, len(c.ents))
	copy(out, c.qty)
	return out
}

// coordinate joins "X और Y", "X, Y और Z", "X व Y" into one chunk that takes
// the case of the last.
func (x *extractor) coordinate(s *sentence, chunks []*chunk) []*chunk {
	var out []*chunk
	for i := 0; i < len(chunks); i++ {
		c := chunks[i]
		for i+1 < len(chunks) && c.post == "" && c.pronoun == "" && !c.consumed {
			nx := chunks[i+1]
			skip := 0
			// "शी चिनफिंग और रूस के राष्ट्रपति व्लादिमीर पुतिन ने": the title's
			// country is not a conjunct; the person after it is
			if nx.consumed && c.end < len(s.norms) && x.d.is("conjunction", s.norms[c.end]) && nx.start == c.end+1 {
				for k := i + 2; k < len(chunks) && k <= i+3; k++ {
					if !chunks[k].consumed && chunks[k].pronoun == "" && chunks[k].start-nx.end <= 4 {
						nx, skip = chunks[k], k-(i+1)
						break
					}
				}
			}
			if nx.pronoun != "" || nx.consumed {
				break
			}
			// "भारत पाक" in a headline: two countries side by side
			juxtaposed := nx.start == c.end && len(c.ents) > 0 && len(nx.ents) == 1 &&
				c.ents[len(c.ents)-1].Type == "Country" && nx.ents[0].Type == "Country"
			if !juxtaposed && skip == 0 {
				if !x.adjacent(s, c.end+1, nx.start) || !x.d.is("conjunction", s.norms[c.end]) {
					break
				}
				// a comma joins names only in a list that a conjunction
				// closes ("X, Y और Z"); "the Kremlin, Putin …" is two phrases
				if s.norms[c.end] == "," && !x.listClosed(s, chunks, i+1) {
					break
				}
			}
			i += skip
			ents, qty := append(append([]*Ent{}, c.ents...), nx.ents...), append(c.qtyList(), nx.qtyList()...)
			if x.roleApposition(s, c, nx) {
				ents, qty = nx.ents, nx.qtyList()
			}
			c = &chunk{ents: ents, start: c.start, end: nx.end, post: nx.post, postEnd: nx.postEnd, qty: qty}
			i++
		}
		out = append(out, c)
	}
	return out
}

// adjacent reports whether a name starting at to follows a joining word
// ending at from: directly, or after the title it is given ("महेंद्र कर्मा,
// प्रदेश अध्यक्ष नंदकुमार पटेल").
func (x *extractor) adjacent(s *sentence, from, to int) bool {
	if to == from {
		return true
	}
	if to < from || to-from > 4 {
		return false
	}
	k := from
	for k < to && x.d.is("title-modifier", s.norms[k]) {
		k++
	}
	for _, t := range x.d.titles {
		if k+len(t.words) == to && t.words.at(s.norms, k) {
			return true
		}
	}
	return false
}

// listClosed reports whether the names from chunks[i] on continue, joined
// by commas, to a conjunction and one more name.
func (x *extractor) listClosed(s *sentence, chunks []*chunk, i int) bool {
	for ; i+1 < len(chunks); i++ {
		c, nx := chunks[i], chunks[i+1]
		if c.post != "" || !x.adjacent(s, c.end+1, nx.start) || c.end >= len(s.norms) {
			return false
		}
		switch w := s.norms[c.end]; {
		case w == ",":
			continue
		case x.d.is("conjunction", w):
			return true
		default:
			return false
		}
	}
	return false
}

// heldIn reads "इस्लामाबाद में दक्षेस शिखर सम्मेलन": the named event takes
// place there.
func (x *extractor) heldIn(s *sentence, chunks []*chunk) {
	for i := 1; i < len(chunks); i++ {
		p, c := chunks[i-1], chunks[i]
		if p.post != "में" || p.postEnd != c.start || len(p.ents) != 1 || len(c.ents) != 1 || !p.ents[0].isPlace() {
			continue
		}
		switch c.ents[0].Type {
		case "Summit", "Event", "War":
			x.res.Relations = append(x.res.Relations, Relation{From: c.ents[0], To: p.ents[0], Predicate: "held_in", Sentence: s.idx})
			p.consumed = true
		}
	}
}

// dropBracketed drops "(केसीएनए)" after the name it abbreviates.
func dropBracketed(s *sentence, chunks []*chunk) []*chunk {
	var out []*chunk
	for i, c := range chunks {
		if i > 0 && c.start >= 1 && s.norms[c.start-1] == "(" && c.end < len(s.norms) && s.norms[c.end] == ")" {
			prev := out[len(out)-1]
			if prev.end == c.start-1 && len(prev.ents) == 1 && len(c.ents) == 1 && prev.ents[0] == c.ents[0] {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// cityLike: a city or a place that is not a state or a country.
func cityLike(ents []*Ent) bool {
	for _, e := range ents {
		if e.Type != "City" && e.Type != "Place" {
			return false
		}
	}
	return len(ents) > 0
}
