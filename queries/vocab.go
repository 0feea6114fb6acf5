package queries

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

const libFile = "lib.js"

//go:embed lib.js
var lib string

// prelude defines KG, the vocabulary the scripts use, built from package
// schema so that no query file spells an IRI.
var prelude = buildPrelude()

func buildPrelude() string {
	iris := map[string]quad.IRI{
		"type": schema.Type, "label": schema.Label, "altLabel": schema.AltLabel, "sameAs": schema.SameAs,
		"newsArticle": schema.NewsArticle, "headline": schema.Headline, "datePublished": schema.DatePublished,
		"mentions": schema.Mentions, "reportedBy": schema.ReportedBy, "node": schema.Node,
		"entityGraph": schema.EntityGraph, "event": schema.Event,
		"agent": schema.Agent, "participant": schema.Participant, "theme": schema.Theme,
		"recipient": schema.Recipient, "location": schema.Location, "destination": schema.Destination,
		"topic": schema.Topic, "occasion": schema.Occasion,
		"date": schema.Date, "endDate": schema.EndDate, "dateText": schema.DateText,
		"quantity": schema.Quantity, "anyURI": schema.XSDAnyURI, "modality": schema.Modality,
		"evidence": schema.Evidence, "evidenceStart": schema.EvidenceAt, "evidenceEnd": schema.EvidenceEnd,
		"position": schema.Position, "holder": schema.Holder, "of": schema.Of, "relation": schema.Relation,
		"addressee": schema.Pred("addressee"), "patient": schema.Pred("patient"), "target": schema.Pred("target"),
		"involves": schema.Pred("involves"), "under": schema.Pred("under"), "discovered": schema.Discovered,
		"generic": schema.Generic, "cameo": schema.CAMEO, "plover": schema.PLOVER,
		// the derived layer: claims, reports of one event, the index
		"claimSubject": schema.ClaimSubject, "claimRelation": schema.ClaimRelation, "claimObject": schema.ClaimObject,
		"claimStats": schema.ClaimStats, "claimSource": schema.ClaimSource, "claimEvent": schema.ClaimEvent,
		"claimArticle": schema.ClaimArticle, "sameEvent": schema.SameEvent,
		"indexRow": schema.IndexRow, "indexMonth": schema.IndexMonth, "indexMember": schema.IndexMember,
		"entityStats": schema.EntityStats, "timelineIndex": schema.TimelineIndex,
		"claimGraph": schema.ClaimGraph, "indexGraph": schema.IndexGraph,
		"nameLabel": schema.NameLabel, "nameAlias": schema.NameAlias, "nameWord": schema.NameWord,
	}
	m := map[string]any{}
	// Classes by their own names (KG.PhoneCall, KG.Person, KG.President),
	// so that a script can say Has(KG.type, KG.PhoneCall).
	for _, c := range classNames() {
		m[c] = string(schema.Class(c))
	}
	// kg:Event is on every event node; the entity class schema:Event (a
	// named occasion) stays "<schema:Event>".
	m["Event"] = string(schema.Event)
	m["Position"] = string(schema.Position)
	// Every role, by its local name.
	for _, r := range schema.Roles {
		m[schema.LocalName(r)] = string(r)
	}
	for k, v := range iris {
		m[k] = string(v)
	}
	m["entityNS"] = schema.EntityNS
	m["eventNS"] = schema.EventNS
	m["articleNS"] = schema.ArticleNS
	m["relNS"] = schema.RelNS
	m["withNS"] = schema.WithNS
	m["claimNS"] = schema.ClaimNS
	m["indexNS"] = schema.IndexNS
	// Roles in the order participants are listed: who acts first.
	var roles []string
	for _, r := range schema.Roles {
		roles = append(roles, string(r))
	}
	m["roles"] = roles
	var classes []string
	for _, c := range schema.EntityClasses {
		classes = append(classes, string(schema.Class(c)))
	}
	sort.Strings(classes)
	m["entityClasses"] = classes
	b, _ := json.Marshal(m)
	return "var KG = " + string(b) + ";\n"
}

// classNames lists the classes kg writes: entity classes, the event
// classes of the frame tables and the office classes of the title table.
func classNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range schema.EntityClasses {
		add(c)
	}
	for _, t := range []struct {
		file  string
		field int
	}{{"hi/frames.tsv", 0}, {"en/frames.tsv", 0}, {"hi/titles.tsv", 3}} {
		rows, err := schema.ReadTSV(t.file, t.field+1)
		if err != nil {
			panic(err) // embedded data, checked by its own package's tests
		}
		for _, r := range rows {
			add(r.Field(t.field))
		}
	}
	sort.Strings(out)
	return out
}

// compactPrelude lets a raw script use kg's prefixes beyond string
// literals (ExpandCompact does those): g.IRI("kg:PhoneCall") through
// Gizmo's own namespaces, iri("kg:PhoneCall") and iri("<kg:PhoneCall>")
// through a wrapper.
var compactPrelude = func() string {
	var b strings.Builder
	ns := map[string]string{}
	for _, p := range schema.Prefixes {
		fmt.Fprintf(&b, "g.AddNamespace(%q, %q);\n", p.Name, p.NS)
		ns[p.Name] = p.NS
	}
	nj, _ := json.Marshal(ns)
	b.WriteString("var __kg_ns = " + string(nj) + ";\n")
	// iri() takes a bare IRI; "<...>" is how a string names a node, so
	// the brackets (which ExpandCompact leaves on a literal it expands)
	// come off too.
	// Wrapped once: a kept REPL session runs this before every statement.
	b.WriteString(`if (!iri.__kg_compact) {
  var iri = (function (iri) {
    var f = function (s) {
      if (typeof s === "string") {
        if (s.length > 1 && s.charAt(0) === "<" && s.charAt(s.length - 1) === ">") s = s.substring(1, s.length - 1);
        var i = s.indexOf(":");
        if (i > 0 && s.substring(i + 1, i + 3) !== "//" && __kg_ns.hasOwnProperty(s.substring(0, i))) s = __kg_ns[s.substring(0, i)] + s.substring(i + 1);
      }
      return iri(s);
    };
    f.__kg_compact = true;
    return f;
  })(iri);
}
`)
	return b.String()
}()

// VocabularyKeys lists the names in the KG object, for completion.
func VocabularyKeys() []string {
	var m map[string]any
	_ = json.Unmarshal([]byte(prelude[len("var KG = "):len(prelude)-2]), &m)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
