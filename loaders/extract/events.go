package extract

import (
	"time"

	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// clauseDates resolves the clause's time expressions and gives each to the
// first event after it (time adverbials precede their verb in Hindi), or to
// the last event before it.
func (x *extractor) clauseDates(cc *clauseCtx, text string, triggers []event.Trigger, events []*Event) {
	s := cc.s
	base := s.words[cc.cl.start].start
	var found []temporal.Expr
	if cc.text.Source() == text {
		found = cc.text.Find(x.pub, cc.tense)
	} else {
		found = temporal.Find(text, x.pub, cc.tense)
	}
	x.markTimeWords(cc, found, base)
	if len(events) == 0 {
		// "सोमवार को, …": a clause with a date and no event dates the next one
		for _, ex := range found {
			if ex.Kind != temporal.Anniversary && ex.Kind != temporal.Duration {
				x.pendingDates = append(x.pendingDates, ex)
			}
		}
		return
	}
	for _, ex := range x.pendingDates {
		if ev := events[0]; ev.DateText == "" {
			x.setDate(cc, ev, ex, temporal.Date{})
		}
	}
	x.pendingDates = nil
	// a time expression dates every event after it in its clause (an
	// adverbial before the verb scopes over the clause: "शनिवार को दिल्ली
	// में पत्रकारों से बातचीत के दौरान कहा"); one after every event dates
	// the event before it
	type dated struct {
		ex   temporal.Expr
		end  int // first word after the expression
		used bool
	}
	var exs []dated
	for _, ex := range found {
		if ex.Kind == temporal.Anniversary || ex.Kind == temporal.Duration {
			continue
		}
		endWord := cc.cl.start
		for k := cc.cl.start; k < cc.cl.end; k++ {
			if s.words[k].start < base+ex.End {
				endWord = k + 1
			}
		}
		exs = append(exs, dated{ex: ex, end: endWord})
	}
	// a Sequel counts from a day named before it in its clause ("शनिवार
	// को … फिर दोपहर दो बजे"), else from the event told last
	local := func(i int) temporal.Date {
		for k := i - 1; k >= 0; k-- {
			if exs[k].ex.Resolved {
				return exs[k].ex.Value
			}
		}
		return temporal.Date{}
	}
	set := func(ev *Event, i int) { x.setDate(cc, ev, exs[i].ex, local(i)) }
	for _, ev := range events {
		pick := -1
		for i := range exs {
			if exs[i].end <= ev.trig.Start {
				pick = i
			}
		}
		if pick >= 0 {
			exs[pick].used = true
			if ev.DateText == "" {
				set(ev, pick)
			}
		}
	}
	for i, d := range exs {
		if d.used {
			continue
		}
		target := events[len(events)-1]
		for _, ev := range events {
			if ev.trig.Start < d.end {
				target = ev
			}
		}
		if target.DateText == "" {
			set(target, i)
		}
	}
}

// markTimeWords notes which words of the clause are time expressions, so
// that no count is read from them ("जुलाई 2012 में आत्महत्या" is one
// death, not 2012).
func (x *extractor) markTimeWords(cc *clauseCtx, found []temporal.Expr, base int) {
	s := cc.s
	for _, ex := range found {
		for k := cc.cl.start; k < cc.cl.end; k++ {
			if s.words[k].start >= base+ex.Start && s.words[k].start < base+ex.End {
				if cc.timeWords == nil {
					cc.timeWords = map[int]bool{}
				}
				cc.timeWords[k] = true
			}
		}
	}
}

// refReach is how many sentences back the event a Sequel counts from may
// be: "उसी दिन" three paragraphs after the last date is no longer about it.
const refReach = 3

// setDate gives ev the time expression ex. A Sequel resolves against local
// (a date before it in its clause) or else the date of the event told last
// (kg:dateBasis "narrative"); its offset is kept as written. Every date
// set becomes what the next Sequel counts from.
func (x *extractor) setDate(cc *clauseCtx, ev *Event, ex temporal.Expr, local temporal.Date) {
	ev.DateText = ex.Text
	if ex.Kind == temporal.Sequel {
		ev.Offset = ex.ISODuration()
		ref := local
		if ref.IsZero() && x.refSentence >= cc.s.idx-refReach {
			ref = x.ref
		}
		if v, ok := ex.From(ref); ok {
			ev.Date, ev.EndDate, ev.DateBasis = v, temporal.Date{}, "narrative"
		}
	} else if ex.Resolved {
		ev.Date, ev.EndDate, ev.DateBasis = ex.Value, ex.EndDate, "text"
	}
	if !ev.Date.IsZero() {
		x.ref, x.refSentence = ev.Date, cc.s.idx
	}
}

// mergeEvents joins mentions of one event: the same class with compatible
// participants ("यह बातचीत", the title repeating the body), or an anaphoric
// mention with no participants of its own. The first mention stays; later
// ones add roles, sources and evidence.
func (x *extractor) mergeEvents() {
	var out []*Event
	mergedInto := map[*Event]*Event{}
	evidence := map[*Event]map[Span]bool{}
	// Mentions that can merge have the same class, or (an anaphoric one)
	// the same trigger: look only at those, latest first, and at no more
	// than mergeLookback of them, so that an article of thousands of
	// events of one class stays linear.
	byClass := map[schema.EventClass][]*Event{}
	byTrigger := map[string][]*Event{}
	pos := map[*Event]int{}
	for _, ev := range x.res.Events {
		var host *Event
		if !ev.say() && !ev.Generic {
			host = x.latestSame(ev, byClass[ev.Class], nil, pos)
			if ev.anaphoric {
				if h := x.latestSame(ev, byTrigger[ev.Trigger], host, pos); h != nil {
					host = h
				}
			}
		}
		if host == nil {
			pos[ev] = len(out)
			out = append(out, ev)
			byClass[ev.Class] = append(byClass[ev.Class], ev)
			byTrigger[ev.Trigger] = append(byTrigger[ev.Trigger], ev)
			continue
		}
		mergedInto[ev] = host
		for r, es := range ev.Roles {
			host.Roles[r] = appendUnique(host.Roles[r], es...)
		}
		// a mention that points back ("यह हमला …" in a politician's quote)
		// is a comment on the event, not a report of it
		if !ev.anaphoric {
			host.ReportedBy = appendUnique(host.ReportedBy, ev.ReportedBy...)
		}
		// a set per host: an event mentioned in thousands of sentences
		// would make a scan of its evidence per mention quadratic
		seen := evidence[host]
		if seen == nil {
			seen = map[Span]bool{}
			for _, sp := range host.Evidence {
				seen[sp] = true
			}
			evidence[host] = seen
		}
		for _, sp := range ev.Evidence {
			if !seen[sp] && len(host.Evidence) < maxEvidence {
				seen[sp] = true
				host.Evidence = append(host.Evidence, sp)
			}
		}
		if host.Date.IsZero() && !ev.Date.IsZero() {
			host.Date, host.EndDate, host.DateText, host.DateBasis = ev.Date, ev.EndDate, ev.DateText, ev.DateBasis
		}
		for e, q := range ev.qty {
			if host.qty == nil {
				host.qty = map[*Ent]int64{}
			}
			if host.qty[e] == 0 {
				host.qty[e] = q
			}
		}
		host.Themes = append(host.Themes, ev.Themes...)
		host.themeOfTheme = host.themeOfTheme || ev.themeOfTheme
		// a bare planned mention names nobody, so it cannot tell that an
		// event a verb told as done was only planned ("X तीन गेंद रहते
		// जीत गया" and a later "अगले मैच जीतने होंगे")
		if ev.Modality == schema.Planned && !(len(core(ev)) == 0 && host.Modality == schema.Asserted && !host.nominal) {
			host.Modality = schema.Planned
		}
		host.Killed, host.Injured, host.Affected = max(host.Killed, ev.Killed), max(host.Injured, ev.Injured), max(host.Affected, ev.Affected)
		host.Times = max(host.Times, ev.Times)
		if host.Ordinal == 0 {
			host.Ordinal = ev.Ordinal
		}
	}
	// themes follow the mentions they pointed at to the event that stayed
	for _, ev := range out {
		for k, t := range ev.Themes {
			for mergedInto[t] != nil {
				t = mergedInto[t]
			}
			ev.Themes[k] = t
		}
	}
	x.res.Events = out
	for _, ev := range out {
		// an event about another event ("हमले की निंदा") is about whoever
		// did it, when the text names nobody else
		if len(ev.Roles[schema.RoleTheme]) == 0 && ev.themeOfTheme {
			for _, t := range ev.Themes {
				ev.Roles[schema.RoleTheme] = appendUnique(ev.Roles[schema.RoleTheme], t.Roles[schema.RoleAgent]...)
				if t.symmetric() { // "talks between India and Pakistan": both
					ev.Roles[schema.RoleTheme] = appendUnique(ev.Roles[schema.RoleTheme], t.Roles[schema.RoleParticipant]...)
				}
			}
		}
		dropAgentsFromRoles(ev)
	}
}

// dropAgentsFromRoles keeps an agent out of the event's other roles.
func dropAgentsFromRoles(ev *Event) {
	for _, a := range ev.Roles[schema.RoleAgent] {
		for r, es := range ev.Roles {
			if r == schema.RoleAgent {
				continue
			}
			var keep []*Ent
			for _, e := range es {
				if e != a {
					keep = append(keep, e)
				}
			}
			ev.Roles[r] = keep
		}
	}
}

// coreRoles are the roles that say whom an event is about.
var coreRoles = []schema.Role{schema.RoleAgent, schema.RoleParticipant, schema.RoleTheme, schema.RoleRecipient,
	schema.RolePatient, schema.RoleTarget, schema.RoleAddressee, schema.RoleDestination}

func core(ev *Event) []*Ent {
	var out []*Ent
	for _, r := range coreRoles {
		out = appendUnique(out, ev.Roles[r]...)
	}
	return out
}

// stands reports whether an event says enough to be a fact: someone it is
// about, or, for a frame that stands with a place (a flood, a curfew), a
// place.
func stands(ev *Event) bool {
	if len(ev.flags.Needs) > 0 {
		filled := false
		for _, r := range ev.flags.Needs {
			filled = filled || len(ev.Roles[r]) > 0
		}
		if !filled {
			return false
		}
	}
	// an event among equals needs two of them, or one who acts: "टोगो के
	// राष्ट्रपति और X की मुलाकात" with X unread is no meeting with Togo
	if ev.symmetric() && len(ev.Roles[schema.RoleAgent]) == 0 && len(core(ev)) == 1 {
		return false
	}
	return len(core(ev)) > 0 || ev.flags.Place && (len(ev.Roles[schema.RoleLocation]) > 0 || len(ev.Roles[schema.RoleOrigin]) > 0) ||
		ev.Killed+ev.Injured+ev.Affected > 0 // "350 शव निकाले गए"
}

// maxEvidence bounds the evidence sentences one event keeps: the first
// ones say it; an event a text repeats ten thousand times would otherwise
// carry ten thousand, and the store's cost of writing or removing a node
// grows with the square of its quads.
const maxEvidence = 64

// mergeLookback bounds how many earlier events of its class a mention is
// compared with.
const mergeLookback = 256

// latestSame returns the latest of cands (in article order, pos) that ev
// is a mention of, if it comes after than; else than.
func (x *extractor) latestSame(ev *Event, cands []*Event, than *Event, pos map[*Event]int) *Event {
	for i := len(cands) - 1; i >= max(0, len(cands)-mergeLookback); i-- {
		c := cands[i]
		if than != nil && pos[c] <= pos[than] {
			break
		}
		if x.sameEvent(c, ev) {
			return c
		}
	}
	return than
}

func (x *extractor) sameEvent(a, b *Event) bool {
	if a.say() || b.say() || a.Generic || b.Generic {
		return false // each statement is its own
	}
	if a.Class != b.Class && !(b.anaphoric && a.Trigger == b.Trigger) {
		return false
	}
	if !a.Date.IsZero() && !b.Date.IsZero() && a.Date != b.Date {
		return false
	}
	// an undated mention that will be dated to publication is news of now;
	// one the text dates long before publication ("पिछले साल 25 मई को …
	// हमला") is another event of the same kind, unless it points back
	// ("यह हमला")
	if !b.anaphoric && (x.now(a) && x.past(b) || x.now(b) && x.past(a)) {
		return false
	}
	ca, cb := core(a), core(b)
	// a flood, a curfew, a landslide told again with its place or its day:
	// one event of its class in the article, unless the text says another
	if len(ca) == 0 && len(cb) == 0 && a.flags.Place && b.flags.Place && a.Class == b.Class {
		return !b.another && x.samePlace(a.Roles[schema.RoleLocation], b.Roles[schema.RoleLocation])
	}
	if len(cb) == 0 {
		// a bare mention merges into an earlier one only when it has no
		// date of its own ("the first exchange in 1992" is another event)
		return b.anaphoric || b.Date.IsZero()
	}
	if len(ca) == 0 {
		return false
	}
	// compatible: one's participants include the other's
	return subsetEnts(cb, ca) || subsetEnts(ca, cb)
}

// pastReach is how long before publication a dated event is no longer the
// news of the day an undated mention tells.
const pastReach = 31 * 24 * time.Hour

// now reports whether ev is undated and will take the publication date
// (publicationDates): not planned, not told as earlier.
func (x *extractor) now(ev *Event) bool {
	return ev.Date.IsZero() && ev.DateText == "" && !ev.earlier && ev.Modality != schema.Planned
}

// past reports whether the text dates ev to a time that ended more than
// pastReach before publication; an undated event is not past.
func (x *extractor) past(ev *Event) bool {
	if ev.Date.IsZero() || x.pub.IsZero() {
		return false
	}
	end := ev.Date
	if !ev.EndDate.IsZero() {
		end = ev.EndDate
	}
	return end.Last().Before(x.pub.Add(-pastReach))
}

// samePlace reports whether two events' places can be one place: one
// names none, they share one, or one lies in the other (the article's
// located_in and part_of relations, followed up to four steps).
func (x *extractor) samePlace(a, b []*Ent) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, p := range a {
		for _, q := range b {
			if p == q || x.within(p, q, 4) || x.within(q, p, 4) || x.mayLieIn(p, q) || x.mayLieIn(q, p) {
				return true
			}
		}
	}
	return false
}

