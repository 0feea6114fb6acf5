package schema

import (
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// Namespaces. Every IRI kg writes is built from one of these, so a reader can
// tell an entity from an event or an article by its prefix alone.
const (
	// Base is the root of every IRI minted by kg.
	Base = "https://kg.example.org/"
	// NS holds kg's own classes and predicates (kg:PhoneCall, kg:agent, ...).
	NS = Base + "ns#"
	// EntityNS holds entities shared across articles: kg-entity:Q56226.
	EntityNS = Base + "entity/"
	// EventNS holds event nodes, one sub-path per article.
	EventNS = Base + "event/"
	// ArticleNS holds article nodes; an article IRI is also the label (fourth
	// element) of every quad the article contributed.
	ArticleNS = Base + "article/"
	// RelNS holds the direct-edge predicates between participants
	// (rel:spoke_with, rel:president_of).
	RelNS = Base + "rel/"

	RDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS      = "http://www.w3.org/2000/01/rdf-schema#"
	SKOS      = "http://www.w3.org/2004/02/skos/core#"
	XSD       = "http://www.w3.org/2001/XMLSchema#"
	SchemaOrg = "https://schema.org/"
	Wikidata  = "http://www.wikidata.org/entity/"
)

// EntityGraph labels the shared entity descriptions (type, labels, sameAs).
// They carry no article label because many articles share them; each article
// records what it asserts about an entity under the Asserted* predicates in
// its own graph, and the store keeps EntityGraph equal to the union of those.
var EntityGraph = quad.IRI(Base + "graph/entities")

// Standard predicates.
var (
	Type     = quad.IRI(RDF + "type")
	Label    = quad.IRI(RDFS + "label")
	AltLabel = quad.IRI(SKOS + "altLabel")
	SameAs   = quad.IRI(SchemaOrg + "sameAs")
)

// Article predicates (schema.org where it has one).
var (
	NewsArticle    = quad.IRI(SchemaOrg + "NewsArticle")
	Headline       = quad.IRI(SchemaOrg + "headline")
	Abstract       = quad.IRI(SchemaOrg + "abstract")
	DatePublished  = quad.IRI(SchemaOrg + "datePublished")
	DateCreated    = quad.IRI(SchemaOrg + "dateCreated")
	ArticleSection = quad.IRI(SchemaOrg + "articleSection")
	Mentions       = quad.IRI(SchemaOrg + "mentions")
	Dateline       = quad.IRI(NS + "dateline")
	SourcePath     = quad.IRI(NS + "sourcePath")
	ContentHash    = quad.IRI(NS + "contentHash")
	// Node lists, as xsd:anyURI literals, the article-scoped nodes (events,
	// positions, the article's own groups) whose quads belong to the
	// article. It is a literal, not an edge, so the article node does not
	// become a neighbour of every event; the store uses it to find an
	// article's quads without a label index.
	Node = quad.IRI(NS + "node")
	// QuadRef holds, as an N-Triples literal, each quad of the article whose
	// subject is shared (a direct edge from an entity), so that the store
	// finds it without scanning every quad of that entity.
	QuadRef = quad.IRI(NS + "quad")
	// Asserts holds, as an N-Triples literal, what the article asserts about
	// a shared entity ("<…/Q56226> <rdf:type> <schema:Person> ."). The
	// entity graph is the union of all articles' assertions; the object
	// index finds every article asserting the same triple.
	Asserts = quad.IRI(NS + "asserts")
)

// IsBookkeeping reports whether a predicate is the store's bookkeeping
// rather than a fact: the manifest, the assertions behind the entity graph,
// where an article came from. Exports and queries leave these out.
func IsBookkeeping(p quad.Value) bool {
	iri, ok := p.(quad.IRI)
	if !ok {
		return false
	}
	if _, ok := Contributions[iri]; ok {
		return true
	}
	switch iri {
	case Node, QuadRef, Asserts, ContentHash, SourcePath:
		return true
	}
	return IsDerived(iri)
}

// Entity contribution predicates: what one article asserts about a shared
// entity. Loaders write them; the store keeps each as a kg:asserts literal
// and derives the EntityGraph quads from those.
var (
	AssertedType     = quad.IRI(NS + "assertedType")
	AssertedLabel    = quad.IRI(NS + "assertedLabel")
	AssertedAltLabel = quad.IRI(NS + "assertedAltLabel")
	AssertedSameAs   = quad.IRI(NS + "assertedSameAs")
	// AssertedDiscovered: the article recognised the entity as a name that
	// no lexicon lists (see Discovered).
	AssertedDiscovered = quad.IRI(NS + "assertedDiscovered")
)

// Discovered marks, with the value True, an entity kg recognised in text
// (by its name recogniser or a title before it) that its lexicon does not
// list: it has no Wikidata link, its English label is a transliteration
// (LangHindiLatin), and an analyst may want to review it. It lives in the
// entity graph, like the labels.
var Discovered = quad.IRI(NS + "discovered")

// True is the boolean literal true.
var True = quad.TypedString{Value: "true", Type: XSDBoolean}

// Language tags of labels. A discovered name's Latin label is a
// romanisation of Hindi, not an English name, so it is tagged hi-Latn
// (BCP 47: Hindi in Latin script); readers that want a label in Latin
// letters take en, else hi-Latn (LatinLabel).
const (
	LangHindi      = "hi"
	LangEnglish    = "en"
	LangHindiLatin = "hi-Latn"
)

// LatinLabel reports whether a label's language tag is one readers show as
// the Latin-script label: English, or Hindi romanised.
func LatinLabel(lang string) bool {
	return lang == LangEnglish || strings.EqualFold(lang, LangHindiLatin)
}

// Contributions maps each Asserted* predicate to the entity-graph predicate it
// stands for.
var Contributions = map[quad.IRI]quad.IRI{
	AssertedType:       Type,
	AssertedLabel:      Label,
	AssertedAltLabel:   AltLabel,
	AssertedSameAs:     SameAs,
	AssertedDiscovered: Discovered,
}

// Event predicates.
var (
	Event       = quad.IRI(NS + "Event") // every event node also has this type
	Agent       = quad.IRI(NS + "agent")
	Participant = quad.IRI(NS + "participant")
	Theme       = quad.IRI(NS + "theme")
	Recipient   = quad.IRI(NS + "recipient")
	Location    = quad.IRI(NS + "location")
	Destination = quad.IRI(NS + "destination")
	Topic       = quad.IRI(NS + "topic")
	Occasion    = quad.IRI(NS + "occasion")
	Date        = quad.IRI(NS + "date")
	EndDate     = quad.IRI(NS + "endDate")
	DateText    = quad.IRI(NS + "dateText")
	DateBasis   = quad.IRI(NS + "dateBasis")
	// Offset is how long after the event told before it an event came, as
	// the text puts it ("सात घंटे बाद" → "PT7H"^^xsd:duration).
	Offset      = quad.IRI(NS + "offset")
	Quantity    = quad.IRI(NS + "quantity")
	Modality    = quad.IRI(NS + "modality")
	ReportedBy  = quad.IRI(NS + "reportedBy")
	Evidence    = quad.IRI(NS + "evidence")
	EvidenceAt  = quad.IRI(NS + "evidenceStart")
	EvidenceEnd = quad.IRI(NS + "evidenceEnd")
	Trigger     = quad.IRI(NS + "trigger")
	Ordinal     = quad.IRI(NS + "ordinal")
	// Times is how many times an event has happened as the text counts
	// them ("नौ बार जीता" → 9); Ordinal on an event is which time it is.
	Times = quad.IRI(NS + "times")
)

// Roles lists the predicates from an event (or a position) to what takes
// part in it, who acts first: readers that walk from an event to its
// participants use this list rather than their own.
var Roles = func() []quad.IRI {
	out := make([]quad.IRI, len(AllRoles))
	for i, r := range AllRoles {
		out[i] = r.IRI()
	}
	return out
}()

// Event codes and casualties.
var (
	// CAMEO and PLOVER hold the event class's codes as plain literals
	// ("0431", "consult"): on every event node, so that readers need not
	// know the class table.
	CAMEO  = quad.IRI(NS + "cameo")
	PLOVER = quad.IRI(NS + "plover")
	// Killed, Injured and Affected count the people an event killed,
	// injured or otherwise hit (displaced, stranded), as xsd:integer, as
	// PLOVER and ACLED record fatalities.
	Killed   = quad.IRI(NS + "killed")
	Injured  = quad.IRI(NS + "injured")
	Affected = quad.IRI(NS + "affected")
	// Generic marks ("true"^^xsd:boolean) an event of class kg:Event that no
	// frame covers: a clause read with its verb's Lemma (Hindi) and Gloss
	// (English) and its roles from case markers.
	Generic = quad.IRI(NS + "generic")
	Lemma   = quad.IRI(NS + "lemma")
	Gloss   = quad.IRI(NS + "gloss")
)

// Pred returns the kg predicate with a local name (a role a frame names in
// frames.tsv: kg:patient, kg:under ...).
func Pred(local string) quad.IRI { return quad.IRI(NS + local) }

// Position predicates: an office a person holds, read from a title
// ("रूस के राष्ट्रपति पुतिन"). Position nodes have rdf:type kg:Position and a
// class for the office (kg:President, kg:ForeignMinister ...).
var (
	Position = quad.IRI(NS + "Position")
	Holder   = quad.IRI(NS + "holder")
	Of       = quad.IRI(NS + "of")
	// Relation names, as a plain literal, the direct relation the position
	// stands for ("president_of"), for readers that want an edge label.
	Relation = quad.IRI(NS + "relation")
)

// Modality values.
const (
	Asserted = "asserted" // the article states it happened or holds
	Planned  = "planned"  // scheduled or future
	Reported = "reported" // attributed to a source the article cites
	// Possible: the article says it may happen or may have happened
	// ("हो सकता है", "आशंका है").
	Possible = "possible"
	// Conditional: stated under a condition ("अगर … तो") or contrary to
	// fact ("होता तो … करता"); it is no fact, and yields no edge.
	Conditional = "conditional"
	// Cancelled: planned, then called off ("अपनी यात्रा रद्द कर दी"): it did
	// not happen, and yields no edge; the event that calls it off has it
	// as its theme.
	Cancelled = "cancelled"
)

// IsFactual reports whether a modality states that the event happened or
// holds (asserted, or reported by a source): only such events yield direct
// edges.
func IsFactual(modality string) bool { return modality == Asserted || modality == Reported }

// Datatypes.
var (
	XSDDate       = quad.IRI(XSD + "date")
	XSDGYearMonth = quad.IRI(XSD + "gYearMonth")
	XSDGYear      = quad.IRI(XSD + "gYear")
	XSDDateTime   = quad.IRI(XSD + "dateTime")
	XSDDuration   = quad.IRI(XSD + "duration")
	XSDInteger    = quad.IRI(XSD + "integer")
	XSDBoolean    = quad.IRI(XSD + "boolean")
	XSDAnyURI     = quad.IRI(XSD + "anyURI")
)

// Class returns the IRI of a class name: schema.org for entity classes it
// knows (Person, Country, City, Place, Organization, Event...), kg's own
// namespace otherwise.
func Class(name string) quad.IRI {
	if schemaOrgClasses[name] {
		return quad.IRI(SchemaOrg + name)
	}
	return quad.IRI(NS + name)
}

var schemaOrgClasses = map[string]bool{
	"Person": true, "Country": true, "City": true, "Place": true,
	"AdministrativeArea": true, "Organization": true, "GovernmentOrganization": true,
	"NewsMediaOrganization": true, "Event": true, "Legislation": true, "Thing": true,
	"CreativeWork": true,
}

// EntityClasses lists every class an entity may have. Lexicon and pattern
// data may use only these names (the loaders check), so that readers such as
// the store's entity index can find every entity through its class.
var EntityClasses = []string{
	"Person", "Country", "City", "Place", "AdministrativeArea",
	"Organization", "GovernmentOrganization", "NewsMediaOrganization",
	"MilitaryOrganization", "PoliticalParty", "Event", "Treaty", "War",
	"Summit", "Group", "Anniversary", "CreativeWork", "Prize", "Thing",
}

// IsEntityClass reports whether name is in EntityClasses.
func IsEntityClass(name string) bool {
	for _, c := range EntityClasses {
		if c == name {
			return true
		}
	}
	return false
}

// Rel returns the direct-edge predicate with the given local name.
func Rel(name string) quad.IRI { return quad.IRI(RelNS + name) }

// EntityIRI returns the shared IRI of an entity id (a Wikidata QID or a slug).
func EntityIRI(id string) quad.IRI { return quad.IRI(EntityNS + id) }

// WikidataIRI returns the Wikidata IRI of a QID.
func WikidataIRI(qid string) quad.IRI { return quad.IRI(Wikidata + qid) }

// ArticleIRI returns the IRI of an article id.
func ArticleIRI(id string) quad.IRI { return quad.IRI(ArticleNS + id) }

// EventIRI returns the IRI of the n-th event of an article id.
func EventIRI(articleID string, n int) quad.IRI {
	return quad.IRI(EventNS + articleID + "/" + strconv.Itoa(n))
}

// PositionIRI returns the IRI of the n-th position node of an article id.
func PositionIRI(articleID string, n int) quad.IRI {
	return quad.IRI(EventNS + articleID + "/position-" + strconv.Itoa(n))
}

// Text is the lexical form of a value: a literal without quotes, language
// tag or datatype, an IRI's string.
func Text(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case nil:
		return ""
	}
	return quad.StringOf(v)
}

// LocalName returns the part of an IRI after its last '/' or '#'.
func LocalName(iri quad.IRI) string {
	s := string(iri)
	if i := strings.LastIndexAny(s, "/#"); i >= 0 {
		return s[i+1:]
	}
	return s
}
