package pg

import (
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

// frameEdge is a direct edge an event class yields between the fillers of
// two of its roles ("agent>participant:spoke_with" in frames.tsv).
type frameEdge struct {
	from, to, pred string
	symmetric      bool // agent and participants are co-participants ("दोनों नेताओं ने")
}

// frameEdges maps an event class to the direct edges its frames yield,
// read from schema/data/hi/frames.tsv (column 6). Only the edge list is
// read here; the loaders own the rest of the frame.
var frameEdges = mustFrameEdges()

func mustFrameEdges() map[string][]frameEdge {
	rows, err := schema.ReadTSV("hi/frames.tsv", 6)
	if err != nil {
		panic(err)
	}
	out := map[string][]frameEdge{}
	for _, r := range rows {
		symmetric := false
		for _, f := range strings.Split(r.Field(6), ",") {
			symmetric = symmetric || strings.TrimSpace(f) == "symmetric"
		}
		for _, e := range strings.Split(r.Field(5), ";") {
			ft, pred, ok := strings.Cut(strings.TrimSpace(e), ":")
			from, to, ok2 := strings.Cut(ft, ">")
			if !ok || !ok2 {
				continue // "-": the frame yields no edge
			}
			pred, _, _ = strings.Cut(pred, "!") // "sends!theme": a condition on when
			out[r.Field(0)] = append(out[r.Field(0)], frameEdge{strings.TrimSpace(from), strings.TrimSpace(to), strings.TrimSpace(pred), symmetric})
		}
	}
	return out
}

// Event is what deciding whether an event stands for a direct edge needs:
// its classes, its fillers by role (the role predicate's local name), and
// the kg:relation a position names.
type Event struct {
	Classes  []string
	Roles    map[string]map[quad.IRI]bool
	Relation string
}

// AddRole records that o fills the role predicate p.
func (e *Event) AddRole(p quad.IRI, o quad.IRI) {
	if e.Roles == nil {
		e.Roles = map[string]map[quad.IRI]bool{}
	}
	r := schema.LocalName(p)
	if e.Roles[r] == nil {
		e.Roles[r] = map[quad.IRI]bool{}
	}
	e.Roles[r][o] = true
}

// Has reports whether o fills any role of the event.
func (e *Event) Has(o quad.IRI) bool {
	for _, fs := range e.Roles {
		if fs[o] {
			return true
		}
	}
	return false
}

// Covers reports whether the event stands for the direct edge s -p-> o of
// its article: one of its class's frames yields p from the role s fills to
// the role o fills (PhoneCall: agent>participant:spoke_with), or it is a
// position whose kg:relation is p, from its holder to what it is of. Two
// people in many events together are linked by each event's own edge
// only, never by every edge between them.
func (e *Event) Covers(s quad.IRI, p quad.IRI, o quad.IRI) bool {
	name := schema.LocalName(p)
	if p != schema.Rel(name) {
		return false
	}
	if e.Relation != "" && e.Relation == name && e.Roles["holder"][s] && e.Roles["of"][o] {
		return true
	}
	for _, c := range e.Classes {
		for _, fe := range frameEdges[c] {
			if fe.pred == name && e.fills(fe.from, s, fe.symmetric) && e.fills(fe.to, o, fe.symmetric) {
				return true
			}
		}
	}
	return false
}

// fills reports whether x fills role; in a symmetric frame an agent and a
// participant stand for each other.
func (e *Event) fills(role string, x quad.IRI, symmetric bool) bool {
	if e.Roles[role][x] {
		return true
	}
	if symmetric && (role == "agent" || role == "participant") {
		return e.Roles["agent"][x] || e.Roles["participant"][x]
	}
	return false
}
