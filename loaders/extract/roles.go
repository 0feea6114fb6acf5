package extract

import (
	"strings"

	"github.com/kgnews/kg/loaders/event"
)

// Filling an event's roles from the noun phrases of its clause.

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
	// between India and Pakistan, "प्योंगयांग यात्रा" a visit to Pyongyang
	if role := f.Roles["compound"]; role != "" && t.Nominal {
		for _, c := range cc.chunks {
			if c.end == t.Start && c.post == "" && !c.consumed && !assigned[c] && c.pronoun == "" {
				ev.Roles[role] = appendUnique(ev.Roles[role], c.ents...)
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
			switch {
			case ents[0].isPlace():
				return "destination"
			case key == "gen":
				return "agent" // "लावरोव की यात्रा": the one who travels
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
