package entity

import (
	"strings"

	"github.com/kgnews/kg/loaders/hindi"
)

// Discovered entities are names kg recognises in text (by its name
// recogniser, or a title before them) that the lexicon does not list. They
// have no QID, so their id must be the same in every article that names
// them, whatever the order articles are loaded in: it is made from the
// name alone, folded (so that ज़ेलेंस्की and जेलेंस्की, ट्रम्प and ट्रंप are one
// name), transliterated and slugged, under a scope for the broad kind of
// thing (person, place, organisation). Names that only differ in a finer
// class (Place in one article, City in another) therefore share a node,
// and a person and a place of the same name do not.

// Scope is the part of a discovered entity's id that its type gives:
// "person", "place" or "org". Types of one scope are compatible: the same
// name with either is the same entity.
func Scope(typ string) string {
	switch typ {
	case "Person":
		return "person"
	case "Country", "City", "Place", "AdministrativeArea":
		return "place"
	case "Organization", "GovernmentOrganization", "NewsMediaOrganization", "MilitaryOrganization", "PoliticalParty":
		return "org"
	}
	return strings.ToLower(typ)
}

// DiscoveredID returns the id of a discovered entity of a type named name
// (as written, in any script): "person/arvind-kejriwal". It is "" when the
// name has no letters to make a slug of.
func DiscoveredID(typ, name string) string {
	slug := hindi.Slug(hindi.Fold(name), 60)
	if slug == "" {
		return ""
	}
	return Scope(typ) + "/" + slug
}

// Romanize returns the Latin label of a name as written: its
// transliteration when it is Devanagari (अरविंद केजरीवाल → Arvind
// Kejriwal), else the name itself.
func Romanize(name string) string {
	if !hindi.IsDevanagari(name) {
		return strings.TrimSpace(name)
	}
	return hindi.Transliterate(strings.TrimSpace(name))
}

// Label returns the Latin label of a discovered name of a type: a
// person's name is transliterated (Romanize); the name of anything else
// has its common nouns translated too (येल विश्वविद्यालय → Yale
// University, hindi.LabelName).
func Label(typ, name string) string {
	if Scope(typ) == "person" && hindi.IsDevanagari(name) {
		return personLabel(name)
	}
	if Scope(typ) == "person" || !hindi.IsDevanagari(name) {
		return Romanize(name)
	}
	return hindi.LabelName(strings.TrimSpace(name))
}

// personLabel romanises a person's name, its initials as their letters:
// "ए आर रहमान" → "A R Rahman", not "E Ar Rahman". The words between the
// initials are romanised together, as Romanize would.
func personLabel(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return Romanize(name)
	}
	var out, run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, Romanize(strings.Join(run, " ")))
			run = nil
		}
	}
	for _, w := range ws {
		if l, ok := hindi.Initial(strings.TrimSuffix(w, ".")); ok {
			flush()
			out = append(out, l)
			continue
		}
		run = append(run, w)
	}
	flush()
	return strings.Join(out, " ")
}
