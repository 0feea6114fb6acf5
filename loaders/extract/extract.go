package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
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
	// Deadline, when set, is when extraction gives up with a
	// *DeadlineError: a server bounds the work one request may cost.
	Deadline time.Time
	// NoNameModel leaves the trained name recogniser out: names come from
	// the lexicon, titles and cue words only (for comparison and tests).
	NoNameModel bool
}

// DeadlineError says that extraction passed its deadline, and how far it
// got.
type DeadlineError struct {
	Sentence, Sentences int
}

func (e *DeadlineError) Error() string {
	return fmt.Sprintf("extraction stopped at its deadline, at sentence %d of %d: the article is too long to read in the time allowed", e.Sentence, e.Sentences)
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
	toks  []hindi.Token // the tokens words come from (offsets within the sentence)
	// names are the name recogniser's spans over words, computed once
	// (both passes over the article read them)
	names  []ner.Span
	tagged bool
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
	lifted     bool    // a genitive read as bare over the nouns it qualifies
	qualifies  bool    // a genitive whose case marker was reached over the nouns it qualifies
	short      bool    // named by a lexicon short form only (a surname, a given name)
}

// extractor holds the state of one article.
type extractor struct {
	d       *data
	en      *event.EnglishFrames
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
	// ref is the date of the event told last with a date of its own, and
	// refSentence its sentence: what a Sequel ("उसी दिन", "दो दिन बाद",
	// "दोपहर 12 बजे") counts from.
	ref         temporal.Date
	refSentence int
	// orphanTolls are the casualty counts no event near them took.
	orphanTolls []toll
	// sentEnts are the entities each sentence names, mentionCount how often
	// the article names each, for positions from context.
	sentEnts     [][]*Ent
	mentionCount map[*Ent]int
	// quoteSpeaker speaks a quotation still open from an earlier sentence;
	// curSpeaker whoever speaks the clause being read ("मैं", "हमने").
	quoteSpeaker, curSpeaker []*Ent
	// unsaid is the clause of the sentence being read whose verb of saying
	// names nobody who says ("किसी ने कहा कि", "कहा गया कि"), -1 if none
	unsaid int
	// agentUnread: the last clause that acted had a ने phrase kg could not
	// read; a pronoun after it is not whoever acted before
	agentUnread bool
	// unreadSeen: the sentence being read has had such a clause, and no
	// clause that acted after it
	unreadSeen bool
	// ahead are the treaties the article names, found by a first pass.
	ahead     []*Ent
	aheadMods [][]string
	// fullAhead holds the ids of the entities the article names in full
	// somewhere (the first pass), for short forms used before the full name;
	// found the entities the first pass discovered, by id.
	fullAhead map[string]bool
	found     map[string]*Ent
	// noModel: Options.NoNameModel
	noModel bool
	// quotes counts the quoted phrases of the article (first pass);
	// quotedTwice holds those quoted twice or more
	quotes      map[string]int
	quotedTwice map[string]bool
	// quoteCues holds the quoted phrases of a sentence that speaks of
	// works (first pass); quoteCued is the first pass's quoteCues
	quoteCues, quoteCued map[string]bool
	// evidence is what the whole article says about its words (both
	// passes share it)
	evidence *wordEvidence
}

