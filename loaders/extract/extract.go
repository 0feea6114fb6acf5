package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// Options tune extraction.
type Options struct {
	// Published is the publication date to use when the article has no
	// date header. Zero: relative dates stay unresolved.
	Published time.Time
	// Lexicon replaces kg's embedded lexicon (tests use small ones).
	Lexicon *entity.Lexicon
}

// word is one folded word of a sentence with its place in the article.
type word struct {
	norm       string
	start, end int // byte offsets in the article text (of its token)
	tok        int
}

type sentence struct {
	idx   int
	span  article.Span
	words []word
	norms []string
}

func (s *sentence) text(a *article.Article) string { return a.Text[s.span.Start:s.span.End] }

// chunk is a noun phrase naming entities, with its case marker.
type chunk struct {
	ents       []*Ent
	start, end int     // words of the phrase
	post       string  // folded postposition, "" for a bare phrase
	postEnd    int     // first word after the postposition
	qty        []int64 // the number before each entity ("5,000 … और 1,000 …"), parallel to ents
	pronoun    string  // anaphora kind, before resolution
	consumed   bool    // part of a title or relation phrase, not an argument
}

// extractor holds the state of one article.
type extractor struct {
	d       *data
	lex     *entity.Lexicon
	a       *article.Article
	pub     time.Time
	res     *Result
	ents    map[string]*Ent
	order   []*Ent
	overlay *entity.Lexicon // names the article introduced
	// discourse memory for anaphora
	lastAgents []*Ent
	prevEvents []*Event // events of the previous sentence
	// treatyMods remembers each treaty's modifier words, for coreference
	// of "रक्षा समझौता" with "पारस्परिक रक्षा संधि".
	treatyMods map[*Ent][]string
	// pairs remembers, by type, the last two entities named together
	// ("भारत और पाकिस्तान"), for "दोनों देशों".
	pairs map[string]pair
	// splitFrom maps an event split by its quantities to its first part.
	splitFrom map[*Event]*Event
	// pendingDates are the dates of a clause that had no event, for the
	// next clause of the sentence.
	pendingDates []temporal.Expr
	// ahead are the treaties the article names, found by a first pass.
	ahead     []*Ent
	aheadMods [][]string
}

// Extract reads the facts of an article.
func Extract(a *article.Article, opts Options) (*Result, error) {
	d, err := loadData()
	if err != nil {
		return nil, err
	}
	lex := opts.Lexicon
	if lex == nil {
		if lex, err = entity.Default(); err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
	}
	pub := a.Published
	if pub.IsZero() {
		pub = opts.Published
	}
	x := newExtractor(d, lex, a, pub)
	if x.pub.IsZero() {
		x.res.Warnings = append(x.res.Warnings, "no publication date (no \"date YYYY-MM-DD\" header and no --date): relative dates such as बुधवार or पिछले साल stay unresolved")
	}
	x.dateline()
	var sents []*sentence
	for _, seg := range a.Segments() {
		for _, sp := range hindi.Sentences(a.Text[seg.Start:seg.End]) {
			s := &sentence{idx: len(sents), span: article.Span{Start: seg.Start + sp.Start, End: seg.Start + sp.End}}
			x.tokenize(s)
			sents = append(sents, s)
			x.res.Sentences = append(x.res.Sentences, s.span)
		}
	}
	// A first look at the names, so that "द्विपक्षीय समझौते" can point
	// forward to the treaty the next sentence names in full.
	pre := newExtractor(d, lex, a, x.pub)
	for _, s := range sents {
		pre.mentions(s)
	}
	for _, e := range pre.order {
		if e.Type == "Treaty" {
			x.ahead = append(x.ahead, e)
			x.aheadMods = append(x.aheadMods, pre.treatyMods[e])
		}
	}
	for _, s := range sents {
		x.sentence(s)
	}
	x.mergeEvents()
	x.inheritParticipants()
	x.splitQuantities()
	x.fixThemes()
	x.publicationDates()
	for i, ev := range x.res.Events {
		ev.N = i + 1
	}
	for i, p := range x.res.Positions {
		p.N = i + 1
	}
	x.res.Entities = x.order
	return x.res, nil
}

// pair is two entities named together, and where.
type pair struct {
	ents     []*Ent
	sentence int
}

