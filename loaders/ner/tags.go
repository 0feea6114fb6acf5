package ner

import "strings"

// Tag is the label of one word: outside any name (O), or the beginning (B)
// or inside (I) of a person, place or organisation name.
type Tag uint8

// The tags, in the order the model's weights store them.
const (
	O Tag = iota
	BPER
	IPER
	BLOC
	ILOC
	BORG
	IORG
	numTags
)

// The entity types the tagger knows.
const (
	PER = "PER"
	LOC = "LOC"
	ORG = "ORG"
)

var tagNames = [numTags]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}

func (t Tag) String() string {
	if t < numTags {
		return tagNames[t]
	}
	return "O"
}

// Type is PER, LOC or ORG, or "" for O.
func (t Tag) Type() string {
	switch t {
	case BPER, IPER:
		return PER
	case BLOC, ILOC:
		return LOC
	case BORG, IORG:
		return ORG
	}
	return ""
}

// Begins reports whether t is a B- tag.
func (t Tag) Begins() bool { return t == BPER || t == BLOC || t == BORG }

// Inside reports whether t is an I- tag.
func (t Tag) Inside() bool { return t == IPER || t == ILOC || t == IORG }

func begin(typ string) Tag {
	switch typ {
	case PER:
		return BPER
	case LOC:
		return BLOC
	case ORG:
		return BORG
	}
	return O
}

func inside(typ string) Tag {
	if b := begin(typ); b != O {
		return b + 1
	}
	return O
}

// corpusTypes maps the entity types of the corpora kg reads onto its own:
// IL-NER's NEP/NEL/NEO, HiNER's PERSON/LOCATION/ORGANIZATION, the CoNLL
// PER/LOC/ORG. Everything else (times, numbers, artefacts, MISC …) is O.
var corpusTypes = map[string]string{
	"NEP": PER, "PERSON": PER, "PER": PER,
	"NEL": LOC, "LOCATION": LOC, "LOC": LOC,
	"NEO": ORG, "ORGANIZATION": ORG, "ORGANISATION": ORG, "ORG": ORG,
}

// corpusTag reads a tag as the corpora write it. It returns the entity
// type (PER, LOC, ORG or "" for anything kg does not tag) and whether the
// tag begins a span. BIO, IOB1-style bare types and BIOES/BILOU prefixes
// are read: S-/U- begin a span, E-/L- continue one. A prefix without a
// type ("-", seen in IL-NER) is O; a type with a bare "-" prefix continues
// a span of that type, as I- does.
func corpusTag(s string) (typ string, begins bool) {
	s = strings.TrimSpace(s)
	prefix, name, ok := strings.Cut(s, "-")
	if !ok {
		name, prefix = s, "I"
	}
	typ = corpusTypes[strings.ToUpper(name)]
	if typ == "" {
		return "", false
	}
	switch strings.ToUpper(prefix) {
	case "B", "S", "U":
		return typ, true
	}
	return typ, false
}

// TagOf converts a corpus tag to kg's tag set given the tag before it (an
// I- tag that follows nothing of its type begins a span, as the CoNLL
// scorer reads it).
func TagOf(s string, prev Tag) Tag {
	typ, b := corpusTag(s)
	if typ == "" {
		return O
	}
	if !b && prev.Type() == typ {
		return inside(typ)
	}
	return begin(typ)
}

// Span is a name the tagger found: words Start to End (exclusive), its
// type, and a confidence Score in [0, 1] — an estimate, calibrated on
// held-out data, of the probability that the span is exactly right (type
// and both boundaries).
type Span struct {
	Start, End int
	Type       string
	Score      float64
}

// Spans reads the spans of a tag sequence, CoNLL-style: an I- tag that
// does not continue a span of its type begins one. Scores are 1.
func Spans(tags []Tag) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if t == O {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j].Inside() && tags[j].Type() == t.Type() {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: t.Type(), Score: 1})
		i = j - 1
	}
	return out
}
