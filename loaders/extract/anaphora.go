package extract

import (
	"sort"

	"github.com/kgnews/kg/schema"
)

// Resolving pronouns, "both leaders", "the other country", "his country".

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
	case "speaker":
		out = x.curSpeaker
	case "agent":
		// "गुरुनाथ के उस अनुरोध को …, जिसमें उन्होंने …": in a relative
		// clause, the person the clause it qualifies names last
		if cc.cl.kind == "relative" {
			for i := len(cc.all) - 1; i >= 0; i-- {
				p := cc.all[i]
				if p.start < cc.cl.start && p.pronoun == "" && len(p.ents) == 1 && p.ents[0].Type == "Person" {
					out = p.ents
					break
				}
			}
		}
		// "जब X ने Y से पूछा तो उन्होंने कहा": the one asked answers
		asked := false
		if out == nil {
			out = x.askedBeforeThen(cc, c)
			asked = out != nil
		}
		if out == nil {
			out = x.lastPersonAgent()
		}
		out = x.notSpeaker(out, cc)
		// "जब उन्होंने X से ऐसा न करने को कहा": who the clause names
		// itself (an addressee, an object) is not who acts in it
		if len(out) == 1 && cc.cl.kind != "relative" && !asked {
			for _, o := range cc.chunks {
				if o != c && o.pronoun == "" && containsEnt(o.ents, out[0]) {
					out = nil
					break
				}
			}
		}
	case "subject":
		// "… से मांग की कि वह …": the addressee
		if cc.cl.kind == "complement" && len(prior) > 0 {
			host := prior[len(prior)-1]
			if host.complement() {
				for _, r := range []schema.Role{schema.RoleAddressee, schema.RoleRecipient, schema.RolePatient} {
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
		out = x.notSpeaker(out, cc)
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
	case "this-state":
		out = x.salient("AdministrativeArea")
	case "this-country":
		out = x.salient("Country")
	case "this-city":
		out = x.salient("City")
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

// askedBeforeThen: a ने pronoun right after the तो of "जब X ने Y से …
// तो" (or "Y से जब X ने … तो") is Y, the person spoken to or asked in the
// when-part (the last से phrase before तो naming one person); nil when
// the sentence has no जब before the तो.
func (x *extractor) askedBeforeThen(cc *clauseCtx, pron *chunk) []*Ent {
	s := cc.s
	then := pron.start - 1
	if then < 1 || s.norms[then] != "तो" {
		return nil
	}
	when := -1
	for k := then - 1; k >= 0; k-- {
		if x.d.clauseWords["temporal"].at(s.norms, k) > 0 {
			when = k
			break
		}
	}
	if when < 0 {
		return nil
	}
	var asked []*Ent
	for _, c := range cc.all {
		if c.end < then && c.post == "से" && c.pronoun == "" && len(c.ents) == 1 && c.ents[0].Type == "Person" {
			asked = c.ents
		}
	}
	return asked
}

// notSpeaker: inside a quotation, a pronoun of the third person
// ("उन्होंने", "वह") is not who speaks it, who says "मैं" of himself ("वो
// बताते हैं, '… उन्होंने दुनिया को अलविदा कह दिया'" tells another's death).
// Where the antecedent found is the speaker, the person other than the
// speaker whom the article has named most so far (the one it is about)
// stands for it; none, when the article names no other.
func (x *extractor) notSpeaker(out []*Ent, cc *clauseCtx) []*Ent {
	if len(x.curSpeaker) == 0 || len(out) != 1 || !containsEnt(x.curSpeaker, out[0]) {
		return out
	}
	var best *Ent
	for _, e := range x.order {
		if e.Type != "Person" || containsEnt(x.curSpeaker, e) || e.first >= cc.s.idx {
			continue
		}
		if best == nil || e.mentions > best.mentions {
			best = e
		}
	}
	if best == nil {
		return nil
	}
	return []*Ent{best}
}

// salient is the entity of a type the article has named most so far, if
// it has been named more often than any other of its type.
func (x *extractor) salient(typ string) []*Ent {
	var best *Ent
	second := 0
	for _, e := range x.order {
		if e.Type != typ {
			continue
		}
		switch {
		case best == nil || e.mentions > best.mentions:
			if best != nil {
				second = best.mentions
			}
			best = e
		case e.mentions > second:
			second = e.mentions
		}
	}
	if best == nil || best.mentions == second {
		return nil
	}
	return []*Ent{best}
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

// anaphoraLookback is how many of the latest events a pronoun's
// antecedent is looked for in: antecedents are recent, and searching all
// earlier events for each pronoun made an article of many pronouns
// quadratic.
const anaphoraLookback = 64

func (x *extractor) lastPersonAgent() []*Ent {
	if x.agentUnread {
		return nil
	}
	for _, e := range x.lastAgents {
		if e.Type == "Person" {
			return []*Ent{e}
		}
	}
	for i := len(x.res.Events) - 1; i >= max(0, len(x.res.Events)-anaphoraLookback); i-- {
		for _, e := range x.res.Events[i].Roles[schema.RoleAgent] {
			if e.Type == "Person" {
				return []*Ent{e}
			}
		}
	}
	// "नोबेल समिति ने कहा … उन्होंने": a body named by a common noun is
	// not who a ने pronoun is
	for _, e := range x.lastAgents {
		if e.commonBody() {
			return nil
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
	chunks := cc.all
	if chunks == nil {
		chunks = cc.chunks
	}
	for i := len(chunks) - 1; i >= 0; i-- {
		c := chunks[i]
		if c.start >= pron.start || c.pronoun != "" {
			continue
		}
		for _, e := range c.ents {
			if e.isAgentLike() && e.Type != "Group" && !e.commonBody() && !containsEnt(cc.agent, e) {
				return []*Ent{e}
			}
		}
	}
	// earlier sentences, persons first (उसे, उन्हें name people more than
	// anything); a name later in this sentence is no antecedent
	recent := x.recent()
	for _, person := range []bool{true, false} {
		for i := len(recent) - 1; i >= 0; i-- {
			e := recent[i]
			if e.lastSeen >= cc.s.idx || e.Type == "Group" || e.commonBody() || !e.isAgentLike() || containsEnt(cc.agent, e) || person && e.Type != "Person" {
				continue
			}
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
	for i := len(x.res.Events) - 1; i >= max(0, len(x.res.Events)-anaphoraLookback); i-- {
		var ps []*Ent
		for _, r := range []schema.Role{schema.RoleAgent, schema.RoleParticipant, schema.RoleRecipient, schema.RoleAddressee, schema.RolePatient, schema.RoleTarget} {
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