func newExtractor(d *data, lex *entity.Lexicon, a *article.Article, pub time.Time) *extractor {
	return &extractor{d: d, lex: lex, a: a, pub: pub, ents: map[string]*Ent{}, overlay: entity.New(),
		treatyMods: map[*Ent][]string{}, pairs: map[string]pair{}, splitFrom: map[*Event]*Event{},
		res: &Result{Article: a, Published: !a.Published.IsZero()}}
}

func (x *extractor) tokenize(s *sentence) {
	text := x.a.Text[s.span.Start:s.span.End]
	for ti, t := range hindi.Tokenize(text) {
		for _, w := range strings.Fields(t.Norm) {
			s.words = append(s.words, word{norm: w, start: s.span.Start + t.Start, end: s.span.Start + t.End, tok: ti})
			s.norms = append(s.norms, w)
		}
	}
}

// ent returns the article's record of a lexicon entity.
func (x *extractor) lexEnt(le *entity.Entity, surface string, sent int) *Ent {
	if e, ok := x.ents[le.ID]; ok {
		e.seen(surface, sent)
		return e
	}
	e := &Ent{ID: le.ID, Type: le.Type, EN: le.EN, HI: le.HI, QID: le.QID, DemonymEN: le.DemonymEN,
		Aliases: le.Aliases, Lex: le, first: sent}
	e.seen(surface, sent)
	x.ents[e.ID] = e
	x.order = append(x.order, e)
	return e
}

// newEnt registers an entity the article introduces (not in the lexicon).
func (x *extractor) newEnt(id, typ, en, hi string, local bool, surface string, sent int) *Ent {
	if e, ok := x.ents[id]; ok {
		e.seen(surface, sent)
		return e
	}
	e := &Ent{ID: id, Type: typ, EN: en, HI: hi, Local: local, first: sent}
	e.seen(surface, sent)
	x.ents[id] = e
	x.order = append(x.order, e)
	return e
}

// dateline resolves the dateline's place and agency.
func (x *extractor) dateline() {
	if x.a.DatelinePlace != "" {
		if e := x.lookup(x.a.DatelinePlace, false); e != nil {
			x.res.Dateline = e
		}
	}
	if x.a.DatelineAgency != "" {
		if e := x.lookup(x.a.DatelineAgency, true); e != nil {
			x.res.Agency = e
		}
	}
}

// lookup finds the entity a whole phrase names.
func (x *extractor) lookup(phrase string, dateline bool) *Ent {
	words := entity.Words(hindi.Tokenize(phrase))
	m := entity.Match(words, x.lex, x.overlay)
	if len(m) != 1 || m[0].Start != 0 || m[0].End != len(words) {
		return nil
	}
	for _, f := range m[0].Forms {
		if f.Kind == entity.Dateline && !dateline {
			continue
		}
		return x.lexEnt(f.Entity, strings.TrimSpace(phrase), -1)
	}
	return nil
}

// sentence reads one sentence.
func (x *extractor) sentence(s *sentence) {
	x.pendingDates = nil
	prevAgents := x.lastAgents
	connector := x.d.cues["connector"].at(s.norms, 0) > 0
	chunks := x.mentions(s)
	clauses := x.clauses(s, chunks)
	sources := x.sentenceSources(s, chunks)
	var events []*Event
	for ci, cl := range clauses {
		evs := x.clause(s, chunks, clauses, ci, cl, sources, events)
		// a कि clause is what the previous clause's verb says or asks
		if cl.kind == "complement" {
			for k := len(events) - 1; k >= 0; k-- {
				host := events[k]
				if host.say {
					for _, ev := range evs {
						ev.ReportedBy = appendUnique(ev.ReportedBy, host.Roles["agent"]...)
						host.Themes = append(host.Themes, ev)
					}
					break
				}
				if host.complement {
					for _, ev := range evs {
						ev.Modality = schema.Planned
						host.Themes = append(host.Themes, ev)
					}
					break
				}
			}
		}
		events = append(events, evs...)
	}
	events = x.previousAttribution(s, chunks, events)
	// "इस संबंध में …": an event that names nobody continues with the
	// previous sentence's subjects
	if connector {
		for _, ev := range events {
			if len(core(ev)) == 0 && len(prevAgents) > 0 {
				ev.Roles["participant"] = append([]*Ent{}, prevAgents...)
			}
		}
	}
	if len(events) > 0 {
		x.prevEvents = events
	}
	x.res.Events = append(x.res.Events, events...)
}

