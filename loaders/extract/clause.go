package extract

import (
	"strings"

	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// Clauses, their sources and tense, and the events each clause states.

// clause is a part of a sentence with a verb of its own.
type clause struct {
	start, end int    // words
	kind       string // "", complement, independent, relative, temporal, condition, consequent
	opener     string // the folded word that opened it ("जिसमें")
}

// clauses splits a sentence at words that open a clause (कि, लेकिन, जब,
// जिसमें, अगर …, clauses.tsv). तो opens a consequent only after a
// condition ("अगर … तो …"); elsewhere it is a particle.
func (x *extractor) clauses(s *sentence, chunks []*chunk) []clause {
	inName := make([]bool, len(s.norms))
	for _, c := range chunks {
		if c.pronoun == "" {
			for k := c.start; k < c.end && k < len(inName); k++ {
				inName[k] = true // "जो बाइडन" is a name, not a relative clause
			}
		}
	}
	listComma := map[int]bool{}
	for _, c := range chunks {
		if c.end < len(s.norms) && s.norms[c.end] == "," {
			for _, d := range chunks {
				if x.adjacent(s, c.end+1, d.start) {
					listComma[c.end] = true // "भारत, पाकिस्तान और …"
				}
			}
		}
	}
	var out []clause
	cur := clause{start: 0}
	conditional, correlative, when := false, false, false
	cut := func(i, skip int, kind string) {
		cur.end = i
		if cur.end > cur.start {
			out = append(out, cur)
		}
		cur = clause{start: i + skip, kind: kind, opener: strings.Join(s.norms[i:i+skip], " ")}
	}
	for i := 0; i < len(s.norms); i++ {
		if inName[i] {
			continue
		}
		// a colon ends a headline's topic tag or an introduction; a comma
		// that does not separate two names of a list ends a clause
		if (s.norms[i] == ":" && !visargaColon(s, i) || s.norms[i] == "," && !listComma[i] && !numberList(s.norms, i)) && i > 0 {
			kind := "independent"
			if cur.kind == "condition" {
				kind = "consequent" // "अगर …, (तो) …"
			}
			cut(i, 1, kind)
			continue
		}
		if l := x.d.clauseWords["condition"].at(s.norms, i); l > 0 {
			conditional = true
			if i > 0 {
				cut(i, l, "condition")
			} else {
				cur.kind, cur.start = "condition", l
			}
			i += l - 1
			continue
		}
		// "जब भारत कप जीत गया तो सचिन ने मुझे बुलाया": the तो (तब) that
		// answers a जब opens the main clause
		if l := x.d.clauseWords["then"].at(s.norms, i); l > 0 && when && !conditional && i > 0 {
			when = false
			cut(i, l, "independent")
			i += l - 1
			continue
		}
		if l := x.d.clauseWords["temporal"].at(s.norms, i); l > 0 {
			when = true
		}
		if l := x.d.clauseWords["then"].at(s.norms, i); l > 0 && conditional && i > 0 {
			if cur.kind == "consequent" && cur.start == i {
				cur.start = i + l // "अगर …, तो …": the comma opened it
			} else {
				cut(i, l, "consequent")
			}
			i += l - 1
			continue
		}
		// "X ने जहाँ A किया है वहीं Y ने B": after a case marker जहाँ is
		// "whereas"; the clause goes on to its वहीं, which opens the other
		if l := x.d.clauseWords["relative-place"].at(s.norms, i); l > 0 && i > 0 && x.d.postpos.at(s.norms, i-1) == 1 && x.correlativeAfter(s, i+l) {
			correlative = true
			i += l - 1
			continue
		}
		if l := x.d.clauseWords["correlative"].at(s.norms, i); l > 0 && correlative {
			correlative = false
			cut(i, l, "independent")
			i += l - 1
			continue
		}
		for _, kind := range []string{"complement", "independent", "relative", "temporal"} {
			if l := x.d.clauseWords[kind].at(s.norms, i); l > 0 && i > 0 {
				cut(i, l, kind)
				i += l - 1
				break
			}
		}
	}
	cur.end = len(s.norms)
	if cur.end > cur.start {
		out = append(out, cur)
	}
	return out
}

// numberList reports whether the comma at i separates two numbers or
// scores ("3-6, 7-5", "2006, 2007 और 2008"): a list, not a clause boundary.
func numberList(words []string, i int) bool {
	return i > 0 && i+1 < len(words) && (isNumeric(words[i-1]) || temporal.IsMonth(words[i-1])) && isNumeric(words[i+1])
}

func isNumeric(w string) bool {
	digit := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '-' || r == '.' || r == ':' || r == '/':
		default:
			return false
		}
	}
	return digit
}

