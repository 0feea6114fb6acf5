package dot_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/export/dot"
	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := dot.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.Golden(t, "fixture.dot", write(t, exporttest.Graph(t, pg.Options{})))
	exporttest.Golden(t, "fixture-edges-hi.dot", write(t, exporttest.Graph(t, pg.Options{Events: pg.EventEdges, Lang: pg.Hindi})))
}

// TestGraphviz renders the export with dot -Tpng and -Tsvg: no warnings,
// every label drawn, in a font that has Devanagari.
func TestGraphviz(t *testing.T) {
	exporttest.Tool(t, "dot", "graphviz")
	exporttest.Tool(t, "fc-list", "fontconfig")
	fonts := string(exporttest.Run(t, "fc-list", ":lang=hi", "family"))
	exporttest.Require(t, strings.Contains(fonts, "Noto Sans Devanagari"), "a Noto font with Devanagari (Debian's fonts-noto-core)")
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges, Lang: pg.Hindi}} {
		g := exporttest.Graph(t, opts)
		dir := t.TempDir()
		src := filepath.Join(dir, "g.dot")
		if err := os.WriteFile(src, write(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		exporttest.Run(t, "dot", "-Tpng", src, "-o", filepath.Join(dir, "g.png"))
		if st, err := os.Stat(filepath.Join(dir, "g.png")); err != nil || st.Size() < 10000 {
			t.Errorf("the PNG is missing or tiny: %v", err)
		}
		svg := string(exporttest.Run(t, "dot", "-Tsvg", src))
		for _, n := range g.Nodes {
			for _, line := range n.Lines {
				if !strings.Contains(svg, escapeSVG(line)) {
					t.Errorf("%s: the SVG lacks the label line %q", n.ID, line)
				}
			}
		}
		if !strings.Contains(svg, `font-family="Noto Sans"`) {
			t.Error("the SVG does not use Noto Sans")
		}
		for _, o := range exporttest.LabelOverlaps(t, src) {
			t.Errorf("%+v: %s", opts, o)
		}
	}
}

func escapeSVG(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "-", "&#45;").Replace(s)
}

// The overlap check must be able to fail: two nodes drawn on one spot
// (neato -n keeps the positions given).
func TestOverlapCheck(t *testing.T) {
	exporttest.Tool(t, "neato", "graphviz")
	src := filepath.Join(t.TempDir(), "o.dot")
	os.WriteFile(src, []byte(`digraph { a [label="Kim Jong-un", pos="0,0"]; b [label="किम जोंग-उन", pos="10,5"]; c [label="far", pos="500,500"]; }`), 0o644)
	got := exporttest.Overlaps(t, exporttest.Run(t, "neato", "-n", "-Tjson", src))
	if len(got) != 1 || !strings.Contains(got[0], "Kim Jong-un") {
		t.Errorf("overlaps = %v, want Kim's two labels", got)
	}
}
