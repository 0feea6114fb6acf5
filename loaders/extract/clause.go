package extract

import (
	"sort"
	"strings"

	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// clause is a part of a sentence with a verb of its own.
type clause struct {
	start, end int    // words
	kind       string // "", complement, independent, relative, temporal
}

// clauses splits a sentence at words that open a clause (कि, लेकिन, जब,
// जिसमें …, clauses.tsv).
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
				if d.start == c.end+1 {
					listComma[c.end] = true // "भारत, पाकिस्तान और …"
				}
			}
		}
	}
	var out []clause
	cur := clause{start: 0}
	for i := 0; i < len(s.norms); i++ {
		if inName[i] {
			continue
		}
		// a colon ends a headline's topic tag or an introduction; a comma
		// that does not separate two names of a list ends a clause
		if (s.norms[i] == ":" || s.norms[i] == "," && !listComma[i]) && i > 0 {
			cur.end = i
			if cur.end > cur.start {
				out = append(out, cur)
			}
			cur = clause{start: i + 1, kind: "independent"}
			continue
		}
		for _, kind := range []string{"complement", "independent", "relative", "temporal"} {
			if l := x.d.clauseWords[kind].at(s.norms, i); l > 0 && i > 0 {
				cur.end = i
				if cur.end > cur.start {
					out = append(out, cur)
				}
				cur = clause{start: i + l, kind: kind}
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
		if ev.Class != "Briefing" && ev.Class != "Statement" {
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
	s      *sentence
	cl     clause
	chunks []*chunk // chunks of the clause, in order
	agent  []*Ent
	// curAgent is the agent of the event whose roles are being read.
	curAgent []*Ent
	// agentChunk is the bare subject phrase that gave the agent, if any.
	agentChunk *chunk
	tense      temporal.Tense
	sources    []*Ent
}

// clause reads the events of one clause.
func (x *extractor) clause(s *sentence, all []*chunk, clauses []clause, ci int, cl clause, sources []*Ent, prior []*Event) []*Event {
	cc := &clauseCtx{s: s, cl: cl, sources: sources}
	for _, c := range all {
		if c.start >= cl.start && c.start < cl.end {
			cc.chunks = append(cc.chunks, c)
		}
	}
	text := x.a.Text[s.words[cl.start].start:s.words[cl.end-1].end]
	cc.tense = temporal.DetectTense(text)
	triggers := x.d.frames.Find(s.norms, cl.start, cl.end)
	// the clause's agent: its ने phrase; else its first bare phrase naming
	// something that can act (the subject of an intransitive or future verb)
	for _, c := range cc.chunks {
		if c.post == "ने" && !c.consumed {
			cc.agent = x.resolve1(c, cc, prior)
			break
		}
	}
	if len(cc.agent) == 0 {
		for _, c := range cc.chunks {
			if c.consumed || c.post != "" || (len(triggers) > 0 && c.start >= triggers[len(triggers)-1].Start) {
				continue
			}
			ents := x.resolve1(c, cc, prior)
			if len(ents) > 0 && ents[0].isAgentLike() {
				cc.agent = ents
				cc.agentChunk = c
				c.consumed = true
			}
			break
		}
	}
	if len(cc.agent) > 0 {
		x.lastAgents = cc.agent
	}
	// a trigger inside a name ("परमाणु प्रतिष्ठान आक्रमण निषेध समझौता") is
	// part of the name, not an event
	var kept []event.Trigger
	for _, t := range triggers {
		inside := false
		for _, c := range cc.chunks {
			if t.Start >= c.start && t.Start < c.end && !t.Frame.Flags["self"] && c.pronoun == "" {
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
	for ti, t := range triggers {
		if t.Negated && t.Frame.Class != "Denial" {
			continue
		}
		ev := x.newEvent(cc, t, ci)
		ev.trig = t
		x.roles(cc, triggers, ti, ev, assigned, prior)
		events = append(events, ev)
	}
	x.nestEvents(s, triggers, events)
	x.clauseDates(cc, text, triggers, events)
	// "…, जिसकी अमेरिका ने कड़ी निंदा की": the relative pronoun is the
	// genitive theme of the clause's first event, i.e. the event before
	if cl.kind == "relative" && cl.start > 0 && len(events) > 0 && len(prior) > 0 {
		if w := s.norms[cl.start-1]; w == hindi.Fold("जिसकी") || w == hindi.Fold("जिसका") || w == hindi.Fold("जिसके") {
			ev := events[0]
			if ev.trig.Frame.Roles["gen"] == "theme" {
				ev.Themes = append(ev.Themes, prior[len(prior)-1])
				ev.themeOfTheme = true
			}
		}
	}
	// a relative clause "जिसमें … पर चर्चा होगी" adds its topic to the event it
	// qualifies instead of standing alone
	var out []*Event
	for _, ev := range events {
		if ev.attach && cl.kind == "relative" && len(prior) > 0 {
			host := prior[len(prior)-1]
			for _, e := range ev.Roles["topic"] {
				host.Roles["topic"] = appendUnique(host.Roles["topic"], e)
			}
			continue
		}
		out = append(out, ev)
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
		content := key == "gen" && t2.Frame.Flags["complement"]
		if t2.Start-k > 2 || (t2.Frame.Roles[key] != "theme" && !content) {
			continue
		}
		e2.Themes = append(e2.Themes, e1)
		e2.themeOfTheme = !content
		if len(e2.Roles["theme"]) == 0 && !content {
			e2.Roles["theme"] = appendUnique(e2.Roles["theme"], e1.Roles["agent"]...)
			if e1.symmetric {
				e2.Roles["theme"] = appendUnique(e2.Roles["theme"], e1.Roles["participant"]...)
			}
		}
		// what is offered or demanded has not happened
		if t2.Frame.Flags["complement"] {
			e1.Modality = schema.Planned
		}
		// an offer accepted (को) was made to the one who accepts it
		if key == "को" && len(e1.Roles["recipient"]) == 0 && len(e2.Roles["agent"]) > 0 {
			e1.Roles["recipient"] = appendUnique(nil, e2.Roles["agent"]...)
		}
		dropAgentsFromRoles(e1)
		dropAgentsFromRoles(e2)
	}
}

// newEvent makes the event a trigger evokes, with its modality.
func (x *extractor) newEvent(cc *clauseCtx, t event.Trigger, ci int) *Event {
	s := cc.s
	f := t.Frame
	ev := &Event{Class: f.Class, Roles: map[string][]*Ent{}, sentence: s.idx, clause: ci,
		symmetric: f.Flags["symmetric"], attach: f.Flags["attach"], say: f.Flags["say"], complement: f.Flags["complement"],
		Evidence: []Span{s.span}}
	ev.Trigger = x.a.Text[s.words[t.Start].start:s.words[t.End-1].end]
	for _, e := range f.Edges {
		ev.Edges = append(ev.Edges, edgeTemplate{from: e.From, to: e.To, pred: e.Predicate})
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
	if k := t.Start - 1; k >= cc.cl.start && x.d.cues["anaphoric"].at(s.norms, k) > 0 {
		ev.anaphoric = true
	}
	for i := cc.cl.start; i < cc.cl.end; i++ {
		if x.d.cues["earlier"].at(s.norms, i) > 0 {
			ev.earlier = true
		}
	}
	// "बताया कि": the कि clause is what the agent says, not a briefing
	if f.Class == "Briefing" && t.VerbEnd() < len(s.norms) && s.norms[t.VerbEnd()] == "कि" {
		ev.Class, ev.say, ev.Edges = "Statement", true, nil
	}
	ev.ReportedBy = appendUnique(ev.ReportedBy, cc.sources...)
	ev.nominal = t.Nominal
	return ev
}

// roles fills an event's roles from the clause's noun phrases. A phrase
// before the trigger goes to the first trigger after it whose frame has a
// role for its case marker (Hindi puts arguments before their verb); the
// ने phrase is every finite event's agent.
func (x *extractor) roles(cc *clauseCtx, triggers []event.Trigger, ti int, ev *Event, assigned map[*chunk]bool, prior []*Event) {
	s := cc.s
	t := triggers[ti]
	f := t.Frame
	// agent: the clause's, unless the trigger is a nominal that the ने
	// phrase does not act in ("बातचीत की जानकारी")
	agentOK := !t.Nominal
	if t.Nominal && t.End < cc.cl.end && x.d.cues["within"].at(s.norms, t.End) > 0 {
		agentOK = true
	}
	if agentOK {
		ev.Roles["agent"] = append([]*Ent{}, x.agentFor(cc, t, prior)...)
		cc.curAgent = ev.Roles["agent"]
		if cc.agentChunk != nil {
			x.noteGroup(cc, ev, cc.agentChunk, ev.Roles["agent"], prior)
		}
		// "12 लोग मारे गए": the subject of such a verb undergoes it
		if f.Flags["undergoer"] && cc.agentChunk != nil {
			ev.Roles["theme"] = appendUnique(ev.Roles["theme"], ev.Roles["agent"]...)
			ev.Roles["agent"] = nil
			cc.curAgent = nil
		}
	}
	// reflexive possessive before a nominal trigger: "अपनी आने वाली बैठक"
	if t.Nominal {
		for k := t.Start - 1; k >= cc.cl.start && k >= t.Start-4; k-- {
			if x.d.anaphora["reflexive"].at(s.norms, k) > 0 {
				role := "participant"
				if _, ok := f.Roles["gen"]; ok {
					role = f.Roles["gen"]
				}
				ev.Roles[role] = appendUnique(ev.Roles[role], cc.agent...)
				break
			}
		}
	}
	prevEnd := cc.cl.start
	if ti > 0 {
		prevEnd = triggers[ti-1].End
	}
	for _, c := range cc.chunks {
		// phrases before the trigger, and those between a subject noun and
		// its far verb ("वार्ता … नई दिल्ली में होने वाली है")
		between := t.LightStart > t.End && c.start >= t.End && c.end <= t.LightStart
		if c.consumed || assigned[c] || c.post == "ने" || (c.start >= t.Start && !between) {
			continue
		}
		if x.inInfinitive(s, c, t, triggers) {
			continue
		}
		role := x.roleFor(f, c, cc, t)
		if role == "" {
			continue
		}
		// द्वारा belongs to the trigger only if no participle stands between
		if role == "agent" && (c.post == "द्वारा" || c.post == "के द्वारा") {
			blocked := false
			for k := c.postEnd; k < t.Start; k++ {
				if x.d.cues["participle"].at(s.norms, k) > 0 {
					blocked = true
				}
			}
			if blocked || t.Start-c.postEnd > 6 {
				continue
			}
		}
		_ = prevEnd
		ents := x.resolve1(c, cc, prior)
		if len(ents) == 0 {
			continue
		}
		assigned[c] = true
		ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
		x.noteGroup(cc, ev, c, ents, prior)
	}
	// a name right before a nominal qualifies it: "भारत-पाक वार्ता" are talks
	// between India and Pakistan
	if t.Nominal && f.Roles["gen"] == "participant" || t.Nominal && ev.symmetric {
		for _, c := range cc.chunks {
			if c.end == t.Start && c.post == "" && !c.consumed && !assigned[c] && c.pronoun == "" {
				ev.Roles["participant"] = appendUnique(ev.Roles["participant"], c.ents...)
				assigned[c] = true
			}
		}
	}
	// after-patterns of a nominal: "शासन से कोरिया की मुक्ति" → patient Korea
	for _, a := range f.After {
		if ents := x.afterPattern(s, cc, t.End, a.Words); len(ents) > 0 {
			ev.Roles[a.Role] = appendUnique(ev.Roles[a.Role], ents...)
		}
	}
	// the trigger phrase names the theme: "यह समझौता … हुआ"
	if f.Flags["self"] {
		for _, c := range cc.chunks {
			if c.start <= t.Start && t.Start < c.end && len(c.ents) > 0 {
				ev.Roles["theme"] = appendUnique(ev.Roles["theme"], c.ents...)
				assigned[c] = true
			}
		}
	}
	// an infinitive with a case the frame knows lends its object: "यूक्रेन
	// युद्ध को रोकने पर चर्चा" → topic Ukraine war
	for k := prevEnd; k < t.Start; k++ {
		if !x.isInfinitive(s, k, triggers) || k+1 >= len(s.norms) {
			continue
		}
		post := x.postAt(s, k+1)
		role := f.Roles[post]
		if role == "" {
			continue
		}
		for _, c := range cc.chunks {
			if c.end <= k && c.start >= prevEnd && !c.consumed && (c.post == "को" || c.post == "") {
				if ents := x.resolve1(c, cc, prior); len(ents) > 0 {
					ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
					assigned[c] = true
				}
			}
		}
	}
	// a symmetric event's agent also takes part; the agent of an agentless
	// symmetric event is its first participant
	if ev.symmetric && len(ev.Roles["agent"]) == 0 && len(ev.Roles["participant"]) > 1 {
		ev.Roles["agent"] = ev.Roles["participant"][:1]
		ev.Roles["participant"] = ev.Roles["participant"][1:]
	}
	dropAgentsFromRoles(ev)
}

// agentFor: the ने phrase nearest before the trigger ("X ने … V1 तथा Y ने
// … V2"), else the clause's agent.
func (x *extractor) agentFor(cc *clauseCtx, t event.Trigger, prior []*Event) []*Ent {
	var best *chunk
	for _, c := range cc.chunks {
		if c.post == "ने" && !c.consumed && c.start < t.Start {
			best = c
		}
	}
	if best != nil {
		return x.resolve1(best, cc, prior)
	}
	return cc.agent
}

// roleFor maps a phrase's case marker to a role of the frame.
func (x *extractor) roleFor(f *event.Frame, c *chunk, cc *clauseCtx, t event.Trigger) string {
	key := c.post
	switch {
	case key == "द्वारा" || key == "के द्वारा":
		return "agent"
	case key == "":
		key = "∅"
	case isGenitive(key):
		// a genitive counts only for the noun right after it (up to three
		// words between: "X की आगामी यात्रा")
		if t.Start-c.postEnd > 3 {
			return ""
		}
		key = "gen"
	}
	role := f.Roles[key]
	if role == "" {
		return ""
	}
	if f.Flags["motion"] && (role == "destination" || role == "recipient") {
		if ents := c.ents; len(ents) > 0 {
			if ents[0].isPlace() {
				return "destination"
			}
			return "recipient"
		}
	}
	return role
}

// noteGroup records a phrase's number for the event, and the country whose
// people a group is: "आठ भारतीय अधिकारियों को वीजा" concerns India.
func (x *extractor) noteGroup(cc *clauseCtx, ev *Event, c *chunk, ents []*Ent, prior []*Event) {
	for i, q := range c.qty {
		if q > 0 && i < len(c.ents) {
			if ev.qty == nil {
				ev.qty = map[*Ent]int64{}
			}
			ev.qty[c.ents[i]] = q
		}
	}
	for _, e := range ents {
		if e.Type != "Group" && e.Type != "Thing" {
			continue
		}
		countries := x.genitiveCountries(cc, c, prior)
		if e.Country != nil {
			countries = appendUnique(countries, e.Country)
		}
		ev.Roles["involves"] = appendUnique(ev.Roles["involves"], countries...)
	}
}

// genitiveCountry: the country in a genitive right before a group phrase
// ("पड़ोसी देश के आठ अधिकारियों", "दोनों देशों के वरिष्ठ राजनयिक").
func (x *extractor) genitiveCountries(cc *clauseCtx, g *chunk, prior []*Event) []*Ent {
	var out []*Ent
	for _, c := range cc.chunks {
		if isGenitive(c.post) && c.postEnd == g.start {
			for _, e := range x.resolve1(c, cc, prior) {
				if e.Type == "Country" {
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// inInfinitive reports whether a phrase is the object of an infinitive
// between it and the trigger ("कुर्स्क को मुक्त कराने में … सराहना"): it then
// belongs to the infinitive, not to the trigger.
func (x *extractor) inInfinitive(s *sentence, c *chunk, t event.Trigger, triggers []event.Trigger) bool {
	// only an object (bare or को) belongs to the infinitive; "X पर Y फैलाने
	// का आरोप" keeps X for the accusation
	if c.post != "" && c.post != "को" {
		return false
	}
	for k := c.postEnd; k < t.Start; k++ {
		if x.isInfinitive(s, k, triggers) {
			return true
		}
	}
	return false
}

// isInfinitive: an oblique infinitive followed by a postposition (कराने
// में, रोकने पर, करने के लिए), that is not a trigger's light verb.
func (x *extractor) isInfinitive(s *sentence, k int, triggers []event.Trigger) bool {
	w := s.norms[k]
	if !(strings.HasSuffix(w, "ने") || strings.HasSuffix(w, "ना")) || len([]rune(w)) < 3 {
		return false
	}
	if x.d.stop[w] || x.d.anaphora["reflexive"].at(s.norms, k) > 0 || w == "ने" {
		if w != "करने" && w != "होने" && w != "देने" {
			return false
		}
	}
	for _, t := range triggers {
		if k >= t.Start && k < t.VerbEnd() {
			return false
		}
	}
	return k+1 < len(s.norms) && x.d.postpos.at(s.norms, k+1) > 0
}

func (x *extractor) postAt(s *sentence, k int) string {
	if l := x.d.postpos.at(s.norms, k); l > 0 {
		return strings.Join(s.norms[k:k+l], " ")
	}
	return ""
}

// afterPattern matches words like "से {E} की मुक्ति" right after a nominal.
func (x *extractor) afterPattern(s *sentence, cc *clauseCtx, at int, pat []string) []*Ent {
	k := at
	var found []*Ent
	for _, w := range pat {
		if w == "{E}" {
			var hit *chunk
			for _, c := range cc.chunks {
				if c.start == k {
					hit = c
					break
				}
			}
			if hit == nil || len(hit.ents) == 0 {
				return nil
			}
			found = hit.ents
			k = hit.end
			continue
		}
		if k >= len(s.norms) || s.norms[k] != w {
			return nil
		}
		k++
	}
	return found
}

// resolve1 returns the entities a phrase names, resolving anaphora.
func (x *extractor) resolve1(c *chunk, cc *clauseCtx, prior []*Event) []*Ent {
	if c.pronoun == "" {
		return c.ents
	}
	if c.ents != nil {
		return c.ents
	}
	var out []*Ent
	switch c.pronoun {
	case "agent":
		out = x.lastPersonAgent()
	case "subject":
		// "… से मांग की कि वह …": the addressee
		if cc.cl.kind == "complement" && len(prior) > 0 {
			host := prior[len(prior)-1]
			if host.complement {
				for _, r := range []string{"addressee", "recipient", "patient"} {
					if len(host.Roles[r]) > 0 {
						out = host.Roles[r]
						break
					}
				}
			}
		}
		if out == nil {
			out = x.lastAgents
		}
	case "object":
		out = x.lastOther(cc, c)
	case "both-persons":
		out = x.lastPair("Person", cc.agent)
	case "both-countries":
		out = x.lastPair("Country", cc.agent)
	case "other-country":
		agent := cc.agent
		if cc.curAgent != nil {
			agent = cc.curAgent
		}
		recent := x.recent()
		for i := len(recent) - 1; i >= 0; i-- {
			e := recent[i]
			if e.Type == "Country" && !containsEnt(agent, e) {
				out = []*Ent{e}
				break
			}
		}
	case "own-country":
		p := x.lastPersonAgent()
		if len(p) > 0 {
			for _, pos := range x.res.Positions {
				if pos.Holder == p[0] && pos.Of != nil && pos.Of.Type == "Country" {
					out = []*Ent{pos.Of}
					break
				}
			}
		}
	}
	c.ents = out
	return out
}

func containsEnt(list []*Ent, e *Ent) bool {
	for _, o := range list {
		if o == e {
			return true
		}
	}
	return false
}

// recent returns the article's entities in order of last mention, oldest
// first (stable, so ties keep the order of first mention).
func (x *extractor) recent() []*Ent {
	sorted := append([]*Ent(nil), x.order...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].lastSeen < sorted[b].lastSeen })
	return sorted
}

func (x *extractor) lastPersonAgent() []*Ent {
	for _, e := range x.lastAgents {
		if e.Type == "Person" {
			return []*Ent{e}
		}
	}
	for i := len(x.res.Events) - 1; i >= 0; i-- {
		for _, e := range x.res.Events[i].Roles["agent"] {
			if e.Type == "Person" {
				return []*Ent{e}
			}
		}
	}
	if len(x.lastAgents) > 0 {
		return x.lastAgents
	}
	return nil
}

// lastOther: the entity mentioned last before the pronoun, in this
// sentence, that is not the clause's agent and can receive.
func (x *extractor) lastOther(cc *clauseCtx, pron *chunk) []*Ent {
	for i := len(cc.chunks) - 1; i >= 0; i-- {
		c := cc.chunks[i]
		if c.start >= pron.start || c.pronoun != "" {
			continue
		}
		for _, e := range c.ents {
			if e.isAgentLike() && e.Type != "Group" && !containsEnt(cc.agent, e) {
				return []*Ent{e}
			}
		}
	}
	recent := x.recent()
	for i := len(recent) - 1; i >= 0; i-- {
		e := recent[i]
		if e.isAgentLike() && e.Type != "Group" && !containsEnt(cc.agent, e) {
			return []*Ent{e}
		}
	}
	return nil
}

// lastPair: the two persons (or countries) of the latest event that had
// two, else the two mentioned last.
func (x *extractor) lastPair(typ string, exclude []*Ent) []*Ent {
	// the latest of: a pair named together ("भारत और पाकिस्तान"), and the
	// two of an event that had two
	var fromEvent []*Ent
	evSent := -1
	for i := len(x.res.Events) - 1; i >= 0; i-- {
		var ps []*Ent
		for _, r := range []string{"agent", "participant", "recipient", "addressee", "patient", "target"} {
			for _, e := range x.res.Events[i].Roles[r] {
				if e.Type == typ {
					ps = appendUnique(ps, e)
				}
			}
		}
		if len(ps) == 2 {
			fromEvent, evSent = ps, x.res.Events[i].sentence
			break
		}
	}
	if p := x.pairs[typ]; len(p.ents) == 2 && p.sentence > evSent && !containsEnt(exclude, p.ents[0]) && !containsEnt(exclude, p.ents[1]) {
		return p.ents
	}
	if fromEvent != nil {
		return fromEvent
	}
	var ps []*Ent
	recent := x.recent()
	for i := len(recent) - 1; i >= 0 && len(ps) < 2; i-- {
		if e := recent[i]; e.Type == typ && !containsEnt(exclude, e) {
			ps = append(ps, e)
		}
	}
	if len(ps) == 2 {
		return ps
	}
	return nil
}