// isQuestion reports whether the sentence asks rather than states: it ends
// in a question mark, or opens with a question word (क्या …).
func (x *extractor) isQuestion(s *sentence) bool {
	n := len(s.norms)
	if n == 0 {
		return false
	}
	if s.norms[n-1] == "?" || n > 1 && s.norms[n-2] == "?" && x.d.is("quote", s.norms[n-1]) {
		return true
	}
	return x.d.cues["question"].at(s.norms, 0) > 0
}

// sentenceSources finds "X के मुताबिक/अनुसार" and "X की रिपोर्ट के अनुसार":
// sources for every event of the sentence.
func (x *extractor) sentenceSources(s *sentence, chunks []*chunk) []*Ent {
	var out []*Ent
	for _, c := range chunks {
		if c.pronoun != "" || len(c.ents) == 0 {
			continue
		}
		j := c.postEnd
		isSource := false
		for _, sp := range x.d.sourcePosts {
			if c.post == strings.Join(sp, " ") {
				isSource = true
			}
		}
		// "X की रिपोर्ट के अनुसार"
		if isGenitive(c.post) && j < len(s.norms) && x.d.reportNouns[s.norms[j]] && x.d.sourcePosts.at(s.norms, j+1) > 0 {
			isSource = true
		}
		// "X और Y से आ रही रिपोर्टों के अनुसार": names shortly before a
		// report noun and a source postposition, with no ने, कि or
		// punctuation between, are its sources
		isSource = isSource || x.reportSourceAfter(s, c.end)
		if !isSource {
			continue
		}
		for _, e := range c.ents {
			if e.isSource() {
				out = append(out, e)
			}
		}
		c.consumed = true
	}
	return out
}

// previousAttribution: "यह जानकारी X ने दी" attributes the previous
// sentence's events to X; the sentence itself then states no event.
func (x *extractor) previousAttribution(s *sentence, chunks []*chunk, events []*Event) []*Event {
	found := false
	for i := range s.norms {
		if x.d.previousAttr.at(s.norms, i) > 0 {
			found = true
			break
		}
	}
	if !found {
		return events
	}
	var src []*Ent
	for _, c := range chunks {
		if c.post == "ने" {
			for _, e := range c.ents {
				if e.isSource() {
					src = append(src, e)
				}
			}
		}
	}
	if len(src) == 0 {
		return events
	}
	for _, ev := range x.prevEvents {
		ev.ReportedBy = appendUnique(ev.ReportedBy, src...)
	}
	// the sentence's own "जानकारी दी" is the report, not an event
	var keep []*Event
	for _, ev := range events {
		if !ev.flags.Report && !ev.flags.Say {
			keep = append(keep, ev)
		}
	}
	return keep
}

func appendUnique(list []*Ent, es ...*Ent) []*Ent {
	for _, e := range es {
		dup := false
		for _, o := range list {
			if o == e {
				dup = true
				break
			}
		}
		if !dup && e != nil {
			list = append(list, e)
		}
	}
	return list
}

// clauseCtx is what the events of a clause share.
type clauseCtx struct {
	// text is the clause's text, folded once for its tense and dates.
	text temporal.Text

	s      *sentence
	cl     clause
	chunks []*chunk // chunks of the clause, in order
	all    []*chunk // chunks of the sentence
	agent  []*Ent
	// curAgent is the agent of the event whose roles are being read.
	curAgent []*Ent
	// agentChunk is the bare subject phrase that gave the agent, if any.
	agentChunk *chunk
	// subject is the first bare phrase of the clause, which a passive or
	// an undergoer verb makes the one it happens to.
	subject     *chunk
	tense       temporal.Tense
	sources     []*Ent
	conditional bool // the clause is a condition or its consequent
	// earlier caches whether the clause has an "earlier" cue (पहले ही):
	// looked up once per clause, not once per event, which made a long
	// clause quadratic.
	earlier, earlierKnown bool
	// timeWords are the words of the clause inside time expressions.
	timeWords map[int]bool
}

// clauseSaysEarlier reports whether the clause has an "earlier" cue.
func (x *extractor) clauseSaysEarlier(cc *clauseCtx) bool {
	if !cc.earlierKnown {
		cc.earlierKnown = true
		for i := cc.cl.start; i < cc.cl.end && !cc.earlier; i++ {
			cc.earlier = x.d.cues["earlier"].at(cc.s.norms, i) > 0
		}
	}
	return cc.earlier
}

