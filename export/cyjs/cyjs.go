// Package cyjs writes a kg property graph as Cytoscape.js JSON: the
// elements (nodes and edges, each with data and classes) that
// cytoscape({elements}) and Cytoscape's "Import Network from File" read, and
// a style sheet with the colours and shapes of the style table.
package cyjs

import (
	"encoding/json"
	"io"

	"github.com/kgnews/kg/export/pg"
)

type element struct {
	Data    map[string]any `json:"data"`
	Classes string         `json:"classes"`
}

type rule struct {
	Selector string            `json:"selector"`
	Style    map[string]string `json:"style"`
}

type document struct {
	FormatVersion string `json:"format_version"`
	GeneratedBy   string `json:"generated_by"`
	Target        string `json:"target_cytoscapejs_version"`
	Data          struct {
		Name string `json:"name"`
	} `json:"data"`
	Elements struct {
		Nodes []element `json:"nodes"`
		Edges []element `json:"edges"`
	} `json:"elements"`
	Style []rule `json:"style"`
}

// Write writes g to w.
func Write(w io.Writer, g *pg.Graph) error {
	var d document
	d.FormatVersion, d.GeneratedBy, d.Target = "1.0", "kg", "~3"
	d.Data.Name = "kg"
	d.Elements.Nodes = []element{}
	d.Elements.Edges = []element{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		data := values(pg.NodeAttrs, n.Value)
		data["id"] = n.ID
		// Cytoscape desktop labels nodes by "name" (its default style maps
		// that column), Cytoscape.js by the style sheet's data(label).
		data["name"] = n.Label
		d.Elements.Nodes = append(d.Elements.Nodes, element{Data: data, Classes: string(n.Kind) + " " + n.Type})
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		data := values(pg.EdgeAttrs, e.Value)
		data["id"], data["source"], data["target"] = e.ID, e.Source, e.Target
		d.Elements.Edges = append(d.Elements.Edges, element{Data: data, Classes: e.Kind})
	}
	d.Style = styles(g)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // keep "<" and "&" in labels readable
	enc.SetIndent("", " ")
	return enc.Encode(d)
}

func values(attrs []pg.Attr, value func(string) string) map[string]any {
	out := map[string]any{}
	for _, a := range attrs {
		v := value(a.Name)
		if v == "" {
			continue
		}
		if a.Type == "long" {
			if n, ok := pg.Int(v); ok {
				out[a.Name] = n
				continue
			}
		}
		out[a.Name] = v
	}
	return out
}

// styles gives a rule per type present, so the graph draws in the same
// colours as the DOT export.
func styles(g *pg.Graph) []rule {
	out := []rule{
		{"node", map[string]string{"label": "data(label)", "text-wrap": "wrap", "text-max-width": "160px", "font-size": "10px", "text-valign": "bottom", "text-margin-y": "3px", "border-width": "1px", "border-color": "#888888", "width": "26px", "height": "26px"}},
		{"node.event", map[string]string{"width": "18px", "height": "18px", "font-size": "9px"}},
		{"edge", map[string]string{"label": "data(label)", "font-size": "8px", "curve-style": "bezier", "target-arrow-shape": "triangle", "line-color": "#999999", "target-arrow-color": "#999999", "text-rotation": "autorotate"}},
		{"edge[modality = 'planned']", map[string]string{"line-style": "dashed"}},
	}
	seen := map[string]bool{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		key := string(n.Kind) + "." + n.Type
		if seen[key] {
			continue
		}
		seen[key] = true
		st := n.Style()
		out = append(out, rule{"node." + string(n.Kind) + "." + n.Type, map[string]string{"background-color": st.Fill, "shape": shape(st.Shape)}})
	}
	return out
}

func shape(s string) string {
	switch s {
	case "box", "note":
		return "round-rectangle"
	case "house", "cds":
		return "tag"
	case "hexagon", "octagon":
		return s
	}
	return "ellipse"
}
