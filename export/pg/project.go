package pg

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/style"
	"github.com/kgnews/kg/schema"
)

// Bookkeeping reports whether a predicate is kg's own bookkeeping (what an
// article asserts about shared entities, the manifest of its nodes, where
// it came from), which no export shows except a raw dump of the store.
func Bookkeeping(p quad.Value) bool { return schema.IsBookkeeping(p) }

// IsNode reports whether an IRI names something drawn as a node: an entity
// or an event. Articles are not nodes; they appear as the article
// attribute of what they contributed.
func IsNode(v quad.Value) (quad.IRI, style.Kind, bool) {
	iri, ok := v.(quad.IRI)
	if !ok {
		return "", "", false
	}
	switch {
	case strings.HasPrefix(string(iri), schema.EntityNS):
		return iri, style.Entity, true
	case strings.HasPrefix(string(iri), schema.EventNS):
		return iri, style.Event, true
	}
	return "", "", false
}

// entityDescription lists the predicates of the entity graph, which are
// node attributes, not edges.
func entityDescription(p quad.Value) bool {
	return p == schema.Type || p == schema.Label || p == schema.AltLabel || p == schema.SameAs
}

type labels struct{ en, hi string }

type eventInfo struct {
	node      *Node
	reporters []quad.IRI
	evidence  []string
	roles     []quad.Quad // role quads whose object is a node
	model     Event       // for deciding which direct edges it stands for
	trigger   string
	article   quad.Value
}