// mayLieIn: a place the article does not put in any country may lie in
// the country named for the same event ("लाहौर में भूस्खलन" and
// "पाकिस्तान में भूस्खलन" in one report, when the report does not say
// where Lahore lies).
func (x *extractor) mayLieIn(p, country *Ent) bool {
	if country.Type != "Country" || p.Type == "Country" || !p.isPlace() {
		return false
	}
	for _, r := range x.res.Relations {
		if r.From == p && (r.Predicate == "located_in" || r.Predicate == "part_of") && r.To.Type == "Country" && r.To != country {
			return false
		}
	}
	return true
}

// within reports whether a lies in b.
func (x *extractor) within(a, b *Ent, steps int) bool {
	if steps == 0 {
		return false
	}
	for _, r := range x.res.Relations {
		if r.From == a && (r.Predicate == "located_in" || r.Predicate == "part_of") && (r.To == b || x.within(r.To, b, steps-1)) {
			return true
		}
	}
	return false
}

func subsetEnts(a, b []*Ent) bool {
	for _, e := range a {
		if !containsEnt(b, e) {
			return false
		}
	}
	return true
}

// inheritPlaces gives a disaster, an accident or a protest that the text
// tells without a place ("पिछले हफ़्ते बाढ़ से 150 लोगों की मौत हो गई थी")
// the place of an event of its domain in the same or the sentence before:
// news tells one region at a time.
func (x *extractor) inheritPlaces() {
	for i, ev := range x.res.Events {
		if !ev.flags.Place || len(core(ev)) > 0 || len(ev.Roles[schema.RoleLocation]) > 0 {
			continue
		}
		et, _ := schema.LookupEvent(ev.Class)
		for k := i - 1; k >= 0; k-- {
			prev := x.res.Events[k]
			if prev.sentence < ev.sentence-1 {
				break
			}
			pt, _ := schema.LookupEvent(prev.Class)
			if pt.Domain == et.Domain && len(prev.Roles[schema.RoleLocation]) > 0 {
				ev.Roles[schema.RoleLocation] = append([]*Ent{}, prev.Roles[schema.RoleLocation]...)
				break
			}
		}
	}
}

