package extract

// Relations between two names that the words between them and their
// classes tell: "ओडिशा के गोपालपुर" (located in), "सर्बिया के नोवाक
// जोकोविच" (from the country), "गोपालपुर (ओडिशा)", "बदख़्शां अफ़ग़ानिस्तान का
// एक प्रांत है", "… जो ताजिकस्तान, चीन और पाकिस्तान की सीमा से लगता है".
// The rows are hi/typed-relations.tsv.

// typedRelation is a row of hi/typed-relations.tsv.
type typedRelation struct {
	link   string // gen, bracket, copula, border
	pred   string
	bFirst bool // the edge goes from B to A
	a, b   map[string]bool
	node   string // when set, the relation is a node of this class (a position)
}

// relate records the first relation of the link whose classes fit a and b.
func (x *extractor) relate(s *sentence, link string, a, b *Ent, words string) {
	if a == nil || b == nil || a == b {
		return
	}
	for _, tr := range x.d.typed {
		if tr.link != link || !tr.a[a.Type] || !tr.b[b.Type] {
			continue
		}
		from, to := a, b
		if tr.bFirst {
			from, to = b, a
		}
		if tr.node != "" {
			for _, p := range x.res.Positions {
				if p.Holder == from && p.Of == to && p.Class == tr.node {
					p.Evidence = appendSpan(p.Evidence, s.span)
					return
				}
			}
			x.res.Positions = append(x.res.Positions, &Position{Class: tr.node, Relation: tr.pred, Title: words,
				Holder: from, Of: to, Evidence: []Span{s.span}})
			return
		}
		for _, r := range x.res.Relations {
			if r.From == from && r.To == to && r.Predicate == tr.pred {
				return
			}
		}
		x.res.Relations = append(x.res.Relations, Relation{From: from, To: to, Predicate: tr.pred, Sentence: s.idx})
		return
	}
}

// typedRelations reads the sentence's chunks (names found, case markers
// read, lists coordinated) for the links of hi/typed-relations.tsv.
func (x *extractor) typedRelations(s *sentence, chunks []*chunk, clauses []clause) {
	named := func(c *chunk) bool { return c != nil && c.pronoun == "" && !c.consumed && len(c.ents) > 0 }
	for i, c := range chunks {
		if !named(c) {
			continue
		}
		var next *chunk
		if i+1 < len(chunks) {
			next = chunks[i+1]
		}
		// A के B, A के B, C और D
		if isGenitive(c.post) && named(next) && c.postEnd == next.start && len(c.ents) == 1 {
			for _, b := range next.ents {
				x.relate(s, "gen", c.ents[0], b, x.surface(s, c.start, next.end))
			}
		}
		// B (A)
		if named(next) && c.end < len(s.norms) && s.norms[c.end] == "(" && next.start == c.end+1 &&
			next.end < len(s.norms) && s.norms[next.end] == ")" && len(next.ents) == 1 {
			for _, b := range c.ents {
				x.relate(s, "bracket", b, next.ents[0], x.surface(s, c.start, next.end+1))
			}
		}
	}
	x.kinship(s, chunks)
	x.behalf(s, chunks)
	for ci, cl := range clauses {
		var in []*chunk
		for _, c := range chunks {
			if c.start >= cl.start && c.start < cl.end {
				in = append(in, c)
			}
		}
		x.copula(s, cl, in)
		// the subject of a relative clause (जो …) is the previous clause's
		var head *chunk
		if cl.kind == "relative" && ci > 0 {
			for _, c := range chunks {
				if c.start >= clauses[ci-1].start && c.start < clauses[ci-1].end && c.post == "" && named(c) {
					head = c
					break
				}
			}
		}
		x.borders(s, cl, in, head)
	}
}

// copula: "A [words] B का/की/के [up to five words] PLACE-NOUN है" — A is a
// region of B.
func (x *extractor) copula(s *sentence, cl clause, in []*chunk) {
	if len(in) < 2 || in[0].post != "" || in[0].start != cl.start || in[0].consumed {
		return
	}
	a := in[0]
	for _, b := range in[1:] {
		if !isGenitive(b.post) || len(b.ents) != 1 {
			continue
		}
		for k := b.postEnd; k < cl.end && k <= b.postEnd+5; k++ {
			if x.d.is("place-noun", s.norms[k]) && k+1 < cl.end && x.d.auxiliary[s.norms[k+1]] {
				for _, e := range a.ents {
					x.relate(s, "copula", e, b.ents[0], x.surface(s, a.start, k+1))
				}
				return
			}
		}
		return
	}
}

