package extract

import (
	"unicode"

	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// English sentences (an English article, or an English quote in a Hindi
// one) are read with the English frames: the subject acts, the object and
// the phrases after prepositions fill the other roles.

// isEnglish reports whether a sentence is written in Latin script.
func (x *extractor) isEnglish(s *sentence) bool {
	latin, deva := 0, 0
	for _, r := range s.text(x.a) {
		switch {
		case r >= 0x0900 && r <= 0x097F:
			deva++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	return deva == 0 && latin >= 3
}

// englishClauses splits an English sentence at "that", "but", "which" …
func (x *extractor) englishClauses(s *sentence, chunks []*chunk) []clause {
	inName := make([]bool, len(s.norms))
	for _, c := range chunks {
		for k := c.start; k < c.end && k < len(inName); k++ {
			inName[k] = true
		}
	}
	var out []clause
	cur := clause{}
	for i := 0; i < len(s.norms); i++ {
		if inName[i] || i == 0 {
			continue
		}
		l := x.en.At("clause", s.norms, i)
		if l == 0 && s.norms[i] != ":" {
			continue
		}
		kind := "independent"
		for _, k := range []string{"complement", "relative", "temporal"} {
			if x.en.At(k, s.norms, i) > 0 {
				kind = k
			}
		}
		if s.norms[i] == ":" {
			l = 1
		}
		cur.end = i
		if cur.end > cur.start {
			out = append(out, cur)
		}
		cur = clause{start: i + l, kind: kind}
		i += l - 1
	}
	cur.end = len(s.norms)
	if cur.end > cur.start {
		out = append(out, cur)
	}
	return out
}

// prepBefore returns the preposition right before a phrase ("" if none),
// when that preposition belongs to the verb: it follows the verb, a name or
// a comma, not a common noun ("the war in Ukraine" is no location of the
// meeting). ends marks the words that end a name or a verb.
func (x *extractor) prepBefore(s *sentence, c *chunk, ends map[int]bool) string {
	for k := c.start - 1; k >= 0 && k >= c.start-3; k-- {
		if x.en.At("preposition", s.norms, k) > 0 {
			j := k - 1
			for j >= 0 && x.en.At("preposition", s.norms, j) == 0 && x.en.At("determiner", s.norms, j) > 0 {
				j--
			}
			if j >= 0 && !ends[j] && s.norms[j] != "," && !x.isTimeWord(s.norms[j]) {
				return "-" // attached to a noun
			}
			return s.norms[k]
		}
		if x.en.At("determiner", s.norms, k) == 0 {
			return ""
		}
	}
	return ""
}

// isTimeWord: "on Friday in Alaska": a time phrase can stand between the
// verb and its next preposition.
func (x *extractor) isTimeWord(w string) bool {
	return x.en.At("time", []string{w}, 0) > 0 || len(w) > 0 && w[0] >= '0' && w[0] <= '9'
}

// englishSources finds "according to X".
func (x *extractor) englishSources(s *sentence, chunks []*chunk) []*Ent {
	var out []*Ent
	for _, c := range chunks {
		for k := c.start - 3; k < c.start; k++ {
			if l := x.en.At("source", s.norms, k); l > 0 && k+l == c.start {
				for _, e := range c.ents {
					if e.isSource() {
						out = append(out, e)
					}
				}
				c.consumed = true
			}
		}
	}
	return out
}

// englishClause reads the events of one English clause.
func (x *extractor) englishClause(s *sentence, all []*chunk, ci int, cl clause, sources []*Ent) []*Event {
	cc := &clauseCtx{s: s, cl: cl, sources: sources}
	for _, c := range all {
		if c.start >= cl.start && c.start < cl.end && !c.consumed {
			cc.chunks = append(cc.chunks, c)
		}
	}
	text := x.a.Text[s.words[cl.start].start:s.words[cl.end-1].end]
	cc.text = temporal.NewText(text)
	cc.tense = cc.text.Tense()
	triggers := x.en.Find(s.norms, cl.start, cl.end)
	ends := map[int]bool{}
	for _, c := range all {
		ends[c.end-1] = true
	}
	for _, t := range triggers {
		ends[t.End-1] = true
	}
	var events []*Event
	assigned := map[*chunk]bool{}
	for ti, t := range triggers {
		if t.Negated {
			continue
		}
		f := t.Frame
		ev := &Event{Class: f.Class, Roles: map[schema.Role][]*Ent{}, sentence: s.idx, clause: ci,
			flags: f.Flags, Evidence: []Span{s.span}, Modality: schema.Asserted}
		ev.Trigger = x.a.Text[s.words[t.Start].start:s.words[t.End-1].end]
		ev.trig = event.Trigger{Start: t.Start, End: t.End, LightStart: t.End, LightEnd: t.End}
		for _, e := range f.Edges {
			ev.Edges = append(ev.Edges, edgeTemplate{from: e.From, to: e.To, pred: e.Predicate, unless: e.Unless})
		}
		if t.Future || cc.tense == temporal.Future {
			ev.Modality = schema.Planned
		}
		ev.ReportedBy = appendUnique(ev.ReportedBy, cc.sources...)
		prevEnd := cl.start
		if ti > 0 {
			prevEnd = triggers[ti-1].End
		}
		nextStart := cl.end
		if ti+1 < len(triggers) {
			nextStart = triggers[ti+1].Start
		}
		var subject, object []*Ent
		for _, c := range cc.chunks {
			if assigned[c] || c.pronoun != "" && c.ents == nil && x.resolve1(c, cc, nil) == nil {
				continue
			}
			ents := x.resolve1(c, cc, nil)
			prep := x.prepBefore(s, c, ends)
			switch {
			case prep == "-":
				continue
			case prep == "by" && t.Passive:
				ev.Roles[schema.RoleAgent] = appendUnique(ev.Roles[schema.RoleAgent], ents...)
			case prep != "":
				if c.start < prevEnd || c.start >= nextStart {
					continue
				}
				if role := f.Roles[prep]; role != "" {
					ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
				} else {
					continue
				}
			case c.end <= t.Start && c.start >= prevEnd:
				subject = ents // the last bare phrase before the verb
			case c.start >= t.End && c.start < nextStart && object == nil:
				object = ents
			default:
				continue
			}
			assigned[c] = true
			x.noteGroup(cc, ev, c, ents, nil)
		}
		if subject == nil && ti > 0 && len(events) > 0 {
			subject = events[len(events)-1].Roles[schema.RoleAgent] // "X met Y and signed …"
		}
		if t.Passive || f.Flags.Undergoer {
			if f.Object != "" {
				ev.Roles[f.Object] = appendUnique(ev.Roles[f.Object], subject...)
			} else {
				ev.Roles[schema.RoleTheme] = appendUnique(ev.Roles[schema.RoleTheme], subject...)
			}
		} else {
			ev.Roles[schema.RoleAgent] = appendUnique(ev.Roles[schema.RoleAgent], subject...)
			if f.Object != "" {
				ev.Roles[f.Object] = appendUnique(ev.Roles[f.Object], object...)
			}
		}
		if ev.symmetric() && len(ev.Roles[schema.RoleAgent]) > 1 && len(ev.Roles[schema.RoleParticipant]) == 0 {
			ev.Roles[schema.RoleParticipant] = ev.Roles[schema.RoleAgent][1:]
			ev.Roles[schema.RoleAgent] = ev.Roles[schema.RoleAgent][:1]
		}
		if len(ev.Roles[schema.RoleAgent]) > 0 {
			x.lastAgents = ev.Roles[schema.RoleAgent]
		}
		dropAgentsFromRoles(ev)
		events = append(events, ev)
	}
	x.clauseDates(cc, text, nil, events)
	return events
}
