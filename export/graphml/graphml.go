// Package graphml writes a kg property graph as GraphML, with a typed <key>
// for every attribute, valid against the GraphML 1.0 schema. yEd, Gephi,
// Cytoscape and networkx read it. Write is plain GraphML (yEd shows labels
// once its Properties Mapper maps the "label" key to the node label);
// WriteYEd adds yFiles graphics, so yEd shows labels, colours and shapes
// at once.
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
	writeKeys(p)
	p("  <graph id=\"kg\" edgedefault=\"directed\">\n")
	for i := range g.Nodes {
		n := &g.Nodes[i]
		p("    <node id=\"%s\">\n", esc(n.ID))
		writeData(p, "n_", pg.NodeAttrs, n.Value)
		p("    </node>\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		p("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(e.ID), esc(e.Source), esc(e.Target))
		writeData(p, "e_", pg.EdgeAttrs, e.Value)
		p("    </edge>\n")
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}

type printf func(format string, args ...any)

// writeKeys declares a typed key for every node and edge attribute.
func writeKeys(p printf) {
	for _, a := range pg.NodeAttrs {
		p("  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, xmltext.Escape(a.Doc))
	}
	for _, a := range pg.EdgeAttrs {
		p("  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"><desc>%s</desc></key>\n", a.Name, a.Name, a.Type, xmltext.Escape(a.Doc))
	}
}

// writeData writes a <data> for each attribute that has a value.
func writeData(p printf, prefix string, attrs []pg.Attr, value func(string) string) {
	for _, a := range attrs {
		if v := value(a.Name); v != "" {
			p("      <data key=\"%s%s\">%s</data>\n", prefix, a.Name, xmltext.Escape(v))
		}
	}
}
