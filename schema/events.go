package schema

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
)

// EventClass names an event class: the local name of its IRI (kg:Attack).
// The classes are data (data/events.tsv), each coded in CAMEO and PLOVER
// where those schemes code it; LookupEvent tells whether a name is one.
type EventClass string

// The classes extraction itself refers to. Every other class is known only
// to the data: frames name it, and what a frame does is in its flags.
const (
	// GenericEvent is the class of an event no frame covers: a clause with
	// a subject and an object, read with its verb's lemma and gloss.
	GenericEvent EventClass = "Event"
	// StatementEvent is a public statement ("X ने कहा"): what the corpus
	// figures leave out when they ask whether an article states anything else.
	StatementEvent EventClass = "Statement"
)

// IRI is the class's IRI (kg:Attack).
func (c EventClass) IRI() quad.IRI { return quad.IRI(NS + string(c)) }

// EventType is a class's row of events.tsv.
type EventType struct {
	Class  EventClass
	CAMEO  string // CAMEO code ("0431", "18"), "" when CAMEO does not code it
	PLOVER string // PLOVER event type ("consult"), "" when PLOVER does not
	Domain string // kg's domain (sports, court …), "" for the generic class
	EN, HI string // names
}

// CAMEORoot is the two-digit root category of the class's CAMEO code.
func (t EventType) CAMEORoot() string {
	if len(t.CAMEO) < 2 {
		return ""
	}
	return t.CAMEO[:2]
}

// Codes is one coding scheme's codes and names (data/codes.tsv).
type Codes map[string]string

// Vocabulary of the coding schemes and classes.
type eventVocab struct {
	classes map[EventClass]EventType
	order   []EventClass
	cameo   Codes // root -> name
	plover  Codes
	domain  Codes
}

var loadEventVocab = sync.OnceValues(readEventVocab)

