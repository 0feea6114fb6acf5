package schema

import (
	"sort"
	"strings"
)

// Prefix is a short name for a namespace: what kg prints (ent:Q56226,
// kg:PhoneCall) and what its queries accept in place of the full IRI.
type Prefix struct {
	Name string // without the colon: "kg"
	NS   string
}

// Prefixes are kg's compact-IRI prefixes, longest namespace first, so that
// an IRI is shortened by the most specific one (ent: before kg's base).
var Prefixes = func() []Prefix {
	p := []Prefix{
		{"ent", EntityNS}, {"ev", EventNS}, {"art", ArticleNS}, {"rel", RelNS}, {"kg", NS},
		{"schema", SchemaOrg}, {"rdf", RDF}, {"rdfs", RDFS}, {"skos", SKOS}, {"xsd", XSD}, {"wd", Wikidata},
	}
	sort.SliceStable(p, func(i, j int) bool { return len(p[i].NS) > len(p[j].NS) })
	return p
}()

// Compact writes an IRI with kg's prefixes (ent:Q56226); ok is false when
// no prefix fits.
func Compact(iri string) (string, bool) {
	for _, p := range Prefixes {
		if strings.HasPrefix(iri, p.NS) {
			return p.Name + ":" + iri[len(p.NS):], true
		}
	}
	return iri, false
}

// Expand turns a compact IRI (kg:PhoneCall, rdf:type) into the full one;
// ok is false when s does not start with one of kg's prefixes.
func Expand(s string) (string, bool) {
	name, local, found := strings.Cut(s, ":")
	if !found || strings.HasPrefix(local, "//") {
		return s, false
	}
	for _, p := range Prefixes {
		if p.Name == name {
			return p.NS + local, true
		}
	}
	return s, false
}
