// Package events writes kg's events as one CSV table, a row per event, in
// the shape of ACLED's event data (actor 1, actor 2, place, fatalities …)
// with kg's CAMEO and PLOVER codes, so that an analyst can put kg's events
// beside ACLED, GDELT/ICEWS (CAMEO) or POLECAT (PLOVER) data.
package events

import (
	stdcsv "encoding/csv"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// Header is the table's first row.
var Header = []string{"event_id", "event_date", "date_precision", "event_class", "cameo", "plover", "modality",
	"actor1", "actor2", "location", "killed", "injured", "affected", "source", "article", "evidence", "generic", "gloss"}

// actor2Roles are the roles of the counterpart, in the order the first one
// filled names actor 2.
var actor2Roles = []schema.Role{schema.RoleParticipant, schema.RolePatient, schema.RoleTarget, schema.RoleRecipient,
	schema.RoleAddressee, schema.RoleTheme}

type node struct {
	types   []quad.IRI
	out     map[quad.IRI][]quad.Value
	article quad.Value
}

// Write writes the events among the quads as CSV, in date order (undated
// last). Lists (several actors, places, sources) are joined with "; ".
func Write(w io.Writer, qs []quad.Quad) error {
	nodes := map[quad.Value]*node{}
	get := func(s quad.Value) *node {
		n := nodes[s]
		if n == nil {
			n = &node{out: map[quad.IRI][]quad.Value{}}
			nodes[s] = n
		}
		return n
	}
	labels := map[quad.Value]map[string]string{} // entity -> lang -> label
	for _, q := range qs {
		p, _ := q.Predicate.(quad.IRI)
		switch p {
		case schema.Label, schema.AssertedLabel:
			if ls, ok := q.Object.(quad.LangString); ok {
				if labels[q.Subject] == nil {
					labels[q.Subject] = map[string]string{}
				}
				if _, had := labels[q.Subject][ls.Lang]; !had || p == schema.Label {
					labels[q.Subject][ls.Lang] = string(ls.Value)
				}
			}
		}
		n := get(q.Subject)
		if p == schema.Type {
			if c, ok := q.Object.(quad.IRI); ok {
				n.types = append(n.types, c)
				if c == schema.Event {
					n.article = q.Label
				}
			}
			continue
		}
		n.out[p] = append(n.out[p], q.Object)
	}
	name := func(v quad.Value) string {
		if l := labels[v]["en"]; l != "" {
			return l
		}
		if l := labels[v]["hi"]; l != "" {
			return l
		}
		return schema.LocalName(quad.IRI(schema.Text(v)))
	}
	names := func(n *node, roles ...schema.Role) string {
		var out []string
		for _, r := range roles {
			for _, v := range n.out[r.IRI()] {
				out = append(out, name(v))
			}
		}
		return strings.Join(dedupe(out), "; ")
	}
	type row struct {
		date string
		cols []string
	}
	var rows []row
	for id, n := range nodes {
		if !has(n.types, schema.Event) || has(n.types, schema.Position) {
			continue
		}
		class := string(schema.GenericEvent)
		for _, t := range n.types {
			if t != schema.Event {
				class = schema.LocalName(t)
			}
		}
		date, precision := "", ""
		if ds := n.out[schema.Date]; len(ds) > 0 {
			date = schema.Text(ds[0])
			precision = precisionOf(ds[0])
		}
		actor2 := ""
		for _, r := range actor2Roles {
			if actor2 = names(n, r); actor2 != "" {
				break
			}
		}
		article := ""
		if n.article != nil {
			article = schema.LocalName(quad.IRI(schema.Text(n.article)))
		}
		rows = append(rows, row{date: date, cols: []string{
			shortID(schema.Text(id)), date, precision, class, first(n, schema.CAMEO), first(n, schema.PLOVER), first(n, schema.Modality),
			names(n, schema.RoleAgent), actor2, names(n, schema.RoleLocation, schema.RoleDestination),
			first(n, schema.Killed), first(n, schema.Injured), first(n, schema.Affected),
			strings.Join(dedupe(mapNames(n.out[schema.ReportedBy], name)), "; "), article, evidence(n),
			first(n, schema.Generic), first(n, schema.Gloss)}})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if (a.date == "") != (b.date == "") {
			return b.date == ""
		}
		if a.date != b.date {
			return a.date < b.date
		}
		return a.cols[0] < b.cols[0]
	})
	cw := stdcsv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.cols); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// precisionOf is how precise a kg:date is: day, month or year.
func precisionOf(v quad.Value) string {
	if ts, ok := v.(quad.TypedString); ok {
		switch ts.Type {
		case schema.XSDGYearMonth:
			return "month"
		case schema.XSDGYear:
			return "year"
		}
	}
	return "day"
}

// evidence is an evidence sentence of the event (the one stored first),
// on one line.
func evidence(n *node) string {
	ev := n.out[schema.Evidence]
	if len(ev) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(schema.Text(ev[0])), " ")
}

func first(n *node, p quad.IRI) string {
	if vs := n.out[p]; len(vs) > 0 {
		return schema.Text(vs[0])
	}
	return ""
}

func mapNames(vs []quad.Value, name func(quad.Value) string) []string {
	var out []string
	for _, v := range vs {
		out = append(out, name(v))
	}
	return out
}

func has(list []quad.IRI, x quad.IRI) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

func dedupe(in []string) []string {
	sort.Strings(in)
	var out []string
	for i, s := range in {
		if i == 0 || s != in[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// shortID writes an event IRI as ev:ARTICLE/N.
func shortID(iri string) string {
	if rest, ok := strings.CutPrefix(iri, schema.EventNS); ok {
		return "ev:" + rest
	}
	return iri
}
