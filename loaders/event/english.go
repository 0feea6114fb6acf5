package event

import (
	"fmt"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// EnglishFrame is one row of en/frames.tsv: an event evoked by an English
// verb, its subject the agent, its object and prepositional phrases the
// other roles.
type EnglishFrame struct {
	Class  schema.EventClass
	Verbs  [][]string  // folded verb forms, each a word sequence
	Object schema.Role // the direct object's role, "" for none
	Roles  map[string]schema.Role
	Edges  []Edge
	Flags  Flags
	Line   int
}

// EnglishFrames is the English frame table with the function words the
// English reader needs.
type EnglishFrames struct {
	List []*EnglishFrame
	// Words by kind (preposition, passive, future, negation, source,
	// clause): folded word sequences.
	Words map[string][][]string
}

// EnglishTrigger is an English verb found in a clause.
type EnglishTrigger struct {
	Frame      *EnglishFrame
	Start, End int
	Passive    bool // "was attacked": the subject undergoes it
	Future     bool // "will meet", "to meet"
	Negated    bool
}

// English returns the English frames of kg's embedded data, read once.
var English = sync.OnceValues(loadEnglish)

func loadEnglish() (*EnglishFrames, error) {
	if err := schema.CheckEvents(); err != nil {
		return nil, err
	}
	ef := &EnglishFrames{Words: map[string][][]string{}}
	rows, err := schema.ReadTSV("en/words.tsv", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r.Field(0) {
		case "preposition", "passive", "future", "negation", "source", "clause", "complement", "relative", "temporal", "determiner", "time":
		default:
			return nil, r.Errorf("kind %q is not preposition, passive, future, negation, source, clause, complement, relative, temporal, determiner or time", r.Field(0))
		}
		for _, w := range r.List(1) {
			ef.Words[r.Field(0)] = append(ef.Words[r.Field(0)], strings.Fields(hindi.Fold(w)))
		}
	}
	if rows, err = schema.ReadTSV("en/frames.tsv", 6); err != nil {
		return nil, err
	}
	for _, r := range rows {
		f := &EnglishFrame{Class: schema.EventClass(r.Field(0)), Roles: map[string]schema.Role{}, Line: r.Line}
		if _, ok := schema.LookupEvent(f.Class); !ok {
			return nil, r.Errorf("class %q is not in events.tsv", f.Class)
		}
		for _, v := range r.List(1) {
			f.Verbs = append(f.Verbs, strings.Fields(hindi.Fold(v)))
		}
		if len(f.Verbs) == 0 {
			return nil, r.Errorf("no verb")
		}
		if o := r.Field(2); o != "-" {
			if !schema.IsRole(o) {
				return nil, r.Errorf("object role %q is not a role", o)
			}
			f.Object = schema.Role(o)
		}
		for _, kv := range splitList(r.Field(3), ";") {
			if kv == "-" {
				continue
			}
			k, v, ok := strings.Cut(kv, "=")
			if !ok || !schema.IsRole(strings.TrimSpace(v)) {
				return nil, r.Errorf("role %q is not preposition=role", kv)
			}
			f.Roles[hindi.Fold(k)] = schema.Role(strings.TrimSpace(v))
		}
		for _, e := range splitList(r.Field(4), ";") {
			if e == "-" {
				continue
			}
			ed, err := parseEdge(e)
			if err != nil {
				return nil, r.Errorf("%v", err)
			}
			f.Edges = append(f.Edges, ed)
		}
		var flags []string
		for _, fl := range splitList(r.Field(5), ",") {
			if fl != "-" {
				flags = append(flags, fl)
			}
		}
		if f.Flags, err = parseFlags(flags); err != nil {
			return nil, r.Errorf("%v", err)
		}
		ef.List = append(ef.List, f)
	}
	if len(ef.Words["preposition"]) == 0 {
		return nil, fmt.Errorf("en/words.tsv: no prepositions")
	}
	return ef, nil
}

// At reports whether a word sequence of the given kind starts at i, and
// its length.
func (ef *EnglishFrames) At(kind string, words []string, i int) int {
	best := 0
	for _, p := range ef.Words[kind] {
		if len(p) > best && matchSeq(p, words, i) {
			best = len(p)
		}
	}
	return best
}

func matchSeq(p, words []string, i int) bool {
	if i < 0 || i+len(p) > len(words) {
		return false
	}
	for k, w := range p {
		if words[i+k] != w {
			return false
		}
	}
	return true
}

// Find returns the English verb triggers in words[lo:hi], longest form
// first at each position.
func (ef *EnglishFrames) Find(words []string, lo, hi int) []EnglishTrigger {
	var out []EnglishTrigger
	for i := lo; i < hi; i++ {
		var best *EnglishFrame
		n := 0
		for _, f := range ef.List {
			for _, v := range f.Verbs {
				if len(v) > n && i+len(v) <= hi && matchSeq(v, words, i) {
					best, n = f, len(v)
				}
			}
		}
		if best == nil {
			continue
		}
		t := EnglishTrigger{Frame: best, Start: i, End: i + n}
		if words[i] == "will" || words[i] == "to" {
			t.Future = true
		}
		for k := i - 1; k >= lo && k >= i-3; k-- {
			if l := ef.At("passive", words, k); l > 0 && k+l == i {
				t.Passive = true
			}
			if l := ef.At("future", words, k); l > 0 && k+l == i {
				t.Future = true
			}
			if l := ef.At("negation", words, k); l > 0 && k+l <= i {
				t.Negated = true
			}
		}
		out = append(out, t)
		i += n - 1
	}
	return out
}
