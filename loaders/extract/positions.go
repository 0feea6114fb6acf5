package extract

// Positions from context: an office without its country or state takes it
// from the article when the article names one such place for it.

// noteMentions records which entities a sentence names, for the context
// of positions.
func (x *extractor) noteMentions(s *sentence, chunks []*chunk) {
	for len(x.sentEnts) <= s.idx {
		x.sentEnts = append(x.sentEnts, nil)
	}
	for _, c := range chunks {
		if c.pronoun != "" {
			continue
		}
		for _, e := range c.ents {
			x.sentEnts[s.idx] = append(x.sentEnts[s.idx], e)
			x.mentionCount[e]++
		}
	}
}

// positionContext gives an office that names nothing it is of (a
// President, a Chief Minister) the one place of the kind its title needs
// (titles.tsv, fifth column) that its own sentence names, or else that the
// article names at least twice or in its dateline. Two candidates, or
// none, leave it unsaid: "राज्य के मुख्यमंत्री ओमन चैंडी" in a report that
// names Rajasthan once, for someone's home town, is no chief minister of
// Rajasthan — the state it means is not named.
func (x *extractor) positionContext() {
	sentOf := map[Span]int{}
	for i, sp := range x.res.Sentences {
		sentOf[sp] = i
	}
	article := map[*Ent]bool{}
	for _, es := range x.sentEnts {
		for _, e := range es {
			article[e] = true
		}
	}
	only := func(cands map[*Ent]bool, kind string, holder *Ent, ok func(*Ent) bool) *Ent {
		var one *Ent
		for e := range cands {
			if e.Type != kind || e == holder || !ok(e) {
				continue
			}
			if one != nil {
				return nil
			}
			one = e
		}
		return one
	}
	for _, p := range x.res.Positions {
		kind := x.d.titleOfKind[p.Class]
		if p.Of != nil || kind == "" {
			continue
		}
		var of *Ent
		for _, sp := range p.Evidence {
			here := map[*Ent]bool{}
			for _, e := range x.sentEnts[sentOf[sp]] {
				here[e] = true
			}
			if of = only(here, kind, p.Holder, func(*Ent) bool { return true }); of != nil {
				break
			}
		}
		if of == nil {
			of = only(article, kind, p.Holder, func(e *Ent) bool { return x.mentionCount[e] >= 2 || e == x.res.Dateline })
		}
		p.Of = of
	}
}

// positionsBefore gives an office of this sentence that names nothing it
// is of the name or group right before its title, found after titles:
// "पुलिस प्रवक्ता दीपांशु काबरा" is the police's spokesman.
func (x *extractor) positionsBefore(s *sentence, chunks []*chunk) {
	for _, p := range x.res.Positions {
		if p.Of != nil || p.sentence != s.idx || p.start <= 0 {
			continue
		}
		k := p.start
		for k > 0 && x.d.is("title-modifier", s.norms[k-1]) {
			k--
		}
		// "लोकसभा में विपक्ष की नेता X": an office of a house (of-kind
		// GovernmentOrganization) is of the house it is held in
		inHouse := false
		if k > 0 && isGenitive(s.norms[k-1]) {
			k--
		} else if k > 0 && s.norms[k-1] == "में" && x.d.titleOfKind[p.Class] == "GovernmentOrganization" {
			k--
			inHouse = true
		}
		for _, c := range chunks {
			if c.end != k || c.pronoun != "" || len(c.ents) != 1 {
				continue
			}
			if inHouse && c.ents[0].Type != "GovernmentOrganization" {
				continue
			}
			// a body (an organisation, a country) or a group noun
			// ("पुलिस प्रवक्ता"), never another person
			if e := c.ents[0]; e != p.Holder && e.Type != "Person" && (e.isSource() || e.Type == "Group") {
				p.Of = e
				c.consumed = true
				break
			}
		}
	}
}
