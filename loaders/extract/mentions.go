package extract

import (
	"sort"
	"strings"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Noun phrases that name entities: lexicon names (short forms resolved
// through the article), named things built on them, titles and the people
// they introduce, fixed relation phrases.

// mentions finds the noun phrases of a sentence that name entities, with
// their case markers, in word order.
func (x *extractor) mentions(s *sentence) (out []*chunk) {
	n := len(s.words)
	owner := make([]*chunk, n)
	var chunks []*chunk
	add := func(c *chunk) {
		for i := c.start; i < c.end; i++ {
			owner[i] = c
		}
		chunks = append(chunks, c)
	}
	remove := func(c *chunk) {
		for i := c.start; i < c.end; i++ {
			if owner[i] == c {
				owner[i] = nil
			}
		}
		for k, o := range chunks {
			if o == c {
				chunks = append(chunks[:k], chunks[k+1:]...)
				break
			}
		}
	}
	ew := make([]entity.Word, n)
	for i, w := range s.words {
		ew[i] = entity.Word{Norm: w.norm, Tok: w.tok}
	}
	// 1. names from the lexicon and from earlier in the article
	demonyms := map[*chunk]*Ent{}
	for _, m := range entity.Match(ew, x.lex, x.overlay) {
		surface := x.surface(s, m.Start, m.End)
		e, kind := x.resolve(s, m, surface)
		if e == nil {
			continue
		}
		c := &chunk{ents: []*Ent{e}, start: m.Start, end: m.End, short: kind == entity.Short}
		x.nestedPlace(s, e, m.Start, m.End)
		if kind == entity.Demonym {
			demonyms[c] = e
		}
		add(c)
	}
	// 2. named things built on an entity: अलास्का शिखर सम्मेलन, रूस की सरकार
	for _, c := range append([]*chunk(nil), chunks...) {
		if nc := x.namedThing(s, c, demonyms[c] != nil, owner); nc != nil {
			remove(c)
			delete(demonyms, c)
			add(nc)
		}
	}
	// 3. names the lexicon lacks: after a role word, from the name
	// recogniser, from the words around them
	x.roleNames(s, owner, add)
	x.apposNames(s, owner, add)
	x.kinNames(s, owner, add)
	x.workNames(s, owner, add)
	x.recognise(s, owner, add, remove)
	x.cueNames(s, owner, add)
	x.headNames(s, owner, add, remove)
	x.listNames(s, owner, add, remove)
	x.ofPlaceNames(s, owner, add)
	x.abbreviationNames(s, owner, add)
	x.ergativeNames(s, owner, add)
	// 3. titles: रूस के राष्ट्रपति पुतिन; they may introduce a person
	x.titles(s, owner, &chunks, add)
	// 4. fixed relation phrases: रूस के हिस्से कुर्स्क
	x.relationPhrases(s, owner, chunks)
	// 5. treaties, groups, anniversaries, anaphora: phrases of common nouns
	x.treaties(s, owner, add)
	x.groups(s, owner, add, remove, demonyms)
	x.anniversaries(s, owner, add, remove)
	x.anaphora(s, owner, add)
	// A demonym left alone ("रूसी") is an adjective, not a mention, except
	// right before an event noun whose frame makes such a name its agent
	// ("इसराइली बमबारी": Israel bombs; frames.tsv "compound=agent").
	for c := range demonyms {
		if owner[c.start] == c && !x.demonymActs(s, c.end) {
			remove(c)
		}
	}
	sort.Slice(chunks, func(i, j int) bool { return chunks[i].start < chunks[j].start })
	chunks = dropBracketed(s, chunks)
	x.caseMarkers(s, chunks)
	x.heldIn(s, chunks)
	defer func() {
		for _, c := range out {
			if len(c.ents) == 2 && c.ents[0].Type == c.ents[1].Type && c.pronoun == "" {
				x.pairs[c.ents[0].Type] = pair{ents: c.ents, sentence: s.idx}
			}
		}
	}()
	out = x.coordinate(s, chunks)
	x.roleAppositions(s, out)
	return out
}

func (x *extractor) surface(s *sentence, i, j int) string {
	if i >= j {
		return ""
	}
	return strings.Trim(x.a.Text[s.words[i].start:s.words[j-1].end], "'\"‘’“”")
}

// resolve picks the entity a lexicon match names. Full names and demonyms
// resolve at once. A short form (किम) names the entity of that form the
// article has named in full most recently; else, when its entities are of
// one class, the one the article names in full later, or the first listed;
// when they are of different classes (पीटीआई: a news agency or a party),
// the one its context points to (disambiguate), or none.
func (x *extractor) resolve(s *sentence, m entity.Span, surface string) (*Ent, entity.FormKind) {
	sent := s.idx
	var full, short []entity.Form
	for _, f := range m.Forms {
		switch f.Kind {
		case entity.Full, entity.Demonym:
			full = append(full, f)
		case entity.Short:
			short = append(short, f)
		}
	}
	if len(full) > 0 {
		f := full[0]
		if f.Kind == entity.Full {
			e := x.lexEnt(f.Entity, surface, sent)
			e.fullSeen = true
			return e, f.Kind
		}
		return x.lexEnt(f.Entity, "", sent), f.Kind
	}
	var cands []*entity.Entity
	for _, f := range short {
		if !containsEntity(cands, f.Entity) {
			cands = append(cands, f.Entity)
		}
	}
	if len(cands) == 0 {
		return nil, 0
	}
	pick := func(le *entity.Entity) (*Ent, entity.FormKind) {
		if le == nil {
			return nil, 0
		}
		return x.lexEnt(le, surface, sent), entity.Short
	}
	mixed := false
	for _, c := range cands[1:] {
		if c.Type != cands[0].Type {
			mixed = true
		}
	}
	if mixed {
		return pick(x.disambiguate(s, m.Start, m.End, cands))
	}
	var recent *Ent
	for _, c := range cands {
		if e, ok := x.ents[c.ID]; ok && e.fullSeen && (recent == nil || e.lastSeen > recent.lastSeen) {
			recent = e
		}
	}
	if recent != nil {
		recent.seen(surface, sent)
		return recent, entity.Short
	}
	for _, c := range cands {
		if x.fullAhead[c.ID] {
			return pick(c)
		}
	}
	return pick(cands[0])
}

func containsEntity(list []*entity.Entity, e *entity.Entity) bool {
	for _, o := range list {
		if o == e || o.ID == e.ID {
			return true
		}
	}
	return false
}

// nestedPlace: a lexicon name of a war or summit that begins with a
// place's name ("यूक्रेन युद्ध") mentions that place too, as its location.
func (x *extractor) nestedPlace(s *sentence, e *Ent, start, end int) {
	switch e.Type {
	case "War", "Summit", "Event":
	default:
		return
	}
	for k := end - 1; k > start; k-- {
		for _, f := range x.lex.Lookup(strings.Join(s.norms[start:k], " ")) {
			if f.Kind == entity.Full && placeType(f.Entity.Type) {
				p := x.lexEnt(f.Entity, x.surface(s, start, k), s.idx)
				x.res.Relations = append(x.res.Relations, Relation{From: e, To: p, Predicate: "location", Sentence: s.idx})
				return
			}
		}
	}
}

func placeType(t string) bool {
	switch t {
	case "Country", "City", "Place", "AdministrativeArea":
		return true
	}
	return false
}

// namedThing reads "<entity> HEAD", "<entity> के/की HEAD" and "<demonym>
// HEAD" as one named thing: अलास्का शिखर सम्मेलन → Alaska summit.
func (x *extractor) namedThing(s *sentence, c *chunk, demonym bool, owner []*chunk) *chunk {
	base := c.ents[0]
	j := c.end
	genitive := false
	if j < len(s.norms) && isGenitive(s.norms[j]) {
		genitive = true
		j++
	}
	// "उत्तर कोरिया के सरकारी मीडिया": the head may follow the genitive
	for _, h := range x.d.named {
		if !phrase(h.words).at(s.norms, j) {
			continue
		}
		end := j + len(h.words)
		if end < len(owner) && owner[end] != nil && owner[end] != c {
			continue // the head is the start of another name
		}
		// "इजरायल युद्ध में है": a country at war, not a war's name
		if end+1 < len(s.norms) && s.norms[end] == "में" && x.d.auxiliary[s.norms[end+1]] {
			continue
		}
		if genitive && h.class == "Summit" {
			continue // "अलास्का का शिखर सम्मेलन" is rare; "X के युद्ध" is not a name
		}
		name := base.EN
		if a := acronym(base); a != "" {
			name = a // "SAARC summit", not "South Asian Association … summit"
		}
		adj := base.DemonymEN
		if adj == "" {
			adj = name
		}
		en := strings.NewReplacer("{en}", name, "{adj}", adj).Replace(h.template)
		hi := x.surface(s, c.start, end)
		switch {
		case !hindi.IsDevanagari(h.display):
			hi = "" // "Russian media": an English phrase has no Hindi label
		case demonym || genitive:
			// keep the phrase as written: रूस की सरकार, रूसी मीडिया
		default:
			hi = base.HI + " " + h.display
		}
		id := hindi.Slug(en, 80)
		e := x.newEnt(id, h.class, en, hi, !h.global, x.surface(s, c.start, end), s.idx)
		if (h.class == "Summit" || h.class == "War") && base.isPlace() {
			x.res.Relations = append(x.res.Relations, Relation{From: e, To: base, Predicate: "location", Sentence: s.idx})
		}
		return &chunk{ents: []*Ent{e}, start: c.start, end: end}
	}
	return nil
}

// acronym returns an entity's upper-case English short name (SAARC), if
// the lexicon gives one.
func acronym(e *Ent) string {
	for _, a := range e.Aliases {
		if len(a) < 2 || len(a) > 6 {
			continue
		}
		ok := true
		for _, r := range a {
			if r < 'A' || r > 'Z' {
				ok = false
			}
		}
		if ok {
			return a
		}
	}
	return ""
}

func isGenitive(w string) bool { return w == "के" || w == "की" || w == "का" }

// titles reads "X के TITLE NAME", "DEMONYM TITLE NAME", "X TITLE NAME" and
// "TITLE NAME". NAME may be a lexicon person or a name the lexicon lacks,
// which then becomes a person of the article (and of the store).
func (x *extractor) titles(s *sentence, owner []*chunk, chunks *[]*chunk, add func(*chunk)) {
	n := len(s.norms)
	for i := 0; i < n; i++ {
		if owner[i] != nil {
			continue
		}
		var t *title
		for k := range x.d.titles {
			if x.d.titles[k].words.at(s.norms, i) {
				t = &x.d.titles[k]
				break
			}
		}
		if t == nil {
			continue
		}
		tEnd := i + len(t.words)
		// the plural नेताओं is not a title; a title word followed by a
		// postposition is a common noun ("मंत्री ने")
		nameStart := tEnd
		for nameStart < n {
			if l := x.d.honorifics.at(s.norms, nameStart); l > 0 && owner[nameStart] == nil {
				nameStart += l
				continue
			}
			break
		}
		var person *Ent
		var pc *chunk
		nameEnd := nameStart
		if nameStart < n && owner[nameStart] != nil && owner[nameStart].start == nameStart {
			c := owner[nameStart]
			if len(c.ents) == 1 && c.ents[0].Type == "Person" {
				person, pc, nameEnd = c.ents[0], c, c.end
			}
		} else {
			nameEnd = x.nameRun(s, owner, nameStart)
			if nameEnd > nameStart {
				nameEnd = x.personEnd(s, nameStart, nameEnd)
			}
			// "देशों के नेता शामिल होंगे": a "name" followed by a form of
			// होना is a predicate, not a name
			if nameEnd > nameStart && nameEnd < n && x.d.auxiliary[s.norms[nameEnd]] {
				nameEnd = nameStart
			}
			// "कोच बनना", "प्रमुख भूमिका निभा रहा": common words after a
			// title are no name
			if nameEnd > nameStart && !x.ruleShaped(s, nameStart, nameEnd) && !x.recognised(s, nameStart, nameEnd) {
				nameEnd = nameStart
			}
			if nameEnd > nameStart {
				if person = x.discovered("Person", x.surface(s, nameStart, nameEnd), s.idx, 1, "title"); person != nil {
					pc = &chunk{ents: []*Ent{person}, start: nameStart, end: nameEnd}
					add(pc)
				}
			}
		}
		if person == nil {
			x.titleAlone(s, t, owner, i, tEnd, add)
			continue
		}
		// whose title: the entity before it
		var of *Ent
		j := i - 1
		// "X के पूर्व निदेशक Y", "X प्रांत के गवर्नर Y": modifiers the title
		// keeps, and the noun naming X's kind, stand between
		for j >= 0 && owner[j] == nil && x.d.is("title-modifier", s.norms[j]) && i-j <= 2 {
			j--
		}
		if j >= 0 && isGenitive(s.norms[j]) {
			j--
			if j >= 0 && owner[j] == nil && x.d.is("classifier", s.norms[j]) {
				j--
			}
		}
		if j >= 0 && owner[j] != nil && owner[j].end == j+1 || j >= 0 && owner[j] != nil && owner[j].end == i {
			oc := owner[j]
			if len(oc.ents) == 1 && oc.ents[0].Type != "Person" {
				of = oc.ents[0]
				oc.consumed = true
			}
		}
		x.addPosition(s, t, person, of, i, nameEnd)
		i = nameEnd - 1
	}
}

// addPosition records (once) that a person holds an office.
func (x *extractor) addPosition(s *sentence, t *title, holder, of *Ent, start, end int) {
	for _, p := range x.res.Positions {
		if p.Holder == holder && p.Of == of && p.Class == t.class {
			p.Evidence = appendSpan(p.Evidence, s.span)
			return
		}
	}
	x.res.Positions = append(x.res.Positions, &Position{Class: t.class, Relation: t.relation, Title: x.surface(s, start, start+len(t.words)),
		Holder: holder, Of: of, Evidence: []Span{s.span}, sentence: s.idx, start: start})
}

func appendSpan(list []Span, sp Span) []Span {
	for _, o := range list {
		if o == sp {
			return list
		}
	}
	return append(list, sp)
}

// nameRun returns the end of a name that starts at i: up to four words
// that are not stop words, postpositions, numbers, punctuation or other
// names.
func (x *extractor) nameRun(s *sentence, owner []*chunk, i int) int {
	nd, _ := loadNameData()
	j := i
	for j < len(s.norms) && j-i < 4 {
		w := s.norms[j]
		if owner[j] != nil || x.d.stop[w] || nd.function[w] || !isLetterWord(w) || x.d.postpos.at(s.norms, j) > 0 {
			break
		}
		if strings.HasSuffix(w, "ों") || strings.HasSuffix(w, "ाओं") {
			break // an oblique plural is a common noun
		}
		j++
	}
	return j
}

func isLetterWord(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' || strings.ContainsRune(".,;:!?'\"()[]।॥|-–—‘’“”", r) {
			return false
		}
	}
	return w != ""
}