// clause reads the events of one clause.
func (x *extractor) clause(s *sentence, all []*chunk, clauses []clause, ci int, cl clause, sources []*Ent, prior []*Event) []*Event {
	cc := &clauseCtx{s: s, cl: cl, all: all, sources: sources, conditional: cl.kind == "condition" || cl.kind == "consequent"}
	for _, c := range all {
		if c.start >= cl.start && c.start < cl.end {
			cc.chunks = append(cc.chunks, c)
		}
	}
	text := x.a.Text[s.words[cl.start].start:s.words[cl.end-1].end]
	cc.text = temporal.NewText(text)
	cc.tense = cc.text.Tense()
	triggers := x.d.frames.FindTyped(s.norms, x.types(s, all), cl.start, cl.end)
	// the clause's agent: its ने phrase; else its first bare phrase naming
	// something that can act (the subject of an intransitive or future verb)
	for _, c := range cc.chunks {
		if c.post == "ने" && !c.consumed {
			cc.agent = x.resolve1(c, cc, prior)
			break
		}
	}
	// "… वे लोग भी हैं जिन्होंने याचिका पर हस्ताक्षर किए": an ergative
	// relative pronoun stands for its head, the last phrase of the clause
	// before that can act
	if len(cc.agent) == 0 && cl.kind == "relative" && x.d.relativeErg[cl.opener] && ci > 0 {
		var head *chunk
		for _, c := range all {
			if c.start >= clauses[ci-1].start && c.start < clauses[ci-1].end && c.pronoun == "" && len(c.ents) > 0 && c.ents[0].isAgentLike() {
				head = c
			}
		}
		if head != nil {
			cc.agent = head.ents
		}
	}
	// (an event noun the clause's verb comes after or during, "ईरान
	// यात्रा के बाद पुतिन …", is no predicate: the name after it can be
	// the subject)
	pred, adverbial := x.lastPredicate(s, cl, triggers)
	for _, c := range cc.chunks {
		if c.consumed || c.post != "" || (pred >= 0 && c.start >= pred) || adverbial[c.end] {
			continue
		}
		cc.subject = c
		break
	}
	// "लंदन पहुंची पाकिस्तानी टीम … हार गई": a verb right before a bare
	// name, with another verb after it, is a participle of that name, which
	// is the subject of both
	if c := x.participleSubject(cc, triggers); c != nil {
		cc.subject = c
	}
	// a genitive lifted over the nouns it qualifies ("पाकिस्तान के वरिष्ठ
	// पत्रकार … कहते हैं") names whose they are, not who acts, except for
	// events among equals ("दोनों देशों के विदेश सचिव मिलेंगे")
	if cc.subject != nil && cc.subject.lifted && !(len(triggers) > 0 && triggers[len(triggers)-1].Frame.Flags.Symmetric) {
		cc.subject = x.afterLifted(cc, cc.subject)
	}
	if len(cc.agent) == 0 && cc.subject != nil && !passiveOrUndergoer(triggers) && !x.afterErgative(cc, cc.subject) && !x.roleBeforeUnread(cc, cc.subject) {
		if ents := x.resolve1(cc.subject, cc, prior); len(ents) > 0 && ents[0].isAgentLike() {
			cc.agent = ents
			cc.agentChunk = cc.subject
			cc.subject.consumed = true
		}
	}
	if len(cc.agent) > 0 {
		x.lastAgents = cc.agent
		x.agentUnread, x.unreadSeen = false, false
	} else if len(x.curSpeaker) == 0 && x.unreadErgative(s, cl, all, triggers) {
		// "कुछ ने कहा", "X ने कहा" with X a name kg cannot read: someone
		// new acts, so a pronoun in the sentences after it is not whoever
		// acted before (sentence sets agentUnread)
		x.unreadSeen = true
	}
	// a trigger inside a name ("परमाणु प्रतिष्ठान आक्रमण निषेध समझौता") is
	// part of the name, not an event
	var kept []event.Trigger
	for _, t := range triggers {
		inside := false
		for _, c := range cc.chunks {
			if t.Start >= c.start && t.Start < c.end && !t.Frame.Flags.Self && c.pronoun == "" {
				inside = true
			}
		}
		if !inside {
			kept = append(kept, t)
		}
	}
	triggers = kept
	var events []*Event
	assigned := map[*chunk]bool{}
	habitual := x.habitual(s, cl)
	asks := x.asks(s, cl)
	for ti, t := range triggers {
		// "यहाँ हर साल बाढ़ आती है": a rule, not an event; so is a habitual
		// passive ("X को Y कहा जाता है", "… गिरफ्तार किए जाते हैं")
		if habitual || asks || x.habitualPassive(s, t) || x.simplePresent(cc, t) {
			continue
		}
		// not facts: what did not happen, what ought to or is wished to
		if t.Negated || t.Modal == "obligation" || t.Modal == "desire" || x.clauseNegates(s, cl, t.Start) {
			continue
		}
		// "समझौते को सरकार की जीत बताया": an event noun right before a
		// verb of calling is what the को phrase is called, not an event
		if t.Nominal && ti+1 < len(triggers) && triggers[ti+1].Frame.Flags.Predicative && triggers[ti+1].Start-t.End <= 1 {
			continue
		}
		// "जीत के लिए 166 रनों का लक्ष्य": an event named as a goal is none
		if t.Nominal && t.End < cl.end && x.d.cues["purpose"].at(s.norms, t.End) > 0 {
			continue
		}
		ev := x.newEvent(cc, t, ci)
		ev.trig = t
		x.roles(cc, triggers, ti, ev, assigned, prior)
		// "… को चाचा कहा करता था", "ऐसा कहा जा रहा है": saying with no
		// one who says it, and no source, states nothing about anyone
		if ev.flags.Say && len(ev.Roles[schema.RoleAgent]) == 0 && len(cc.sources) == 0 {
			x.unsaid = ci // what it says, in a कि clause, is alleged
			continue
		}
		// "लोग आपसे कहेंगे कि …": a saying still to come has said nothing
		// (its own verb is future, not only something in its clause)
		if ev.flags.Say && ev.Modality == schema.Planned && futureVerb(s.norms, t.Start, max(t.GroupEnd, t.VerbEnd())) {
			continue
		}
		events = append(events, ev)
	}
	x.nestEvents(s, triggers, events)
	events = x.unasserted(cc, triggers, events)
	x.clauseDates(cc, text, triggers, events)
	x.occurrences(cc, events)
	x.casualties(cc, cl, events, prior)
	// "…, जिसकी अमेरिका ने कड़ी निंदा की": the relative pronoun is the
	// genitive theme of the clause's first event, i.e. the event before
	if cl.kind == "relative" && len(events) > 0 && len(prior) > 0 && x.d.relativeGen[cl.opener] {
		ev := events[0]
		if ev.trig.Frame.Roles["gen"] == schema.RoleTheme {
			ev.Themes = append(ev.Themes, prior[len(prior)-1])
			ev.themeOfTheme = true
		}
	}
	// "दरभा घाटी वही इलाका है, जहां … हमला किया": where the clause before
	// names
	if cl.kind == "relative" && x.d.relativePlace[cl.opener] && ci > 0 {
		var place *Ent
		for _, c := range all {
			if c.start >= clauses[ci-1].start && c.start < clauses[ci-1].end && c.pronoun == "" && len(c.ents) == 1 && c.ents[0].isPlace() {
				place = c.ents[0]
				break
			}
		}
		for _, ev := range events {
			if place != nil && len(ev.Roles[schema.RoleLocation]) == 0 {
				ev.Roles[schema.RoleLocation] = []*Ent{place}
			}
		}
	}
	// a relative clause "जिसमें … पर चर्चा होगी" adds its topic to the event it
	// qualifies instead of standing alone
	var out []*Event
	for _, ev := range events {
		if ev.flags.Attach && cl.kind == "relative" && len(prior) > 0 {
			host := prior[len(prior)-1]
			for _, e := range ev.Roles[schema.RoleTopic] {
				host.Roles[schema.RoleTopic] = appendUnique(host.Roles[schema.RoleTopic], e)
			}
			continue
		}
		out = append(out, ev)
	}
	if len(out) == 0 && len(triggers) == 0 {
		if ev := x.genericEvent(cc, ci, prior); ev != nil {
			out = append(out, ev)
			x.clauseDates(cc, text, nil, out)
		}
	}
	return out
}