func (x *extractor) warnf(format string, args ...any) {
	x.res.Warnings = append(x.res.Warnings, fmt.Sprintf(format, args...))
}

// ----- mentions ------------------------------------------------------------

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
		e, kind := x.resolve(m, surface, s.idx)
		if e == nil {
			continue
		}
		c := &chunk{ents: []*Ent{e}, start: m.Start, end: m.End}
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
	// 3. titles: रूस के राष्ट्रपति पुतिन; they may introduce a person
	x.titles(s, owner, &chunks, add)
	// 4. fixed relation phrases: रूस के हिस्से कुर्स्क
	x.relationPhrases(s, owner, chunks)
	// 5. treaties, groups, anniversaries, anaphora: phrases of common nouns
	x.treaties(s, owner, add)
	x.groups(s, owner, add, remove, demonyms)
	x.anniversaries(s, owner, add, remove)
	x.anaphora(s, owner, add)
	// A demonym left alone ("रूसी") is an adjective, not a mention.
	for c := range demonyms {
		if owner[c.start] == c {
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
	return x.coordinate(s, chunks)
}

func (x *extractor) surface(s *sentence, i, j int) string {
	if i >= j {
		return ""
	}
	return strings.Trim(x.a.Text[s.words[i].start:s.words[j-1].end], "'\"‘’“”")
}

// resolve picks the entity a lexicon match names. Full names and demonyms
// resolve at once; a short form (किम) resolves to an entity named in full
// earlier in the article, else to the only lexicon entity with that form,
// else to the first listed.
func (x *extractor) resolve(m entity.Span, surface string, sent int) (*Ent, entity.FormKind) {
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
	if len(short) == 0 {
		return nil, 0
	}
	for _, f := range short {
		if e, ok := x.ents[f.Entity.ID]; ok && e.fullSeen {
			e.seen(surface, sent)
			return e, entity.Short
		}
	}
	return x.lexEnt(short[0].Entity, surface, sent), entity.Short
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
		if demonym || genitive {
			// keep the phrase as written: रूस की सरकार, रूसी मीडिया
		} else {
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
			// "देशों के नेता शामिल होंगे": a "name" followed by a form of
			// होना is a predicate, not a name
			if nameEnd > nameStart && nameEnd < n && x.d.auxiliary[s.norms[nameEnd]] {
				nameEnd = nameStart
			}
			if nameEnd > nameStart {
				name := x.surface(s, nameStart, nameEnd)
				en := hindi.Transliterate(name)
				person = x.newEnt(hindi.Slug(en, 60), "Person", en, name, false, name, s.idx)
				person.fullSeen = true
				pe := &entity.Entity{ID: person.ID, Type: "Person", EN: en, HI: name}
				x.overlay.Add(pe, name, entity.Full)
				if ws := strings.Fields(name); len(ws) > 1 {
					x.overlay.Add(pe, ws[len(ws)-1], entity.Short)
				}
				pc = &chunk{ents: []*Ent{person}, start: nameStart, end: nameEnd}
				add(pc)
			}
		}
		if person == nil {
			continue
		}
		// whose title: the entity before it
		var of *Ent
		j := i - 1
		if j >= 0 && isGenitive(s.norms[j]) {
			j--
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
		Holder: holder, Of: of, Evidence: []Span{s.span}})
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
	j := i
	for j < len(s.norms) && j-i < 4 {
		w := s.norms[j]
		if owner[j] != nil || x.d.stop[w] || !isLetterWord(w) || x.d.postpos.at(s.norms, j) > 0 {
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
		for k := range x.d.groups {
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
		// quantity before the phrase: "5,000", "आठ", "दो हजार", "लगभग 20"
		qty, qStart := x.quantityBefore(s, owner, start)
		end := i + glen
		modEN, _ := x.d.gloss(mods)
		en := strings.TrimSpace(modEN + " " + g.en)
		hi := strings.TrimSpace(x.surface(s, start, i) + " " + g.display)
		if country != nil {
			adj := country.DemonymEN
			if adj == "" {
				adj = country.EN
			}
			en = adj + " " + en
		}
		e := x.newEnt(x.localID(hindi.Slug(en, 60)), g.class, en, hi, true, x.surface(s, start, end), s.idx)
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
	for k := range x.d.groups {
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
		if owner[i] != nil || (w != hindi.Fold("वर्षगांठ") && w != hindi.Fold("सालगिरह")) {
			continue
		}
		start := i
		ordinal := 0
		var mods []string
		for k := i - 1; k >= 0 && i-k <= 3; k-- {
			if owner[k] != nil {
				break
			}
			if o, ok := ordinalOf(s.norms[k]); ok {
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

func ordinalOf(w string) (int, bool) {
	for _, suf := range []string{"वीं", "वां", "वें", "th", "st", "nd", "rd"} {
		if n, ok := strings.CutSuffix(w, hindi.Fold(suf)); ok {
			if v, err := strconv.Atoi(n); err == nil {
				return v, true
			}
		}
	}
	switch w {
	case hindi.Fold("पहली"), hindi.Fold("पहला"), hindi.Fold("पहले"):
		return 1, true
	case hindi.Fold("दूसरी"), hindi.Fold("दूसरा"):
		return 2, true
	}
	return 0, false
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

// anaphora marks pronouns and phrases that point back ("उन्होंने", "दोनों
// देशों"); they are resolved when roles are assigned.
func (x *extractor) anaphora(s *sentence, owner []*chunk, add func(*chunk)) {
	kinds := []string{"own-country", "both-persons", "both-countries", "other-country", "agent", "object", "subject"}
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
			c := &chunk{start: i, end: i + l, pronoun: k}
			add(c)
			i += l - 1
			break
		}
	}
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
	return w == "भी" || w == "ही" || w == "तो" || w == "," || x.d.postpos.at(s.norms, j) > 0
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
		if j < len(s.norms) && isQuote(s.norms[j]) {
			j++
		}
		if l := x.d.postpos.at(s.norms, j); l > 0 {
			c.post = strings.Join(s.norms[j:j+l], " ")
			c.postEnd = j + l
		} else {
			c.postEnd = c.end
		}
		if c.pronoun == "object" && c.post == "" {
			c.post = "को" // उसे, उन्हें: pronoun + को in one word
		}
		// lift over the common nouns a genitive qualifies: "X के नेताओं ने",
		// "X के कदमों के लिए", "X के साहस और बलिदान की"
		if isGenitive(c.post) {
			k := c.postEnd
			n := 0
			for k < len(s.norms) && n < 3 && !starts[k] && isLetterWord(s.norms[k]) &&
				x.d.postpos.at(s.norms, k) == 0 && x.d.frames.ForWord(s.norms[k]) == nil && !x.d.reportNouns[s.norms[k]] {
				k++
				n++
			}
			if n > 0 && k < len(s.norms) && !starts[k] {
				if l := x.d.postpos.at(s.norms, k); l > 0 {
					c.post = strings.Join(s.norms[k:k+l], " ")
					c.postEnd = k + l
				}
			} else if n > 0 && k < len(s.norms) && starts[k] && !x.d.stop[s.norms[k-1]] {
				// "दोनों देशों के विदेश सचिव नई दिल्ली में मिलेंगे": the phrase
				// the genitive qualifies ends at the next name, bare
				c.post, c.postEnd = "", k
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
			if nx.consumed && c.end < len(s.norms) && isConjunction(s.norms[c.end]) && nx.start == c.end+1 {
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
				if nx.start != c.end+1 || !isConjunction(s.norms[c.end]) {
					break
				}
			}
			i += skip
			c = &chunk{ents: append(append([]*Ent{}, c.ents...), nx.ents...), start: c.start, end: nx.end,
				post: nx.post, postEnd: nx.postEnd, qty: append(c.qtyList(), nx.qtyList()...)}
			i++
		}
		out = append(out, c)
	}
	return out
}

func isConjunction(w string) bool {
	return w == "और" || w == "व" || w == "तथा" || w == "," || w == "एवं"
}

func isQuote(w string) bool {
	return w == "'" || w == "\"" || w == "‘" || w == "’" || w == "“" || w == "”"
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
