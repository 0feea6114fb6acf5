// Package nquads writes quads as N-Quads with cayleygraph/quad's writer.
package nquads

import (
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Write writes the quads in the order given.
func Write(w io.Writer, qs []quad.Quad) error {
	qw := nquads.NewWriter(w)
	for _, q := range qs {
		if err := qw.WriteQuad(q); err != nil {
			return err
		}
	}
	return qw.Close()
}
