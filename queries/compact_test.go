package queries

import (
	"strings"
	"testing"
)

func TestExpandCompact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`g.V().Has("<rdf:type>", "<kg:PhoneCall>").All()`,
			`g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://kg.example.org/ns#PhoneCall>").All()`},
		{`g.V('<ent:Q56226>').Out('<rel:spoke_with>')`,
			`g.V("<https://kg.example.org/entity/Q56226>").Out("<https://kg.example.org/rel/spoke_with>")`},
		{"g.V(`<schema:Person>`)", `g.V("<https://schema.org/Person>")`},
		{`"<skos:altLabel>" + "<rdfs:label>" + "<xsd:gYear>"`,
			`"<http://www.w3.org/2004/02/skos/core#altLabel>" + "<http://www.w3.org/2000/01/rdf-schema#label>" + "<http://www.w3.org/2001/XMLSchema#gYear>"`},
		// Left alone: unknown prefixes, full IRIs, other strings, comments,
		// escapes, interpolation, unclosed strings.
		{`g.V("<foo:bar>", "<https://kg.example.org/ns#x>", "kg:PhoneCall", "a <kg:x> b")`, ""},
		{"// \"<kg:PhoneCall>\"\n/* '<kg:Meeting>' */ g.V()", ""},
		{`g.V("<kg:Phone\u0043all>")`, ""},
		{"g.V(`<kg:${x}>`)", ""},
		{`g.V("<kg:PhoneCall>`, ""},
		// Line numbers stay: a literal never gains or loses a line.
		{"g.V(\n\"<kg:Meeting>\")\n.All()", "g.V(\n\"<https://kg.example.org/ns#Meeting>\")\n.All()"},
	} {
		want := c.want
		if want == "" {
			want = c.in
		}
		if got := ExpandCompact(c.in); got != want {
			t.Errorf("ExpandCompact(%q)\n got %q\nwant %q", c.in, got, want)
		}
	}
}

func TestVocabularyHasClassesAndRoles(t *testing.T) {
	keys := map[string]bool{}
	for _, k := range VocabularyKeys() {
		keys[k] = true
	}
	// Entity classes, event classes from both frame tables, offices from
	// the title table, every role.
	for _, k := range []string{"Person", "Country", "PhoneCall", "TreatySigning", "Meeting", "Deployment", "President", "Event", "Position",
		"agent", "participant", "theme", "topic", "occasion", "location", "origin", "purpose", "holder", "of", "type", "label"} {
		if !keys[k] {
			t.Errorf("KG has no %s", k)
		}
	}
	if !strings.Contains(prelude, `"PhoneCall":"https://kg.example.org/ns#PhoneCall"`) || !strings.Contains(prelude, `"Person":"https://schema.org/Person"`) {
		t.Errorf("KG's classes are not the IRIs kg writes: %.300s", prelude)
	}
}
