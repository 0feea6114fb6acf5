package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/export/style"
	"github.com/kgnews/kg/schema"
)

// Selection says which part of the store to export. The zero value selects
// everything.
type Selection struct {
	// Roots are the nodes to start from (entities or events); none means
	// the whole store.
	Roots []quad.IRI
	// Depth is how far from the roots to go. A hop is one event the
	// entities take part in together, or one direct edge: Kim's depth-1
	// network is Kim, his events and everyone in them.
	Depth int
	// From and To bound event dates (YYYY, YYYY-MM or YYYY-MM-DD, either
	// may be empty). An event is kept when the days its date covers meet
	// the window; an undated event is dropped once a window is given.
	From, To string
	// Types keeps only nodes of these classes (Person, Country, Meeting;
	// Event for every event). Naming no entity class keeps every entity,
	// naming no event class keeps every event.
	Types []string
	// Lang keeps only labels in this language (en, hi; "" or both: all).
	Lang pg.Lang
}

// IsAll reports whether the selection is the whole store as it is.
func (s Selection) IsAll() bool {
	return len(s.Roots) == 0 && s.From == "" && s.To == "" && len(s.Types) == 0 && (s.Lang == "" || s.Lang == pg.Both)
}

// relQuad is a direct edge between two nodes, and the events of its
// article that stand for it (pg.Event.Covers).
type relQuad struct {
	s, o     quad.IRI
	covering []quad.IRI
}

// index is what selection needs to know of the store's quads.
type index struct {
	kind      map[quad.IRI]style.Kind
	classes   map[quad.IRI][]string
	date      map[quad.IRI][2]string // event -> date, end date
	fillers   map[quad.IRI][]quad.IRI
	reporters map[quad.IRI][]quad.IRI
	rels      map[string]*relQuad // by N-Quads key of (s, p, o, label)
}

func newIndex(qs []quad.Quad) *index {
	ix := &index{
		kind: map[quad.IRI]style.Kind{}, classes: map[quad.IRI][]string{}, date: map[quad.IRI][2]string{},
		fillers: map[quad.IRI][]quad.IRI{}, reporters: map[quad.IRI][]quad.IRI{}, rels: map[string]*relQuad{},
	}
	article := map[quad.IRI]string{}
	models := map[quad.IRI]*pg.Event{}
	model := func(ev quad.IRI) *pg.Event {
		if models[ev] == nil {
			models[ev] = &pg.Event{}
		}
		return models[ev]
	}
	var rels []quad.Quad
	for _, q := range qs {
		if pg.Bookkeeping(q.Predicate) {
			continue
		}
		s, sk, ok := pg.IsNode(q.Subject)
		if !ok {
			continue
		}
		ix.kind[s] = sk
		if o, ok2 := q.Object.(quad.IRI); ok2 && q.Predicate == schema.Type {
			if o != schema.Event {
				ix.classes[s] = append(ix.classes[s], schema.LocalName(o))
			}
			continue
		}
		if sk == style.Event && q.Label != nil {
			article[s] = q.Label.String()
		}
		o, ok := asNode(q)
		switch {
		case sk == style.Event && q.Predicate == schema.ReportedBy:
			if iri, ok := q.Object.(quad.IRI); ok {
				ix.reporters[s] = append(ix.reporters[s], iri)
			}
		case ok && sk == style.Event:
			ix.fillers[s] = append(ix.fillers[s], o)
			model(s).AddRole(q.Predicate.(quad.IRI), o)
		case sk == style.Event && q.Predicate == schema.Relation:
			model(s).Relation = pg.Text(q.Object)
		case ok:
			rels = append(rels, q)
		case q.Predicate == schema.Date:
			d := ix.date[s]
			d[0] = pg.Text(q.Object)
			ix.date[s] = d
		case q.Predicate == schema.EndDate:
			d := ix.date[s]
			d[1] = pg.Text(q.Object)
			ix.date[s] = d
		}
	}
	byArticle := map[string][]quad.IRI{}
	for e, a := range article {
		byArticle[a] = append(byArticle[a], e)
		model(e).Classes = ix.classes[e]
	}
	for _, q := range rels {
		r := &relQuad{s: q.Subject.(quad.IRI), o: q.Object.(quad.IRI)}
		ix.kind[r.o] = kindOf(r.o)
		if q.Label != nil {
			for _, e := range byArticle[q.Label.String()] {
				if model(e).Covers(r.s, q.Predicate.(quad.IRI), r.o) {
					r.covering = append(r.covering, e)
				}
			}
		}
		ix.rels[quadKey(q)] = r
	}
	for _, fs := range ix.fillers {
		for _, f := range fs {
			ix.kind[f] = kindOf(f)
		}
	}
	return ix
}

// asNode returns the object of an edge between nodes: an entity or event
// object of anything but the entity description and the source of a report.
func asNode(q quad.Quad) (quad.IRI, bool) {
	if q.Predicate == schema.Type || q.Predicate == schema.Label || q.Predicate == schema.AltLabel ||
		q.Predicate == schema.SameAs || q.Predicate == schema.ReportedBy {
		return "", false
	}
	o, _, ok := pg.IsNode(q.Object)
	return o, ok
}

