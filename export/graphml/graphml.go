// Package graphml writes a kg property graph as GraphML, with a typed <key>
// for every attribute, valid against the GraphML 1.0 schema. yEd, Gephi,
// Cytoscape and networkx read it; yEd shows labels once its Properties
// Mapper maps the "label" key to the node label.
package graphml

import (
	"bufio"
	"fmt"
	"io"

	"github.com/kgnews/kg/export/internal/xmltext"
	"github.com/kgnews/kg/export/pg"
)

// Write writes g to w.
func Write(w io.Writer, g *pg.Graph) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := xmltext.Escape
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
	for _, a := range pg.NodeAttrs {
		p("  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, esc(a.Doc))
	}
	for _, a := range pg.EdgeAttrs {
		p("  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, esc(a.Doc))
	}
	p("  <graph id=\"kg\" edgedefault=\"directed\">\n")
	for i := range g.Nodes {
		n := &g.Nodes[i]
		p("    <node id=\"%s\">\n", esc(n.ID))
		for _, a := range pg.NodeAttrs {
			if v := n.Value(a.Name); v != "" {
				p("      <data key=\"n_%s\">%s</data>\n", a.Name, esc(v))
			}
		}
		p("    </node>\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		p("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(e.ID), esc(e.Source), esc(e.Target))
		for _, a := range pg.EdgeAttrs {
			if v := e.Value(a.Name); v != "" {
				p("      <data key=\"e_%s\">%s</data>\n", a.Name, esc(v))
			}
		}
		p("    </edge>\n")
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}