// Extract reads the facts of an article.
func Extract(a *article.Article, opts Options) (*Result, error) {
	d, err := loadData()
	if err != nil {
		return nil, err
	}
	if _, err := ner.Default(); err != nil {
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
			s := &sentence{span: article.Span{Start: seg.Start + sp.Start, End: seg.Start + sp.End}}
			x.tokenize(s)
			for _, p := range splitLong(s) {
				p.idx = len(sents)
				sents = append(sents, p)
				x.res.Sentences = append(x.res.Sentences, p.span)
			}
		}
	}
	// A first look at the names, so that "द्विपक्षीय समझौते" can point
	// forward to the treaty the next sentence names in full.
	pre := newExtractor(d, lex, a, x.pub)
	x.noModel, pre.noModel = opts.NoNameModel, opts.NoNameModel
	x.evidence = x.gatherEvidence(sents)
	pre.evidence = x.evidence
	late := func(i int) error {
		if !opts.Deadline.IsZero() && time.Now().After(opts.Deadline) {
			return &DeadlineError{Sentence: i + 1, Sentences: len(sents)}
		}
		return nil
	}
	for i, s := range sents {
		if err := late(i); err != nil {
			return nil, err
		}
		pre.mentions(s)
	}
	for _, e := range pre.order {
		if e.Type == "Treaty" {
			x.ahead = append(x.ahead, e)
			x.aheadMods = append(x.aheadMods, pre.treatyMods[e])
		}
	}
	x.lookAhead(pre)
	for i, s := range sents {
		if err := late(i); err != nil {
			return nil, err
		}
		x.sentence(s)
	}
	x.mergePartials()
	x.positionContext()
	x.inheritPlaces()
	x.mergeEvents()
	x.hostOrphanTolls()
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

// englishSentence reads an English sentence.
func (x *extractor) englishSentence(s *sentence, chunks []*chunk) {
	sources := x.englishSources(s, chunks)
	var events []*Event
	for ci, cl := range x.englishClauses(s, chunks) {
		evs := x.englishClause(s, chunks, ci, cl, sources)
		if cl.kind == "complement" {
			for k := len(events) - 1; k >= 0; k-- {
				// "X said that …", "X told Y that …"
				if host := events[k]; host.say() {
					for _, ev := range evs {
						ev.ReportedBy = appendUnique(ev.ReportedBy, host.Roles[schema.RoleAgent]...)
						host.Themes = append(host.Themes, ev)
					}
					break
				}
			}
		}
		events = append(events, evs...)
	}
	// "…, Russian media reported.": a statement after the events of its
	// sentence, with no "that" clause of its own, is their source
	for k, ev := range events {
		if ev.say() && len(ev.Themes) == 0 && len(ev.Roles[schema.RoleAgent]) > 0 {
			for _, before := range events[:k] {
				before.ReportedBy = appendUnique(before.ReportedBy, ev.Roles[schema.RoleAgent]...)
			}
		}
	}
	if len(events) > 0 {
		x.prevEvents = events
	}
	x.res.Events = append(x.res.Events, events...)
}

// pair is two entities named together, and where.
type pair struct {
	ents     []*Ent
	sentence int
}

func newExtractor(d *data, lex *entity.Lexicon, a *article.Article, pub time.Time) *extractor {
	en, _ := event.English() // checked by loadData
	return &extractor{d: d, en: en, lex: lex, a: a, pub: pub, ents: map[string]*Ent{}, overlay: entity.New(),
		treatyMods: map[*Ent][]string{}, pairs: map[string]pair{}, splitFrom: map[*Event]*Event{}, mentionCount: map[*Ent]int{},
		res: &Result{Article: a, Published: !a.Published.IsZero()}}
}

// maxSentenceWords bounds the words of a sentence the rules read at once.
// The rules compare phrases with triggers within a sentence, which costs
// more than linear time in its length; news sentences have tens of words
// (at most 71 in the BBC corpus), so a "sentence" of thousands (a list, a
// text without punctuation, a flood of one phrase) is read in pieces of
// this size and extraction stays linear in the article.
const maxSentenceWords = 200

// splitLong cuts a sentence of more than maxSentenceWords words into
// pieces of at most that many, each its own span of the text.
func splitLong(s *sentence) []*sentence {
	if len(s.words) <= maxSentenceWords {
		return []*sentence{s}
	}
	var out []*sentence
	for i := 0; i < len(s.words); i += maxSentenceWords {
		j := min(i+maxSentenceWords, len(s.words))
		// a token folded into several words stays in one piece
		for j < len(s.words) && j > i+1 && s.words[j].tok == s.words[j-1].tok {
			j--
		}
		p := &sentence{span: article.Span{Start: s.words[i].start, End: s.words[j-1].end},
			words: s.words[i:j:j], norms: s.norms[i:j:j]}
		if i == 0 {
			p.span.Start = s.span.Start
		}
		if j == len(s.words) {
			p.span.End = s.span.End
		}
		out = append(out, p)
		i = j - maxSentenceWords
	}
	return out
}