// clauseNegates reports whether the clause negates what comes at word k:
// "न ही … प्रभावित हुए", or a clause opening with न ("न सीएनएन और न …"),
// though not "न केवल … बल्कि".
func (x *extractor) clauseNegates(s *sentence, cl clause, k int) bool {
	for i := cl.start; i < k; i++ {
		if x.d.cues["nor"].at(s.norms, i) > 0 {
			return true
		}
	}
	return x.d.frames.Negation(s.norms[cl.start]) && x.d.cues["not-only"].at(s.norms, cl.start) == 0 && cl.start < k
}

// passiveOrUndergoer reports whether the clause's last verb makes its
// bare subject the one the event happens to.
// futureVerb reports whether a word of words[from:to] is a future form of
// a verb (कहेंगे, बताएगा, होगी).
func futureVerb(words []string, from, to int) bool {
	for k := from; k < to && k < len(words); k++ {
		for _, end := range []string{"ेगा", "ेगी", "ेंगे", "ेंगी", "ूंगा", "ूंगी", "ूँगा", "ूँगी", "ोगे", "ोगी", "एगा", "एगी", "एंगे", "एंगी", "ऊंगा", "ऊंगी", "ऊँगा", "ओगे"} {
			if strings.HasSuffix(words[k], end) {
				return true
			}
		}
	}
	return false
}

