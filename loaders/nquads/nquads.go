// Package nquads loads an N-Quads file as it is, one article per graph
// label: quads without a label go to an article named after the file, so
// `kg rm FILE` retracts them. Quads in kg's entity graph are skipped: the
// store derives that graph from the articles' kg:asserted* quads.
package nquads

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	qnq "github.com/cayleygraph/quad/nquads"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// Parse reads N-Quads data. name is used in messages and for the id of the
// article that receives unlabelled quads; path, when set, is its source.
func Parse(name, path string, data []byte) ([]*graph.Article, []string, error) {
	r := qnq.NewReader(bytes.NewReader(data), false)
	byLabel := map[quad.IRI]*graph.Article{}
	var order []quad.IRI
	var warns []string
	skipped := 0
	fileIRI := schema.ArticleIRI("file-" + slugFile(name))
	for n := 1; ; n++ {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("quad %d: %w", n, err)
		}
		if q.Label == schema.EntityGraph {
			skipped++
			continue
		}
		lbl := fileIRI
		if iri, ok := q.Label.(quad.IRI); ok {
			lbl = iri
		} else if q.Label != nil {
			return nil, nil, fmt.Errorf("quad %d: graph label %s is not an IRI", n, q.Label)
		}
		a := byLabel[lbl]
		if a == nil {
			a = &graph.Article{IRI: lbl}
			byLabel[lbl] = a
			order = append(order, lbl)
		}
		a.Quads = append(a.Quads, q)
	}
	if len(order) == 0 {
		return nil, nil, fmt.Errorf("no quads")
	}
	if skipped > 0 {
		warns = append(warns, fmt.Sprintf("%d entity-graph quads skipped (derived from the articles' kg:asserted* quads)", skipped))
	}
	out := make([]*graph.Article, 0, len(order))
	for _, l := range order {
		a := byLabel[l]
		if l == fileIRI {
			a.SourcePath = path
			a.Quads = append(a.Quads, quad.Quad{Subject: l, Predicate: schema.Type, Object: schema.NewsArticle},
				quad.Quad{Subject: l, Predicate: schema.Headline, Object: quad.String(filepath.Base(name))})
		}
		out = append(out, a)
	}
	return out, warns, nil
}

func slugFile(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "stdin"
	}
	return b.String()
}