func (x *extractor) tokenize(s *sentence) {
	text := x.a.Text[s.span.Start:s.span.End]
	s.toks = hindi.Tokenize(text)
	for ti, t := range s.toks {
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
		Aliases: le.Aliases, Lex: le, first: sent, Discovered: le.Discovered, Romanized: le.Discovered && le.HI != ""}
	if le.Discovered {
		if f := x.found[le.ID]; f != nil {
			e.score, e.via = f.score, f.via
		}
	}
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
	// the brackets of a dateline name a news agency ("(पीटीआई)" is Press
	// Trust of India, not a party of the same initials)
	var pick *entity.Entity
	for _, f := range m[0].Forms {
		if f.Kind == entity.Dateline && !dateline {
			continue
		}
		if pick == nil || dateline && f.Entity.Type == "NewsMediaOrganization" && pick.Type != "NewsMediaOrganization" {
			pick = f.Entity
		}
	}
	if pick == nil {
		return nil
	}
	return x.lexEnt(pick, strings.TrimSpace(phrase), -1)
}

// sentence reads one sentence.
func (x *extractor) sentence(s *sentence) {
	x.pendingDates = nil
	prevAgents := x.lastAgents
	connector := x.d.cues["connector"].at(s.norms, 0) > 0
	chunks := x.mentions(s)
	x.noteMentions(s, chunks)
	x.positionsBefore(s, chunks)
	if x.isEnglish(s) {
		x.englishSentence(s, chunks)
		return
	}
	clauses := x.clauses(s, chunks)
	x.typedRelations(s, chunks, clauses)
	sources := x.sentenceSources(s, chunks)
	// a quotation a speaker opened in an earlier sentence goes on
	quoted := x.quoteSpeaker
	var events []*Event
	var speaker []*Ent // "X ने कहा, '…'": who speaks the rest of the sentence
	speakerAt := -1    // the word after the say verb's clause
	x.unsaid, x.unreadSeen = -1, false
	for ci, cl := range clauses {
		x.curSpeaker = quoted
		if len(speaker) > 0 {
			x.curSpeaker = speaker
		}
		evs := x.clause(s, chunks, clauses, ci, cl, sources, events)
		// a कि clause is what the previous clause's verb says or asks
		if cl.kind == "complement" {
			// "किसी ने कहा कि …", "कहा गया कि …": said by nobody the
			// article names, so alleged, not told as done; "X को लगता है
			// कि …": what someone thinks, not told as done
			if ci > 0 && (x.unsaid == ci-1 || x.believes(s, clauses[ci-1])) {
				for _, ev := range evs {
					if ev.Modality == schema.Asserted {
						ev.Modality = schema.Reported
					}
				}
			}
			for k := len(events) - 1; k >= 0; k-- {
				host := events[k]
				if host.say() {
					for _, ev := range evs {
						ev.ReportedBy = appendUnique(ev.ReportedBy, host.Roles[schema.RoleAgent]...)
						host.Themes = append(host.Themes, ev)
						// "X पर आरोप है कि …" with no accuser, "किसी ने कहा कि …",
						// "कहा गया कि …": said by nobody the article names,
						// alleged, not told as done
						if len(host.Roles[schema.RoleAgent]) == 0 && ev.Modality == schema.Asserted {
							ev.Modality = schema.Reported
						}
					}
					break
				}
				if host.complement() {
					for _, ev := range evs {
						ev.Modality = schema.Planned
						host.Themes = append(host.Themes, ev)
					}
					break
				}
			}
		}
		for _, ev := range evs {
			if len(speaker) > 0 {
				ev.ReportedBy = appendUnique(ev.ReportedBy, speaker...)
			}
			ev.ReportedBy = appendUnique(ev.ReportedBy, quoted...)
		}
		events = append(events, evs...)
		// "X ने कहा, '…'", "X कहते हैं: …": a say verb whose clause ends in a
		// comma or a colon before a quotation speaks the clauses after it
		if len(speaker) == 0 && cl.end < len(s.norms) && (s.norms[cl.end] == "," || s.norms[cl.end] == ":") {
			for _, ev := range evs {
				if ev.say() && len(ev.Roles[schema.RoleAgent]) > 0 && !ev.Generic {
					speaker, speakerAt = ev.Roles[schema.RoleAgent], cl.end+1
				}
			}
		}
	}
	// "'…', उन्होंने कहा": a quotation before its say verb is what it says
	if len(s.norms) > 0 && x.d.is("quote", s.norms[0]) {
		for k, ev := range events {
			if ev.say() && len(ev.Roles[schema.RoleAgent]) > 0 && k > 0 {
				for _, before := range events[:k] {
					before.ReportedBy = appendUnique(before.ReportedBy, ev.Roles[schema.RoleAgent]...)
				}
				break
			}
		}
	}
	x.trackQuote(s, speaker, speakerAt)
	// "X कहते हैं, '… Y …'" then "उन्होंने …": once a quotation closes,
	// the names inside it are not who the next pronoun is; its speaker is
	// (while it goes on, a pronoun in it is someone else: notSpeaker)
	// "X ने कहा कि Y ने …" then "उन्होंने …": so too who says what a
	// कि clause tells, not whoever acts in it
	if x.unreadSeen {
		x.lastAgents, x.agentUnread = nil, true
	}
	if len(x.quoteSpeaker) == 0 {
		switch {
		case len(speaker) > 0:
			x.lastAgents, x.agentUnread = speaker, false
		case len(quoted) > 0:
			x.lastAgents, x.agentUnread = quoted, false
		default:
			for _, ev := range events {
				if ev.say() && len(ev.Roles[schema.RoleAgent]) > 0 && ev.Roles[schema.RoleAgent][0].Type == "Person" {
					x.lastAgents, x.agentUnread = ev.Roles[schema.RoleAgent], false
					break
				}
			}
		}
	}
	events = x.previousAttribution(s, chunks, events)
	// "इस संबंध में …": an event that names nobody continues with the
	// previous sentence's subjects
	if connector {
		for _, ev := range events {
			if len(core(ev)) == 0 && len(prevAgents) > 0 {
				ev.Roles[schema.RoleParticipant] = append([]*Ent{}, prevAgents...)
			}
		}
	}
	// a question states nothing: "क्या भारत ने हमला किया?"
	if x.isQuestion(s) {
		events = nil
	}
	if len(events) > 0 {
		x.prevEvents = events
	}
	x.res.Events = append(x.res.Events, events...)
}