// relationPhrases reads fixed phrases between two names: "रूस के हिस्से
// कुर्स्क" → Kursk part_of Russia.
func (x *extractor) relationPhrases(s *sentence, owner []*chunk, chunks []*chunk) {
	for _, c := range chunks {
		for _, rp := range x.d.relations {
			// parts[0] before A (empty in our patterns), parts[1] between, parts[2] after B
			if len(rp.parts[0]) > 0 {
				continue
			}
			mid := rp.parts[1]
			if !mid.at(s.norms, c.end) {
				continue
			}
			bi := c.end + len(mid)
			if bi >= len(owner) || owner[bi] == nil || owner[bi].start != bi {
				continue
			}
			b := owner[bi]
			if tail := rp.parts[2]; len(tail) > 0 && !tail.at(s.norms, b.end) {
				continue
			}
			slot := map[string]*Ent{rp.slots[0]: c.ents[0], rp.slots[1]: b.ents[0]}
			x.res.Relations = append(x.res.Relations, Relation{From: slot[rp.from], To: slot[rp.to], Predicate: rp.pred, Sentence: s.idx})
			c.consumed = true
			break
		}
	}
}

// demonymActs reports whether the word at k starts an event noun of a
// frame whose compound name is its agent.
func (x *extractor) demonymActs(s *sentence, k int) bool {
	if k >= len(s.norms) {
		return false
	}
	for _, f := range x.d.frames.ForWord(s.norms[k]) {
		if f.Roles["compound"] == schema.RoleAgent {
			return true
		}
	}
	return false
}
