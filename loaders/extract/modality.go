package extract

import (
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/schema"
)

// Events a clause names without asserting them (modality.tsv): what was
// called off, what someone is advised, asked or pressed to do, what a
// question asks about, what someone is accused of, and what a clause tells
// as a possibility.

// unasserted corrects the modality and the doer of the clause's events that
// the clause names but does not assert, and leaves out those it states
// nothing about. It runs after nestEvents, which links a nominal event to
// the event that takes it as its object.
func (x *extractor) unasserted(cc *clauseCtx, triggers []event.Trigger, events []*Event) []*Event {
	s := cc.s
	// an event called off did not happen: "अपनी पेरिस यात्रा रद्द कर दी"
	// is a cancelled visit, the theme of the cancellation
	cancelled := map[*Event]bool{}
	for _, ev := range events {
		if x.d.modality["cancelling"].at(fold(string(ev.Class)), 0) == 0 {
			continue
		}
		for _, t := range ev.Themes {
			if t.nominal {
				cancelled[t] = true
			}
		}
	}
	perhaps := false
	for k := cc.cl.start; k < cc.cl.end && !perhaps; k++ {
		perhaps = x.d.modality["perhaps"].at(s.norms, k) > 0
	}
	subj, scope := x.subjunctiveVerb(s, cc.cl)
	var out []*Event
	for _, ev := range events {
		if cancelled[ev] {
			ev.Modality = schema.Cancelled
			out = append(out, ev)
			continue
		}
		t := ev.trig
		e := x.afterConjuncts(s, cc.cl, triggers, t)
		// "उनसे टीम छोड़ने के बारे में पूछा": what a question asks about
		// is not told as done, nor as not done
		if l := x.d.modality["asked-about"].at(s.norms, e); l > 0 && e < cc.cl.end && x.questionAfter(s, cc.cl, e+l) {
			continue
		}
		switch {
		// "उसे घर लौटने की सलाह दी", "सरकार पर कानून वापस लेने का
		// दबाव": the act is the addressee's, still to be done; the one who
		// advises or presses does not do it
		case e < cc.cl.end && x.d.modality["directive"].at(s.norms, e) > 0:
			if schema.IsFactual(ev.Modality) {
				ev.Modality = schema.Planned
			}
			if !t.Nominal {
				ev.Roles[schema.RoleAgent] = nil
			}
		// "X को दुकानदार की पिटाई करने के आरोप में गिरफ्तार किया": the
		// beating is alleged, and X's, not the police's
		case e < cc.cl.end && x.d.cues["alleged"].at(s.norms, e) > 0:
			if ev.Modality == schema.Asserted || ev.Modality == schema.Planned {
				ev.Modality = schema.Reported
			}
			if !t.Nominal || len(ev.Roles[schema.RoleAgent]) == 0 {
				ev.Roles[schema.RoleAgent] = x.accused(ev, events)
			}
		}
		// "शायद वह लौट आए", "… कि उसकी खबरें दब जाएं": a possibility; the
		// subjunctive verb group's own event ("उन्हें रिहा किया जाए") is
		// what is wished or asked: still to be done
		switch under := subj >= 0 && x.underSubjunctive(s, t, subj, scope); {
		case !schema.IsFactual(ev.Modality) && ev.Modality != schema.Planned:
		case perhaps || under && t.Nominal:
			ev.Modality = schema.Possible
		case under:
			ev.Modality = schema.Planned
		}
		out = append(out, ev)
	}
	return out
}

// afterConjuncts is the word after the trigger's verb group, or, when a
// conjunction joins it to the next event's infinitive ("धमकाने और पिटाई
// करने के आरोप में"), the word after the last of them: the postposition
// after the last conjunct is every conjunct's.
func (x *extractor) afterConjuncts(s *sentence, cl clause, triggers []event.Trigger, t event.Trigger) int {
	e := max(t.VerbEnd(), t.GroupEnd)
	for _, u := range triggers {
		if u.Start <= t.Start || e >= cl.end || !x.d.is("conjunction", s.norms[e]) || s.norms[e] == "," {
			continue
		}
		// the next conjunct starts within a few words (its object first)
		if u.Start > e && u.Start <= e+4 && !u.Nominal {
			e = max(u.VerbEnd(), u.GroupEnd)
		}
	}
	return e
}

// questionAfter reports whether a verb or noun of asking stands within four
// words from k, inside the clause.
func (x *extractor) questionAfter(s *sentence, cl clause, k int) bool {
	for i := k; i < cl.end && i <= k+4; i++ {
		if x.d.modality["question-verb"].at(s.norms, i) > 0 {
			return true
		}
	}
	return false
}

// subjunctiveVerb finds the clause's last verb when it is in the
// subjunctive ("… दब जाएं", "ताकि वे लौट सकें"): the last word before the
// clause's closing punctuation; -1 when it is not. scope is where the
// subjunctive's own clause begins: after the last purpose word (ताकि)
// before it, which the clause splitter leaves inside the clause ("… ने
// हमला किया था ताकि पासवर्ड हासिल किया जा सके": the attack happened).
func (x *extractor) subjunctiveVerb(s *sentence, cl clause) (k, scope int) {
	k = cl.end - 1
	for k > cl.start && !isLetterWord(s.norms[k]) {
		k--
	}
	if k <= cl.start || x.d.modality["subjunctive"].at(s.norms, k) != 1 {
		return -1, cl.start
	}
	scope = cl.start
	for p := cl.start; p < k; p++ {
		if l := x.d.modality["purpose-opener"].at(s.norms, p); l > 0 {
			scope = p + l
		}
	}
	return k, scope
}

// underSubjunctive reports whether the subjunctive verb at k governs the
// event of trigger t: the event is its own verb group's ("उन्हें रिहा
// किया जाए"), or a noun after the scope's start with no ने phrase between
// it and the verb (a ने phrase has a perfective verb of its own).
func (x *extractor) underSubjunctive(s *sentence, t event.Trigger, k, scope int) bool {
	if t.Start < scope {
		return false
	}
	if max(t.VerbEnd(), t.GroupEnd) > k {
		return true
	}
	if !t.Nominal {
		return false
	}
	for i := t.End; i < k; i++ {
		if x.d.is("ergative", s.norms[i]) {
			return false
		}
	}
	return true
}

// accused is who a clause says did the alleged event ev: the one arrested,
// charged or sentenced for it, the undergoer of the clause's event that
// follows it (accused-host); nobody when there is none.
func (x *extractor) accused(ev *Event, events []*Event) []*Ent {
	for _, h := range events {
		if h == ev || h.trig.Start <= ev.trig.Start || x.d.modality["accused-host"].at(fold(string(h.Class)), 0) == 0 {
			continue
		}
		for _, r := range []schema.Role{schema.RolePatient, schema.RoleTheme, schema.RoleTarget} {
			var who []*Ent
			for _, e := range h.Roles[r] {
				if e.isAgentLike() {
					who = append(who, e)
				}
			}
			if len(who) > 0 {
				return who
			}
		}
		return nil
	}
	return nil
}
