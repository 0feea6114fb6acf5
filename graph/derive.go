package graph

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// What one article contributes to the derived layer, computed from its
// stored quads alone, so that removing the article derives exactly what
// loading it added. Every list is sorted: the same quads in any order
// derive the same values.
type derived struct {
	// quads are index and claim quads that belong to this article alone
	// (event rows, bucket members, a claim's support by this article).
	quads []quad.Quad
	// months are the buckets this article has members in: an index node
	// lists a bucket while any article has a member there.
	months []quad.Quad
	// claims this article supports.
	claims map[quad.IRI]*support
	// descs is what it asserts about each entity (the description literal).
	descs map[quad.IRI]quad.Value
	// mentions are the entities it mentions; published its date;
	// eventsOf counts the events (not offices) each entity takes part in.
	mentions   []quad.IRI
	published  string
	eventsOf   map[quad.IRI]int
	reportedOf map[quad.IRI]int // the events and offices each source reports
	nEvents    int              // its events (not offices)
	// sigs are its events' keys for finding other reports of them.
	sigs []eventSig
	// events are its events and positions.
	events []quad.IRI
}

// support is one article's support of a claim.
type support struct {
	s, rel, o quad.IRI
	article   quad.IRI
	events    []quad.IRI
	sources   []quad.IRI
	date      string // latest date of the supporting events, else the publication date
}

// eventSig places an event where reports of the same event meet: one
// index node per class, participants and period.
type eventSig struct {
	ev      quad.IRI
	node    quad.IRI // index node of (class, participants, period)
	key     string   // class and participants
	date    string
	article quad.IRI
}

// event is what the derived layer reads of an event or position node.
type event struct {
	iri       quad.IRI
	classes   []string
	position  bool
	isEvent   bool
	labelEN   string
	label     string
	date, end string
	modality  string
	reporters []quad.IRI
	evidence  []string
	starts    []int
	ends      []int
	roles     map[string][]quad.IRI // role local name -> fillers
	relation  string                // a position's kg:relation
	generic   bool                  // kg:generic: a clause no frame covers
}

// partnerRoles are the roles of those who act together in an event: the
// roles of the "participants" column of timeline, and of co-participation
// claims.
var partnerRoles = []string{"agent", "participant", "recipient", "addressee", "patient", "target", "involves"}

var roleNames = func() map[quad.IRI]string {
	m := map[quad.IRI]string{}
	for _, r := range schema.Roles {
		m[r] = schema.LocalName(r)
	}
	return m
}()

