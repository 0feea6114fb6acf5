package extract

import (
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// Generic events: no stated relation is lost. A clause with a subject and
// an object whose verb no frame covers still yields an event of class
// kg:Event with its verb's lemma, an English gloss from the bilingual verb
// list (hi/glosses.tsv), and roles from case markers.

// genericEvent reads the clause's main verb with the gloss list; it makes
// an event only when the clause names who acts and what (or whom) it acts
// on, and the verb group states it (not negated, not wished or owed).
func (x *extractor) genericEvent(cc *clauseCtx, ci int, prior []*Event) *Event {
	s := cc.s
	v, ok := x.d.frames.MainVerb(s.norms, cc.cl.start, cc.cl.end)
	if !ok || v.Negated || v.Modal == "obligation" || v.Modal == "desire" ||
		x.asks(s, cc.cl) || x.simplePresentAt(cc, v.Start, v.End, v.GroupEnd) {
		return nil
	}
	ev := &Event{Class: schema.GenericEvent, Roles: map[schema.Role][]*Ent{}, sentence: s.idx, clause: ci,
		Evidence: []Span{s.span}, Generic: true, Lemma: v.Gloss.Lemma, Gloss: v.Gloss.EN}
	ev.Trigger = x.a.Text[s.words[v.Start].start:s.words[v.End-1].end]
	// "X को अपने दादा को घर ले जाना था": the first को phrase before an
	// obliged verb is who must act, and a bare place names where to, not
	// who acts
	var obligedSubject *chunk
	vt := event.Trigger{Start: v.Start, End: v.End, LightStart: v.End, LightEnd: v.End, GroupEnd: v.GroupEnd}
	obliged, done := x.obliged(s, vt)
	if obliged && len(x.ergativeChunks(cc)) == 0 {
		for _, c := range cc.chunks {
			if c.post == "को" && !c.consumed && c.start < v.Start {
				obligedSubject = c
				break
			}
		}
	}
	var bare []*chunk
	for _, c := range cc.chunks {
		if c.consumed || c.start >= v.Start {
			continue
		}
		ents := x.resolve1(c, cc, prior)
		if len(ents) == 0 {
			continue
		}
		// "X की पुरानी कार को बेचा", "अपने X पन्ने पर लिखा": a name that
		// qualifies the phrase a case marker ends is not what a verb no
		// frame knows acts on; only an agent may stand for its own
		// "'X फर्स्ट' नीति को": a name inside a quoted title is part of it
		qualifier := c.qualifies && c.post != "ने" || c.post == "" && x.modifiesNext(s, c) || x.insideQuote(s, c.start, c.end)
		var role schema.Role
		switch {
		case c == obligedSubject:
			if !ents[0].isAgentLike() {
				continue
			}
			role = schema.RoleAgent
		case c.post == "" && obligedSubject != nil && ents[0].isPlace():
			continue
		case c.post == "द्वारा" || c.post == "के द्वारा":
			if x.participleBetween(s, c.postEnd, v.Start) {
				continue
			}
			role = schema.RoleAgent
		case c.post == "ने":
			role = schema.RoleAgent
		case c.post == "" && !qualifier:
			bare = append(bare, c)
			continue
		case c.post == "को" && v.Gloss.Dative:
			role = schema.RoleRecipient // "X ने Y को मौका दिया": Y receives
		case c.post == "को":
			role = schema.RoleTheme
		case c.post == "के साथ":
			role = schema.RoleParticipant
		case c.post == "के लिए":
			role = schema.RoleRecipient
		case c.post == "में" || c.post == "पर":
			if ents[0].isPlace() {
				role = schema.RoleLocation
			} else if c.post == "में" && v.Start-c.postEnd <= 2 {
				role = schema.RoleTheme // "X ने Y में हिस्सा लिया"
			}
		}
		if role == "" || qualifier || x.inInfinitive(s, c, event.Trigger{Start: v.Start, End: v.End}, nil) {
			continue
		}
		ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
		x.noteGroup(cc, ev, c, ents, prior)
	}
	// bare phrases: the first is the subject (the agent, or in a passive
	// the theme), the next the object
	for i, c := range bare {
		ents := x.resolve1(c, cc, prior)
		role := schema.RoleTheme
		if i == 0 && len(ev.Roles[schema.RoleAgent]) == 0 && !v.Passive && ents[0].isAgentLike() {
			role = schema.RoleAgent
		}
		if role == schema.RoleTheme && len(ev.Roles[schema.RoleTheme]) > 0 && !v.Gloss.Dative {
			// a को phrase and a bare object: the को phrase receives
			ev.Roles[schema.RoleRecipient] = appendUnique(ev.Roles[schema.RoleRecipient], ev.Roles[schema.RoleTheme]...)
			ev.Roles[schema.RoleTheme] = nil
		}
		ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
		x.noteGroup(cc, ev, c, ents, prior)
	}
	if len(ev.Roles[schema.RoleAgent]) == 0 && len(cc.agent) > 0 && !v.Passive {
		ev.Roles[schema.RoleAgent] = append([]*Ent{}, cc.agent...)
	}
	dropAgentsFromRoles(ev)
	// an object, or whom the agent acts with ("X ने Y के साथ काम किया")
	object := len(ev.Roles[schema.RoleTheme]) + len(ev.Roles[schema.RoleRecipient]) + len(ev.Roles[schema.RoleParticipant])
	if len(ev.Roles[schema.RoleAgent]) == 0 || object == 0 {
		return nil
	}
	ev.Modality = schema.Asserted
	switch {
	case cc.conditional:
		ev.Modality = schema.Conditional
	case v.Modal == "possible" || x.alternative(s, cc.cl):
		ev.Modality = schema.Possible
	case cc.tense == temporal.Future:
		ev.Modality = schema.Planned
	case obligedSubject != nil && !done:
		ev.Modality = schema.Planned // "ले जाना था": was to take, not took
	}
	// no direct edge: a generic reading is the least sure one, and its
	// event node (kg:gloss) says what the relation is
	ev.ReportedBy = appendUnique(ev.ReportedBy, cc.sources...)
	ev.trig.Start, ev.trig.End, ev.trig.LightStart, ev.trig.LightEnd, ev.trig.GroupEnd = v.Start, v.End, v.End, v.End, v.GroupEnd
	return ev
}

// modifiesNext reports whether a bare phrase qualifies the noun after it:
// one or two words follow it before a case marker ("अपने X पन्ने पर"), or
// it is an example of that noun ("X जैसी राजधानियों में").
func (x *extractor) modifiesNext(s *sentence, c *chunk) bool {
	if c.end < len(s.norms) && x.d.is("exemplar", s.norms[c.end]) {
		return true // "X जैसी राजधानियों में": an example of what the phrase names
	}
	for k := c.end; k < len(s.norms) && k <= c.end+1; k++ {
		if !isLetterWord(s.norms[k]) {
			return false
		}
		// "लाहौर टेस्ट में": an event noun in a phrase of its own is
		// qualified by the name before it too
		if x.d.postpos.at(s.norms, k+1) > 0 {
			return true
		}
		if x.d.frames.ForWord(s.norms[k]) != nil {
			return false
		}
	}
	return false
}