// lastPredicate is where the clause's last trigger starts that can be
// its predicate, -1 if none: an event noun followed by a postposition
// that places the clause's verb after or during it ("यात्रा के बाद",
// "बैठक के दौरान") is an adverbial, not the predicate. adverbial holds
// the words such event nouns start at: a bare name right before one
// ("ईरान यात्रा") qualifies it, it is no subject.
func (x *extractor) lastPredicate(s *sentence, cl clause, ts []event.Trigger) (int, map[int]bool) {
	var adverbial map[int]bool
	pred := -1
	for _, t := range ts {
		if t.Nominal && t.End < cl.end && (x.d.cues["done-infinitive"].at(s.norms, t.End) > 0 || x.d.cues["alongside"].at(s.norms, t.End) > 0) {
			if adverbial == nil {
				adverbial = map[int]bool{}
			}
			adverbial[t.Start] = true
			continue
		}
		pred = t.Start
	}
	return pred, adverbial
}

// unreadErgative reports whether the clause's verb of saying has a ने
// phrase that names nobody kg can read (a name not in the lexicon, "कुछ
// ने", "किसी ने"): someone new speaks, but not anyone known. A word that
// is a spelling of a person the article named ("थोर्प" for "थोर्पे") is
// that person, not someone new.
func (x *extractor) unreadErgative(s *sentence, cl clause, all []*chunk, ts []event.Trigger) bool {
	for k := cl.start + 1; k < cl.end; k++ {
		if s.norms[k] != "ने" || x.d.is("quote", s.norms[k-1]) || s.norms[k-1] == "," {
			continue
		}
		says := false
		for _, t := range ts {
			says = says || t.Start > k && t.Frame.Flags.Say
		}
		if !says {
			continue
		}
		read := false
		for _, c := range all {
			if c.end == k || (c.end < k && c.postEnd > k) {
				read = true
				break
			}
		}
		if !read && !x.spellsAPerson(s.norms[k-1]) {
			return true
		}
	}
	return false
}

// spellsAPerson: w is written as a word of a person the article named,
// or one letter off it after the same first three ("थोर्प", "थोर्पे").
func (x *extractor) spellsAPerson(w string) bool {
	rw := []rune(w)
	for _, e := range x.order {
		if e.Type != "Person" {
			continue
		}
		for surface := range e.Surface {
			for _, v := range strings.Fields(surface) {
				rv := []rune(v)
				if v == w || len(rw) >= 3 && len(rv) >= 3 && string(rv[:3]) == string(rw[:3]) && len(rv)-len(rw) <= 1 && len(rw)-len(rv) <= 1 {
					return true
				}
			}
		}
	}
	return false
}

func passiveOrUndergoer(ts []event.Trigger) bool {
	if len(ts) == 0 {
		return false
	}
	t := ts[len(ts)-1]
	return t.Passive || t.Intransitive || t.Frame.Flags.Undergoer
}

// types gives each word of the sentence the class of the entity its phrase
// names, for the frames' sense guards.
func (x *extractor) types(s *sentence, chunks []*chunk) []string {
	out := make([]string, len(s.norms))
	for _, c := range chunks {
		if len(c.ents) == 0 {
			continue
		}
		for k := c.start; k < c.end && k < len(out); k++ {
			out[k] = c.ents[0].Type
		}
	}
	return out
}

// nestEvents reads a nominal event that is the object of the next one:
// "भारत की इस पेशकश को स्वीकार करते हुए पाक ने" — the acceptance's theme is
// the offer (and the offer's owner, India), and the offer was made to the
// accepter.
func (x *extractor) nestEvents(s *sentence, triggers []event.Trigger, events []*Event) {
	byTrig := map[int]*Event{}
	for _, ev := range events {
		byTrig[ev.trig.Start] = ev
	}
	for i := 0; i+1 < len(triggers); i++ {
		t1, t2 := triggers[i], triggers[i+1]
		e1, e2 := byTrig[t1.Start], byTrig[t2.Start]
		if e1 == nil || e2 == nil || !t1.Nominal {
			continue
		}
		k := t1.End
		post := x.postAt(s, k)
		if post != "को" && !isGenitive(post) && k != t2.Start {
			continue
		}
		if post != "" {
			k++
		}
		key := "∅"
		switch {
		case post == "को":
			key = "को"
		case isGenitive(post):
			key = "gen" // "हमले की निंदा"
		}
		// what an offer or a demand is of ("बातचीत की पेशकश") is its content
		content := key == "gen" && t2.Frame.Flags.Complement
		if t2.Start-k > 2 || (t2.Frame.Roles[key] != schema.RoleTheme && !content) {
			continue
		}
		e2.Themes = append(e2.Themes, e1)
		e2.themeOfTheme = !content
		if len(e2.Roles[schema.RoleTheme]) == 0 && !content {
			e2.Roles[schema.RoleTheme] = appendUnique(e2.Roles[schema.RoleTheme], e1.Roles[schema.RoleAgent]...)
			if e1.symmetric() {
				e2.Roles[schema.RoleTheme] = appendUnique(e2.Roles[schema.RoleTheme], e1.Roles[schema.RoleParticipant]...)
			}
		}
		// what is offered or demanded has not happened
		if t2.Frame.Flags.Complement {
			e1.Modality = schema.Planned
		}
		// an offer accepted (को) was made to the one who accepts it
		if key == "को" && len(e1.Roles[schema.RoleRecipient]) == 0 && len(e2.Roles[schema.RoleAgent]) > 0 {
			e1.Roles[schema.RoleRecipient] = appendUnique(nil, e2.Roles[schema.RoleAgent]...)
		}
		dropAgentsFromRoles(e1)
		dropAgentsFromRoles(e2)
	}
}