// inheritParticipants gives an event that names nobody the participants of
// the latest earlier event of its class ("इस प्रकार की सूचियों का पहला
// आदान प्रदान 1992 में हुआ था"); events that still name nobody are dropped:
// a fact needs someone it is about.
func (x *extractor) inheritParticipants() {
	var out []*Event
	// the latest event of each class that names someone, so that a run of
	// events naming nobody does not search back through all the others
	latest := map[schema.EventClass]*Event{}
	for _, ev := range x.res.Events {
		// only events among equals inherit ("the first exchange of such lists
		// was in 1992"): a passive or a report that names nobody means it
		if len(core(ev)) == 0 && !stands(ev) && ev.symmetric() {
			if prev := latest[ev.Class]; prev != nil {
				for _, r := range []schema.Role{schema.RoleAgent, schema.RoleParticipant, schema.RoleInvolves} {
					ev.Roles[r] = append([]*Ent{}, prev.Roles[r]...)
				}
			}
		}
		if !stands(ev) {
			continue
		}
		if len(core(ev)) > 0 {
			latest[ev.Class] = ev
		}
		out = append(out, ev)
	}
	x.res.Events = out
	// Themes may point at dropped events
	kept := map[*Event]bool{}
	for _, ev := range out {
		kept[ev] = true
	}
	for _, ev := range out {
		var ts []*Event
		for _, t := range ev.Themes {
			if kept[t] && t != ev {
				ts = append(ts, t)
			}
		}
		ev.Themes = ts
	}
}

