package extract

import (
	"strings"

	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/schema"
)

// Filling an event's roles from the noun phrases of its clause.

// roles fills an event's roles from the clause's noun phrases. A phrase
// before the trigger goes to the first trigger after it whose frame has a
// role for its case marker (Hindi puts arguments before their verb); the
// ने phrase is every finite event's agent. In a passive ("… गिरफ्तार किया
// गया") and with an undergoer verb ("12 लोग मारे गए") the bare subject is
// the one the event happens to, and only a द्वारा phrase names the agent.
func (x *extractor) roles(cc *clauseCtx, triggers []event.Trigger, ti int, ev *Event, assigned map[*chunk]bool, prior []*Event) {
	s := cc.s
	t := triggers[ti]
	f := t.Frame
	undergoes := t.Passive || t.Intransitive || f.Flags.Undergoer
	// agent: the clause's, unless the trigger is a nominal that the ने
	// phrase does not act in ("बातचीत की जानकारी")
	agentOK := !t.Nominal
	if t.Nominal && t.End < cc.cl.end && x.d.cues["within"].at(s.norms, t.End) > 0 {
		// "इस हमले में चरमपंथियों ने …" acts in it; in "पत्रकारों ने
		// हमले में बचे लोगों की मदद की" the phrase before the nominal acts
		// in the clause's verb, and the nominal only sets a participle's
		// scene. Talk and events among equals take it either way: "X ने
		// चैनल से बातचीत में कहा" spoke in the interview.
		agentOK = f.Flags.Symmetric || f.Flags.Say || f.Flags.Tell || !agentPhraseBefore(cc, t.Start)
		// "हमले में घायल हुए लोगों का हाल जानने … पहुंचे": a participle
		// right after the postposition is what happened in it; the
		// clause's subject acts elsewhere
		after := t.End + x.d.cues["within"].at(s.norms, t.End)
		for _, u := range triggers {
			if u.Start == after && u.Frame.Flags.Undergoer && !f.Flags.Symmetric {
				agentOK = false
			}
		}
		// "मुकाबले के दौरान समर्थकों ने नारे लगाए": during says when the
		// clause's verb happens; an event among equals (a match, talks)
		// is the ने phrase's only when it speaks in it ("बातचीत के दौरान X
		// ने कहा"). A visit or an attack during which its subject acts is
		// still the subject's.
		if agentOK && f.Flags.Symmetric && x.d.cues["during"].at(s.norms, t.End) > 0 {
			says := false
			for _, u := range triggers {
				says = says || u.Start > t.End && (u.Frame.Flags.Say || u.Frame.Flags.Tell)
			}
			agentOK = says
		}
	}
	// "X ने यात्रा शुरू की और इसी साल चुनाव होने हैं": what happens (a
	// light verb होना) has no ने agent; that ने phrase acts in another verb
	if agentOK && t.LightEnd > t.LightStart && x.d.frames.Intransitive(s.norms[t.LightStart]) && x.ergativeBefore(cc, t.Start) {
		agentOK = false
	}
	if agentOK {
		ev.Roles[schema.RoleAgent] = append([]*Ent{}, x.agentFor(cc, t, prior)...)
		cc.curAgent = ev.Roles[schema.RoleAgent]
		if cc.agentChunk != nil {
			x.noteGroup(cc, ev, cc.agentChunk, ev.Roles[schema.RoleAgent], prior)
		}
		// the subject of a passive or an undergoer verb undergoes it
		if undergoes && cc.agentChunk != nil {
			role := undergoerRole(f)
			ev.Roles[role] = appendUnique(ev.Roles[role], ev.Roles[schema.RoleAgent]...)
			ev.Roles[schema.RoleAgent] = nil
			cc.curAgent = nil
		}
	}
	// "X को इस्तीफ़ा देना पड़ा": the dative phrase before a compelled verb
	// is its subject, and acts (not a ने phrase: "Y ने X को … पड़ा" is rare
	// and means Y)
	// ("X को अपने दादा को घर ले जाना था": X, not the place after)
	if ok, _ := x.obliged(s, t); ok && !t.Passive && !f.Flags.Say && len(x.ergativeChunks(cc)) == 0 {
		for _, c := range cc.chunks {
			if c.post != "को" || c.consumed || assigned[c] || c.start >= t.Start {
				continue
			}
			if ents := x.resolve1(c, cc, prior); len(ents) > 0 && ents[0].isAgentLike() {
				ev.Roles[schema.RoleAgent] = ents
				cc.curAgent = ents
				assigned[c] = true
			}
			break
		}
	}
	// a participle before its noun ("मारे गए जवानों के हथियार"): the noun
	// undergoes it, not the clause's subject
	participle := false
	if undergoes {
		for _, c := range cc.chunks {
			if c.start == t.GroupEnd && !c.consumed && c.pronoun == "" && len(c.ents) > 0 && c.post != "" {
				participle = true
			}
		}
	}
	if participle && cc.agentChunk != nil {
		// the subject read as undergoer above is the clause's, not this one's
		ev.Roles[undergoerRole(f)] = nil
	}
	if undergoes && !participle && cc.subject != nil && !assigned[cc.subject] && cc.subject.start < t.Start && cc.subject != cc.agentChunk {
		if ents := x.resolve1(cc.subject, cc, prior); len(ents) > 0 {
			role := undergoerRole(f)
			// "हजारों पुलिसकर्मी मुंबई तैनात किए गए": a bare place is where
			if role == schema.RoleTheme && bareWhere(f, ents[0]) {
				role = schema.RoleLocation
			}
			ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
			assigned[cc.subject] = true
			x.noteGroup(cc, ev, cc.subject, ents, prior)
		}
	}
	// reflexive possessive before a nominal trigger: "अपनी आने वाली बैठक"
	if t.Nominal {
		for k := t.Start - 1; k >= cc.cl.start && k >= t.Start-4; k-- {
			if x.d.anaphora["reflexive"].at(s.norms, k) > 0 {
				role := schema.RoleParticipant
				if r, ok := f.Roles["gen"]; ok {
					role = r
				}
				// "सरकार ने अपनी जांच में …": one's own investigation
				// is the one made, not undergone, by the clause's agent
				// "अपनी जापान यात्रा": one's own visit is made by
				// the agent, who is not where it goes
				if role == schema.RoleTheme || role == schema.RolePatient || role == schema.RoleTarget || role == schema.RoleDestination {
					role = schema.RoleAgent
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
		if x.inInfinitive(s, c, t, triggers) || x.inParticiple(s, c, t) {
			continue
		}
		// "'X स्टोरी' नाम की वेबसाइट": a bare name inside a quoted title is
		// part of the title, no one the event is about
		if c.post == "" && x.insideQuote(s, c.start, c.end) {
			continue
		}
		// "मोदी के विरोधियों को देशद्रोही बताया" calls the opponents
		if f.Flags.Predicative && (c.qualifies || c.lifted) {
			continue
		}
		// a noun used alone takes only the phrases right before it ("X की",
		// "X के बीच"); those further back belong to the clause's verb
		// — or the first genitive before a participle phrase that ends
		// right before it ("X की दिल्ली की जेल में हुई फांसी": X's)
		if t.Nominal && t.Start-c.postEnd > 3 && !(isGenitive(c.post) && t.Start-c.postEnd <= 8 && x.participleBefore(s, t.Start) && firstGenitive(cc, c, prevEnd)) {
			continue
		}
		role := x.roleFor(f, c, cc, t)
		if role == "" {
			continue
		}
		// द्वारा belongs to the trigger only if no participle stands between
		if role == schema.RoleAgent && (c.post == "द्वारा" || c.post == "के द्वारा") {
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
		ents := x.resolve1(c, cc, prior)
		if len(ents) == 0 {
			continue
		}
		assigned[c] = true
		ev.Roles[role] = appendUnique(ev.Roles[role], ents...)
		x.noteGroup(cc, ev, c, ents, prior)
	}
	// an argument after the verb, in the inverted order of emphasis: "…
	// का ख़िताब मिला एमा स्टोन को": the phrase right after the clause's last
	// verb group fills a role the frame has and the event lacks
	if !t.Nominal && ti == len(triggers)-1 {
		for _, c := range cc.chunks {
			if c.start != t.GroupEnd || c.consumed || assigned[c] || c.post == "" || isGenitive(c.post) {
				continue
			}
			if role := x.roleFor(f, c, cc, t); role != "" && role != schema.RoleAgent && len(ev.Roles[role]) == 0 {
				if ents := x.resolve1(c, cc, prior); len(ents) > 0 {
					ev.Roles[role] = appendUnique(nil, ents...)
					assigned[c] = true
				}
			}
		}
	}
	// a participle before its noun: "मारे गए जवानों", "घायल लोगों को": the
	// noun after the verb group is the one the event happened to
	if undergoes && len(ev.Roles[undergoerRole(f)]) == 0 {
		for _, c := range cc.chunks {
			if c.start == t.GroupEnd && !c.consumed && !assigned[c] {
				if ents := x.resolve1(c, cc, prior); len(ents) > 0 {
					ev.Roles[undergoerRole(f)] = appendUnique(nil, ents...)
					assigned[c] = true
					x.noteGroup(cc, ev, c, ents, prior)
				}
			}
		}
	}
	// a name right before a nominal qualifies it: "भारत-पाक वार्ता" are talks
	// between India and Pakistan, "प्योंगयांग यात्रा" a visit to Pyongyang
	if role := f.Roles["compound"]; role != "" {
		for _, c := range cc.chunks {
			if c.end == t.Start && c.post == "" && !c.consumed && !assigned[c] && c.pronoun == "" && len(c.ents) > 0 {
				role := role
				// "रूसी बमबारी": a country (or its demonym) attacks; "मुंबई
				// हमला": a city is where
				if role == schema.RoleAgent && c.ents[0].isPlace() && c.ents[0].Type != "Country" {
					role = schema.RoleLocation
				}
				// "ड्रोन हमले": a thing is what an attack is made with
				if role == schema.RoleAgent && c.ents[0].Type == "Thing" {
					continue
				}
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
	if f.Flags.Self {
		for _, c := range cc.chunks {
			if c.start <= t.Start && t.Start < c.end && len(c.ents) > 0 {
				ev.Roles[schema.RoleTheme] = appendUnique(ev.Roles[schema.RoleTheme], c.ents...)
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
	// a result's margin: "134 रनों से हारी", "पांच विकेट से हराया"
	if et, _ := schema.LookupEvent(ev.Class); et.Domain == "sports" && ev.Quantity == 0 {
		for k := cc.cl.start; k+2 < t.Start; k++ {
			if x.d.is("margin-unit", s.norms[k+1]) && s.norms[k+2] == "से" {
				if v, ok := parseDigits(s.norms[k]); ok {
					ev.Quantity = v
				} else if nw, ok := x.d.numbers[s.norms[k]]; ok && nw.value > 0 && !nw.multiplier {
					ev.Quantity = nw.value
				}
			}
		}
	}
	// nobody does what happens to an undergoer ("मारे गए", "घायल हुए")
	// but the one a द्वारा phrase names
	if f.Flags.Undergoer {
		var by []*Ent
		for _, c := range cc.chunks {
			if (c.post == "द्वारा" || c.post == "के द्वारा") && c.start < t.Start {
				by = append(by, x.resolve1(c, cc, prior)...)
			}
		}
		ev.Roles[schema.RoleAgent] = by
	}
	// a purpose infinitive's subject is the clause's: "उनका स्वागत करने के
	// लिए मुख्यमंत्री X मौजूद थे" — X is who welcomes
	if len(ev.Roles[schema.RoleAgent]) == 0 && !t.Nominal {
		if e := max(t.VerbEnd(), t.GroupEnd); e < cc.cl.end && x.isInfinitive(s, e-1, nil) && x.d.cues["purpose"].at(s.norms, e) > 0 {
			for _, c := range cc.chunks {
				if c.start > e && c.post == "" && !c.consumed && c.pronoun == "" && len(c.ents) > 0 && c.ents[0].isAgentLike() {
					ev.Roles[schema.RoleAgent] = append([]*Ent{}, c.ents...)
					break
				}
			}
		}
	}
	// a symmetric event's agent also takes part; the agent of an agentless
	// symmetric event is its first participant
	if ev.symmetric() && len(ev.Roles[schema.RoleAgent]) == 0 && len(ev.Roles[schema.RoleParticipant]) > 1 {
		ev.Roles[schema.RoleAgent] = ev.Roles[schema.RoleParticipant][:1]
		ev.Roles[schema.RoleParticipant] = ev.Roles[schema.RoleParticipant][1:]
	}
	dropAgentsFromRoles(ev)
	// a film, a book or a phone comes out; no person does
	if x.d.cues["thing-undergoer"].at(fold(string(ev.Class)), 0) > 0 {
		for _, r := range []schema.Role{schema.RolePatient, schema.RoleTheme} {
			var keep []*Ent
			for _, e := range ev.Roles[r] {
				if e.Type != "Person" {
					keep = append(keep, e)
				}
			}
			ev.Roles[r] = keep
		}
	}
	// the one arrested, acquitted or killed is someone, never a place or a
	// thing ("मुंबई हमलों … के मामले में बरी" acquits no city)
	if x.d.cues["person-undergoer"].at(fold(string(ev.Class)), 0) > 0 {
		for _, r := range []schema.Role{schema.RolePatient, schema.RoleTheme, schema.RoleRecipient} {
			var keep []*Ent
			for _, e := range ev.Roles[r] {
				if e.isAgentLike() {
					keep = append(keep, e)
				}
			}
			ev.Roles[r] = keep
		}
	}
}

// firstGenitive reports whether c is the first genitive phrase of the
// clause from word from on.
func firstGenitive(cc *clauseCtx, c *chunk, from int) bool {
	for _, o := range cc.chunks {
		if o.start >= from && isGenitive(o.post) {
			return o == c
		}
	}
	return false
}

// ergativeBefore reports whether a ने phrase or an ergative pronoun
// (उन्होंने) stands in the clause before word k.
func (x *extractor) ergativeBefore(cc *clauseCtx, k int) bool {
	s := cc.s
	for i := cc.cl.start; i < k; i++ {
		if w := s.norms[i]; x.d.is("ergative", w) || x.d.anaphora["agent"].at(s.norms, i) > 0 ||
			strings.HasSuffix(w, "ने") && x.d.anaphora["speaker"].at(s.norms, i) > 0 {
			return true
		}
	}
	return false
}

// participleBefore reports whether a participle phrase ends right before
// word k ("… में हुई").
func (x *extractor) participleBefore(s *sentence, k int) bool {
	for l := 1; l <= 2 && k-l >= 0; l++ {
		if x.d.cues["participle-end"].at(s.norms, k-l) == l {
			return true
		}
	}
	return false
}

// undergoerRole is the role the subject of a passive or an undergoer verb
// fills: the frame's object role, else the theme.
func undergoerRole(f *event.Frame) schema.Role {
	if r, ok := f.Roles["∅"]; ok {
		return r
	}
	if r, ok := f.Roles["को"]; ok && r != schema.RoleRecipient && r != schema.RoleDestination {
		return r
	}
	return schema.RoleTheme
}

// agentFor: the ने phrase nearest before the trigger ("X ने … V1 तथा Y ने
// … V2"), else the clause's agent. A passive has no ने agent.
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
func (x *extractor) roleFor(f *event.Frame, c *chunk, cc *clauseCtx, t event.Trigger) schema.Role {
	key := c.post
	switch {
	case key == "द्वारा" || key == "के द्वारा":
		return schema.RoleAgent
	case key == "":
		key = "∅"
	case isGenitive(key):
		// a genitive counts only for the noun right after it (up to three
		// words between: "X की आगामी यात्रा"), or across a participle
		// phrase that ends right before it ("X की दिल्ली की तिहाड़ जेल में
		// हुई फांसी")
		if d := t.Start - c.postEnd; d > 3 && !(d <= 8 && x.participleBefore(cc.s, t.Start)) {
			return ""
		}
		// "X के सहयोग की अपील": X is whose the help is, not who appeals
		for k := c.postEnd; k < t.Start; k++ {
			if isGenitive(cc.s.norms[k]) && !x.participleBefore(cc.s, t.Start) {
				return ""
			}
		}
		// "X की <हमले> में मौत हो गई": the genitive is the dead's, whose
		// death the locative phrase places in the event; the dead are no
		// agents of what killed them
		if t.Nominal && t.End+1 < len(cc.s.norms) && x.d.is("locative", cc.s.norms[t.End]) &&
			x.d.cues["death-head"].at(cc.s.norms, t.End+1) > 0 {
			return ""
		}
		key = "gen"
	}
	role := f.Roles[key]
	// "X की फ़िल्म Y में किरदार निभाया": a genitive lifted over a work
	// noun names the work's maker, not the work an event is in or about
	if c.qualifies && role == schema.RoleTheme && x.liftedOverWork(cc.s, c) {
		return ""
	}
	// "रासायनिक हथियारों के हमले": a thing is what an event is made with,
	// not who acts
	if key == "gen" && role == schema.RoleAgent && len(c.ents) > 0 && c.ents[0].Type == "Thing" {
		return ""
	}
	// "दमिश्क के हमले": a city or a region does not act; it is where
	if key == "gen" && role == schema.RoleAgent && len(c.ents) > 0 && c.ents[0].isPlace() && c.ents[0].Type != "Country" {
		return schema.RoleLocation
	}
	if alt, ok := f.AltRoles[key]; ok && len(c.ents) > 0 && !c.ents[0].isAgentLike() {
		role = alt // "रिपोर्ट को अदालत को सौंपा": a thing is what is handed over
	}
	if role == "" {
		// a motion verb's bare place is where to: "घायलों को रायपुर ले जाया गया"
		if key == "∅" && f.Flags.Motion && len(c.ents) > 0 && c.ents[0].isPlace() {
			return schema.RoleDestination
		}
		return ""
	}
	if f.Flags.Motion && (role == schema.RoleDestination || role == schema.RoleRecipient) {
		if ents := c.ents; len(ents) > 0 {
			switch {
			case ents[0].isPlace():
				return schema.RoleDestination
			case key == "gen":
				return schema.RoleAgent // "लावरोव की यात्रा": the one who travels
			}
			return schema.RoleRecipient
		}
	}
	// a motion comes from a place: "लोगों से पूछते-पूछते पहुंचे", "X की
	// सहायता से पहुंचा" name no origin
	if f.Flags.Motion && role == schema.RoleOrigin && len(c.ents) > 0 && !c.ents[0].canBeLocation() {
		return ""
	}
	// a bare place beside what is placed is where: "48 हज़ार पुलिसकर्मी
	// मुंबई तैनात किए गए"
	if key == "∅" && role == schema.RoleTheme && len(c.ents) > 0 && bareWhere(f, c.ents[0]) {
		return schema.RoleLocation
	}
	// one speaks or appeals to someone; "बंगलौर से फ़ोन करके कहा" speaks
	// from a city, not to it
	if (role == schema.RoleRecipient || role == schema.RoleAddressee) && key == "से" && len(c.ents) > 0 && c.ents[0].isPlace() && c.ents[0].Type != "Country" {
		return ""
	}
	// a place where an occasion is expected is where the event was: "यह
	// रिकॉर्ड पटना में टूटा"
	if role == schema.RoleOccasion && len(c.ents) > 0 && c.ents[0].isPlace() {
		return schema.RoleLocation
	}
	// a person or a group of people is not where an event is ("लोगों में")
	if role == schema.RoleLocation && len(c.ents) > 0 && !c.ents[0].canBeLocation() {
		return ""
	}
	// a match is played at a place, not in a team ("टीम में आने के बाद")
	if role == schema.RoleLocation && len(c.ents) > 0 && !c.ents[0].isPlace() {
		if et, _ := schema.LookupEvent(f.Class); et.Domain == "sports" {
			return ""
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
		ev.Roles[schema.RoleInvolves] = appendUnique(ev.Roles[schema.RoleInvolves], countries...)
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

// inParticiple reports whether an object phrase belongs to a participle
// between it and the trigger: "न्यूयॉर्क टाइम्स को भेजे एक पत्र में … ने
// चेतावनी दी" — the newspaper is where the letter went, not who was warned.
func (x *extractor) inParticiple(s *sentence, c *chunk, t event.Trigger) bool {
	if c.post != "को" {
		return false
	}
	for k := c.postEnd; k < t.Start; k++ {
		if x.d.frames.Participle(s.norms[k]) {
			return true
		}
	}
	return false
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
		if !x.d.lightInfinitive[w] {
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

// agentPhraseBefore reports whether the clause's agent phrase (its ने
// phrase, else the subject that gave the agent) stands before word i.
func agentPhraseBefore(cc *clauseCtx, i int) bool {
	for _, c := range cc.chunks {
		if c.post == "ने" {
			return c.start < i
		}
	}
	return cc.agentChunk != nil && cc.agentChunk.start < i
}

// ergativeChunks returns the clause's ने phrases.
func (x *extractor) ergativeChunks(cc *clauseCtx) []*chunk {
	var out []*chunk
	for _, c := range cc.chunks {
		if c.post == "ने" {
			out = append(out, c)
		}
	}
	return out
}

// bareWhere reports whether a bare phrase naming e is where an event of
// frame f happens rather than what it places: a place short of a country
// (a country may be what is acted on), for a frame that has a place.
func bareWhere(f *event.Frame, e *Ent) bool {
	return e.isPlace() && e.Type != "Country" && f.Roles["में"] == schema.RoleLocation
}

// liftedOverWork reports whether the phrase c is a genitive lifted over a
// work noun (फ़िल्म, किताब, नाटक: names.tsv "work") to the postposition
// it now ends with.
func (x *extractor) liftedOverWork(s *sentence, c *chunk) bool {
	nd, _ := loadNameData()
	if nd == nil {
		return false
	}
	for k := c.end; k < c.postEnd && k < len(s.norms); k++ {
		if nd.works[s.norms[k]] {
			return true
		}
	}
	return false
}