// believes reports whether a clause ends in a verb of belief or feeling
// ("X को लगता है", "X का मानना है"): the कि clause after it tells what
// someone thinks.
func (x *extractor) believes(s *sentence, cl clause) bool {
	for k := max(cl.start, cl.end-4); k < cl.end; k++ {
		if l := x.d.cues["belief"].at(s.norms, k); l > 0 && k+l >= cl.end-1 {
			return true
		}
	}
	return false
}

// trackQuote follows a quotation across sentences: one a speaker opens
// ("X ने कहा, '…") and that does not close in its sentence makes the
// speaker the source of the sentences after it, up to the one that closes
// it. Quotation marks are counted: an odd number opens or closes.
func (x *extractor) trackQuote(s *sentence, speaker []*Ent, from int) {
	if len(x.quoteSpeaker) > 0 {
		if x.quoteMarks(s.norms, 0)%2 == 1 {
			x.quoteSpeaker = nil // closed here
		}
		return
	}
	if len(speaker) > 0 && x.quoteMarks(s.norms, from)%2 == 1 {
		x.quoteSpeaker = speaker
	}
}

// quoteMarks counts the quotation marks from word i on; two apostrophes
// in a row (”) are one mark.
func (x *extractor) quoteMarks(words []string, i int) int {
	n := 0
	for k := max(i, 0); k < len(words); k++ {
		if !x.d.is("quote", words[k]) {
			continue
		}
		if k > 0 && words[k] == "'" && words[k-1] == "'" {
			continue
		}
		n++
	}
	return n
}

// ----- mentions ------------------------------------------------------------
