package exporttest

import (
	"encoding/json"
	"fmt"
	"testing"
)

// textBox is where Graphviz drew one line of a label.
type textBox struct {
	owner, text    string
	x0, y0, x1, y1 float64
}

type xdrawOp struct {
	Op    string     `json:"op"`
	Pt    [2]float64 `json:"pt"`
	Align string     `json:"align"`
	Width float64    `json:"width"`
	Text  string     `json:"text"`
	Size  float64    `json:"size"`
}

type xdrawn struct {
	Name  string    `json:"name"`
	Tail  int       `json:"tail"`
	Head  int       `json:"head"`
	LDraw []xdrawOp `json:"_ldraw_"`
}

// LabelOverlaps lays a DOT file out with dot's default settings (dot
// -Tjson) and returns every pair of labels, node or edge, whose text boxes
// overlap: what a reader would see as one label drawn over another.
func LabelOverlaps(t testing.TB, dotFile string) []string {
	t.Helper()
	Tool(t, "dot", "graphviz")
	return Overlaps(t, Run(t, "dot", "-Tjson", dotFile))
}

// Overlaps finds overlapping labels in a layout Graphviz wrote with -Tjson.
func Overlaps(t testing.TB, out []byte) []string {
	t.Helper()
	var g struct {
		Objects []xdrawn `json:"objects"`
		Edges   []xdrawn `json:"edges"`
	}
	if err := json.Unmarshal(out, &g); err != nil {
		t.Fatal(err)
	}
	var boxes []textBox
	add := func(owner string, ops []xdrawOp) {
		size := 14.0
		for _, op := range ops {
			switch op.Op {
			case "F":
				size = op.Size
			case "T":
				x0 := op.Pt[0] - op.Width/2
				switch op.Align {
				case "l":
					x0 = op.Pt[0]
				case "r":
					x0 = op.Pt[0] - op.Width
				}
				// From below the baseline (descenders, Devanagari
				// matras) to the top of the tallest glyphs.
				boxes = append(boxes, textBox{owner, op.Text, x0, op.Pt[1] - 0.3*size, x0 + op.Width, op.Pt[1] + 0.8*size})
			}
		}
	}
	for _, o := range g.Objects {
		add("node "+o.Name, o.LDraw)
	}
	for i, e := range g.Edges {
		from, to := "?", "?"
		if e.Tail < len(g.Objects) && e.Head < len(g.Objects) {
			from, to = g.Objects[e.Tail].Name, g.Objects[e.Head].Name
		}
		add(fmt.Sprintf("edge %d %s->%s", i, from, to), e.LDraw)
	}
	var bad []string
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a.owner == b.owner {
				continue
			}
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				bad = append(bad, fmt.Sprintf("%s %q overlaps %s %q", a.owner, a.text, b.owner, b.text))
			}
		}
	}
	return bad
}