// borders: "B की सीमा से लगता है" with A the clause's subject (or the
// head of its relative clause), or "A की सीमा B से लगती है".
func (x *extractor) borders(s *sentence, cl clause, in []*chunk, head *chunk) {
	adjoinAt := func(k int) bool {
		for ; k < cl.end && k <= cl.end; k++ {
			if x.d.is("adjoin", s.norms[k]) {
				return true
			}
		}
		return false
	}
	for i, c := range in {
		// the words as written (a case marker read further on lifts the
		// genitive over "सीमा")
		if c.end+1 >= cl.end || !isGenitive(s.norms[c.end]) || !x.d.is("border", s.norms[c.end+1]) {
			continue
		}
		k := c.end + 2
		// A की सीमा B से लगती है
		if i+1 < len(in) && in[i+1].start == k && in[i+1].post == "से" && adjoinAt(in[i+1].postEnd) && len(c.ents) == 1 {
			for _, b := range in[i+1].ents {
				x.relate(s, "border", c.ents[0], b, x.surface(s, c.start, in[i+1].postEnd))
			}
			return
		}
		// (A …) B की सीमा से लगता है
		if k < cl.end && s.norms[k] == "से" && adjoinAt(k+1) {
			subj := head
			if subj == nil && in[0] != c && in[0].post == "" {
				subj = in[0]
			}
			if subj == nil || len(subj.ents) != 1 {
				return
			}
			for _, b := range c.ents {
				x.relate(s, "border", subj.ents[0], b, x.surface(s, c.start, k+1))
			}
			return
		}
	}
}

// kinship: "A के (बड़े) भाई B" and "B, A के बड़े भाई": B is A's kin, both
// persons (hi/kin.tsv).
func (x *extractor) kinship(s *sentence, chunks []*chunk) {
	person := func(c *chunk) bool {
		return c != nil && c.pronoun == "" && len(c.ents) == 1 && c.ents[0].Type == "Person"
	}
	for i, c := range chunks {
		// the genitive as written: a case marker read further on ("X के बड़े
		// भाई Y ने") does not change what X's brother is
		if !person(c) || c.end >= len(s.norms) || !isGenitive(s.norms[c.end]) {
			continue
		}
		k := c.end + 1
		for k < len(s.norms) && x.d.is("kin-modifier", s.norms[k]) {
			k++
		}
		if k >= len(s.norms) {
			continue
		}
		rel, ok := x.d.kin[s.norms[k]]
		if !ok {
			continue
		}
		var kin *chunk
		if i+1 < len(chunks) && chunks[i+1].start == k+1 && person(chunks[i+1]) {
			kin = chunks[i+1] // A के भाई B
		} else if i > 0 && person(chunks[i-1]) && chunks[i-1].end+1 == c.start && s.norms[chunks[i-1].end] == "," {
			kin = chunks[i-1] // B, A के भाई
		}
		if kin == nil || kin.ents[0] == c.ents[0] {
			continue
		}
		x.res.Relations = append(x.res.Relations, Relation{From: kin.ents[0], To: c.ents[0], Predicate: rel, Sentence: s.idx})
		// "ताराचंद की पुत्री शिवानी की शादी": the one named before the kinship
		// noun says whose she is, and takes no part in what she does
		if i+1 < len(chunks) && kin == chunks[i+1] {
			c.consumed = true
		}
	}
}

// behalf: "भारत की तरफ़ से इशांत शर्मा ने …": the person who acts does so
// for the country or organisation — a position (kg:Representative,
// "represents") rather than an edge.
func (x *extractor) behalf(s *sentence, chunks []*chunk) {
	for i, c := range chunks {
		if c.pronoun != "" || len(c.ents) != 1 || !x.d.is("behalf", c.post) || c.ents[0].Type == "Person" {
			continue
		}
		for _, a := range chunks[i+1:] {
			if a.post == "ने" && a.pronoun == "" && len(a.ents) == 1 && a.ents[0].Type == "Person" && a.start-c.postEnd <= 4 {
				holder := a.ents[0]
				for _, p := range x.res.Positions {
					if p.Holder == holder && p.Of == c.ents[0] && p.Class == "Representative" {
						return
					}
				}
				x.res.Positions = append(x.res.Positions, &Position{Class: "Representative", Relation: "represents",
					Title: x.surface(s, c.start, a.end), Holder: holder, Of: c.ents[0], Evidence: []Span{s.span}})
				return
			}
		}
	}
}