// publicationDates dates an undated event that the article tells as
// having happened to the month of publication: news reports what is
// recent. kg:dateBasis "publication" says the date was inferred.
func (x *extractor) publicationDates() {
	if x.pub.IsZero() {
		return
	}
	for _, ev := range x.res.Events {
		if !ev.Date.IsZero() || ev.DateText != "" || ev.earlier || ev.Modality == schema.Planned || ev.Modality == schema.Cancelled {
			continue
		}
		ev.Date = temporal.Date{Year: x.pub.Year(), Month: int(x.pub.Month()), Gran: temporal.Month}
		ev.DateBasis = "publication"
	}
}

// splitQuantities makes one event per quantified theme: "5,000 निर्माणकर्मी
// और 1,000 सैपर भेजेगा" is two deployments, each with its number.
func (x *extractor) splitQuantities() {
	var out []*Event
	for _, ev := range x.res.Events {
		themes := ev.Roles[schema.RoleTheme]
		quantified := 0
		for _, t := range themes {
			if ev.qty[t] > 0 {
				quantified++
			}
		}
		if len(themes) < 2 || quantified < 2 {
			// the number of the one quantified participant: "1,000 सैपर",
			// "आठ अधिकारियों को"
			for _, r := range []schema.Role{schema.RoleTheme, schema.RoleRecipient, schema.RolePatient, schema.RoleTarget} {
				if es := ev.Roles[r]; len(es) == 1 && ev.qty[es[0]] > 0 && ev.Quantity == 0 {
					ev.Quantity = ev.qty[es[0]]
				}
			}
			out = append(out, ev)
			continue
		}
		for i, t := range themes {
			cp := *ev
			cp.Roles = map[schema.Role][]*Ent{}
			for r, es := range ev.Roles {
				cp.Roles[r] = es
			}
			cp.Roles[schema.RoleTheme] = []*Ent{t}
			cp.Quantity = ev.qty[t]
			out = append(out, &cp)
			if i == 0 {
				x.splitFrom[ev] = &cp
			}
		}
	}
	x.res.Events = out
}

// fixThemes points event themes at the events that remain: a split event
// at its first part; an event that was dropped is no theme.
func (x *extractor) fixThemes() {
	kept := map[*Event]bool{}
	for _, ev := range x.res.Events {
		kept[ev] = true
	}
	for _, ev := range x.res.Events {
		var ts []*Event
		for _, t := range ev.Themes {
			if r, ok := x.splitFrom[t]; ok {
				t = r
			}
			if kept[t] && t != ev {
				ts = append(ts, t)
			}
		}
		ev.Themes = ts
	}
}