// Project turns a subgraph into a property graph. It is a pure function of
// its input: the same quads give the same graph, byte for byte once written.
func Project(sub Subgraph, opts Options) *Graph {
	if opts.Lang == "" {
		opts.Lang = Both
	}
	if opts.Events == "" {
		opts.Events = EventNodes
	}
	isNode := func(v quad.Value) (quad.IRI, style.Kind, bool) {
		iri, kind, ok := IsNode(v)
		if ok && sub.Nodes != nil && !sub.Nodes[iri] {
			return "", "", false
		}
		return iri, kind, ok
	}
	lab := map[quad.IRI]*labels{}
	nodes := map[quad.IRI]*Node{}
	events := map[quad.IRI]*eventInfo{}
	node := func(iri quad.IRI, kind style.Kind) *Node {
		n := nodes[iri]
		if n == nil {
			n = &Node{ID: ID(iri), IRI: string(iri), Kind: kind}
			nodes[iri] = n
			if kind == style.Event {
				events[iri] = &eventInfo{node: n}
			}
		}
		return n
	}
	var rels []quad.Quad
	for _, q := range sub.Quads {
		if Bookkeeping(q.Predicate) {
			continue
		}
		if s, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.Label {
			if ls, ok := q.Object.(quad.LangString); ok {
				l := lab[s]
				if l == nil {
					l = &labels{}
					lab[s] = l
				}
				switch {
				case ls.Lang == schema.LangEnglish, schema.LatinLabel(ls.Lang) && l.en == "":
					l.en = string(ls.Value) // hi-Latn: a discovered name's romanised label
				case ls.Lang == schema.LangHindi:
					l.hi = string(ls.Value)
				}
			}
		}
		s, kind, ok := isNode(q.Subject)
		if !ok {
			continue
		}
		n := node(s, kind)
		if o, okind, ok := isNode(q.Object); ok && !entityDescription(q.Predicate) && q.Predicate != schema.ReportedBy {
			node(o, okind)
			if kind == style.Event {
				ev := events[s]
				ev.roles = append(ev.roles, q)
				ev.model.AddRole(q.Predicate.(quad.IRI), o)
			} else {
				rels = append(rels, q)
			}
			continue
		}
		switch q.Predicate {
		case schema.Type:
			if c, ok := q.Object.(quad.IRI); ok && c != schema.Event {
				n.Classes = appendUnique(n.Classes, schema.LocalName(c))
			}
		case schema.Label:
			if ls, ok := q.Object.(quad.LangString); ok {
				switch {
				case ls.Lang == schema.LangEnglish, schema.LatinLabel(ls.Lang) && n.LabelEN == "":
					n.LabelEN = string(ls.Value)
				case ls.Lang == schema.LangHindi:
					n.LabelHI = string(ls.Value)
				}
			} else if n.LabelEN == "" {
				n.LabelEN = text(q.Object)
			}
		case schema.AltLabel:
			n.Alt = appendUnique(n.Alt, text(q.Object))
		case schema.SameAs:
			if iri, ok := q.Object.(quad.IRI); ok && strings.HasPrefix(string(iri), schema.Wikidata) {
				n.QID = schema.LocalName(iri)
			}
		}
		if kind != style.Event {
			continue
		}
		ev := events[s]
		if q.Label != nil {
			ev.article = q.Label
		}
		switch q.Predicate {
		case schema.Date:
			n.Date = text(q.Object)
		case schema.EndDate:
			n.EndDate = text(q.Object)
		case schema.DateText:
			n.DateText = text(q.Object)
		case schema.Modality:
			n.Modality = text(q.Object)
		case schema.Quantity:
			n.Quantity = text(q.Object)
		case schema.Evidence:
			ev.evidence = appendUnique(ev.evidence, text(q.Object))
		case schema.Trigger:
			ev.trigger = text(q.Object)
		case schema.Relation:
			ev.model.Relation = text(q.Object)
		case schema.ReportedBy:
			if iri, ok := q.Object.(quad.IRI); ok {
				ev.reporters = append(ev.reporters, iri)
			}
		}
	}

	// Finish the nodes now that every label is known.
	for iri, n := range nodes {
		sort.Strings(n.Classes)
		sort.Strings(n.Alt)
		if n.Kind == style.Entity {
			n.Type = style.Primary(style.Entity, n.Classes)
			if n.Type == "" {
				n.Type = "Thing"
			}
			if n.QID == "" && isQID(schema.LocalName(iri)) {
				n.QID = schema.LocalName(iri)
			}
			n.Lines = entityLines(n.LabelEN, n.LabelHI, iri, opts.Lang)
		} else {
			ev := events[iri]
			ev.model.Classes = n.Classes
			n.Type = style.Primary(style.Event, n.Classes)
			if n.Type == "" {
				n.Type = "Event"
			}
			if ev.article != nil {
				if a, ok := ev.article.(quad.IRI); ok {
					n.Article = schema.LocalName(a)
				}
			}
			var by []string
			for _, r := range ev.reporters {
				l := lab[r]
				if l == nil {
					l = &labels{}
				}
				by = appendUnique(by, strings.Join(entityLines(l.en, l.hi, r, opts.Lang), " / "))
			}
			sort.Strings(by)
			n.ReportedBy = strings.Join(by, ", ")
			n.Evidence = strings.Join(ev.evidence, " | ")
			n.Lines = eventLines(n, ev.trigger, opts.Lang)
		}
		n.Label = strings.Join(n.Lines, " / ")
	}

	g := &Graph{Options: opts}
	edges := edgeSet{}
	byArticle := map[string][]quad.IRI{}
	for iri, ev := range events {
		if ev.article != nil {
			byArticle[ev.article.String()] = append(byArticle[ev.article.String()], iri)
		}
	}
	covering := func(q quad.Quad) []quad.IRI {
		if q.Label == nil {
			return nil
		}
		var out []quad.IRI
		s, o := q.Subject.(quad.IRI), q.Object.(quad.IRI)
		for _, e := range byArticle[q.Label.String()] {
			if events[e].model.Covers(s, q.Predicate.(quad.IRI), o) {
				out = append(out, e)
			}
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
	// Direct edges nobody's event stands for: one edge per (from,
	// predicate, to), whatever the number of articles that state it.
	plain := map[string]*Edge{}
	covered := map[quad.IRI]bool{} // events that some direct edge stands for
	for _, q := range rels {
		s, o := nodes[q.Subject.(quad.IRI)], nodes[q.Object.(quad.IRI)]
		p := q.Predicate.(quad.IRI)
		cov := covering(q)
		if len(cov) == 0 {
			id := s.ID + "." + escape(schema.LocalName(p)) + "." + o.ID
			e := plain[id]
			if e == nil {
				e = &Edge{ID: id, Source: s.ID, Target: o.ID, Predicate: string(p), Label: style.Words(schema.LocalName(p)), Kind: "relation"}
				plain[id] = e
			}
			if a, ok := q.Label.(quad.IRI); ok {
				e.Article = addList(e.Article, schema.LocalName(a))
			}
			continue
		}
		if opts.Events != EventEdges {
			continue // the event node shows it, with its date
		}
		for _, evIRI := range cov {
			covered[evIRI] = true
			ev := events[evIRI].node
			e := Edge{
				ID: s.ID + "." + escape(schema.LocalName(p)) + "." + o.ID + "." + ev.ID, Source: s.ID, Target: o.ID,
				Predicate: string(p), Label: style.Words(schema.LocalName(p)), Kind: "relation",
			}
			fromEvent(&e, ev)
			edges.add(e)
		}
	}
	for _, e := range plain {
		edges.add(*e)
	}
	for iri, ev := range events {
		n := ev.node
		if opts.Events == EventEdges {
			if !covered[iri] {
				for _, e := range collapse(ev, nodes) {
					edges.add(e)
				}
			}
			for _, e := range aboutEdges(ev, nodes, !covered[iri]) {
				edges.add(e)
			}
			continue
		}
		for _, q := range ev.roles {
			o := nodes[q.Object.(quad.IRI)]
			p := q.Predicate.(quad.IRI)
			e := Edge{
				ID: n.ID + "." + escape(schema.LocalName(p)) + "." + o.ID, Source: n.ID, Target: o.ID,
				Predicate: string(p), Label: style.Words(schema.LocalName(p)), Kind: "role",
			}
			fromEvent(&e, n)
			edges.add(e)
		}
	}
	for _, n := range nodes {
		if opts.Events == EventEdges && n.Kind == style.Event {
			continue
		}
		g.Nodes = append(g.Nodes, *n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	for _, e := range edges {
		g.Edges = append(g.Edges, e)
	}
	sort.Slice(g.Edges, func(i, j int) bool { return g.Edges[i].ID < g.Edges[j].ID })
	return g
}

// collapse stands an event that no direct edge represents for edges from
// its agents or holder (else its first participant) to its other entity
// fillers but its topic and occasion (see aboutEdges), labelled with the
// event's class, so that it does not vanish. A
// position names the direct edge it stands for (kg:relation, "leader_of").
func collapse(ev *eventInfo, nodes map[quad.IRI]*Node) []Edge {
	var from, to []*Node
	for _, q := range ev.roles {
		o := nodes[q.Object.(quad.IRI)]
		if p := q.Predicate.(quad.IRI); o.Kind != style.Entity || aboutRoles[p] && p != schema.Theme {
			continue // a topic or occasion gets an about edge instead
		}
		if q.Predicate == schema.Agent || q.Predicate == schema.Holder {
			from = appendNode(from, o)
		} else {
			to = appendNode(to, o)
		}
	}
	if len(from) == 0 && len(to) > 1 {
		sort.Slice(to, func(i, j int) bool { return to[i].ID < to[j].ID })
		from, to = to[:1], to[1:]
	}
	// Agents acting together ("Trump and Putin's meeting") are linked
	// too, once per pair.
	sort.Slice(from, func(i, j int) bool { return from[i].ID < from[j].ID })
	pairs := [][2]*Node{}
	for i, f := range from {
		for _, g := range from[i+1:] {
			pairs = append(pairs, [2]*Node{f, g})
		}
		for _, t := range to {
			pairs = append(pairs, [2]*Node{f, t})
		}
	}
	n := ev.node
	p, label, kind := string(schema.Class(n.Type)), style.For(style.Event, n.Type).EN, "event"
	if r := ev.model.Relation; r != "" {
		p, label, kind = string(schema.Rel(r)), style.Words(r), "relation"
	}
	var out []Edge
	for _, pr := range pairs {
		f, t := pr[0], pr[1]
		if f == t {
			continue
		}
		e := Edge{
			ID: f.ID + "." + escape(schema.LocalName(quad.IRI(p))) + "." + t.ID + "." + n.ID, Source: f.ID, Target: t.ID,
			Predicate: p, Label: label, Kind: kind,
		}
		fromEvent(&e, n)
		out = append(out, e)
	}
	return out
}

// aboutRoles are the roles that say what an event is about rather than who
// takes part: a meeting's topic is not met.
var aboutRoles = map[quad.IRI]bool{schema.Theme: true, schema.Topic: true, schema.Occasion: true}

// aboutEdges, with events drawn as edges, links what an event is about
// (its theme, topic or occasion) to the event: an edge of kind "about"
// from each of the event's agents or holder (else its first other
// participant) to the filler, labelled with the event's class and the
// role ("meeting: topic"), so that the filler is not left unconnected and
// is never drawn as one of the event's participants. A collapsed event
// already links its theme (Japan —colonial rule→ Korea).
func aboutEdges(ev *eventInfo, nodes map[quad.IRI]*Node, collapsed bool) []Edge {
	var from, others, about []*Node
	var roles []quad.IRI
	for _, q := range ev.roles {
		o := nodes[q.Object.(quad.IRI)]
		if o.Kind != style.Entity {
			continue
		}
		switch p := q.Predicate.(quad.IRI); {
		case aboutRoles[p] && collapsed && p == schema.Theme:
		case aboutRoles[p]:
			about = append(about, o)
			roles = append(roles, p)
		case p == schema.Agent || p == schema.Holder:
			from = appendNode(from, o)
		default:
			others = appendNode(others, o)
		}
	}
	if len(about) == 0 {
		return nil
	}
	if len(from) == 0 && len(others) > 0 {
		sort.Slice(others, func(i, j int) bool { return others[i].ID < others[j].ID })
		from = others[:1]
	}
	n := ev.node
	class := style.For(style.Event, n.Type).EN
	var out []Edge
	for _, f := range from {
		for i, t := range about {
			if f == t {
				continue
			}
			role := schema.LocalName(roles[i])
			e := Edge{
				ID: f.ID + "." + escape(role) + "." + t.ID + "." + n.ID, Source: f.ID, Target: t.ID,
				Predicate: string(roles[i]), Label: class + ": " + role, Kind: "about",
			}
			fromEvent(&e, n)
			out = append(out, e)
		}
	}
	return out
}

func fromEvent(e *Edge, ev *Node) {
	e.Event = ev.ID
	e.Date, e.EndDate = ev.Date, ev.EndDate
	e.Modality, e.ReportedBy, e.Evidence = ev.Modality, ev.ReportedBy, ev.Evidence
	e.Article = ev.Article
}

// edgeSet keeps the first edge of each id: an event may list one
// participant under two roles, or two articles state the same edge.
type edgeSet map[string]Edge

func (s edgeSet) add(e Edge) {
	if _, ok := s[e.ID]; !ok {
		s[e.ID] = e
	}
}

func appendNode(ns []*Node, n *Node) []*Node {
	for _, x := range ns {
		if x == n {
			return ns
		}
	}
	return append(ns, n)
}

func appendUnique(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func addList(list, item string) string {
	if list == "" {
		return item
	}
	for _, x := range strings.Split(list, "; ") {
		if x == item {
			return list
		}
	}
	items := append(strings.Split(list, "; "), item)
	sort.Strings(items)
	return strings.Join(items, "; ")
}

// entityLines gives an entity's display label, one line per language.
func entityLines(en, hi string, iri quad.IRI, lang Lang) []string {
	var out []string
	switch lang {
	case English:
		out = first(en, hi)
	case Hindi:
		out = first(hi, en)
	default:
		if en != "" {
			out = append(out, en)
		}
		if hi != "" && hi != en {
			out = append(out, hi)
		}
	}
	if len(out) == 0 {
		// Every node must read as something: the IRI's last part, in words.
		out = []string{style.Words(schema.LocalName(iri))}
	}
	return out
}

func first(ss ...string) []string {
	for _, s := range ss {
		if s != "" {
			return []string{s}
		}
	}
	return nil
}

// eventLines labels an event by its class, in the chosen language(s), and
// its date: "Meeting / मुलाकात / 2025-08-15". Its participants are the
// nodes it links to, so the label need not repeat them. A position is
// named by the title it was read from ("Supreme leader" or "Leader").
func eventLines(n *Node, trigger string, lang Lang) []string {
	st := style.For(style.Event, n.Type)
	en, hi := st.EN, st.HI
	if contains(n.Classes, "Position") {
		if e, h, ok := style.Title(trigger); ok {
			en, hi = e, h
		}
	}
	var out []string
	if lang != Hindi || hi == "" {
		out = append(out, capitalise(en))
	}
	if lang != English && hi != "" {
		out = append(out, hi)
	}
	if n.Date != "" {
		d := n.Date
		if n.EndDate != "" {
			d += " – " + n.EndDate
		}
		out = append(out, d)
	}
	return out
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// Text is the lexical form of a literal (an IRI's string for an IRI),
// without quotes, datatype or language tag.
func Text(v quad.Value) string { return schema.Text(v) }

func text(v quad.Value) string { return schema.Text(v) }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
