package pg

import (
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/export/style"
)

// Lang chooses the language of display labels.
type Lang string

const (
	English Lang = "en"
	Hindi   Lang = "hi"
	Both    Lang = "both"
)

// EventsAs chooses how events appear: as nodes linked to their participants
// by role edges, or collapsed into labelled edges between participants.
type EventsAs string

const (
	EventNodes EventsAs = "nodes"
	EventEdges EventsAs = "edges"
)

// Options control the projection.
type Options struct {
	Lang   Lang     // default Both
	Events EventsAs // default EventNodes
}

// Subgraph is what a selection hands to the projection: the quads to show
// and which IRIs among them are nodes. Quads about other subjects (the
// labels of an event's source, say) are there only to be looked up.
type Subgraph struct {
	Quads []quad.Quad
	// Nodes are the entities and events to draw; nil means every entity
	// and event the quads mention.
	Nodes map[quad.IRI]bool
}

// Node is an entity or an event.
type Node struct {
	ID      string // stable across exports: derived from the IRI (see ID)
	IRI     string
	Kind    style.Kind
	Type    string   // the class that names the node's type (Person, Meeting)
	Classes []string // every class, sorted
	// Label is the display label in the chosen language(s); Lines is the
	// same split in lines (English, Hindi, date), for formats that draw
	// lines; Label joins them with " / ".
	Label   string
	Lines   []string
	LabelEN string
	LabelHI string
	Alt     []string // alternative labels (surface forms), sorted
	QID     string   // Wikidata QID, when known

	// Events only.
	Date       string // kg:date as written: 2024-06, 2025-08-15, 1910
	EndDate    string // kg:endDate
	DateText   string // the expression the date was read from
	Modality   string
	ReportedBy string // display labels of the sources, ", "-separated
	Evidence   string // the sentence(s), " | "-separated
	Quantity   string // kg:quantity, an integer
	Article    string // id of the article the event was read in
}

// Edge is a directed edge between two nodes.
type Edge struct {
	ID        string // stable: derived from its ends, predicate and event
	Source    string // node ID
	Target    string // node ID
	Predicate string // IRI: a role (kg:agent), a relation (rel:spoke_with) or an event class
	Label     string // readable predicate: "agent", "spoke with"
	// Kind is "role" (event to participant), "relation" (a direct edge
	// between entities), "event" (an event collapsed into an edge where
	// no direct edge stood for it) or "about" (with events as edges, from
	// an event's agent to its theme, topic or occasion).
	Kind string
	// Event is the ID of the event the edge belongs to or stands for.
	Event      string
	Date       string
	EndDate    string
	Modality   string
	ReportedBy string
	Evidence   string
	Article    string // article ids, "; "-separated
}

// Graph is a projected property graph, nodes and edges sorted by ID.
type Graph struct {
	Options Options
	Nodes   []Node
	Edges   []Edge
}

// Attr is one attribute that writers declare and write for every node or
// edge that has a value for it.
type Attr struct {
	Name string // key: label_en, date, ...
	Type string // "string" or "long"
	Doc  string
}

// NodeAttrs lists the node attributes in the order writers declare them.
var NodeAttrs = []Attr{
	{"label", "string", "display label in the chosen language(s)"},
	{"label_en", "string", "English label"},
	{"label_hi", "string", "Hindi label"},
	{"kind", "string", "entity or event"},
	{"type", "string", "class naming the node's type"},
	{"qid", "string", "Wikidata QID"},
	{"iri", "string", "kg IRI"},
	{"alt_labels", "string", "alternative labels, \"; \"-separated"},
	{"date", "string", "event date as written (xsd:date, gYearMonth or gYear)"},
	{"end_date", "string", "end of the event's date range"},
	{"date_text", "string", "the words the date was read from"},
	{"modality", "string", "asserted, planned or reported"},
	{"reported_by", "string", "who the article says reports it"},
	{"evidence", "string", "the sentence the event was read in"},
	{"quantity", "long", "a number the event mentions"},
	{"article", "string", "id of the article"},
}

// EdgeAttrs lists the edge attributes in the order writers declare them.
var EdgeAttrs = []Attr{
	{"label", "string", "readable predicate"},
	{"predicate", "string", "predicate IRI"},
	{"kind", "string", "role, relation, event or about"},
	{"event", "string", "node id of the event the edge belongs to"},
	{"date", "string", "date of the event"},
	{"end_date", "string", "end of the event's date range"},
	{"modality", "string", "asserted, planned or reported"},
	{"reported_by", "string", "who the article says reports it"},
	{"evidence", "string", "the sentence the event was read in"},
	{"article", "string", "ids of the articles, \"; \"-separated"},
}

// Value returns a node's value for an attribute; "" means none.
func (n *Node) Value(name string) string {
	switch name {
	case "label":
		return n.Label
	case "label_en":
		return n.LabelEN
	case "label_hi":
		return n.LabelHI
	case "kind":
		return string(n.Kind)
	case "type":
		return n.Type
	case "qid":
		return n.QID
	case "iri":
		return n.IRI
	case "alt_labels":
		return join(n.Alt, "; ")
	case "date":
		return n.Date
	case "end_date":
		return n.EndDate
	case "date_text":
		return n.DateText
	case "modality":
		return n.Modality
	case "reported_by":
		return n.ReportedBy
	case "evidence":
		return n.Evidence
	case "quantity":
		return n.Quantity
	case "article":
		return n.Article
	}
	return ""
}

// Value returns an edge's value for an attribute; "" means none.
func (e *Edge) Value(name string) string {
	switch name {
	case "label":
		return e.Label
	case "predicate":
		return e.Predicate
	case "kind":
		return e.Kind
	case "event":
		return e.Event
	case "date":
		return e.Date
	case "end_date":
		return e.EndDate
	case "modality":
		return e.Modality
	case "reported_by":
		return e.ReportedBy
	case "evidence":
		return e.Evidence
	case "article":
		return e.Article
	}
	return ""
}

// Weight is how many articles support the edge (at least 1): the thickness
// Gephi and the GEXF reader give it. Edges of one event come from one
// article; a direct edge several articles assert carries them all.
func (e *Edge) Weight() int {
	if e.Article == "" {
		return 1
	}
	return len(strings.Split(e.Article, "; "))
}

// Style is the node's row of the style table.
func (n *Node) Style() style.Style { return style.For(n.Kind, n.Type) }

// Int parses a "long" attribute value.
func Int(s string) (int64, bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	return v, err == nil
}

func join(ss []string, sep string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += sep
		}
		out += s
	}
	return out
}