func kindOf(iri quad.IRI) style.Kind {
	_, k, _ := pg.IsNode(iri)
	return k
}

// Select picks the quads of the selected nodes out of all the store's
// quads, without kg's bookkeeping. The result lists which IRIs are nodes;
// the rest of its quads are labels of the sources events cite.
func Select(all []quad.Quad, sel Selection) (pg.Subgraph, error) {
	ix := newIndex(all)
	keep, err := ix.filters(sel)
	if err != nil {
		return pg.Subgraph{}, err
	}
	nodes := map[quad.IRI]bool{}
	if len(sel.Roots) > 0 {
		dist := ix.distances(sel.Roots, keep)
		for iri, d := range dist {
			if ix.kind[iri] == style.Entity && d <= sel.Depth {
				nodes[iri] = true
			}
		}
		for _, r := range sel.Roots {
			nodes[r] = true
		}
		// An event is in when all of its entities are: the events crossed
		// on the way, and those among the entities reached.
		for ev, k := range ix.kind {
			if k != style.Event || !keep(ev) || nodes[ev] {
				continue
			}
			if n, all := ix.entitiesIn(ev, nodes, keep); n > 0 && all {
				nodes[ev] = true
			}
		}
	} else {
		window := sel.From != "" || sel.To != ""
		for iri, k := range ix.kind {
			if !keep(iri) {
				continue
			}
			if k == style.Event {
				if n, _ := ix.entitiesIn(iri, nil, keep); n > 0 || len(sel.Types) == 0 {
					nodes[iri] = true
				}
			} else if !window {
				nodes[iri] = true
			}
		}
		if window {
			// In a time window, the entities are those of its events.
			for ev := range nodes {
				for _, f := range ix.fillers[ev] {
					if keep(f) {
						nodes[f] = true
					}
				}
			}
		}
	}
	reporters := map[quad.IRI]bool{}
	for ev := range nodes {
		for _, r := range ix.reporters[ev] {
			reporters[r] = true
		}
	}
	langOK := labelFilter(all, sel.Lang)
	var out []quad.Quad
	for _, q := range all {
		if pg.Bookkeeping(q.Predicate) || !langOK(q) {
			continue
		}
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		if !nodes[s] {
			if reporters[s] && q.Predicate == schema.Label && q.Label == schema.EntityGraph {
				out = append(out, q)
			}
			continue
		}
		if o, ok := asNode(q); ok {
			if !nodes[o] {
				continue
			}
			if r := ix.rels[quadKey(q)]; r != nil && len(r.covering) > 0 && !anyIn(r.covering, nodes) {
				continue // it stands for an event that is not selected
			}
		}
		out = append(out, q)
	}
	// Sorted, so that the same selection writes the same file; each key is
	// made once, not at every comparison.
	keys := make([]string, len(out))
	for i, q := range out {
		keys[i] = quadKey(q)
	}
	sort.Sort(byKey{out, keys})
	return pg.Subgraph{Quads: out, Nodes: nodes}, nil
}

// filters returns whether a node passes the date window and type filter.
func (ix *index) filters(sel Selection) (func(quad.IRI) bool, error) {
	from, to, err := window(sel.From, sel.To)
	if err != nil {
		return nil, err
	}
	entTypes, evTypes, err := types(sel.Types)
	if err != nil {
		return nil, err
	}
	memo := map[quad.IRI]bool{}
	return func(iri quad.IRI) bool {
		if v, ok := memo[iri]; ok {
			return v
		}
		ok := true
		switch ix.kind[iri] {
		case style.Event:
			if from != "" || to != "" {
				d := ix.date[iri]
				first, last, dated := pg.Span(d[0], d[1])
				ok = dated && (to == "" || first <= to) && (from == "" || last >= from)
			}
			if ok && len(evTypes) > 0 {
				ok = evTypes["Event"] || anyClass(ix.classes[iri], evTypes)
			}
		case style.Entity:
			if len(entTypes) > 0 {
				ok = anyClass(ix.classes[iri], entTypes)
			}
		}
		memo[iri] = ok
		return ok
	}, nil
}

// entitiesIn counts an event's entities that pass keep, and tells whether
// all of those are in nodes (nil: no such test).
func (ix *index) entitiesIn(ev quad.IRI, nodes map[quad.IRI]bool, keep func(quad.IRI) bool) (int, bool) {
	n, all := 0, true
	for _, f := range ix.fillers[ev] {
		if ix.kind[f] != style.Entity || !keep(f) {
			continue
		}
		n++
		if nodes != nil && !nodes[f] {
			all = false
		}
	}
	return n, all
}