// derive computes what an article's stored quads add to the derived layer.
func derive(art quad.IRI, qs []quad.Quad) *derived {
	d := &derived{claims: map[quad.IRI]*support{}, descs: descriptionsOf(qs), eventsOf: map[quad.IRI]int{}, reportedOf: map[quad.IRI]int{}}
	id := strings.TrimPrefix(string(art), schema.ArticleNS)
	evs := map[quad.IRI]*event{}
	get := func(n quad.IRI) *event {
		e := evs[n]
		if e == nil {
			e = &event{iri: n, roles: map[string][]quad.IRI{}}
			evs[n] = e
		}
		return e
	}
	var published string
	type edge struct{ s, p, o quad.IRI }
	var edges []edge
	for _, q := range qs {
		sub, _ := q.Subject.(quad.IRI)
		if sub == art {
			switch q.Predicate {
			case schema.DatePublished:
				published = schema.Text(q.Object)
			case schema.Mentions:
				if o, ok := q.Object.(quad.IRI); ok {
					d.mentions = append(d.mentions, o)
				}
			}
			continue
		}
		if strings.HasPrefix(string(sub), schema.EventNS) {
			e := get(sub)
			switch q.Predicate {
			case schema.Type:
				c, _ := q.Object.(quad.IRI)
				switch c {
				case schema.Event:
					e.isEvent = true
				case schema.Position:
					e.position = true
				default:
					e.classes = append(e.classes, schema.LocalName(c))
				}
			case schema.Label:
				if ls, ok := q.Object.(quad.LangString); ok && ls.Lang == "en" {
					e.labelEN = string(ls.Value)
				} else if e.label == "" || schema.Text(q.Object) < e.label {
					e.label = schema.Text(q.Object)
				}
			case schema.Date:
				e.date = schema.Text(q.Object)
			case schema.EndDate:
				e.end = schema.Text(q.Object)
			case schema.Modality:
				e.modality = schema.Text(q.Object)
			case schema.ReportedBy:
				if o, ok := q.Object.(quad.IRI); ok {
					e.reporters = append(e.reporters, o)
				}
			case schema.Evidence:
				e.evidence = append(e.evidence, schema.Text(q.Object))
			case schema.EvidenceAt:
				if n, err := strconv.Atoi(schema.Text(q.Object)); err == nil {
					e.starts = append(e.starts, n)
				}
			case schema.EvidenceEnd:
				if n, err := strconv.Atoi(schema.Text(q.Object)); err == nil {
					e.ends = append(e.ends, n)
				}
			case schema.Relation:
				e.relation = schema.Text(q.Object)
			case schema.Generic:
				e.generic = schema.Text(q.Object) == "true"
			default:
				p, _ := q.Predicate.(quad.IRI)
				if r, ok := roleNames[p]; ok {
					if o, ok := q.Object.(quad.IRI); ok {
						e.roles[r] = append(e.roles[r], o)
					}
				}
			}
			continue
		}
		p, _ := q.Predicate.(quad.IRI)
		o, _ := q.Object.(quad.IRI)
		if strings.HasPrefix(string(p), schema.RelNS) && isEntity(sub) && isEntity(o) && sub != o {
			edges = append(edges, edge{sub, p, o})
		}
	}
	sortIRIs(d.mentions)
	d.published = published
	order := make([]quad.IRI, 0, len(evs))
	for n, e := range evs {
		if e.isEvent || e.position {
			order = append(order, n)
		}
	}
	sortIRIs(order)
	d.events = order
	add := func(s quad.IRI, p quad.IRI, o quad.Value, g quad.IRI) {
		d.quads = append(d.quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
	}
	months := map[qkey]quad.Quad{}
	member := func(index quad.IRI, kind string, e *event) {
		m := bucketMonth(e.date)
		keys := []string{m}
		if e.end != "" {
			keys = append(keys, "span")
		}
		for _, k := range keys {
			entry := k
			if kind != "" {
				entry = kind + "/" + k
			}
			add(schema.Bucket(index, kind, k), schema.IndexMember, quad.String(memberKey(e, id)), schema.IndexGraph)
			mq := quad.Quad{Subject: index, Predicate: schema.IndexMonth, Object: quad.String(entry), Label: schema.IndexGraph}
			months[quadKey(mq)] = mq
		}
	}
	for _, n := range order {
		e := evs[n]
		normalize(e)
		add(schema.RowIRI(n), schema.IndexRow, quad.String(rowJSON(e, id)), schema.IndexGraph)
		if e.isEvent {
			member(schema.TimelineIndex, "", e)
			d.nEvents++
			for _, f := range e.fillers() {
				d.eventsOf[f]++
			}
		}
		for _, r := range e.reporters {
			d.reportedOf[r]++
		}
		// each shared entity's own date buckets: the events and offices
		// it has a role in, and those it is the source of, so that its
		// timeline reads its own events in date order
		for _, f := range e.fillers() {
			if idx, ok := schema.IndexOf(f); ok && !isLocal(f) {
				member(idx, schema.EntityEvents, e)
			}
		}
		for _, r := range uniqIRIs(append([]quad.IRI(nil), e.reporters...)) {
			if idx, ok := schema.IndexOf(r); ok && !isLocal(r) {
				member(idx, schema.EntityReported, e)
			}
		}
		// and each pair of them: the events both take part in
		for _, pn := range pairIndexes(e.fillers()) {
			member(pn, "", e)
		}
		if sig, ok := e.signature(art); ok {
			d.sigs = append(d.sigs, sig)
			add(sig.node, schema.IndexMember, quad.String(sig.date+"|"+string(n)), schema.IndexGraph)
		}
	}
	for _, mq := range months {
		d.months = append(d.months, mq)
	}
	sortQuads(d.months)

	// Claims: every direct edge between two entities, every office, and
	// every pair of partners of an event with no direct edge between them.
	claim := func(s, rel, o quad.IRI, evIRIs []quad.IRI) {
		c := schema.ClaimIRI(s, rel, o)
		sp := d.claims[c]
		if sp == nil {
			sp = &support{s: s, rel: rel, o: o, article: art}
			d.claims[c] = sp
		}
		sp.events = append(sp.events, evIRIs...)
	}
	related := map[[2]quad.IRI]bool{}
	for _, e := range edges {
		related[[2]quad.IRI{e.s, e.o}], related[[2]quad.IRI{e.o, e.s}] = true, true
		var with []quad.IRI
		for _, n := range order {
			if ev := evs[n]; ev.has(e.s) && ev.has(e.o) {
				with = append(with, n)
			}
		}
		claim(e.s, e.p, e.o, with)
	}
	for _, n := range order {
		e := evs[n]
		if e.position {
			h, of := first(e.roles["holder"]), first(e.roles["of"])
			if e.relation != "" && isEntity(h) && isEntity(of) && h != of {
				claim(h, schema.Rel(e.relation), of, []quad.IRI{n})
			}
			continue
		}
		var partners []quad.IRI
		for _, r := range partnerRoles {
			for _, f := range e.roles[r] {
				if isEntity(f) {
					partners = append(partners, f)
				}
			}
		}
		partners = uniqIRIs(partners)
		for i, a := range partners {
			for _, b := range partners[i+1:] {
				if related[[2]quad.IRI{a, b}] {
					continue
				}
				claim(a, schema.WithRelation(e.typ(), e.modality), b, []quad.IRI{n})
			}
		}
	}
	for c, sp := range d.claims {
		sp.events = uniqIRIs(sp.events)
		for _, n := range sp.events {
			e := evs[n]
			sp.sources = append(sp.sources, e.reporters...)
			if e.date != "" {
				sp.date = later(sp.date, e.date)
			}
		}
		sp.sources = uniqIRIs(sp.sources)
		if sp.date == "" {
			sp.date = published
		}
		// an article is named only when no event of it supports the
		// claim: an event's IRI names its article
		sup := schema.ClaimSupport(c)
		if len(sp.events) == 0 {
			add(sup, schema.ClaimArticle, art, schema.ClaimGraph)
		}
		for _, n := range sp.events {
			add(sup, schema.ClaimEvent, anyURI(n), schema.ClaimGraph)
		}
	}
	sortQuads(d.quads)
	return d
}

// pairIndexes are the pair event index nodes (schema.PairEvents) of every
// two shared entities among an event's fillers.
func pairIndexes(fillers []quad.IRI) []quad.IRI {
	var shared []quad.IRI
	for _, f := range fillers {
		if _, ok := schema.IndexOf(f); ok && !isLocal(f) {
			shared = append(shared, f)
		}
	}
	shared = uniqIRIs(shared)
	var out []quad.IRI
	for i, a := range shared {
		for _, b := range shared[i+1:] {
			if n, ok := schema.PairEvents(a, b); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// normalize sorts what an event has several of, so rows do not depend on
// the order quads were read in.
func normalize(e *event) {
	sort.Strings(e.classes)
	sort.Ints(e.starts)
	sort.Ints(e.ends)
	sort.Strings(e.evidence)
	sortIRIs(e.reporters)
	for r, l := range e.roles {
		e.roles[r] = uniqIRIs(l)
	}
}

// typ is the event's class: the first of its classes in name order.
func (e *event) typ() string {
	if len(e.classes) > 0 {
		return e.classes[0]
	}
	return "Event"
}

func (e *event) has(ent quad.IRI) bool {
	for _, l := range e.roles {
		for _, f := range l {
			if f == ent {
				return true
			}
		}
	}
	return false
}

// fillers are the entities in any role of the event, sorted.
func (e *event) fillers() []quad.IRI {
	var out []quad.IRI
	for _, l := range e.roles {
		out = append(out, l...)
	}
	return uniqIRIs(out)
}

// firstEvidence is the event's first sentence in text order and its
// offsets. The offsets sort by place; a sentence is matched to the first
// pair whose length it has (the model stores sentences and offsets as
// separate literals).
func (e *event) firstEvidence() (string, int, int, bool) {
	if len(e.evidence) == 0 {
		return "", 0, 0, false
	}
	if len(e.starts) == 0 || len(e.starts) != len(e.ends) {
		return e.evidence[0], 0, 0, false
	}
	start, end := e.starts[0], e.ends[0]
	// ends sort like starts: sentences do not overlap
	for _, s := range e.evidence {
		if utf8.RuneCountInString(s) == end-start {
			return s, start, end, true
		}
	}
	return e.evidence[0], start, end, true
}

// signature is where other reports of the event are looked for: an event
// with a date and at least two shared entities in its roles (one is too
// little to tell one protest or condemnation from another).
func (e *event) signature(art quad.IRI) (eventSig, bool) {
	if !e.isEvent || e.date == "" {
		return eventSig{}, false
	}
	var ents []string
	for _, f := range e.fillers() {
		if isEntity(f) && !isLocal(f) {
			ents = append(ents, string(f))
		}
	}
	if len(ents) < 2 {
		return eventSig{}, false
	}
	key := strings.Join(e.classes, ",") + "|" + strings.Join(ents, " ")
	return eventSig{ev: e.iri, key: key, node: schema.SameEventIRI(key + "|" + period(e.date)), date: e.date, article: art}, true
}

// row is an event's row in the index: what timeline, claims and evidence
// show of it, with entity IRIs in its roles (labels are read when shown,
// since they belong to the entity graph).
type row struct {
	Article  string              `json:"a"`
	Ordinal  int                 `json:"n"`
	Type     string              `json:"t"`
	Label    string              `json:"l,omitempty"`
	Date     string              `json:"d,omitempty"`
	End      string              `json:"e,omitempty"`
	Modality string              `json:"m,omitempty"`
	Reporter []string            `json:"r,omitempty"`
	Generic  bool                `json:"g,omitempty"`
	Evidence string              `json:"v,omitempty"`
	Start    *int                `json:"vs,omitempty"`
	Stop     *int                `json:"ve,omitempty"`
	Position bool                `json:"pos,omitempty"`
	Roles    map[string][]string `json:"roles,omitempty"`
}

func rowJSON(e *event, articleID string) string {
	r := row{Article: articleID, Ordinal: ordinal(e.iri), Type: e.typ(), Date: e.date, End: e.end, Modality: e.modality, Position: e.position}
	r.Label = e.labelEN
	if r.Label == "" {
		r.Label = e.label
	}
	for _, rep := range e.reporters {
		r.Reporter = append(r.Reporter, string(rep))
	}
	r.Generic = e.generic
	if v, s, t, ok := e.firstEvidence(); ok {
		r.Evidence, r.Start, r.Stop = v, &s, &t
	} else {
		r.Evidence = v
	}
	if len(e.roles) > 0 {
		r.Roles = map[string][]string{}
		for k, l := range e.roles {
			for _, f := range l {
				r.Roles[k] = append(r.Roles[k], string(f))
			}
		}
	}
	b, _ := json.Marshal(r) // maps marshal in key order
	return string(b)
}

// memberKey is a bucket member: "DATE END ARTICLE NNNNNN IRI", sortable as
// a string by date, end date, article and place in the article. A space
// sorts before "-", so 2025-08 comes before 2025-08-13, as in byDate.
func memberKey(e *event, articleID string) string {
	return fmt.Sprintf("%s %s %s %06d %s", e.date, e.end, articleID, ordinal(e.iri), string(e.iri))
}

// bucketMonth is the bucket of a date: its year and month, the year alone
// for a date given as a year, "undated" for none.
func bucketMonth(d string) string {
	switch {
	case d == "":
		return "undated"
	case len(d) >= 7:
		return d[:7]
	}
	return d
}

// period is the part of a date that reports of one event must share to be
// compared: its year and month, or its year.
func period(d string) string {
	if len(d) >= 7 {
		return d[:7]
	}
	return d
}

// compatibleDates: one date is the other or contains it (2024-06 contains
// 2024-06-12; 2024 contains both).
func compatibleDates(a, b string) bool {
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

func ordinal(ev quad.IRI) int {
	n, err := strconv.Atoi(schema.LocalName(ev))
	if err != nil {
		return 0
	}
	return n
}

// dateFrom is the first day a partial date can mean, for comparing.
func dateFrom(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

// later is the later of two partial dates ("" is none); at the same first
// day the more precise one.
func later(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	if fa, fb := dateFrom(a), dateFrom(b); fa != fb {
		if fb > fa {
			return b
		}
		return a
	}
	if b > a {
		return b
	}
	return a
}

// earlier is the earlier of two partial dates ("" is none).
func earlier(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	if fa, fb := dateFrom(a), dateFrom(b); fa != fb {
		if fb < fa {
			return b
		}
		return a
	}
	if b < a {
		return b
	}
	return a
}

// typedDate is a partial date as the literal kg stores dates as.
func typedDate(d string) quad.Value {
	t := schema.XSDDate
	switch len(d) {
	case 4:
		t = schema.XSDGYear
	case 7:
		t = schema.XSDGYearMonth
	}
	return quad.TypedString{Value: quad.String(d), Type: t}
}

func anyURI(iri quad.IRI) quad.Value {
	return quad.TypedString{Value: quad.String(iri), Type: schema.XSDAnyURI}
}

func isEntity(iri quad.IRI) bool { return strings.HasPrefix(string(iri), schema.EntityNS) }

// isLocal: an entity scoped to one article (a group of "sappers").
func isLocal(iri quad.IRI) bool { return strings.HasPrefix(string(iri), schema.EntityNS+"local/") }

func first(l []quad.IRI) quad.IRI {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

func sortIRIs(l []quad.IRI) { sort.Slice(l, func(i, j int) bool { return l[i] < l[j] }) }

func uniqIRIs(l []quad.IRI) []quad.IRI {
	sortIRIs(l)
	out := l[:0]
	for i, x := range l {
		if i == 0 || x != l[i-1] {
			out = append(out, x)
		}
	}
	return out
}
