// Package jsonld writes quads as JSON-LD with cayleygraph/quad's writer,
// compacted with a context that gives kg's namespaces short prefixes; each
// article's quads form a named graph, as in the store.
package jsonld

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"

	"github.com/kgnews/kg/schema"
)

// Context is the @context of every export: prefixes only, so that
// compaction changes no value and a JSON-LD reader gets the same quads.
func Context() map[string]any {
	out := map[string]any{}
	for _, p := range schema.Prefixes {
		out[p.Name] = p.NS
	}
	return out
}

// Write writes the quads as one JSON-LD document, indented so that a
// person can read it.
func Write(w io.Writer, qs []quad.Quad) error {
	var compact bytes.Buffer
	jw := jsonld.NewWriter(&compact)
	jw.SetLdContext(Context())
	for _, q := range qs {
		if err := jw.WriteQuad(q); err != nil {
			return err
		}
	}
	if err := jw.Close(); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", " "); err != nil {
		return err
	}
	_, err := out.WriteTo(w)
	return err
}
