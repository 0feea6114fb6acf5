package graphml

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/kgnews/kg/export/internal/xmltext"
	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/export/style"
)

// yFiles' GraphML extension: yEd reads a node's look from a <data> of the
// key declared yfiles.type="nodegraphics" holding a y:ShapeNode, an edge's
// from "edgegraphics" holding a y:PolyLineEdge.
const yNS = "http://www.yworks.com/xml/graphml"

// WriteYEd writes g as GraphML with yFiles graphics, so that yEd opens it
// with every node labelled, coloured and shaped as in the other exports
// and the planned events dashed: the same keys and data as Write, plus a
// y:ShapeNode (geometry, fill, border, label, shape) per node and a
// y:PolyLineEdge (line, arrow, label) per edge. Nodes start on a circle;
// Layout → Organic in yEd arranges them.
func WriteYEd(w io.Writer, g *pg.Graph) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	esc := xmltext.Escape
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"%s\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n", yNS)
	writeKeys(p)
	p("  <key id=\"n_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n")
	p("  <key id=\"e_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n")
	p("  <graph id=\"kg\" edgedefault=\"directed\">\n")
	radius := math.Max(200, float64(len(g.Nodes))*30)
	for i := range g.Nodes {
		n := &g.Nodes[i]
		p("    <node id=\"%s\">\n", esc(n.ID))
		writeData(p, "n_", pg.NodeAttrs, n.Value)
		st := n.Style()
		width, height := labelBox(n.Lines)
		angle := 2 * math.Pi * float64(i) / float64(max(1, len(g.Nodes)))
		p("      <data key=\"n_graphics\">\n        <y:ShapeNode>\n")
		p("          <y:Geometry height=\"%.1f\" width=\"%.1f\" x=\"%.1f\" y=\"%.1f\"/>\n", height, width, radius*math.Cos(angle), radius*math.Sin(angle))
		p("          <y:Fill color=\"%s\" transparent=\"false\"/>\n", esc(strings.ToUpper(st.Fill)))
		p("          <y:BorderStyle color=\"#888888\" type=\"line\" width=\"1.0\"/>\n")
		p("          <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\" fontFamily=\"Dialog\" fontSize=\"%d\" fontStyle=\"plain\" hasBackgroundColor=\"false\" hasLineColor=\"false\" modelName=\"internal\" modelPosition=\"c\" textColor=\"#000000\" visible=\"true\">%s</y:NodeLabel>\n", fontSize(n.Kind), esc(strings.Join(n.Lines, "\n")))
		p("          <y:Shape type=\"%s\"/>\n", yShape(st.Shape))
		p("        </y:ShapeNode>\n      </data>\n")
		p("    </node>\n")
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		p("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", esc(e.ID), esc(e.Source), esc(e.Target))
		writeData(p, "e_", pg.EdgeAttrs, e.Value)
		line := "line"
		if e.Modality == "planned" {
			line = "dashed"
		}
		p("      <data key=\"e_graphics\">\n        <y:PolyLineEdge>\n")
		p("          <y:LineStyle color=\"#999999\" type=\"%s\" width=\"%.1f\"/>\n", line, float64(min(e.Weight(), 5)))
		p("          <y:Arrows source=\"none\" target=\"standard\"/>\n")
		p("          <y:EdgeLabel alignment=\"center\" fontFamily=\"Dialog\" fontSize=\"10\" fontStyle=\"plain\" textColor=\"#555555\" visible=\"true\">%s</y:EdgeLabel>\n", esc(e.Label))
		p("          <y:BendStyle smoothed=\"false\"/>\n")
		p("        </y:PolyLineEdge>\n      </data>\n")
		p("    </edge>\n")
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// labelBox sizes a node to its label: yEd keeps the geometry it is given,
// and a label wider than its node spills over its neighbours.
func labelBox(lines []string) (width, height float64) {
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	return math.Max(40, float64(longest)*7.5+16), math.Max(30, float64(len(lines))*16+10)
}

func fontSize(k style.Kind) int {
	if k == style.Event {
		return 10
	}
	return 12
}

// yShape maps a Graphviz shape from the style table to the nearest of
// yEd's ShapeNode shapes.
func yShape(s string) string {
	switch s {
	case "box":
		return "roundrectangle"
	case "note":
		return "rectangle3d"
	case "house":
		return "trapezoid2"
	case "cds":
		return "fatarrow"
	case "hexagon", "octagon", "ellipse", "diamond", "parallelogram", "trapezoid":
		return s
	}
	return "ellipse"
}
