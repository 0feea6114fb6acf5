package pg

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// prefixes shorten kg's IRIs into node ids. Order matters only in that no
// namespace is a prefix of another.
var prefixes = []struct{ ns, short string }{
	{schema.EntityNS, "ent"},
	{schema.EventNS, "ev"},
	{schema.ArticleNS, "art"},
}

// ID returns the node id of an IRI: "ent:Q56226", "ev:2025-08-13-kim.3",
// "ent:local.2025-08-13-kim.sappers". It depends on the IRI alone, so the same
// entity has the same id in every export of every store, and it is a valid
// XML NMTOKEN (GraphML and GEXF ids), a safe DOT id and a CSV field without
// quotes. '/' becomes '.', and every byte other than ASCII letters, digits
// and '-' is written as _XX (so '.' and '_' in the IRI cannot collide).
func ID(iri quad.IRI) string {
	s := string(iri)
	for _, p := range prefixes {
		if strings.HasPrefix(s, p.ns) {
			return p.short + ":" + escape(s[len(p.ns):])
		}
	}
	return "iri:" + escape(s)
}

func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		case c == '/':
			b.WriteByte('.')
		default:
			fmt.Fprintf(&b, "_%02X", c)
		}
	}
	return b.String()
}