// newEvent makes the event a trigger evokes, with its modality.
func (x *extractor) newEvent(cc *clauseCtx, t event.Trigger, ci int) *Event {
	s := cc.s
	f := t.Frame
	ev := &Event{Class: f.Class, Roles: map[schema.Role][]*Ent{}, sentence: s.idx, clause: ci, flags: f.Flags,
		Evidence: []Span{s.span}}
	ev.Trigger = x.a.Text[s.words[t.Start].start:s.words[t.End-1].end]
	for _, e := range f.Edges {
		ev.Edges = append(ev.Edges, edgeTemplate{from: e.From, to: e.To, pred: e.Predicate, unless: e.Unless})
	}
	ev.Modality = schema.Asserted
	if cc.tense == temporal.Future {
		ev.Modality = schema.Planned
	}
	// cues before a nominal trigger: "होने वाली बैठक", "आगामी"
	for k := t.Start - 1; k >= cc.cl.start && k >= t.Start-4; k-- {
		if l := x.d.cues["planned"].at(s.norms, k); l > 0 && k+l <= t.Start {
			ev.Modality = schema.Planned
			break
		}
	}
	// a verb in the oblique infinitive before a postposition is what
	// another verb is about ("सहयोग बढ़ाने पर सहमति", "हमला करने की योजना"):
	// not yet a fact, unless the postposition tells it came first ("हमला
	// करने के बाद")
	if e := t.VerbEnd(); !t.Nominal && e > t.Start && e < cc.cl.end && x.isInfinitive(s, e-1, nil) &&
		x.d.cues["done-infinitive"].at(s.norms, e) == 0 && !x.compelled(s, t) {
		ev.Modality = schema.Planned
	}
	// "… हो सकता है", "… की आशंका है": may happen or may have happened
	if t.Modal == "possible" {
		ev.Modality = schema.Possible
	}
	for k := t.VerbEnd(); k < cc.cl.end && k <= t.VerbEnd()+3; k++ {
		if x.d.cues["possible"].at(s.norms, k) > 0 {
			ev.Modality = schema.Possible
		}
	}
	// "क्रोएशिया पर उनकी जीत के बाद …": an event noun before "के बाद" came
	// first, whatever the clause's verb says of what follows
	// ("… यात्रा के दौरान मिलेंगे": an event noun the clause's verb happens
	// during, or before, shares that verb's modality)
	if t.Nominal && t.End < cc.cl.end && x.d.cues["done-infinitive"].at(s.norms, t.End) > 0 && ev.Modality != schema.Asserted &&
		x.d.cues["alongside"].at(s.norms, t.End) == 0 {
		ev.Modality = schema.Asserted
	}
	// an event named as what is hoped, tried, threatened or planned ("बचा
	// लेने की उम्मीद में", "हमले की धमकी दी") has not happened
	if e := max(t.VerbEnd(), t.GroupEnd); e < cc.cl.end && x.d.cues["aim"].at(s.norms, e) > 0 {
		ev.Modality = schema.Planned
	}
	// "… स्वीकार करे", "रिहा किया जाए": a verb group in the subjunctive
	// ends a wish or a request, not an event told as done
	if e := t.GroupEnd; !t.Nominal && e > t.Start && e <= len(s.norms) && len(s.norms[e-1]) > 0 &&
		x.d.cues["subjunctive"].at(s.norms, e-1) == 1 && (e == len(s.norms) || !x.d.is("auxiliary", s.norms[e])) && ev.Modality == schema.Asserted {
		ev.Modality = schema.Planned
	}
	// "X की हत्या का आरोप", "हत्या के मामले में": an event named as what
	// someone is accused of is alleged
	if e := max(t.VerbEnd(), t.GroupEnd); e < cc.cl.end && x.d.cues["alleged"].at(s.norms, e) > 0 && ev.Modality == schema.Asserted {
		ev.Modality = schema.Reported
	}
	if x.alternative(s, cc.cl) {
		ev.Modality = schema.Possible
	}
	if cc.conditional {
		ev.Modality = schema.Conditional
	}
	if k := t.Start - 1; k >= cc.cl.start && x.d.cues["anaphoric"].at(s.norms, k) > 0 {
		ev.anaphoric = true
	}
	for k := t.Start - 1; k >= cc.cl.start && k >= t.Start-4; k-- {
		if l := x.d.cues["another"].at(s.norms, k); l > 0 && k+l <= t.Start {
			ev.another = true
		}
	}
	ev.earlier = x.clauseSaysEarlier(cc)
	// "बताया कि": the कि clause is what the agent says, not a briefing
	if f.Flags.KiClass != "" && t.VerbEnd() < len(s.norms) && x.d.clauseWords["complement"].at(s.norms, t.VerbEnd()) > 0 {
		ev.Class, ev.Edges = f.Flags.KiClass, nil
		ev.flags.Say, ev.flags.Needs = true, nil
	}
	ev.ReportedBy = appendUnique(ev.ReportedBy, cc.sources...)
	ev.nominal = t.Nominal
	return ev
}

