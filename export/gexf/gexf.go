// Package gexf writes a kg property graph as GEXF 1.3 in dynamic mode:
// events and their edges carry start and end dates, and every entity starts
// at its first dated event, so Gephi's timeline plays the story. Colours,
// shapes and sizes come from the style table.
package gexf

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"github.com/kgnews/kg/export/internal/xmltext"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/export/style"
)

// Write writes g to w.
func Write(w io.Writer, g *pg.Graph) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := xmltext.Escape
	starts := entityStarts(g)

	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
	p("  <meta>\n    <creator>kg</creator>\n    <description>kg export: entities and events; start and end are the days an event's date covers (a month date spans the month)</description>\n  </meta>\n")
	p("  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n")
	// The node and edge labels are GEXF's own label attribute; the rest
	// are declared attributes.
	p("    <attributes class=\"node\" mode=\"static\">\n")
	for _, a := range pg.NodeAttrs {
		if a.Name != "label" {
			p("      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.Name, a.Name, gexfType(a.Type))
		}
	}
	p("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
	for _, a := range pg.EdgeAttrs {
		if a.Name != "label" {
			p("      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.Name, a.Name, gexfType(a.Type))
		}
	}
	p("    </attributes>\n    <nodes>\n")
	for i := range g.Nodes {
		n := &g.Nodes[i]
		p("      <node id=\"%s\" label=\"%s\"%s>\n", esc(n.ID), esc(n.Label), span(n.Kind, n.Date, n.EndDate, starts[n.ID]))
		attvalues(bw, "        ", pg.NodeAttrs, n.Value)
		st := n.Style()
		r, gr, b := rgb(st.Fill)
		p("        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gr, b)
		size := 10
		if n.Kind == style.Event {
			size = 6
		}
		p("        <viz:size value=\"%d\"/>\n", size)
		p("        <viz:shape value=\"%s\"/>\n", shape(st.Shape))
		p("      </node>\n")
	}
	p("    </nodes>\n    <edges>\n")
	for i := range g.Edges {
		e := &g.Edges[i]
		p("      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\" weight=\"%d\"%s>\n", esc(e.ID), esc(e.Source), esc(e.Target), esc(e.Label), e.Weight(), span(style.Event, e.Date, e.EndDate, ""))
		attvalues(bw, "        ", pg.EdgeAttrs, e.Value)
		p("      </edge>\n")
	}
	p("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

func attvalues(w io.Writer, indent string, attrs []pg.Attr, value func(string) string) {
	var vals [][2]string
	for _, a := range attrs {
		if v := value(a.Name); v != "" && a.Name != "label" {
			vals = append(vals, [2]string{a.Name, v})
		}
	}
	if len(vals) == 0 {
		return
	}
	fmt.Fprintf(w, "%s<attvalues>\n", indent)
	for _, v := range vals {
		fmt.Fprintf(w, "%s  <attvalue for=\"%s\" value=\"%s\"/>\n", indent, v[0], xmltext.Escape(v[1]))
	}
	fmt.Fprintf(w, "%s</attvalues>\n", indent)
}

// span gives the start and end attributes of a dated element: an event
// lasts the days its date covers; an entity exists from its first event on.
func span(kind style.Kind, date, end, entityStart string) string {
	if kind == style.Entity {
		if entityStart == "" {
			return ""
		}
		return fmt.Sprintf(" start=\"%s\"", entityStart)
	}
	first, last, ok := pg.Span(date, end)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" start=\"%s\" end=\"%s\"", first, last)
}

// entityStarts finds, for each entity, the first day of the earliest dated
// edge it takes part in.
func entityStarts(g *pg.Graph) map[string]string {
	out := map[string]string{}
	set := func(id, day string) {
		if cur, ok := out[id]; !ok || day < cur {
			out[id] = day
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		first, _, ok := pg.Span(e.Date, e.EndDate)
		if !ok {
			continue
		}
		set(e.Source, first)
		set(e.Target, first)
	}
	return out
}

func gexfType(t string) string {
	if t == "long" {
		return "long"
	}
	return "string"
}

// shape maps a Graphviz shape to the four GEXF knows.
func shape(s string) string {
	switch s {
	case "box", "note":
		return "square"
	case "house", "cds":
		return "triangle"
	case "hexagon", "octagon":
		return "diamond"
	}
	return "disc"
}

func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32) // the style table checks the form
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
