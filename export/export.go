package export

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// Output is what a format's writer gets: the selected quads for RDF
// formats, the projected graph for the others.
type Output struct {
	Quads []quad.Quad
	Graph *pg.Graph
}

// Counts says how much an output holds, for the line kg prints.
func (o *Output) Counts() string {
	if o.Graph != nil {
		return fmt.Sprintf("%d nodes, %d edges", len(o.Graph.Nodes), len(o.Graph.Edges))
	}
	return fmt.Sprintf("%d quads", len(o.Quads))
}

// AllQuads reads every quad of the store, in storage order.
func AllQuads(ctx context.Context, st *graph.Store) ([]quad.Quad, error) {
	var out []quad.Quad
	err := st.Each(ctx, func(q quad.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// Build selects from all of a store's quads and prepares the output of a
// format. An RDF format with nothing selected gets the store as it is,
// bookkeeping included, so that a dump loads back unchanged.
func Build(all []quad.Quad, f Format, sel Selection, opts pg.Options) (*Output, error) {
	if f.Quads != nil && sel.IsAll() {
		return &Output{Quads: all}, nil
	}
	sub, err := Select(all, sel)
	if err != nil {
		return nil, err
	}
	if f.Quads != nil {
		return &Output{Quads: sub.Quads}, nil
	}
	if opts.Lang == "" {
		opts.Lang = sel.Lang
	}
	return &Output{Graph: pg.Project(sub, opts)}, nil
}

// WithoutGeneric leaves out the generic events (kg:generic: clauses no
// frame covers) and every quad about them or pointing at them.
func WithoutGeneric(qs []quad.Quad) []quad.Quad {
	generic := map[quad.Value]bool{}
	for _, q := range qs {
		if q.Predicate == schema.Generic && schema.Text(q.Object) == "true" {
			generic[q.Subject] = true
		}
	}
	if len(generic) == 0 {
		return qs
	}
	out := make([]quad.Quad, 0, len(qs))
	for _, q := range qs {
		if generic[q.Subject] || generic[q.Object] {
			continue
		}
		if q.Predicate == schema.Node && generic[quad.IRI(schema.Text(q.Object))] {
			continue // the article's bookkeeping of the node
		}
		out = append(out, q)
	}
	return out
}
