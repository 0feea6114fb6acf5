package queries

import (
	_ "embed"
	"encoding/json"
	"sort"

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
		"involves": schema.Pred("involves"), "under": schema.Pred("under"),
	}
	m := map[string]any{}
	for k, v := range iris {
		m[k] = string(v)
	}
	m["entityNS"] = schema.EntityNS
	m["eventNS"] = schema.EventNS
	m["articleNS"] = schema.ArticleNS
	m["relNS"] = schema.RelNS
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