// distances measures hops from the roots over the kept nodes: entering an
// event costs nothing and leaving it to another participant one hop, so an
// event is a hyperedge between its participants; a direct edge is a hop.
func (ix *index) distances(roots []quad.IRI, keep func(quad.IRI) bool) map[quad.IRI]int {
	events := map[quad.IRI][]quad.IRI{} // node -> events it takes part in
	for ev, fs := range ix.fillers {
		if !keep(ev) {
			continue
		}
		for _, f := range fs {
			events[f] = append(events[f], ev)
		}
	}
	near := map[quad.IRI][]quad.IRI{} // direct edges that no kept event stands for
	for _, r := range ix.rels {
		if len(r.covering) > 0 {
			continue
		}
		near[r.s] = append(near[r.s], r.o)
		near[r.o] = append(near[r.o], r.s)
	}
	// Level by level: zero-cost steps (into an event) join the level being
	// walked, one-hop steps the next, so each node is settled once.
	dist := map[quad.IRI]int{}
	var level []quad.IRI
	for _, r := range roots {
		if _, ok := dist[r]; !ok {
			dist[r] = 0
			level = append(level, r)
		}
	}
	for d := 0; len(level) > 0; d++ {
		var next []quad.IRI
		visit := func(iri quad.IRI, hop bool) {
			old, seen := dist[iri]
			if !keep(iri) || seen && (old <= d || hop) {
				return // settled, or no nearer this way
			}
			if hop {
				dist[iri] = d + 1
				next = append(next, iri)
			} else {
				dist[iri] = d
				level = append(level, iri)
			}
		}
		for i := 0; i < len(level); i++ {
			it := level[i]
			if ix.kind[it] == style.Event {
				for _, f := range ix.fillers[it] {
					visit(f, ix.kind[f] != style.Event)
				}
				continue
			}
			for _, ev := range events[it] {
				visit(ev, false)
			}
			for _, n := range near[it] {
				visit(n, true)
			}
		}
		level = next
	}
	return dist
}

// window turns --from and --to into first and last days.
func window(from, to string) (string, string, error) {
	var f, t string
	if from != "" {
		first, _, ok := pg.Span(from, "")
		if !ok {
			return "", "", fmt.Errorf("--from %q: want a date like 2024, 2024-06 or 2024-06-15", from)
		}
		f = first
	}
	if to != "" {
		_, last, ok := pg.Span(to, "")
		if !ok {
			return "", "", fmt.Errorf("--to %q: want a date like 2025, 2025-08 or 2025-08-15", to)
		}
		t = last
	}
	if f != "" && t != "" && f > t {
		return "", "", fmt.Errorf("--from %s is after --to %s", from, to)
	}
	return f, t, nil
}

// types sorts the class names of --types into entity and event classes,
// matching case-insensitively.
func types(names []string) (ent, ev map[string]bool, err error) {
	ent, ev = map[string]bool{}, map[string]bool{}
	known := map[string]string{} // lower case -> class, kind
	kinds := map[string]style.Kind{}
	for _, c := range schema.EntityClasses {
		known[strings.ToLower(c)] = c
		kinds[c] = style.Entity
	}
	for _, s := range style.All() {
		known[strings.ToLower(s.Class)] = s.Class
		if _, ok := kinds[s.Class]; !ok {
			kinds[s.Class] = s.Kind
		}
	}
	kinds["Event"] = style.Event // the class of every event
	for _, n := range names {
		c, ok := known[strings.ToLower(strings.TrimSpace(n))]
		if !ok {
			var all []string
			for _, c := range known {
				all = append(all, c)
			}
			sort.Strings(all)
			return nil, nil, fmt.Errorf("--types: unknown class %q (known: %s)", n, strings.Join(all, ", "))
		}
		if kinds[c] == style.Event {
			ev[c] = true
		} else {
			ent[c] = true
		}
	}
	return ent, ev, nil
}

// labelFilter drops labels in a language the export does not want, except
// the label of a node that has none in the wanted language: every node must
// still read as something.
func labelFilter(all []quad.Quad, lang pg.Lang) func(quad.Quad) bool {
	if lang == "" || lang == pg.Both {
		return func(quad.Quad) bool { return true }
	}
	has := map[string]bool{}
	for _, q := range all {
		if ls, ok := q.Object.(quad.LangString); ok && q.Predicate == schema.Label && ls.Lang == string(lang) {
			has[q.Subject.String()] = true
		}
	}
	return func(q quad.Quad) bool {
		if q.Predicate != schema.Label && q.Predicate != schema.AltLabel {
			return true
		}
		ls, ok := q.Object.(quad.LangString)
		if !ok || ls.Lang == string(lang) {
			return true
		}
		return q.Predicate == schema.Label && !has[q.Subject.String()]
	}
}

func anyClass(classes []string, want map[string]bool) bool {
	for _, c := range classes {
		if want[c] {
			return true
		}
	}
	return false
}

func anyIn(iris []quad.IRI, set map[quad.IRI]bool) bool {
	for _, i := range iris {
		if set[i] {
			return true
		}
	}
	return false
}

func quadKey(q quad.Quad) string { return q.NQuad() }

type byKey struct {
	qs   []quad.Quad
	keys []string
}

func (b byKey) Len() int           { return len(b.qs) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