// habitual reports whether a clause tells what happens as a rule: a cue
// ("हर साल", "अक्सर") and an imperfective present verb ("होते हैं").
func (x *extractor) habitual(s *sentence, cl clause) bool {
	cue := false
	for k := cl.start; k < cl.end && !cue; k++ {
		cue = x.d.cues["habitual"].at(s.norms, k) > 0
	}
	if !cue {
		return false
	}
	for k := cl.start; k+1 < cl.end; k++ {
		if x.d.cues["present"].at(s.norms, k+1) == 0 {
			continue
		}
		for _, end := range x.d.cues["imperfective"] {
			if len(end) == 1 && strings.HasSuffix(s.norms[k], end[0]) && s.norms[k] != end[0] {
				return true
			}
		}
	}
	return false
}

// participleSubject finds a verb used as a participle before the bare
// phrase it qualifies, when a later verb of the clause is the finite one:
// that phrase is the clause's subject.
func (x *extractor) participleSubject(cc *clauseCtx, triggers []event.Trigger) *chunk {
	for ti, t := range triggers {
		if t.Nominal || t.Frame.Flags.Say || t.Frame.Flags.KiClass != "" || ti == len(triggers)-1 {
			continue
		}
		if last := cc.s.norms[t.GroupEnd-1]; x.d.cues["conjunctive"].at(cc.s.norms, t.GroupEnd-1) > 0 ||
			strings.HasSuffix(last, "कर") || x.isInfinitive(cc.s, t.GroupEnd-1, nil) {
			continue
		}
		for _, c := range cc.chunks {
			if c.post == "ने" && c.start < t.Start {
				return nil // "X ने मैच जीता …": the verb is finite
			}
		}
		for _, c := range cc.chunks {
			if c.start != t.GroupEnd || c.post != "" || c.pronoun != "" || c.consumed || len(c.ents) == 0 || !c.ents[0].isAgentLike() {
				continue
			}
			if last := triggers[len(triggers)-1]; last.Start >= c.end {
				return c
			}
		}
	}
	return nil
}

// reportSourceAfter reports whether a report noun and a source postposition
// ("रिपोर्टों के अनुसार") follow word k within twelve words, before any ने,
// कि or punctuation.
func (x *extractor) reportSourceAfter(s *sentence, k int) bool {
	for j := k; j < len(s.norms)-1 && j < k+12; j++ {
		w := s.norms[j]
		if x.d.is("ergative", w) || w == "कि" || !isLetterWord(w) && !x.d.is("quote", w) {
			return false
		}
		if x.d.reportNouns[w] && x.d.sourcePosts.at(s.norms, j+1) > 0 {
			return true
		}
	}
	return false
}

// correlativeAfter reports whether a correlative (वहीं) follows word k in
// the sentence.
func (x *extractor) correlativeAfter(s *sentence, k int) bool {
	for ; k < len(s.norms); k++ {
		if x.d.clauseWords["correlative"].at(s.norms, k) > 0 {
			return true
		}
	}
	return false
}

// habitualPassive reports whether a trigger's verb group is an imperfective
// passive ("कहा जाता है", "माने जाते थे").
func (x *extractor) habitualPassive(s *sentence, t event.Trigger) bool {
	for k := t.VerbEnd(); k < t.GroupEnd && k < len(s.norms); k++ {
		if x.d.cues["habitual-passive"].at(s.norms, k) > 0 {
			return true
		}
	}
	return false
}

