package server

import (
	"net/http"

	"github.com/kgnews/kg/export/style"
)

// classStyle is how the page draws one class: kg's export colours, and a
// Cytoscape.js shape for its Graphviz one.
type classStyle struct {
	Class string `json:"class"`
	Kind  string `json:"kind"`
	Fill  string `json:"fill"`
	Shape string `json:"shape"`
	EN    string `json:"en"`
	HI    string `json:"hi"`
}

// style answers GET /api/style: the colours and shapes of every class, so
// that the page draws a network in the colours of kg's exports.
func (s *Server) style(w http.ResponseWriter, r *http.Request) {
	var out []classStyle
	for _, st := range style.All() {
		out = append(out, classStyle{Class: st.Class, Kind: string(st.Kind), Fill: st.Fill, Shape: cyShape(st.Shape), EN: st.EN, HI: st.HI})
	}
	writeJSON(w, http.StatusOK, map[string]any{"classes": out})
}

// cyShape is the Cytoscape.js shape closest to a Graphviz one.
func cyShape(s string) string {
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
