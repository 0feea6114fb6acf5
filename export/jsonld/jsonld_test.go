package jsonld_test

import (
	"bytes"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	cjsonld "github.com/cayleygraph/quad/jsonld"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/jsonld"
)

func sorted(qs []quad.Quad) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

func write(t *testing.T, qs []quad.Quad) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jsonld.Write(&b, qs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	qs := exporttest.Quads(t)
	sort.Slice(qs, func(i, j int) bool { return qs[i].NQuad() < qs[j].NQuad() })
	exporttest.Golden(t, "fixture.jsonld", write(t, qs))
}

// TestRoundTrip reads the export back with cayleygraph/quad's JSON-LD
// reader: the same quads, graph labels, language tags and datatypes
// included.
func TestRoundTrip(t *testing.T) {
	// The reader turns typed literals into Go values by default, which
	// rewrites "2024-06"^^xsd:gYearMonth; compare the lexical forms kg wrote.
	old := cjsonld.AutoConvertTypedString
	cjsonld.AutoConvertTypedString = false
	defer func() { cjsonld.AutoConvertTypedString = old }()

	qs := exporttest.Quads(t)
	got := exporttest.ReadQuads(t, cjsonld.NewReader(bytes.NewReader(write(t, qs))))
	want := sorted(qs)
	if strings.Join(want, "") != strings.Join(got, "") {
		t.Errorf("read back %d quads, wrote %d", len(got), len(want))
		for i := 0; i < len(want) && i < len(got); i++ {
			if want[i] != got[i] {
				t.Errorf("first difference:\n got %s\nwant %s", got[i], want[i])
				break
			}
		}
	}
	if !strings.Contains(strings.Join(got, ""), `"किम जोंग-उन"@hi`) {
		t.Error("the Hindi label did not survive")
	}
}
