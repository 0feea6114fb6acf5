package extract

import (
	"strings"

	"github.com/kgnews/kg/schema"
)

// Casualties: the number of people an event killed, injured or otherwise
// hit, as PLOVER and ACLED record them.

// casualties gives each casualty event of the clause (deaths, injuries,
// people affected) its count, and gives the count to the event the clause
// says it happened in: "इस हमले में 16 लोग मारे गए" — the attack killed 16;
// "धमाका हुआ, जिसमें 12 लोग घायल हुए" — the blast injured 12.
func (x *extractor) casualties(cc *clauseCtx, cl clause, events []*Event, prior []*Event) {
	for _, ev := range events {
		kind := ev.flags.Casualty
		if kind == "" {
			continue
		}
		n := x.casualtyCount(cc, ev)
		if n == 0 {
			continue
		}
		addCount(ev, kind, n)
		host := x.casualtyHost(cc, cl, ev, events, prior)
		if host == nil {
			x.orphanTolls = append(x.orphanTolls, toll{ev, kind, n})
		}
		if host != nil {
			addCount(host, kind, n)
			// they died where the attack was, and when
			if len(ev.Roles[schema.RoleLocation]) == 0 {
				ev.Roles[schema.RoleLocation] = append([]*Ent{}, host.Roles[schema.RoleLocation]...)
			}
			shareDate(host, ev)
			shareDate(ev, host)
		}
	}
}

// toll is a count of casualties the text gives with no event near it to
// give it to.
type toll struct {
	ev   *Event
	kind string
	n    int64
}

// hostOrphanTolls gives each toll that found no host in its sentence or
// the two before ("350 से ज़्यादा शव निकाले जा चुके हैं" in a report's
// lead, before the landslide is told) to the report's own deadly event:
// the one event that can hurt people that the article tells most often,
// at least twice, and at a time the toll can have. Run after merging, when
// mentions are counted.
func (x *extractor) hostOrphanTolls() {
	if len(x.orphanTolls) == 0 {
		return
	}
	var top *Event
	tie := false
	for _, ev := range x.res.Events {
		if !canHurt(ev) || x.past(ev) || ev.Modality == schema.Planned {
			continue
		}
		switch {
		case top == nil || len(ev.Evidence) > len(top.Evidence):
			top, tie = ev, false
		case len(ev.Evidence) == len(top.Evidence):
			tie = true
		}
	}
	if top == nil || tie || len(top.Evidence) < 2 {
		return
	}
	for _, t := range x.orphanTolls {
		if sameTime(top, t.ev) && !x.past(t.ev) {
			addCount(top, t.kind, t.n)
		}
	}
}

func addCount(ev *Event, kind string, n int64) {
	p := map[string]*int64{"killed": &ev.Killed, "injured": &ev.Injured, "affected": &ev.Affected}[kind]
	if *p < n {
		*p = n
	}
}

// casualtyCount: the number of the people the event happened to ("16
// लोग", "तीन लोगों की"), else a number right before the trigger ("20 की
// मौत").
func (x *extractor) casualtyCount(cc *clauseCtx, ev *Event) int64 {
	var n int64
	for _, r := range []schema.Role{undergoerRole(ev.trig.Frame), schema.RolePatient, schema.RoleTheme} {
		for _, e := range ev.Roles[r] {
			n += ev.qty[e]
		}
		if n > 0 {
			return n
		}
	}
	s := cc.s
	for k := ev.trig.Start - 1; k >= cc.cl.start && k >= ev.trig.Start-3; k-- {
		if cc.timeWords[k] {
			continue // a year or a day, not a count
		}
		// a number right before an event noun counts the events ("एक
		// नरसंहार", "दो धमाके"), not the people: "20 की मौत" has की between
		if ev.trig.Nominal && k == ev.trig.Start-1 {
			continue
		}
		if v, ok := parseDigits(s.norms[k]); ok && v > 0 && v < 10000000 {
			return v
		}
		if nw, ok := x.d.numbers[s.norms[k]]; ok && nw.value > 0 && !nw.multiplier {
			return nw.value
		}
	}
	return 0
}

// casualtyHost finds the event the casualties belong to: a nominal event
// of the clause followed by में/के दौरान/से before the casualty trigger
// ("हमले में", "बाढ़ से"), or, in a clause opened by जिसमें/इसमें, the last
// event before it. Only events that can hurt people (conflict, crime,
// disaster, accident) are hosts.
func (x *extractor) casualtyHost(cc *clauseCtx, cl clause, ev *Event, events, prior []*Event) *Event {
	s := cc.s
	for _, h := range events {
		if h == ev || !canHurt(h) || h.trig.End > ev.trig.Start {
			continue
		}
		if h.trig.Nominal && x.d.cues["within"].at(s.norms, h.trig.End) > 0 || h.trig.Nominal && x.postAt(s, h.trig.End) == "से" {
			return h
		}
	}
	if x.d.cues["casualty-relative"].at(s.norms, cl.start) > 0 || x.d.cues["casualty-relative"].at(strings.Fields(cl.opener), 0) > 0 {
		cands := prior
		if len(cands) == 0 {
			cands = x.prevEvents
		}
		for i := len(cands) - 1; i >= 0; i-- {
			if canHurt(cands[i]) && !cands[i].flags.Undergoer {
				return cands[i]
			}
		}
	}
	// "हमला करके 31 लोगों की हत्या कर दी": the deadly event before the
	// casualties in their own clause
	for i := len(events) - 1; i >= 0; i-- {
		if h := events[i]; h != ev && h.trig.End <= ev.trig.Start && canHurt(h) && sameTime(h, ev) {
			return h
		}
	}
	// "350 से ज़्यादा शव निकाले जा चुके हैं" after the landslide was told:
	// the deadly event of the last sentences, unless the text dates the
	// two apart
	for i := len(prior) - 1; i >= 0; i-- {
		if canHurt(prior[i]) && sameTime(prior[i], ev) {
			return prior[i]
		}
	}
	for i := len(x.res.Events) - 1; i >= 0; i-- {
		h := x.res.Events[i]
		if h.sentence < s.idx-2 {
			break
		}
		if canHurt(h) && sameTime(h, ev) {
			return h
		}
	}
	return nil
}

// shareDate gives an undated a the date of b: "हमले में रविवार शाम तीन
// लोग मारे गए" dates the attack too.
func shareDate(a, b *Event) {
	if a.Date.IsZero() && a.DateText == "" && b.DateText != "" {
		a.Date, a.EndDate, a.DateText, a.DateBasis, a.Offset = b.Date, b.EndDate, b.DateText, b.DateBasis, b.Offset
	}
}

// sameTime reports whether two events can be at one time: one is undated,
// or the text gives both the same date.
func sameTime(a, b *Event) bool {
	return a.Date.IsZero() || b.Date.IsZero() || a.Date == b.Date
}

// canHurt: an event of a class in a domain whose events kill or injure.
func canHurt(ev *Event) bool {
	if ev.flags.Casualty != "" {
		return false
	}
	t, ok := schema.LookupEvent(ev.Class)
	if !ok {
		return false
	}
	switch t.Domain {
	case "conflict", "crime", "disaster", "accident":
		return true
	}
	return false
}
