package nquads_test

import (
	"bytes"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
	cnquads "github.com/cayleygraph/quad/nquads"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/nquads"
)

func TestGoldenAndRoundTrip(t *testing.T) {
	qs := exporttest.Quads(t)
	sort.Slice(qs, func(i, j int) bool { return qs[i].NQuad() < qs[j].NQuad() })
	var b bytes.Buffer
	if err := nquads.Write(&b, qs); err != nil {
		t.Fatal(err)
	}
	exporttest.Golden(t, "fixture.nq", b.Bytes())
	back, err := quad.ReadAll(cnquads.NewReader(bytes.NewReader(b.Bytes()), true))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(qs) {
		t.Fatalf("read back %d quads, wrote %d", len(back), len(qs))
	}
	for i := range qs {
		if back[i].NQuad() != qs[i].NQuad() {
			t.Errorf("quad %d: read %s, wrote %s", i, back[i].NQuad(), qs[i].NQuad())
		}
	}
}
