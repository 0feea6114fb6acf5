package nquads

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/schema"
)

// FuzzParse: N-Quads of any shape are read without a panic; what is read
// is articles with IRIs whose quads all carry none of kg's entity graph,
// and an error is one line.
func FuzzParse(f *testing.F) {
	f.Add([]byte("<http://x/a> <http://x/p> \"one\" <http://x/g> .\n<http://x/b> <http://x/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"))
	f.Add([]byte("_:b <http://x/p> \"v\"@hi <" + string(schema.EntityGraph) + "> .\n# comment\n"))
	f.Add([]byte("<http://x/c> <http://x/p> \"three <http://x/g> .\n"))
	f.Add([]byte("<a> <b> <c> _:g .\n<a> <b> \"\\u0000\\n\" <> .\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _, err := Parse("fuzz.nq", "", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of several lines: %q", err)
			}
			return
		}
		if len(arts) == 0 {
			t.Fatal("no error and no article")
		}
		for _, a := range arts {
			if len(a.Quads) == 0 {
				t.Fatalf("article %s without quads", a.IRI)
			}
			for _, q := range a.Quads {
				if q.Label == schema.EntityGraph {
					t.Fatalf("an entity-graph quad kept: %v", q)
				}
			}
		}
	})
}