func readEventVocab() (*eventVocab, error) {
	v := &eventVocab{classes: map[EventClass]EventType{}, cameo: Codes{}, plover: Codes{}, domain: Codes{}}
	rows, err := ReadTSV("codes.tsv", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		var m Codes
		switch r.Field(0) {
		case "cameo":
			m = v.cameo
		case "plover":
			m = v.plover
		case "domain":
			m = v.domain
		default:
			return nil, r.Errorf("kind %q is not cameo, plover or domain", r.Field(0))
		}
		if _, dup := m[r.Field(1)]; dup {
			return nil, r.Errorf("%s code %q listed twice", r.Field(0), r.Field(1))
		}
		m[r.Field(1)] = r.Field(2)
	}
	if len(v.cameo) != 20 || len(v.plover) == 0 {
		return nil, fmt.Errorf("codes.tsv: %d CAMEO roots and %d PLOVER types; want 20 and some", len(v.cameo), len(v.plover))
	}
	if rows, err = ReadTSV("events.tsv", 6); err != nil {
		return nil, err
	}
	for _, r := range rows {
		t := EventType{Class: EventClass(r.Field(0)), CAMEO: dash(r.Field(1)), PLOVER: dash(r.Field(2)), Domain: dash(r.Field(3)), EN: r.Field(4), HI: r.Field(5)}
		if !isClassName(string(t.Class)) {
			return nil, r.Errorf("class %q is not a CamelCase name", t.Class)
		}
		if _, dup := v.classes[t.Class]; dup {
			return nil, r.Errorf("class %s listed twice", t.Class)
		}
		if t.CAMEO != "" {
			if len(t.CAMEO) < 2 || len(t.CAMEO) > 4 || strings.Trim(t.CAMEO, "0123456789") != "" || v.cameo[t.CAMEORoot()] == "" {
				return nil, r.Errorf("CAMEO code %q is not a code under one of the 20 roots", t.CAMEO)
			}
		}
		if t.PLOVER != "" && v.plover[t.PLOVER] == "" {
			return nil, r.Errorf("PLOVER type %q is not one of codes.tsv's", t.PLOVER)
		}
		if t.Domain != "" && v.domain[t.Domain] == "" {
			return nil, r.Errorf("domain %q is not one of codes.tsv's", t.Domain)
		}
		if t.Domain == "" && t.Class != GenericEvent {
			return nil, r.Errorf("class %s has no domain", t.Class)
		}
		v.classes[t.Class] = t
		v.order = append(v.order, t.Class)
	}
	for _, c := range []EventClass{GenericEvent, StatementEvent} {
		if _, ok := v.classes[c]; !ok {
			return nil, fmt.Errorf("events.tsv: no row for class %s, which extraction uses", c)
		}
	}
	return v, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func isClassName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// CheckEvents reads the class table and the coding schemes and reports
// the first problem.
func CheckEvents() error { _, err := loadEventVocab(); return err }

// LookupEvent returns the row of an event class.
func LookupEvent(c EventClass) (EventType, bool) {
	v, err := loadEventVocab()
	if err != nil {
		return EventType{}, false
	}
	t, ok := v.classes[c]
	return t, ok
}

// EventTypes lists every event class in the table's order.
func EventTypes() []EventType {
	v, err := loadEventVocab()
	if err != nil {
		return nil
	}
	out := make([]EventType, 0, len(v.order))
	for _, c := range v.order {
		out = append(out, v.classes[c])
	}
	return out
}

// CAMEORoots and PLOVERTypes map each code of the scheme to its name.
func CAMEORoots() Codes  { return codes(func(v *eventVocab) Codes { return v.cameo }) }
func PLOVERTypes() Codes { return codes(func(v *eventVocab) Codes { return v.plover }) }

func codes(f func(*eventVocab) Codes) Codes {
	v, err := loadEventVocab()
	if err != nil {
		return nil
	}
	out := Codes{}
	for k, n := range f(v) {
		out[k] = n
	}
	return out
}

// Sorted lists the codes in order.
func (c Codes) Sorted() []string {
	out := make([]string, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Role names what an entity does in an event (kg:agent, kg:patient …):
// the local name of the role predicate.
type Role string

// Every role an event or position has. Frames (hi/frames.tsv,
// en/frames.tsv) may use only these.
const (
	RoleAgent       Role = "agent"       // who acts
	RoleParticipant Role = "participant" // who takes part with the agent
	RoleRecipient   Role = "recipient"   // who receives
	RoleAddressee   Role = "addressee"   // whom a demand or appeal addresses
	RolePatient     Role = "patient"     // who undergoes: is accused, arrested, defeated, killed
	RoleTarget      Role = "target"      // what is attacked or sanctioned
	RoleTheme       Role = "theme"       // what the action is about or moves
	RoleTopic       Role = "topic"       // what is discussed
	RoleOccasion    Role = "occasion"    // what is celebrated, or the contest a result is in
	RoleLocation    Role = "location"    // where
	RoleDestination Role = "destination" // where to
	RoleOrigin      Role = "origin"      // where from
	RolePurpose     Role = "purpose"     // what for
	RoleUnder       Role = "under"       // the agreement an act is done under
	RoleInvolves    Role = "involves"    // the country whose people fill a role
	RoleHolder      Role = "holder"      // a position's holder
	RoleOf          Role = "of"          // what a position is of
)

// AllRoles lists the roles, who acts first.
var AllRoles = []Role{RoleAgent, RoleParticipant, RoleRecipient, RoleAddressee, RolePatient, RoleTarget,
	RoleTheme, RoleTopic, RoleOccasion, RoleLocation, RoleDestination, RoleOrigin, RolePurpose, RoleUnder,
	RoleInvolves, RoleHolder, RoleOf}

// IRI is the role predicate (kg:agent).
func (r Role) IRI() quad.IRI { return quad.IRI(NS + string(r)) }

// IsRole reports whether name is one of AllRoles.
func IsRole(name string) bool {
	for _, r := range AllRoles {
		if string(r) == name {
			return true
		}
	}
	return false
}