// asks reports whether a clause asks rather than states: a question word
// inside it ("पूछा कि क्या वह मिलीं", "किन खिलाड़ियों को जगह देते हैं"),
// an indirect question as much as a direct one.
func (x *extractor) asks(s *sentence, cl clause) bool {
	for k := cl.start; k < cl.end; k++ {
		if x.d.cues["interrogative"].at(s.norms, k) > 0 {
			return true
		}
	}
	return false
}

// alternative reports whether a clause offers one of two alternatives
// ("या तो … या फिर …"): neither is told as what happened.
func (x *extractor) alternative(s *sentence, cl clause) bool {
	for k := max(0, cl.start-1); k < cl.end; k++ {
		if x.d.cues["alternative"].at(s.norms, k) > 0 {
			return true
		}
	}
	return false
}

// simplePresent reports whether a trigger's verb is in the simple present
// or the habitual past ("समर्थन करता है", "पुरस्कार देती है", "मैच खेलते
// थे"): what someone does as a rule or used to do, not an event. Verbs of
// saying keep their reading ("कहते हैं कि …" reports what is said now).
func (x *extractor) simplePresent(cc *clauseCtx, t event.Trigger) bool {
	f := t.Frame
	if t.Nominal || f.Flags.Say || f.Flags.Tell || f.Flags.Report || f.Flags.KiClass != "" || f.Flags.Complement {
		return false
	}
	return x.simplePresentAt(cc, t.Start, t.VerbEnd(), t.GroupEnd)
}

// simplePresentAt: the verb of [start, end), its group ending at groupEnd.
func (x *extractor) simplePresentAt(cc *clauseCtx, start, e, groupEnd int) bool {
	s := cc.s
	// a ने subject makes it a perfective ("शरापोवा ने राशि जीती है"); a कि
	// after it reports ("… आगाह करते हैं कि …")
	if groupEnd < len(s.norms) && s.norms[groupEnd] == "कि" {
		return false
	}
	if x.ergativeBefore(cc, start) {
		return false
	}
	if e >= len(s.norms) || x.d.cues["habitual-aux"].at(s.norms, e) == 0 {
		return false
	}
	w := s.norms[e-1]
	for _, end := range x.d.cues["imperfective"] {
		if len(end) == 1 && strings.HasSuffix(w, end[0]) && w != end[0] && len([]rune(w)) > 2 {
			return true
		}
	}
	return false
}

// obliged reports whether the trigger's verb group holds an infinitive
// with a form of पड़ना or होना right after it ("इस्तीफ़ा देना पड़ा", "उसे
// घर ले जाना था"): a को phrase before it is who must act. done says the
// पड़ना form told it as done ("had to, and did").
func (x *extractor) obliged(s *sentence, t event.Trigger) (ok, done bool) {
	if x.compelled(s, t) {
		return true, true
	}
	if t.Nominal {
		return false, false
	}
	// the infinitive may be the verb's own or a vector verb right after
	// its group ("ले जाना था")
	for k := max(t.VerbEnd()-1, t.Start); k+1 < len(s.norms) && k <= max(t.GroupEnd, t.VerbEnd()); k++ {
		if !infinitiveForm(s.norms[k]) {
			continue
		}
		// "X को सज़ा सुनाई जानी थी": a passive infinitive; its को phrase
		// undergoes the event
		if k > 0 && strings.HasPrefix(s.norms[k], "जा") && x.d.frames.Perfective(s.norms[k-1]) {
			return false, false
		}
		if x.d.cues["compulsion"].at(s.norms, k+1) > 0 {
			return true, true
		}
		return x.d.cues["obligation"].at(s.norms, k+1) > 0, false
	}
	return false, false
}

// infinitiveForm: a word in -ना, -नी or -ने (जाना, करनी, लेने).
func infinitiveForm(w string) bool {
	r := []rune(w)
	return len(r) > 2 && r[len(r)-2] == 'न' && (r[len(r)-1] == 'ा' || r[len(r)-1] == 'ी' || r[len(r)-1] == 'े')
}

// compelled reports whether the trigger's verb is an infinitive with a
// past पड़ना after it ("इस्तीफ़ा देना पड़ा"): the event had to happen, and
// did, and its को phrase is who did it.
func (x *extractor) compelled(s *sentence, t event.Trigger) bool {
	e := t.VerbEnd()
	if t.Nominal || e <= t.Start || e >= len(s.norms) || x.d.cues["compulsion"].at(s.norms, e) == 0 {
		return false
	}
	w := []rune(s.norms[e-1])
	return len(w) > 2 && w[len(w)-2] == 'न' && (w[len(w)-1] == 'ा' || w[len(w)-1] == 'ी' || w[len(w)-1] == 'े')
}
