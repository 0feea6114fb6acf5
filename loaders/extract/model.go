// Package extract reads the facts of a news article: entities, events with
// their roles, dates, places, quantities, modality and sources, and direct
// relations. It combines the layout (package article), text processing
// (hindi), the lexicon (entity), frames (event) and dates (temporal) with
// the patterns in schema/data/hi, and turns the result into quads in the
// shape of schema/model.md.
package extract

import (
	"strings"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/temporal"
	"github.com/kgnews/kg/schema"
)

// Ent is an entity as one article knows it.
type Ent struct {
	ID        string // QID, slug, or for local entities a slug unique in the article
	Type      string
	EN, HI    string
	QID       string
	Local     bool
	DemonymEN string
	Aliases   []string        // lexicon aliases
	Surface   map[string]bool // forms seen in the article, as written
	Lex       *entity.Entity  // nil for entities the article introduced
	// Discovered marks a name the lexicon lacks, recognised in the text;
	// Romanized that EN is a transliteration of HI (labelled hi-Latn).
	Discovered, Romanized bool
	Country               *Ent          // for groups: "उत्तर कोरियाई सैनिक" are North Korea's
	Ordinal               int           // for anniversaries
	Date                  temporal.Date // for anniversaries
	first                 int           // sentence of first mention
	lastSeen              int
	mentions              int // how often the article has named it so far
	// fullSeen records that the full name was used, so a later short form
	// refers to this entity.
	fullSeen bool
	// names are the full names a discovered entity was found under;
	// score is the recogniser's best confidence in one of them (1 for a
	// name a title introduced).
	names []string
	score float64
	via   string // what found it: ner, title, role, list, head, work …
}

func (e *Ent) seen(surface string, sent int) {
	if e.Surface == nil {
		e.Surface = map[string]bool{}
	}
	if surface != "" {
		e.Surface[surface] = true
	}
	if sent > e.lastSeen {
		e.lastSeen = sent
	}
	e.mentions++
}

// Label is the English label, else the Hindi one.
func (e *Ent) Label() string {
	if e.EN != "" {
		return e.EN
	}
	return e.HI
}

func (e *Ent) isPlace() bool {
	switch e.Type {
	case "Country", "City", "Place", "AdministrativeArea":
		return true
	}
	return false
}

// canBeLocation: a place, or an organisation, summit or event something
// happens at, not a person, a group, a thing or a treaty.
func (e *Ent) canBeLocation() bool {
	switch e.Type {
	case "Person", "Group", "Thing", "Treaty", "Anniversary":
		return false
	case "GovernmentOrganization":
		// a government acts; "तालिबान सरकार में मंत्री" is an office in it,
		// not a place (a parliament or a ministry can be where)
		return !e.isGovernment()
	}
	return true
}

// commonBody: an organisation the article names by a common noun ("the
// company", "the court"): a pronoun does not point to it.
func (e *Ent) commonBody() bool {
	return e.via == "group" && e.Type != "Group" && e.Type != "Thing"
}

// isGovernment: "Government of Syria", the article's "state government".
func (e *Ent) isGovernment() bool {
	return strings.HasPrefix(e.EN, "Government of") || strings.HasSuffix(e.EN, "government")
}

func (e *Ent) isAgentLike() bool {
	switch e.Type {
	case "Person", "Country", "Organization", "GovernmentOrganization", "NewsMediaOrganization",
		"MilitaryOrganization", "PoliticalParty", "Group":
		return true
	}
	return false
}

func (e *Ent) isSource() bool {
	switch e.Type {
	case "Person", "Country", "Organization", "GovernmentOrganization", "NewsMediaOrganization",
		"MilitaryOrganization", "PoliticalParty":
		return true
	}
	return false
}

// Event is one event an article reports.
type Event struct {
	N         int // 1-based number in the article
	Class     schema.EventClass
	Roles     map[schema.Role][]*Ent
	Date      temporal.Date
	EndDate   temporal.Date
	DateText  string
	DateBasis string // "text", "narrative" (counted from the event told before) or "publication"
	// Offset is how long after the event told before it the text puts
	// this one, as an ISO 8601 duration ("सात घंटे बाद" → PT7H).
	Offset     string
	Quantity   int64
	Modality   string
	ReportedBy []*Ent
	Evidence   []Span // sentences, first is the primary
	Trigger    string
	// Times is how many times the text says the event has happened ("नौ
	// बार"), Ordinal which time this one is ("नौवीं बार"); 0 if it says not.
	Times, Ordinal int64
	// Killed, Injured and Affected are the casualties the text gives for
	// the event ("हमले में 16 लोग मारे गए").
	Killed, Injured, Affected int64
	// Generic: no frame covers the clause; Lemma is its verb (or light-verb
	// noun) and Gloss an English gloss of it.
	Generic      bool
	Lemma, Gloss string
	Edges        []edgeTemplate
	Themes       []*Event // complement events (what a demand asks for)
	flags        event.Flags
	anaphoric    bool // "यह बातचीत": refers to an earlier event of its class
	another      bool // "एक और धमाका": not one told before
	sentence     int
	clause       int
	earlier      bool // "पहले ही": before the article's time
	nominal      bool
	trig         event.Trigger
	// themeOfTheme: its Themes are what it is about ("हमले की निंदा"), so
	// whoever did them is its theme when the text names nobody else.
	themeOfTheme bool
	// qty holds the number written before each participant in this
	// event's sentence ("1,000 सैपर"): numbers belong to mentions, not to
	// entities, since one group noun may be counted differently elsewhere.
	qty map[*Ent]int64
}

// symmetric, say … are the frame's flags: see event.Flags.
func (ev *Event) symmetric() bool  { return ev.flags.Symmetric }
func (ev *Event) say() bool        { return ev.flags.Say || ev.flags.Tell }
func (ev *Event) complement() bool { return ev.flags.Complement }

// Span is a part of the article text by byte offsets.
type Span = article.Span

type edgeTemplate struct {
	from, to schema.Role
	pred     string
	unless   schema.Role // the edge holds only when no entity fills this role
}

// Relation is a direct edge read from a fixed phrase (a title, a
// part-whole phrase).
type Relation struct {
	From, To  *Ent
	Predicate string
	Sentence  int
}

// Position is an office a person holds, read from a title: "रूस के
// राष्ट्रपति व्लादिमीर पुतिन" → Putin holds President of Russia. It is a
// node of its own (like an event: it has evidence, and a date could qualify
// it), not a bare edge.
type Position struct {
	N        int
	Class    string // President, Leader, ForeignMinister …
	Relation string // president_of …: the relation the position stands for
	Title    string // the title as written
	Holder   *Ent
	Of       *Ent // nil when the title names no country or organisation
	Evidence []Span
	// sentence and start are where the title was read, for what is found
	// around it after names ("पुलिस प्रवक्ता", a group noun before it)
	sentence, start int
}

// Result is what Extract found in one article.
type Result struct {
	Article   *article.Article
	ID        string
	Published bool
	Entities  []*Ent
	Events    []*Event
	Relations []Relation
	Positions []*Position
	Dateline  *Ent
	Agency    *Ent
	Warnings  []string
	// Sentences are the spans extraction read, in order.
	Sentences []article.Span
}
