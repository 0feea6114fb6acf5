// Package dot writes a kg property graph for Graphviz: shape and colour by
// type from the style table, one label line per language, labelled edges
// and a Noto font that has Devanagari. The layout settings keep labels
// apart when rendered with plain `dot -Tpng` (see README.md).
package dot

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/export/style"
)

// Font names a family fonts-noto-core installs: Noto Sans for Latin, and
// Pango falls back to Noto Sans Devanagari for Hindi in the same label.
const Font = "Noto Sans"

// Write writes g to w.
func Write(w io.Writer, g *pg.Graph) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("digraph kg {\n")
	// Left to right reads like a sentence (agent, event, participant), and
	// dot's own placement of edge labels never overlaps them with nodes or
	// each other; the separations leave room for two-line labels.
	p("  graph [rankdir=LR, nodesep=0.35, ranksep=0.9, fontname=%s, fontsize=12, pad=0.3, outputorder=edgesfirst];\n", q(Font))
	p("  node [fontname=%s, fontsize=11, style=filled, penwidth=0.8, margin=\"0.12,0.06\"];\n", q(Font))
	p("  edge [fontname=%s, fontsize=9, color=\"#666666\", fontcolor=\"#333333\", arrowsize=0.7];\n", q(Font))
	for i := range g.Nodes {
		n := &g.Nodes[i]
		st := n.Style()
		attrs := []string{
			"label=" + q(strings.Join(n.Lines, "\n")),
			"shape=" + st.Shape,
			"fillcolor=" + q(st.Fill),
			"tooltip=" + q(n.IRI),
		}
		if n.Kind == style.Event {
			attrs = append(attrs, "style="+q("filled,rounded"), "fontsize=10")
			if n.Modality == "planned" {
				attrs = append(attrs, "style="+q("filled,rounded,dashed"))
			}
		}
		p("  %s [%s];\n", q(n.ID), strings.Join(attrs, ", "))
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		attrs := []string{"label=" + q(e.Label)}
		if e.Modality == "planned" {
			attrs = append(attrs, "style=dashed")
		}
		p("  %s -> %s [%s];\n", q(e.Source), q(e.Target), strings.Join(attrs, ", "))
	}
	p("}\n")
	return bw.Flush()
}

// q quotes a DOT string: backslashes and quotes escaped, line breaks as \n
// (which DOT draws as centred line breaks).
func q(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return `"` + r.Replace(s) + `"`
}
