package export_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/pg"
)

// manyArticles copies the fixture's quads n times under other article and
// event IRIs (entities shared), as a store of n similar articles would be.
func manyArticles(b *testing.B, n int) []quad.Quad {
	base := exporttest.Quads(b)
	var out []quad.Quad
	for i := 0; i < n; i++ {
		rename := func(v quad.Value) quad.Value {
			if iri, ok := v.(quad.IRI); ok && strings.Contains(string(iri), exporttest.ArticleID) {
				return quad.IRI(strings.Replace(string(iri), exporttest.ArticleID, fmt.Sprintf("%s-%d", exporttest.ArticleID, i), 1))
			}
			return v
		}
		for _, q := range base {
			out = append(out, quad.Quad{Subject: rename(q.Subject), Predicate: q.Predicate, Object: rename(q.Object), Label: rename(q.Label)})
		}
	}
	return out
}

// BenchmarkKimTwoHops selects and projects Kim's two-hop network from a
// store of 1000 articles about him (about 300k quads).
func BenchmarkKimTwoHops(b *testing.B) {
	all := manyArticles(b, 1000)
	gm, _ := export.ByName("graphml")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, err := export.Build(all, gm, export.Selection{Roots: []quad.IRI{exporttest.Kim}, Depth: 2}, pg.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(len(all)), "quads")
			b.ReportMetric(float64(len(out.Graph.Nodes)), "nodes")
		}
	}
}
