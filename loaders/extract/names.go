package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
	"github.com/kgnews/kg/schema"
)

// Names the lexicon lacks: the entities extraction discovers (from the name
// recogniser or a title before them), what kind of thing each is, and
// which of several lexicon entities an ambiguous form names.

// nameData is schema/data/hi/names.tsv.
type nameData struct {
	place map[string]string // word after a place name → its class
	org   map[string]string // last word of an organisation name → its class
	// cues before and after an ambiguous form, by class
	before, after map[string]phrases
	// other: words before a title that make it someone else's
	other map[string]bool
	// placeAfter: a word before these is a place of the class given
	placeAfter   map[string]string
	placeAfterPh phrases
	// notAbbr: abbreviations (Latin letters) that are terms
	notAbbr map[string]bool
	// roles: words before a person's name, not part of it
	roles phraseIndex
	// notName: words that are no name alone; edge: words that begin or
	// end no name
	notName, edge map[string]bool
	// heads end names of a class ("X पुलिस"); modifiers are common words
	// before them; works are nouns before a quoted title
	heads     map[string]string
	weakHeads map[string]bool // head2 rows: need two words or a place before them
	modifiers map[string]bool
	works     map[string]bool
	// ofPlace: titles whose "X के" names a place of the class
	ofPlace map[string]string
	// function: words of grammar that no rule-made name holds
	function map[string]bool
	// common: words the recogniser's training data uses often and hardly
	// ever in a name (hi/common.txt, scripts/commonwords)
	common map[string]bool
	// kin: kinship nouns
	kin map[string]bool
	// group: nouns of a family or community, which end no person's name;
	// split: words of rank between two names, part of neither; noble:
	// titles of nobility ("ड्यूक ऑफ़ X" is a person); orghead: words that
	// make an abbreviation's expansion an organisation's; workcue: words
	// that say a sentence speaks of works
	group, split, noble, orgHead, workCue map[string]bool
	// apposBefore, apposAfter: a class noun right before or after a name
	// → the class it gives the name ("कंपनी X", "X नदी")
	apposBefore, apposAfter map[string]string
	// noun: common nouns, languages and currencies that name nothing on
	// their own, whatever rule or recogniser proposes them (noun rows,
	// matched as whole folded names)
	noun map[string]bool
	// weakAppos: class nouns before a name that yield to a person the
	// recogniser reads there ("पार्टी X के ख़िलाफ़": X is acted on)
	weakAppos map[string]bool
	// verbAfter: words that follow a verb's stem ("बिता रहे", "जा सकती"):
	// one word before them is the verb, no name
	verbAfter map[string]bool
	// placeHead: nouns of bodies every place has ("अदालत"): a place's
	// name and one of them describe, they name nothing
	placeHead map[string]bool
	// notAfter: nouns after a name that make it a product's, a method's
	// or a term's ("X सिस्टम", "X नियम"), no person's, place's or body's
	notAfter map[string]bool
	// termEnd: endings of English terms written in Devanagari
	// ("-फ़ोबिया", "-लॉजी"): one word with one names nothing
	termEnd []string
	// orgAfter: phrases after a name that say it is an organisation's
	// ("X के संस्थापक", "X के चेयरमैन"): no place or person has them
	orgAfter phrases
	// placeEnd: endings of place names (-बर्ग, -पुर): a word with one is
	// no organisation because a class noun stands before it
	placeEnd []string
	// nounEnd: endings of Hindi nouns of agents, bodies and places (-दार,
	// -कर्मी, -आयोग): a word with one is no name the lists lack
	nounEnd []string
}

var loadNameData = sync.OnceValues(func() (*nameData, error) {
	rows, err := schema.ReadTSV("hi/names.tsv", 3)
	if err != nil {
		return nil, err
	}
	d := &nameData{place: map[string]string{}, org: map[string]string{}, before: map[string]phrases{}, after: map[string]phrases{},
		other: map[string]bool{}, placeAfter: map[string]string{}, notName: map[string]bool{},
		edge: map[string]bool{}, heads: map[string]string{}, weakHeads: map[string]bool{}, modifiers: map[string]bool{}, works: map[string]bool{},
		ofPlace: map[string]string{}, function: map[string]bool{}, notAbbr: map[string]bool{},
		kin: map[string]bool{}, group: map[string]bool{}, split: map[string]bool{}, noble: map[string]bool{},
		orgHead: map[string]bool{}, workCue: map[string]bool{}, apposBefore: map[string]string{}, apposAfter: map[string]string{},
		noun: map[string]bool{}, weakAppos: map[string]bool{}, verbAfter: map[string]bool{}, placeHead: map[string]bool{}, notAfter: map[string]bool{}}
	var roles phrases
	for _, r := range rows {
		class := r.Field(1)
		if !schema.IsEntityClass(class) {
			return nil, r.Errorf("class %q is not one of %v", class, schema.EntityClasses)
		}
		switch r.Field(0) {
		case "place", "org":
			m := d.place
			if r.Field(0) == "org" {
				m = d.org
			}
			for _, w := range r.List(2) {
				f := fold(w)
				if len(f) == 0 {
					return nil, r.Errorf("empty word")
				}
				m[strings.Join(f, " ")] = class
			}
		case "cue":
			m := map[string]map[string]phrases{"before": d.before, "after": d.after}[r.Field(3)]
			if m == nil {
				return nil, r.Errorf("where %q: want before or after", r.Field(3))
			}
			for _, w := range r.List(2) {
				m[class] = append(m[class], fold(w))
			}
			sortLongest(m[class])
		case "other":
			for _, w := range r.List(2) {
				d.other[hindi.Fold(w)] = true
			}
		case "notname", "edge":
			m := d.notName
			if r.Field(0) == "edge" {
				m = d.edge
			}
			for _, w := range r.List(2) {
				m[hindi.Fold(w)] = true
			}
		case "head", "head2", "ofplace":
			m := d.heads
			if r.Field(0) == "ofplace" {
				m = d.ofPlace
			}
			for _, w := range r.List(2) {
				k := strings.Join(fold(w), " ")
				m[k] = class
				if r.Field(0) == "head2" {
					d.weakHeads[k] = true
				}
			}
		case "modifier", "work", "function", "kin", "group", "split", "noble", "orghead", "workcue":
			m := map[string]map[string]bool{"modifier": d.modifiers, "work": d.works, "function": d.function, "kin": d.kin,
				"group": d.group, "split": d.split, "noble": d.noble, "orghead": d.orgHead, "workcue": d.workCue}[r.Field(0)]
			for _, w := range r.List(2) {
				m[hindi.Fold(w)] = true
			}
		case "appos":
			m := map[string]map[string]string{"before": d.apposBefore, "after": d.apposAfter}[r.Field(3)]
			if m == nil {
				return nil, r.Errorf("side %q: want before or after", r.Field(3))
			}
			for _, w := range r.List(2) {
				m[hindi.Fold(w)] = class
			}
		case "noun", "apposweak", "verbafter", "placehead", "notafter":
			m := map[string]map[string]bool{"noun": d.noun, "apposweak": d.weakAppos, "verbafter": d.verbAfter, "placehead": d.placeHead, "notafter": d.notAfter}[r.Field(0)]
			for _, w := range r.List(2) {
				m[strings.Join(fold(w), " ")] = true
			}
		case "orgafter":
			for _, w := range r.List(2) {
				d.orgAfter = append(d.orgAfter, fold(w))
			}
			sortLongest(d.orgAfter)
		case "placeend", "termend", "nounend":
			for _, w := range r.List(2) {
				if r.Field(0) == "termend" {
					d.termEnd = append(d.termEnd, hindi.Fold(w))
				} else if r.Field(0) == "nounend" {
					d.nounEnd = append(d.nounEnd, hindi.Fold(w))
				} else {
					d.placeEnd = append(d.placeEnd, hindi.Fold(w))
				}
			}
		case "placeafter":
			for _, w := range r.List(2) {
				d.placeAfter[strings.Join(fold(w), " ")] = class
				d.placeAfterPh = append(d.placeAfterPh, fold(w))
			}
			sortLongest(d.placeAfterPh)
		case "notabbr":
			for _, w := range r.List(2) {
				d.notAbbr[strings.ToUpper(w)] = true
			}
		case "role":
			for _, w := range r.List(2) {
				roles = append(roles, fold(w))
			}
		default:
			return nil, r.Errorf("unknown kind %q (place, org, cue, other, notname, edge, head, head2, modifier, work, function, kin, group, split, noble, orghead, workcue, appos, ofplace, placeafter, notabbr, role, noun, apposweak, verbafter, placehead, notafter, termend, orgafter, placeend or nounend)", r.Field(0))
		}
	}
	common, err := schema.ReadLines("hi/common.txt")
	if err != nil {
		return nil, err
	}
	d.common = make(map[string]bool, len(common))
	for _, w := range common {
		d.common[hindi.Fold(w)] = true
	}
	d.roles = indexPhrases(sortLongest(roles))
	return d, nil
})

// discovered returns the article's entity for a name the lexicon lacks,
// of a type, as written (name) in sentence sent; nil when the name makes
// no id. Every article that meets the same name (folded) with a type of
// the same scope gets the same entity (entity.DiscoveredID); a finer type
// (City) learnt later replaces a coarser one (Place). The name and, for a
// person of several words, the surname become forms of the article's own
// lexicon, so later mentions ("केजरीवाल ने") name the same entity.
func (x *extractor) discovered(typ, name string, sent int, score float64, via string) *Ent {
	id := entity.DiscoveredID(typ, name)
	if id == "" || x.commonName(typ, name, via) {
		return nil
	}
	if e, ok := x.ents[id]; ok {
		e.seen(name, sent)
		e.score = max(e.score, score)
		if finer(typ, e.Type) {
			e.Type = typ
		}
		e.fullSeen = true
		if !containsString(e.names, name) {
			e.names = append(e.names, name)
			x.introduce(e, name)
		}
		return e
	}
	hi, en := "", entity.Label(typ, name)
	if hindi.IsDevanagari(name) {
		hi = name
	}
	e := x.newEnt(id, typ, en, hi, false, name, sent)
	e.Discovered, e.Romanized = true, hi != ""
	e.score, e.via = score, via
	e.fullSeen = true
	e.names = []string{name}
	x.introduce(e, name)
	return e
}

// commonName reports whether a name some rule or the recogniser proposes
// is a common word all the same, whichever of them found it: one word that
// is a common noun, a language or a currency (noun rows: "सम्मेलन",
// "मराठी", "पेसो"), a word no name is made of alone (notname rows), an
// English common word (hindi.EnglishWord: "कॉकटेल") or an ordinal
// ("आठवां"); or a person's name made only of such words and kinship nouns
// ("ब्रेन स्कैन", "मां-बाप"). Titles of works may be common words (the
// film "आग") and abbreviations are letters: they are not asked.
func (x *extractor) commonName(typ, name, via string) bool {
	if via == "work" || via == "abbreviation" {
		return false
	}
	nd, _ := loadNameData()
	ws := fold(name)
	if len(ws) == 0 || nd.noun[strings.Join(ws, " ")] {
		return len(ws) > 0
	}
	for _, w := range ws {
		if x.glued(w) {
			return true
		}
	}
	// a place and a common head say where, not which ("X अदालत", "X
	// अस्पताल", "X स्कूल": a court, a hospital, a school in X); a head
	// that names one body of a place stays ("X विश्वविद्यालय", "X हाई
	// कोर्ट")
	if len(ws) == 2 && typ != "Person" && (nd.weakHeads[ws[1]] || nd.placeHead[ws[1]]) && x.knownPlace(ws[0]) {
		return true
	}
	plain := func(w string) bool {
		_, ord := x.d.ordinals[w]
		return nd.noun[w] || nd.notName[w] || hindi.EnglishWord(w) || ord
	}
	if len(ws) == 1 && (plain(ws[0]) || x.termEnding(ws[0])) {
		return true
	}
	// "जमात-ए": an izafat with nothing after it is a name cut short
	if nm := strings.TrimSpace(name); strings.HasSuffix(nm, "-ए") || strings.HasSuffix(nm, "-उल") {
		return true
	}
	// "X X": a word said twice is a refrain or a call, no name
	if len(ws) == 2 && ws[0] == ws[1] {
		return true
	}
	// "सांस्कृतिक अकादमी", "राज्य विधानसभा": a common word and the noun
	// of a body describe one (a government's bodies are typed by their
	// noun and kept: "रक्षा मंत्रालय")
	if len(ws) == 2 && typ == "Organization" && (nd.common[ws[0]] || nd.modifiers[ws[0]]) && !hindi.EnglishWord(ws[0]) && x.bodyNoun(ws[1]) {
		return true
	}
	if typ != "Person" {
		// "बॉलीवुड सेलिब्रिटीज़": a common noun and English words describe
		nouns, rest := 0, true
		for _, w := range ws {
			_, head := nd.heads[w]
			switch {
			case head: // "किंग्स कॉलेज अस्पताल": a head names the body
				rest = false
			case nd.noun[w]:
				nouns++
			case hindi.EnglishWord(w) || nd.common[w]:
			default:
				rest = false
			}
		}
		return nouns > 0 && rest && len(ws) > 1
	}
	if _, head := nd.heads[ws[len(ws)-1]]; head && len(ws) > 1 {
		return true // "X विश्वविद्यालय" after a role word is a body, no person
	}
	if len(ws) > 1 && hindi.Brand(ws[0]) {
		return true // "निसान निस्मो": a product of the company, no person
	}
	if nd.noun[ws[0]] || hindi.EnglishWord(ws[0]) && !nd.noble[ws[0]] {
		return true // "सम्मेलन बुलाकर", "गैलेक्सी गीयर": no person's name begins with a common noun
	}
	for _, w := range ws {
		for _, p := range strings.Split(w, "-") {
			if p != "" && !plain(p) && !nd.kin[p] {
				return false
			}
		}
	}
	return true
}

// bodyNoun reports whether a word is a noun that ends an organisation's
// name (org, head or orghead rows: "अकादमी", "विधानसभा", "बोर्ड").
func (x *extractor) bodyNoun(w string) bool {
	nd, _ := loadNameData()
	_, org := nd.org[w]
	_, head := nd.heads[w]
	return org || head || nd.orgHead[w]
}

// misspeltPlace returns the lexicon's country, state or city that a word
// names when the word is one of its forms with one vowel sign, nasal or
// "्र" left out inside it ("कोलकता" for कोलकाता, "ऑस्टेलिया" for
// ऑस्ट्रेलिया): news misspells long names, and the reader wants the
// place, not a new one. Words of six letters or more; nil when two places
// would fit.
func (x *extractor) misspeltPlace(w string) *entity.Entity {
	rs := []rune(w)
	if len(rs) < 6 {
		return nil
	}
	var found *entity.Entity
	for k := 1; k < len(rs); k++ {
		for _, in := range []string{"ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ं", "्र"} {
			for _, f := range x.lex.Lookup(string(rs[:k]) + in + string(rs[k:])) {
				if f.Kind == entity.Demonym || f.Entity.Discovered {
					continue
				}
				switch f.Entity.Type {
				case "Country", "City", "AdministrativeArea":
					if found != nil && found != f.Entity {
						return nil
					}
					found = f.Entity
				}
			}
		}
	}
	return found
}

// knownPlace reports whether the lexicon, or the article, knows a word as
// a place's name.
func (x *extractor) knownPlace(w string) bool {
	for _, l := range []*entity.Lexicon{x.lex, x.overlay} {
		for _, f := range l.Lookup(w) {
			switch f.Entity.Type {
			case "Country", "City", "Place", "AdministrativeArea":
				if f.Kind != entity.Demonym {
					return true
				}
			}
		}
	}
	return false
}

// glued reports whether a word of a name is two words the text ran
// together, a missing space or line break: a word of grammar or a common
// word and a name the lexicon or the article knows ("बादइंग्लैंड",
// "ख़बरसिंगापुर"), or a name and a common noun (noun rows: "राकेशकलाकार").
// Compound names (रामनिवास, देवानंद) are made of name parts, not of these.
func (x *extractor) glued(w string) bool {
	nd, _ := loadNameData()
	rs := []rune(w)
	if len(rs) < 6 {
		return false
	}
	known := func(p string) bool {
		if len(x.lex.Lookup(p)) > 0 || len(x.overlay.Lookup(p)) > 0 {
			return true
		}
		// the first word of a name the article introduced ("जीतराहुल
		// द्रविड़" after "राहुल द्रविड़")
		return x.overlay.Begins(p)
	}
	for k := 2; k+3 <= len(rs); k++ {
		if !isLetterStart(rs[k]) {
			continue // a vowel sign or virama belongs to the letter before
		}
		left, right := string(rs[:k]), string(rs[k:])
		word := x.d.stop[left] || nd.function[left] || nd.common[left] || nd.noun[left]
		if word && utf8.RuneCountInString(left) >= 2 && known(right) || nd.noun[right] && known(left) {
			return true
		}
	}
	return false
}

// isLetterStart reports whether a word can go on at r: a consonant or an
// independent vowel, not a vowel sign, virama, nukta or nasal sign.
func isLetterStart(r rune) bool {
	return r >= 0x0905 && r <= 0x0939 || r >= 0x0958 && r <= 0x0961
}

// termEnding reports whether a word ends like an English term (names.tsv
// termend rows: "गेल्टोफ़ोबिया", "इकोलॉजी"), three letters at least
// before the ending.
func (x *extractor) termEnding(w string) bool {
	nd, _ := loadNameData()
	for _, e := range nd.termEnd {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 {
			return true
		}
	}
	return false
}

// placeEnding reports whether a word ends like a place's name (-बर्ग,
// -पुर, -स्तान: names.tsv placeend rows), with at least two letters
// before the ending.
func (x *extractor) placeEnding(w string) bool {
	nd, _ := loadNameData()
	for _, e := range nd.placeEnd {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 2 {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, o := range list {
		if o == s {
			return true
		}
	}
	return false
}

// introduce adds a discovered entity's forms to the article's lexicon.
func (x *extractor) introduce(e *Ent, name string) {
	le := &entity.Entity{ID: e.ID, Type: e.Type, EN: e.EN, HI: e.HI, Discovered: true}
	x.overlay.Add(le, name, entity.Full)
	if ws := strings.Fields(name); e.Type == "Person" && len(ws) > 1 {
		x.overlay.Add(le, ws[len(ws)-1], entity.Short)
	}
}

// finer reports whether class a says more than class b of the same thing.
func finer(a, b string) bool {
	if a == b || entity.Scope(a) != entity.Scope(b) {
		return false
	}
	return b == "Place" || b == "Organization"
}

// placeClass is the class a place name has from the word that ends it or
// follows it ("X ज़िले में"), else Place.
func (x *extractor) placeClass(s *sentence, start, end int) string {
	nd, _ := loadNameData() // checked by Check
	if end < len(s.norms) {
		if c, ok := nd.place[s.norms[end]]; ok {
			return c
		}
	}
	if end-start > 1 {
		if c, ok := nd.place[s.norms[end-1]]; ok {
			return c
		}
	}
	return "Place"
}

// orgClass is the class an organisation's name has from its last word
// ("X पार्टी", "X मंत्रालय"), else Organization.
func (x *extractor) orgClass(s *sentence, start, end int) string {
	nd, _ := loadNameData()
	if c, ok := nd.org[s.norms[end-1]]; ok {
		// "स्कूल ऑफ़ X विभाग": a department of a school is no government's
		for i := start; i < end-1; i++ {
			if nd.heads[s.norms[i]] == "Organization" {
				return "Organization"
			}
		}
		return c
	}
	return "Organization"
}

// disambiguate picks which of several entities of different classes a
// form at words [start, end) names: the one the article names in full (or
// has named in its dateline), else the one whose class the words around
// the form cue ("समाचार एजेंसी पीटीआई", "पीटीआई के मुताबिक" → the news
// agency; "पीटीआई के नेता" → the party). With no evidence it picks none:
// the first lexicon row is no reason.
func (x *extractor) disambiguate(s *sentence, start, end int, cands []*entity.Entity) *entity.Entity {
	nd, _ := loadNameData()
	score := make([]int, len(cands))
	for k, c := range cands {
		// what the article says elsewhere counts less than the words
		// around this mention: an article on a party may still cite the
		// agency ("पीटीआई के मुताबिक")
		if e, ok := x.ents[c.ID]; ok && e.fullSeen || x.fullAhead[c.ID] {
			score[k] += 2
		}
		if x.res.Agency != nil && x.res.Agency.ID == c.ID {
			score[k] += 2
		}
		for _, p := range nd.before[c.Type] {
			if p.at(s.norms, start-len(p)) {
				score[k] += 3
				break
			}
		}
		if nd.after[c.Type].at(s.norms, end) > 0 {
			score[k] += 3
		}
	}
	best, tie := -1, false
	for k := range cands {
		switch {
		case best < 0 || score[k] > score[best]:
			best, tie = k, false
		case score[k] == score[best]:
			tie = true
		}
	}
	if tie || score[best] == 0 {
		return nil
	}
	return cands[best]
}

// lookAhead takes what a first pass over the article found: which
// entities it names in full, and the names it discovered, so that a
// surname or a name the recogniser misses in one sentence ("केजरीवाल ने"
// in the headline, before the body names अरविंद केजरीवाल) still names
// the entity the article names in full elsewhere.
func (x *extractor) lookAhead(pre *extractor) {
	x.fullAhead = map[string]bool{}
	x.quotedTwice = map[string]bool{}
	for q, n := range pre.quotes {
		if n >= 2 {
			x.quotedTwice[q] = true
		}
	}
	x.quoteCued = pre.quoteCues
	x.found = map[string]*Ent{}
	for _, e := range pre.order {
		if e.Discovered {
			x.found[e.ID] = e
		}
	}
	// surnames of the persons named in full, so that a person discovered
	// under the surname alone is the same one
	surname := map[string]*Ent{}
	for _, e := range pre.order {
		if !e.Discovered || e.Type != "Person" {
			continue
		}
		for _, n := range e.names {
			if ws := strings.Fields(hindi.Fold(n)); len(ws) > 1 {
				last := ws[len(ws)-1]
				if o, ok := surname[last]; ok && o != e {
					surname[last] = nil // two persons of one surname: neither
				} else if !ok {
					surname[last] = e
				}
			}
		}
	}
	for _, e := range pre.order {
		if !e.fullSeen {
			continue
		}
		if !e.Discovered {
			x.fullAhead[e.ID] = true
			continue
		}
		if len(e.names) == 1 && len(strings.Fields(e.names[0])) == 1 {
			if full := surname[hindi.Fold(e.names[0])]; full != nil {
				le := &entity.Entity{ID: full.ID, Type: full.Type, EN: full.EN, HI: full.HI, Discovered: true}
				for _, n := range e.names {
					x.overlay.Add(le, n, entity.Short)
				}
				continue
			}
		}
		x.fullAhead[e.ID] = true
		for _, name := range e.names {
			x.introduce(e, name)
		}
	}
}

// titleAlone reads a title with no name after it ("राष्ट्रपति ने कहा") as
// the person the article last named with that title ("राष्ट्रपति X"
// earlier), of the same country or organisation when the title names one
// ("रूस के राष्ट्रपति"). A title that is a common noun here stays one: a
// plural, "पूर्व राष्ट्रपति" (someone else), a title of an office the
// article gave nobody, or one not followed by a case marker or the end of
// the sentence ("राष्ट्रपति चुनाव").
func (x *extractor) titleAlone(s *sentence, t *title, owner []*chunk, i, end int, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	if end < n && x.d.postpos.at(s.norms, end) == 0 && isLetterWord(s.norms[end]) {
		return
	}
	j := i - 1
	if j >= 0 && nd.other[s.norms[j]] {
		return
	}
	var of *Ent
	if j >= 0 && isGenitive(s.norms[j]) {
		j--
		if j < 0 || owner[j] == nil || len(owner[j].ents) != 1 {
			return // "विपक्ष के नेता": of something that names no entity
		}
		of = owner[j].ents[0]
	} else if j >= 0 && owner[j] != nil && owner[j].end == i && len(owner[j].ents) == 1 && owner[j].ents[0].Type != "Person" {
		of = owner[j].ents[0] // "रूसी राष्ट्रपति"
	}
	for k := len(x.res.Positions) - 1; k >= 0; k-- {
		p := x.res.Positions[k]
		if p.Class != t.class || of != nil && p.Of != of {
			continue
		}
		p.Holder.seen("", s.idx) // a title is no name of the person: no altLabel
		if of != nil {
			owner[j].consumed = true
		}
		add(&chunk{ents: []*Ent{p.Holder}, start: i, end: end})
		return
	}
}

// nameSpans returns the name recogniser's spans of a sentence.
func (x *extractor) nameSpans(s *sentence) []ner.Span {
	if x.noModel {
		return nil
	}
	if !s.tagged {
		s.tagged = true
		if m, err := ner.Default(); err == nil { // checked by Extract
			s.names = m.TokenSpans(s.toks)
		}
	}
	return s.names
}

// minScore is the confidence below which a recognised name is not taken,
// by type.
var minScore = map[string]float64{ner.PER: 0.6, ner.LOC: 0.6, ner.ORG: 0.6}

// minSingle is the confidence a name of one word needs, minCommon the
// confidence a common word (hi/common.txt) needs to be a name on its own.
const (
	minSingle = 0.6
	minCommon = 0.8
)

// cueScore is the confidence given to a name read from a cue word ("X
// शहर", "अभिनेत्री X") rather than by the recogniser.
const cueScore = 0.6

// recognise adds the names the recogniser finds where the lexicon found
// none: the lexicon wins where it knows a name (it carries the QID), the
// model finds the rest. A title or honorific at the start of a person's
// span is not part of the name.
func (x *extractor) recognise(s *sentence, owner []*chunk, add, remove func(*chunk)) {
	nd, _ := loadNameData()
	for _, sp := range x.nameSpans(s) {
		start, end := sp.Start, sp.End
		if sp.Score < minScore[sp.Type] || end > len(s.words) {
			continue
		}
		// words the lexicon named stay its; a name discovered earlier
		// that is part of this one ("थापा" in the headline, "रमेश थापा"
		// here) gives way to the longer name
		var inside []*chunk
		free := true
		for i := start; i < end && free; i++ {
			c := owner[i]
			switch {
			case c == nil:
			case c.start >= start && c.end <= end && (c.start > start || c.end < end) && len(c.ents) == 1 && x.yields(s, sp, c):
				if len(inside) == 0 || inside[len(inside)-1] != c {
					inside = append(inside, c)
				}
			default:
				free = false
			}
		}
		if !free {
			continue
		}
		// a demonym and a common noun describe ("अमरीकी विश्वविद्यालय": an
		// American university), they name no organisation
		if sp.Type == ner.ORG && len(inside) == 1 && inside[0].start == start && inside[0].end == end-1 && x.demonymAt(s, inside[0]) && x.commonNoun(s.norms[end-1]) {
			continue
		}
		if x.thingAfter(s, end) {
			continue // "X सिस्टम", "X नियम", "X नाम का लेंस": a product or a method
		}
		for _, c := range inside {
			remove(c)
		}
		typ, noble := sp.Type, false
		if ns, ok := x.nobleStart(s, owner, start, end); ok {
			start, typ, noble = ns, ner.PER, true
		}
		// a profession or a form of address right before the name says
		// whose it is ("निशानेबाज़ X", "बकौल X"), whatever type the
		// recogniser guessed
		if typ != ner.PER && x.roleBefore(s, start) {
			typ = ner.PER
		}
		// "X के संस्थापक": a founder, a chairman, are an organisation's
		if typ != ner.ORG && nd.orgAfter.at(s.norms, end) > 0 {
			typ = ner.ORG
		}
		var pieces [][2]int
		for _, pc := range x.splitAtConjunctions(s, start, end) {
			if typ == ner.PER && !noble {
				pieces = append(pieces, x.splitAtTitles(s, pc[0], pc[1])...)
			} else {
				pieces = append(pieces, pc)
			}
		}
		for _, pc := range pieces {
			start, end := pc[0], pc[1]
			headClass := ""
			if typ == ner.PER && !noble {
				start = x.skipTitles(s, start, end)
				// "X हॉस्पिटल" is the hospital, not a person
				if c, ok := nd.heads[s.norms[end-1]]; ok && end-start > 1 {
					headClass = c
				} else {
					end = x.personEnd(s, start, end)
				}
			}
			start, end = x.trimNotNames(s, start, end)
			if typ == ner.ORG {
				start = x.orgStart(s, start, end)
			}
			if end > start && (x.inLexicon(s, start, end) || x.plainWords(s, start, end)) {
				continue
			}
			// what is left of "भारतीय क्रिकेट टीम" once the edge word goes
			// is a demonym and a noun: a description, no name
			if typ != ner.PER && end-start == 2 && x.demonymWord(s, start) && (x.commonNoun(s.norms[start+1]) || hindi.EnglishWord(s.norms[start+1]) || !hindi.Spelt(s.norms[start+1]) && !x.inLexicon(s, start+1, end)) {
				continue // also "इसराइली सेनाधिकारी": a Hindi noun no list spells in English
			}
			// a name of one word is easier to mistake (a common noun where a
			// name could stand): it needs more confidence
			if end-start == 1 && (sp.Score < minSingle || sp.Score < minCommon && (nd.common[s.norms[start]] || utf8.RuneCountInString(s.norms[start]) <= 3 || loanword(s.norms[start]))) ||
				!x.nameShaped(s, start, end) && !(typ == ner.ORG && x.orgShaped(s, start, end)) {
				continue
			}
			if _, num := x.d.numbers[s.norms[start]]; num && end-start == 1 {
				continue // "सत्तर और अस्सी के दशक": a number
			}
			if typ == ner.PER && nd.group[s.norms[end-1]] {
				continue // "राजसी ख़ानदान": a family, no person
			}
			if end-start == 1 && x.termAbbreviation(s, start) {
				continue
			}
			if l, ok := hindi.Abbreviation(s.norms[start]); ok && end-start == 1 && nd.notAbbr[l] {
				continue // "डीआईजी": a rank, not a body
			}
			if x.insideQuote(s, start, end) {
				continue // "'लार्जर दैन लाइफ'": a piece of a quoted phrase
			}
			if typ == ner.LOC && end-start == 1 {
				if le := x.misspeltPlace(s.norms[start]); le != nil {
					add(&chunk{ents: []*Ent{x.lexEnt(le, x.surface(s, start, end), s.idx)}, start: start, end: end})
					continue
				}
			}
			var class string
			switch typ {
			case ner.PER:
				class = "Person"
			case ner.LOC:
				class = x.placeClass(s, start, end)
			default:
				class = x.orgClass(s, start, end)
			}
			_, ownHead := nd.heads[s.norms[end-1]]
			if c := x.apposClass(s, start, end); c != "" && !noble && !(ownHead && c == "CreativeWork") && !(typ == ner.PER && start > 0 && nd.weakAppos[s.norms[start-1]]) {
				class = c // not "फ़िल्म X बैनर की": the name's own head says what it is
			}
			if headClass != "" {
				class = headClass
			}
			if x.allBrands(s, start, end) {
				class = "Organization" // "कोका कोला ने": the company
			}
			if _, abbr := hindi.Abbreviation(s.norms[start]); abbr && end-start == 1 && class == "Person" {
				class = "Organization" // "एलजी ने": letters alone name a body, not a person
			}
			if e := x.discovered(class, x.surface(s, start, end), s.idx, sp.Score, "ner"); e != nil {
				add(&chunk{ents: []*Ent{e}, start: start, end: end})
			}
		}
	}
}

// commonNoun reports whether a word is a Hindi common noun of names
// (विश्वविद्यालय, सेना: hi/nameheads.tsv), a common word (hi/common.txt)
// or a common English word (हॉकी).
func (x *extractor) commonNoun(w string) bool {
	nd, _ := loadNameData()
	_, head := hindi.NameHead(w)
	return head || nd.common[w] || loanword(w)
}

// apposNames reads the name right after a class noun of organisations
// ("कंपनी X ने", "संस्था X की") as one of that class where the recogniser
// missed it or took it for a person: one or two words shaped like a name,
// before a case marker or the end of the clause.
func (x *extractor) apposNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for i := 0; i+1 < n; i++ {
		class := nd.apposBefore[s.norms[i]]
		if entity.Scope(class) != "org" || owner[i] != nil || owner[i+1] != nil {
			continue
		}
		start := i + 1
		end := x.nameRun(s, owner, start)
		if end == start || end-start > 2 {
			continue
		}
		if end < n && x.d.postpos.at(s.norms, end) == 0 && isLetterWord(s.norms[end]) {
			continue
		}
		if !x.ruleShaped(s, start, end) || x.plainWords(s, start, end) || x.inLexicon(s, start, end) {
			continue
		}
		// "टीम X में खेले", "पार्टी X के ख़िलाफ़": a team plays in a city and
		// a party acts on a person; the class noun is no apposition there
		if x.recognisedAs(s, start, end, ner.LOC) || nd.weakAppos[s.norms[i]] && x.recognisedAs(s, start, end, ner.PER) {
			continue
		}
		if x.placeEnding(s.norms[end-1]) {
			// a place's name where the team or firm is ("टीम X में खेली")
			if end < n && x.d.is("locative", s.norms[end]) {
				class = "Place"
			} else {
				continue
			}
		}
		if e := x.discovered(class, x.surface(s, start, end), s.idx, cueScore, "appos"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: start, end: end})
		}
		i = end - 1
	}
}

// insideQuote reports whether words [start, end) lie inside a quoted
// phrase of a few words that is longer than they are: a part of a title
// or a saying, not a name by itself.
func (x *extractor) insideQuote(s *sentence, start, end int) bool {
	open := -1
	for i := 0; i < start; i++ {
		if x.d.is("quote", s.norms[i]) {
			if open < 0 {
				open = i
			} else {
				open = -1
			}
		}
	}
	if open < 0 || start-open > 6 {
		return false
	}
	for i := end; i < len(s.norms) && i-open <= 8; i++ {
		if x.d.is("quote", s.norms[i]) {
			return open+1 < start || i > end
		}
	}
	return false
}

// nobleStart reports whether a recognised span is, or follows, a title of
// nobility and "ऑफ़" ("ड्यूक ऑफ़ X", "डचेस ऑफ़ X"), and where the name
// then starts: the title and its place are the name of a person.
func (x *extractor) nobleStart(s *sentence, owner []*chunk, start, end int) (int, bool) {
	nd, _ := loadNameData()
	of := func(i int) bool { w := s.norms[i]; return w == "ऑफ" || w == "आफ" || w == "of" }
	if start+2 < end+1 && start+1 < end && nd.noble[s.norms[start]] && of(start+1) {
		return start, true
	}
	if start >= 2 && of(start-1) && nd.noble[s.norms[start-2]] && owner[start-1] == nil && owner[start-2] == nil {
		return start - 2, true
	}
	return start, false
}

// splitAtConjunctions cuts a recognised span at the conjunctions inside
// it ("X और Y" is two names, whatever the recogniser joined) and after a
// class noun inside it ("लीग टीम Y": the team Y, which apposClass types;
// the words before the noun qualify it and are dropped).
func (x *extractor) splitAtConjunctions(s *sentence, start, end int) [][2]int {
	nd, _ := loadNameData()
	var out [][2]int
	from := start
	for i := start; i < end; i++ {
		class := i > start && i+1 < end && nd.apposBefore[s.norms[i]] != ""
		if x.d.is("conjunction", s.norms[i]) || class {
			// the words before a class noun qualify it ("लीग टीम X")
			if i > from && !class {
				out = append(out, [2]int{from, i})
			}
			from = i + 1
		}
	}
	if from < end {
		out = append(out, [2]int{from, end})
	}
	return out
}

// splitAtTitles cuts a recognised person's span around the titles and
// words of rank inside it ("X मुग़ल बादशाह Y" is two persons, X and Y;
// "X प्रमुख Y" too): a title names an office, never part of a name. A
// title at the start is left for skipTitles.
func (x *extractor) splitAtTitles(s *sentence, start, end int) [][2]int {
	nd, _ := loadNameData()
	var out [][2]int
	from := start
	for i := start + 1; i < end; {
		l := 0
		if nd.split[s.norms[i]] {
			l = 1
		} else {
			for _, t := range x.d.titles {
				if i+len(t.words) <= end && t.words.at(s.norms, i) {
					l = len(t.words)
					break
				}
			}
		}
		if l == 0 {
			i++
			continue
		}
		// words of rank before the title belong to it ("मुग़ल बादशाह")
		k := i
		for k > from && nd.split[s.norms[k-1]] {
			k--
		}
		if k > from {
			out = append(out, [2]int{from, k})
		}
		i += l
		from = i
	}
	if from < end {
		out = append(out, [2]int{from, end})
	}
	return out
}

// apposClass is the class a class noun right before or after a name gives
// it ("कंपनी X ने" a company, "X नदी" a river, hi/names.tsv appos rows),
// or "".
func (x *extractor) apposClass(s *sentence, start, end int) string {
	nd, _ := loadNameData()
	if start > 0 {
		if c := nd.apposBefore[s.norms[start-1]]; c != "" {
			return c
		}
	}
	if end < len(s.norms) {
		if c := nd.apposAfter[s.norms[end]]; c != "" {
			return c
		}
	}
	return ""
}

// termAbbreviation reports whether the word at i is an abbreviation
// beside its expansion in brackets ("ABC (X Y Z)" or "X Y Z (ABC)") whose
// words name no organisation (no orghead, org or head row): a technical
// term, not a body.
func (x *extractor) termAbbreviation(s *sentence, i int) bool {
	nd, _ := loadNameData()
	if _, ok := hindi.Abbreviation(s.norms[i]); !ok && !isUpperLatin(x.a.Text[s.words[i].start:s.words[i].end]) {
		return false
	}
	n := len(s.norms)
	var exp []string
	switch {
	case i+1 < n && s.norms[i+1] == "(":
		for k := i + 2; k < n && s.norms[k] != ")" && k-i < 10; k++ {
			exp = append(exp, s.norms[k])
		}
	case i > 0 && i+1 < n && s.norms[i-1] == "(" && s.norms[i+1] == ")":
		for k := i - 2; k >= 0 && i-k < 10 && isLetterWord(s.norms[k]) && x.d.postpos.at(s.norms, k) == 0; k-- {
			exp = append(exp, s.norms[k])
		}
	}
	if len(exp) < 2 {
		return false
	}
	for _, w := range exp {
		lw := strings.ToLower(w)
		_, org := nd.org[lw]
		if nd.orgHead[lw] || org || entity.Scope(nd.heads[lw]) == "org" {
			return false
		}
	}
	return true
}

// isUpperLatin reports whether a word is Latin capitals (OLED, NSA).
func isUpperLatin(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// skipTitles moves the start of a person's span past titles and
// honorifics (राष्ट्रपति, श्री, डॉ.).
func (x *extractor) skipTitles(s *sentence, start, end int) int {
	nd, _ := loadNameData()
	for start < end {
		if l := x.d.honorifics.at(s.norms, start); l > 0 {
			start += l
			continue
		}
		if l := nd.roles.at(s.norms, start); l > 0 {
			start += l
			continue
		}
		found := false
		for _, t := range x.d.titles {
			if t.words.at(s.norms, start) {
				start += len(t.words)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return start
}

// nameShaped reports whether words [start, end) can be a name: one to six
// words of letters, none a stop word or postposition, and not a single
// letter.
func (x *extractor) nameShaped(s *sentence, start, end int) bool {
	if end <= start || end-start > 6 {
		return false
	}
	for i := start; i < end; i++ {
		w := s.norms[i]
		if !isLetterWord(w) || x.d.stop[w] || x.d.postpos.at(s.norms, i) > 0 {
			return false
		}
		// a visarga ending a word inside a span is a colon typed as one:
		// "बिहारः बालू" is a crosshead glued to its text, not a name
		if strings.HasSuffix(w, "ः") {
			return false
		}
	}
	// an oblique plural is a common noun: माओवादियों, नक्सलियों (माओवादिओं)
	if last := s.norms[end-1]; strings.HasSuffix(last, "ों") || strings.HasSuffix(last, "ओं") || strings.HasSuffix(last, "ाओं") {
		return false
	}

	return len([]rune(strings.Join(s.norms[start:end], ""))) >= 2
}

// trimNotNames drops words that begin or end no name ("साहब", "पूरा")
// from the edges of a span, and the whole span when what is left names
// nothing by itself ("पूर्वी", "दादा दादी").
func (x *extractor) trimNotNames(s *sentence, start, end int) (int, int) {
	nd, _ := loadNameData()
	for start < end && (nd.edge[s.norms[start]] || nd.function[s.norms[start]]) {
		start++
	}
	for end > start && (nd.edge[s.norms[end-1]] || nd.function[s.norms[end-1]]) {
		end--
	}
	for i := start; i < end; i++ {
		if !nd.notName[s.norms[i]] {
			return start, end
		}
	}
	return start, start
}

// cueNames reads names the recogniser missed from the words next to them:
// a word before a place word ("X शहर पर", "X ज़िले में") is a place of
// that kind.
func (x *extractor) cueNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for i := 0; i+1 < n; i++ {
		l := nd.placeAfterPh.at(s.norms, i+1)
		if l == 0 || owner[i] != nil || owner[i+1] != nil {
			continue
		}
		class := nd.placeAfter[strings.Join(s.norms[i+1:i+1+l], " ")]
		w := s.norms[i]
		if strings.HasSuffix(w, "ी") || !x.ruleShaped(s, i, i+1) {
			continue
		}
		// (not after a participle's ending or an auxiliary: "गढ़ समझे
		// जाने वाले X शहर पर")
		if p := i - 1; p >= 0 && owner[p] == nil && isLetterWord(s.norms[p]) && !x.d.stop[s.norms[p]] && x.d.postpos.at(s.norms, p) == 0 &&
			!x.d.auxiliary[s.norms[p]] && x.d.cues["participle-end"].at(s.norms, p) == 0 {
			continue // "X Y शहर": which words are the name is unclear
		}
		if le := x.misspeltPlace(w); le != nil {
			add(&chunk{ents: []*Ent{x.lexEnt(le, x.surface(s, i, i+1), s.idx)}, start: i, end: i + 1})
			continue
		}
		if e := x.discovered(class, x.surface(s, i, i+1), s.idx, cueScore, "placeafter"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: i, end: i + 1})
		}
	}
}

// abbreviationNames reads a word of three or more Hindi letter names
// (एनएसए, सीबीआई) as an organisation, unless it is a common term (DNA,
// FIR: names.tsv) or begins a longer name ("एसके पाठक").
func (x *extractor) abbreviationNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for i := 0; i < n; i++ {
		if owner[i] != nil {
			continue
		}
		if i+1 < n && owner[i+1] == nil && isLetterWord(s.norms[i+1]) && !x.d.stop[s.norms[i+1]] && x.d.postpos.at(s.norms, i+1) == 0 && !x.d.is("conjunction", s.norms[i+1]) {
			continue // an initial of a person's name, or part of a longer one
		}
		latin, ok := hindi.Abbreviation(s.norms[i])
		if !ok || len(latin) < 3 || nd.notAbbr[latin] || x.inLexicon(s, i, i+1) || x.termAbbreviation(s, i) {
			continue
		}
		if e := x.discovered("Organization", x.surface(s, i, i+1), s.idx, cueScore, "abbreviation"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: i, end: i + 1})
		}
	}
}

// roleNames reads a name after a role word and before a case marker as a
// person's ("अभिनेत्री X ने", "हेडमास्टर X ने"), before the recogniser,
// whose type for a name after a role is less sure than the role.
func (x *extractor) roleNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for i := 0; i < n; i++ {
		l := nd.roles.at(s.norms, i)
		if l == 0 || owner[i] != nil {
			continue
		}
		start := x.skipTitles(s, i+l, n) // "लेफ़्टिनेंट जनरल X"
		end := x.nameRun(s, owner, start)
		end = x.speechCut(s, start, end)
		if end == start || end-start > 3 {
			continue
		}
		// a name is followed by a case marker, punctuation, the end, or
		// the verb of saying its bare phrase is the subject of
		if end < n && x.d.postpos.at(s.norms, end) == 0 && isLetterWord(s.norms[end]) && !x.speechAfter(s, end) {
			continue
		}
		start, end = x.trimNotNames(s, start, end)
		if end > start {
			end = x.personEnd(s, start, end)
		}
		if !x.ruleShaped(s, start, end) {
			continue
		}
		if e := x.discovered("Person", x.surface(s, start, end), s.idx, cueScore, "role"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: start, end: end})
		}
		i = end - 1
	}
}

// listNames types the unknown members of a list by its known ones: in "X,
// Y और Z" where the lexicon or the recogniser named X a place, Y and Z
// (words shaped like names, one or two each) are places too. A list is
// joined by commas and closed by a conjunction (और, तथा, एवं, व); members
// of different kinds leave it alone.
func (x *extractor) listNames(s *sentence, owner []*chunk, add, remove func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	type atom struct {
		start, end int
		c          *chunk
	}
	boundary := func(k int) bool { // a word that ends a member: "…, Z में", "…, Z ज़िलों"
		if k >= n {
			return true
		}
		_, place := nd.place[s.norms[k]]
		return place || x.d.is("conjunction", s.norms[k]) || x.d.postpos.at(s.norms, k) > 0 || !isLetterWord(s.norms[k])
	}
	atomAt := func(p int) (atom, bool) {
		if p >= n {
			return atom{}, false
		}
		if c := owner[p]; c != nil {
			if c.start != p || len(c.ents) != 1 {
				return atom{}, false
			}
			// a first name discovered elsewhere and a surname: "फ़े डनअवे और"
			if e := c.ents[0]; e.Discovered && e.Type == "Person" && c.end == p+1 && c.end < n && owner[c.end] == nil &&
				!nd.notName[s.norms[c.end]] && !nd.edge[s.norms[c.end]] && x.nameShaped(s, c.end, c.end+1) && boundary(c.end+1) {
				return atom{p, c.end + 1, nil}, true
			}
			return atom{p, c.end, c}, boundary(c.end)
		}
		for l := 1; l <= 2 && p+l <= n; l++ {
			w := s.norms[p+l-1]
			if owner[p+l-1] != nil || nd.notName[w] || nd.edge[w] || !isLetterWord(w) {
				return atom{}, false
			}
			if boundary(p + l) {
				// no common word or English loanword at all: a list of
				// things ("ग्लैमर, क्रिकेट और पैसे") types nothing
				for k := p; k < p+l; k++ {
					if nd.common[s.norms[k]] || loanword(s.norms[k]) {
						return atom{}, false
					}
				}
				return atom{p, p + l, nil}, x.ruleShaped(s, p, p+l)
			}
		}
		return atom{}, false
	}
	for p := 0; p < n; p++ {
		if p > 0 && owner[p] == nil && !boundary(p-1) && !x.d.stop[s.norms[p-1]] {
			continue // the first member may be the tail of a longer phrase
		}
		a, ok := atomAt(p)
		if !ok {
			continue
		}
		list := []atom{a}
		closed := false
		for !closed && a.end < n && x.d.is("conjunction", s.norms[a.end]) {
			closed = s.norms[a.end] != ","
			if a, ok = atomAt(a.end + 1); !ok {
				break
			}
			list = append(list, a)
		}
		if !ok || !closed || len(list) < 2 {
			continue
		}
		// two members: an unknown one must look like a full name ("फ़े
		// डनअवे और वॉरेन बीटी"), not a word ("माहिर और मोदी सरकार")
		short := func(a atom) bool { return a.c == nil && a.end-a.start < 2 }
		if len(list) == 2 && (short(list[0]) || short(list[1])) {
			k := list[0]
			if k.c == nil {
				k = list[1]
			}
			if k.c == nil || !k.c.ents[0].isPlace() {
				continue // a place may have a one-word name beside another: "X तथा पारादीप के बीच"
			}
		}
		// "दो स्पिनर, X और Y": a counted noun heads the list, no name
		if q := list[0].start - 1; q >= 0 {
			if _, num := x.d.numbers[s.norms[q]]; num || !isLetterWord(s.norms[q]) && s.norms[q] != "," && !x.d.is("quote", s.norms[q]) {
				if num {
					continue
				}
			}
		}
		var known []*Ent
		unknown, weak := 0, false
		for _, a := range list {
			if a.c != nil {
				e := a.c.ents[0]
				known = append(known, e)
				// a member the rules or a doubtful recognition made is no
				// evidence for the others
				weak = weak || e.Discovered && (e.via != "ner" && e.via != "title" || e.score < 0.6)
			} else {
				unknown++
			}
		}
		if weak {
			continue
		}
		if len(known) == 0 || unknown == 0 {
			continue
		}
		class := known[0].Type
		for _, e := range known {
			if entity.Scope(e.Type) != entity.Scope(class) || e.Local {
				class = ""
				break
			}
			if e.Type != class {
				class = map[string]string{"person": "Person", "place": "Place", "org": "Organization"}[entity.Scope(class)]
			}
		}
		switch entity.Scope(class) {
		case "person", "place", "org":
		default:
			continue
		}
		for _, a := range list {
			if a.c != nil {
				continue
			}
			if e := x.discovered(class, x.surface(s, a.start, a.end), s.idx, cueScore, "list"); e != nil {
				for k := a.start; k < a.end; k++ {
					if c := owner[k]; c != nil {
						remove(c) // the first name the surname extends
					}
				}
				add(&chunk{ents: []*Ent{e}, start: a.start, end: a.end})
			}
		}
		p = list[len(list)-1].end - 1
	}
}

// mergePartials makes one entity of a person the article names by one
// word (a first name or a surname, "फ़े", "बीटी") and the one person it
// names in full whose first or last word that is ("फ़े डनअवे"), wherever
// in the article the two appear: every fact about the one is about the
// other. The one word may have been typed a place by the recogniser (no
// place word said so): the person named in full wins.
func (x *extractor) mergePartials() {
	byWord := map[string][]*Ent{}
	for _, e := range x.order {
		if e.Type != "Person" {
			continue
		}
		names := e.fullNames()
		for _, nm := range names {
			ws := strings.Fields(hindi.Fold(nm))
			if len(ws) < 2 {
				continue
			}
			for _, w := range []string{ws[0], ws[len(ws)-1]} {
				if !containsEnt(byWord[w], e) {
					byWord[w] = append(byWord[w], e)
				}
			}
		}
	}
	into := map[*Ent]*Ent{}
	for _, e := range x.order {
		names := e.fullNames()
		// a first name alone is often taken for a place ("बकौल X,");
		// a place a place word named ("X ज़िले") is one
		place := e.Type == "Place" && (e.via == "ner" || e.via == "list")
		if !e.Discovered || e.Type != "Person" && !place || len(names) == 0 {
			continue
		}
		w := strings.Fields(hindi.Fold(names[0]))
		if len(w) != 1 {
			continue
		}
		same := true
		for _, nm := range names[1:] {
			same = same && hindi.Fold(nm) == w[0]
		}
		if full := byWord[w[0]]; same && len(full) == 1 && full[0] != e {
			into[e] = full[0]
		}
	}
	if len(into) == 0 {
		return
	}
	x.replaceEnts(into)
}

// replaceEnts points every fact about an entity in into's keys at its
// value instead, and drops the replaced entities.
func (x *extractor) replaceEnts(into map[*Ent]*Ent) {
	sub := func(e *Ent) *Ent {
		if t, ok := into[e]; ok {
			return t
		}
		return e
	}
	subList := func(list []*Ent) []*Ent {
		var out []*Ent
		for _, e := range list {
			out = appendUnique(out, sub(e))
		}
		return out
	}
	for from, to := range into {
		for sf := range from.Surface {
			to.seen(sf, from.lastSeen)
		}
		if from.first < to.first {
			to.first = from.first
		}
		delete(x.ents, from.ID)
	}
	for _, ev := range x.res.Events {
		for r, es := range ev.Roles {
			ev.Roles[r] = subList(es)
		}
		ev.ReportedBy = subList(ev.ReportedBy)
		for e, q := range ev.qty {
			if t, ok := into[e]; ok {
				delete(ev.qty, e)
				ev.qty[t] = q
			}
		}
	}
	for i := range x.res.Relations {
		x.res.Relations[i].From, x.res.Relations[i].To = sub(x.res.Relations[i].From), sub(x.res.Relations[i].To)
	}
	for _, p := range x.res.Positions {
		p.Holder = sub(p.Holder)
		if p.Of != nil {
			p.Of = sub(p.Of)
		}
	}
	if x.res.Dateline != nil {
		x.res.Dateline = sub(x.res.Dateline)
	}
	if x.res.Agency != nil {
		x.res.Agency = sub(x.res.Agency)
	}
	order := x.order[:0]
	for _, e := range x.order {
		if e.Country != nil {
			e.Country = sub(e.Country)
		}
		if _, gone := into[e]; !gone {
			order = append(order, e)
		}
	}
	x.order = order
}

// fullNames are the names an entity was found under in full: a discovered
// entity's, else its Hindi label.
func (e *Ent) fullNames() []string {
	if len(e.names) > 0 {
		return e.names
	}
	if e.HI != "" {
		return []string{e.HI}
	}
	return nil
}

// headNames reads names that end in a word saying what they name ("X
// पुलिस", "X स्कूल", "X अवॉर्ड", "X ओपन"): the head and one to three words
// before it, shaped like a name, not all of them common modifiers
// ("सरकारी स्कूल"), after a word that ends a phrase. A lexicon place among
// them is part of the name ("दिल्ली पुलिस" is the police, not Delhi).
func (x *extractor) headNames(s *sentence, owner []*chunk, add, remove func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for h := 1; h < n; h++ {
		hl, class := 0, ""
		for l := 2; l >= 1; l-- {
			if h+l <= n {
				if c, ok := nd.heads[strings.Join(s.norms[h:h+l], " ")]; ok {
					hl, class = l, c
					break
				}
			}
		}
		if hl == 0 || owner[h] != nil {
			continue
		}
		start := h
		var places []*chunk
		for start > 0 && h-start < 3 {
			w := s.norms[start-1]
			if c := owner[start-1]; c != nil {
				// a lexicon place (not its demonym: "ब्रितानी कंपनी" is
				// any British company)
				if len(c.ents) != 1 || c.ents[0].Discovered || !c.ents[0].isPlace() || c.start < h-3 || x.demonymAt(s, c) && class != "Event" {
					break // a tournament is named by a nationality: "फ़्रेंच ओपन"
				}
				places = append(places, c)
				start = c.start
				continue
			}
			if _, num := x.d.numbers[w]; num || x.d.stop[w] || nd.notName[w] || nd.function[w] || !isLetterWord(w) || x.d.postpos.at(s.norms, start-1) > 0 ||
				nd.roles.at(s.norms, start-1) > 0 || x.d.honorifics.at(s.norms, start-1) > 0 {
				break // "प्रोफ़ेसर X यूनिवर्सिटी": a person's role ends the name
			}
			start--
		}
		for start < h && nd.edge[s.norms[start]] {
			start++ // "जी" is an initial inside a name, not at its start
		}
		if start == h {
			continue
		}
		// the name starts after a word that ends a phrase, or after a
		// head of its own kind ("सम्मान X अवॉर्ड")
		if nd.weakHeads[strings.Join(s.norms[h:h+hl], " ")] && h-start < 2 && len(places) == 0 {
			continue
		}
		onlyLexicon := len(places) > 0 && places[len(places)-1].start == start && places[0].end == h
		if b := start - 1; !onlyLexicon && b >= 0 && isLetterWord(s.norms[b]) && x.d.postpos.at(s.norms, b) == 0 && !x.d.is("conjunction", s.norms[b]) && owner[b] == nil && nd.heads[s.norms[b]] == "" {
			continue
		}
		if len(places) == 0 && !x.ruleShaped(s, start, h) && !x.englishName(s, start, h) || !x.nameShaped(s, start, h+hl) {
			continue
		}
		// one English common word before the head says what kind of place
		// or body it is ("फायर स्टेशन", "गेस्ट हाउस"), not which
		if h-start == 1 && len(places) == 0 && hindi.EnglishWord(s.norms[start]) {
			continue
		}
		for _, c := range places {
			remove(c)
		}
		if e := x.discovered(class, x.surface(s, start, h+hl), s.idx, cueScore, "head"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: start, end: h + hl})
		}
		h += hl - 1
	}
}

// workNames reads a quoted title as a creative work: after a noun of
// works ("फ़िल्म 'X'", "किताब 'X'"), or a title the article quotes twice
// or more whose words are neither common nor grammar ('ला ला लैंड' twice;
// not 'पूर्ण समर्थन', scare quotes of common words). One to five words.
func (x *extractor) workNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.words)
	for i := 0; i+1 < n; i++ {
		if !x.d.is("quote", s.norms[i]) {
			continue
		}
		end := i + 1
		for end < n && !x.d.is("quote", s.norms[end]) && end-(i+1) < 6 {
			end++
		}
		if end >= n || end == i+1 || end-(i+1) > 5 {
			continue
		}
		key := strings.Join(s.norms[i+1:end], " ")
		if x.quotes == nil {
			x.quotes = map[string]int{}
		}
		x.quotes[key]++
		if x.sentenceOfWorks(s) {
			if x.quoteCues == nil {
				x.quoteCues = map[string]bool{}
			}
			x.quoteCues[key] = true
		}
		byNoun := i > 0 && nd.works[s.norms[i-1]]
		if !byNoun && !(x.quotedTwice[key] && x.quoteCued[key] && x.titleWords(s, i+1, end)) {
			continue
		}
		free := true
		for k := i + 1; k < end; k++ {
			free = free && owner[k] == nil
		}
		if first := s.norms[i+1]; !free || x.d.stop[first] || nd.function[first] || !isLetterWord(s.norms[end-1]) {
			continue
		}
		if e := x.discovered("CreativeWork", x.surface(s, i+1, end), s.idx, cueScore, "work"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: i + 1, end: end})
		}
		i = end
	}
}

// sentenceOfWorks reports whether a sentence speaks of works: it holds a
// noun of works (फ़िल्म, किताब) or a word of their making and showing
// (रिलीज़, निर्देशित: workcue rows).
func (x *extractor) sentenceOfWorks(s *sentence) bool {
	nd, _ := loadNameData()
	for _, w := range s.norms {
		if nd.works[w] || nd.workCue[w] {
			return true
		}
	}
	return false
}

// titleWords reports whether words [start, end) hold no common word and
// no word of grammar: a title, not a phrase in scare quotes.
func (x *extractor) titleWords(s *sentence, start, end int) bool {
	nd, _ := loadNameData()
	for k := start; k < end; k++ {
		w := s.norms[k]
		if nd.common[w] || nd.function[w] || x.d.stop[w] || !isLetterWord(w) {
			return false
		}
	}
	return true
}

// ofPlaceNames reads "X के गवर्नर", "X के प्रधानमंत्री": a word the
// lexicon and the recogniser left unnamed before a title of a place's
// office is that place.
func (x *extractor) ofPlaceNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for i := 2; i < n; i++ {
		class := ""
		for l := 2; l >= 1 && class == ""; l-- {
			if i+l <= n {
				class = nd.ofPlace[strings.Join(s.norms[i:i+l], " ")]
			}
		}
		if class == "" || !isGenitive(s.norms[i-1]) || owner[i-2] != nil {
			continue
		}
		k := i - 2
		w := s.norms[k]
		// "सिंध प्रांत के गवर्नर": a noun naming a place's kind is no name
		if nd.modifiers[w] || x.d.is("classifier", w) || !x.ruleShaped(s, k, k+1) {
			continue
		}
		if k > 0 && owner[k-1] == nil && isLetterWord(s.norms[k-1]) && !x.d.stop[s.norms[k-1]] && x.d.postpos.at(s.norms, k-1) == 0 {
			continue // "X Y के": which words are the name is unclear
		}
		if e := x.discovered(class, x.surface(s, k, k+1), s.idx, cueScore, "ofplace"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: k, end: k + 1})
		}
	}
}

// ownNameWords returns the folded words of every name the lexicon gives
// an entity.
func ownNameWords(le *entity.Entity) map[string]bool {
	out := map[string]bool{}
	if le == nil {
		return out
	}
	for _, name := range append([]string{le.HI}, le.Aliases...) {
		for _, w := range entity.Words(hindi.Tokenize(name)) {
			out[w.Norm] = true
		}
	}
	return out
}

// yields reports whether a name inside a longer recognised span gives way
// to it: a name discovered earlier ("थापा", then "रमेश थापा"); a lexicon
// place inside an organisation's name ("न्यूयॉर्क टाइम्स", "X पुलिस"); a
// lexicon place after a direction ("दक्षिण अफ्रीका" is not Africa); a
// person's short form inside another person's name.
func (x *extractor) yields(s *sentence, sp ner.Span, c *chunk) bool {
	e := c.ents[0]
	switch {
	case e.Discovered:
		return true
	case c.short && e.Type == "Person" && sp.Type == ner.PER:
		// a person's surname or given name that the lexicon lists as a
		// short form, with another name word beside it, names someone
		// else: "इमरान X" is not Imran Khan, "X मोदी" not Narendra Modi
		// (had the words been the entity's full name, the lexicon would
		// have matched them in full); a title or role beside it is none
		start := x.skipTitles(s, sp.Start, sp.End)
		if start >= c.start && sp.End <= c.end {
			return false
		}
		// the words beside it must be a name's, and not the entity's own:
		// "किम जोंग" is Kim Jong-un cut short, "X स्मारक" a memorial
		own := ownNameWords(e.Lex)
		nd, _ := loadNameData()
		for i := start; i < sp.End; i++ {
			if i >= c.start && i < c.end {
				continue
			}
			if w := s.norms[i]; own[w] || x.commonNoun(w) || nd.noun[w] || nd.notName[w] || nd.function[w] {
				return false
			}
		}
		return true
	case !e.isPlace() || sp.Score < 0.6:
		return false
	case sp.Type == ner.ORG:
		return true
	case sp.Type == ner.LOC:
		nd, _ := loadNameData()
		for i := sp.Start; i < sp.End; i++ {
			if (i < c.start || i >= c.end) && !nd.notName[s.norms[i]] {
				return false
			}
		}
		return true
	}
	return false
}

// ruleShaped reports whether words [start, end) can be a name that a rule
// (not the recogniser) reads: shaped like a name, no word of grammar, no
// common modifier only, and, for one word, not ending like an oblique
// form or a verb (-े: "पर्दे", "ख़तरे", "खिलाने").
func (x *extractor) ruleShaped(s *sentence, start, end int) bool {
	nd, _ := loadNameData()
	if !x.nameShaped(s, start, end) {
		return false
	}
	modifiers, common := true, 0
	for i := start; i < end; i++ {
		w := s.norms[i]
		if nd.function[w] || nd.notName[w] && end-start == 1 || nd.edge[w] && (i == start || i == end-1) {
			return false
		}
		modifiers = modifiers && nd.modifiers[w]
		if nd.common[w] {
			common++
		}
	}
	// "सरकारी स्कूल", "चर्चित क्लब", "थोड़ा आगे X बैंक": words, not a name;
	// a name may hold one common word, not begin with it
	if modifiers || common > 1 || common == end-start || nd.common[s.norms[start]] {
		return false
	}
	if end-start == 1 && loanword(s.norms[start]) {
		return false // "चैंपियनशिप" alone is a word
	}
	if end-start == 1 && end < len(s.norms) && nd.verbAfter[s.norms[end]] {
		return false // "कई मंत्री बिता रहे हैं": a verb's stem
	}
	// an oblique infinitive is a verb ("महाभारत पढ़ने")
	if strings.HasSuffix(s.norms[end-1], "ने") {
		return false
	}
	return end-start > 1 || !strings.HasSuffix(s.norms[start], "े")
}

// demonymAt reports whether chunk c is a country's demonym as written.
func (x *extractor) demonymAt(s *sentence, c *chunk) bool {
	for _, f := range x.lex.Lookup(strings.Join(s.norms[c.start:c.end], " ")) {
		if f.Kind == entity.Demonym {
			return true
		}
	}
	return false
}

// thingAfter reports whether a noun of products, methods or things
// (notafter rows) follows word end-1, right after it ("X सिस्टम") or
// after "नाम का/की/के" ("X नाम के तारे"): the name is a thing's.
func (x *extractor) thingAfter(s *sentence, end int) bool {
	nd, _ := loadNameData()
	n := len(s.norms)
	if end < n && nd.notAfter[s.norms[end]] {
		return true
	}
	if end+2 < n && s.norms[end] == "नाम" && x.d.is("genitive", s.norms[end+1]) {
		return nd.notAfter[s.norms[end+2]]
	}
	return false
}

// allBrands reports whether every word of [start, end) names a company
// or its brand (hi/loanwords.tsv brand rows: "कोका कोला").
func (x *extractor) allBrands(s *sentence, start, end int) bool {
	for i := start; i < end; i++ {
		if !hindi.Brand(s.norms[i]) {
			return false
		}
	}
	return end > start
}

// orgStart drops from the start of an organisation's name a common Hindi
// word that the text put before it ("शामिल X यूनिवर्सिटी", "निराश भारतीय
// X"): one that stands before a word the lists spell in English, a head
// noun with more after it, or a place or demonym the lexicon knows, which
// begin names. "शिया सेंट्रल वक़्फ़ बोर्ड" keeps its first word (an
// English common word follows it); English words ("ऑल इंडिया") stay.
func (x *extractor) orgStart(s *sentence, start, end int) int {
	nd, _ := loadNameData()
	for end-start >= 2 {
		w, next := s.norms[start], s.norms[start+1]
		if !nd.common[w] || hindi.Spelt(w) || x.inLexicon(s, start, start+1) {
			break
		}
		_, head := nd.heads[next]
		head = head && end-start > 2 // "X अकादमी" keeps X: a head alone is no name
		name := hindi.Spelt(next) && !hindi.EnglishWord(next)
		if !(name || head || x.knownPlace(next) || x.demonymWord(s, start+1)) {
			break
		}
		start++
	}
	return start
}

// roleBefore reports whether a role word (names.tsv role rows: a
// profession, a rank, a form of address) ends right before word i.
func (x *extractor) roleBefore(s *sentence, i int) bool {
	nd, _ := loadNameData()
	for l := 1; l <= 3 && l <= i; l++ {
		if nd.roles.at(s.norms, i-l) == l {
			return true
		}
	}
	return false
}

// personEnd cuts from the end of a person's name the common nouns (noun
// rows: "धोनी मैच", "X बिजली") that follow it in the text, and a place's
// head noun with the English words before it ("X फायर स्टेशन पहुंचे":
// the governor went to the fire station); at least one word is kept. A
// body's head noun ("X विश्वविद्यालय") makes the whole no person's name:
// it returns start.
func (x *extractor) personEnd(s *sentence, start, end int) int {
	nd, _ := loadNameData()
	for end-start > 1 {
		w := s.norms[end-1]
		if nd.noun[w] {
			end--
			continue
		}
		if c, ok := nd.heads[w]; ok {
			if entity.Scope(c) == "org" {
				return start // "X सुभारती विश्वविद्यालय": a body's name, no person's
			}
			end--
			for end-start > 1 && hindi.EnglishWord(s.norms[end-1]) {
				end--
			}
			continue
		}
		break
	}
	return end
}

// demonymWord reports whether word i alone is a country's demonym as the
// lexicon knows it ("रूसी", "भारतीय").
func (x *extractor) demonymWord(s *sentence, i int) bool {
	for _, f := range x.lex.Lookup(s.norms[i]) {
		if f.Kind == entity.Demonym {
			return true
		}
	}
	return false
}

// orgShaped is nameShaped for an organisation's name, which may hold the
// common nouns that end a person's name after a title ("विदेश मंत्रालय"),
// though not as its first word.
func (x *extractor) orgShaped(s *sentence, start, end int) bool {
	if end-start < 2 || end-start > 6 || x.d.stop[s.norms[start]] {
		return false
	}
	for i := start; i < end; i++ {
		w := s.norms[i]
		if !isLetterWord(w) || x.d.postpos.at(s.norms, i) > 0 || strings.HasSuffix(w, "ः") {
			return false
		}
	}
	last := s.norms[end-1]
	return !strings.HasSuffix(last, "ों") && !strings.HasSuffix(last, "ाओं")
}

// kinNames reads the names beside a kinship noun as persons': "की बहन X
// ने" (after it, before a case marker) and "X की बहन" (before its
// genitive). A name that is also a common word ("कृति") is taken after the
// kinship noun only before ने, whose phrase acts.
func (x *extractor) kinNames(s *sentence, owner []*chunk, add func(*chunk)) {
	nd, _ := loadNameData()
	n := len(s.norms)
	for k := 1; k < n; k++ {
		if !nd.kin[s.norms[k]] || owner[k] != nil {
			continue
		}
		// X की बहन
		if g := k - 1; g >= 1 && x.d.is("genitive", s.norms[g]) && owner[g-1] == nil {
			i := g - 1
			// not after an opening quote: "'X के पिता'" is a title
			if x.ruleShaped(s, i, i+1) && (i == 0 || !isLetterWord(s.norms[i-1]) && !x.d.is("quote", s.norms[i-1]) || x.d.stop[s.norms[i-1]] || x.d.postpos.at(s.norms, i-1) > 0 || owner[i-1] != nil) {
				if e := x.discovered("Person", x.surface(s, i, i+1), s.idx, cueScore, "kin"); e != nil {
					add(&chunk{ents: []*Ent{e}, start: i, end: i + 1})
				}
			}
		}
		// बहन X ने
		start := k + 1
		end := x.nameRun(s, owner, start)
		if end == start || end-start > 3 || end >= n || x.d.postpos.at(s.norms, end) == 0 {
			continue
		}
		ok := x.ruleShaped(s, start, end)
		if !ok && end-start == 1 && x.d.is("ergative", s.norms[end]) && x.nameShaped(s, start, end) && !nd.function[s.norms[start]] && !nd.notName[s.norms[start]] {
			ok = true
		}
		if !ok {
			continue
		}
		if e := x.discovered("Person", x.surface(s, start, end), s.idx, cueScore, "kin"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: start, end: end})
		}
		k = end
	}
}

// recognisedAs reports whether the recogniser found a name of type typ
// overlapping words [start, end), with the confidence it needs.
func (x *extractor) recognisedAs(s *sentence, start, end int, typ string) bool {
	for _, sp := range x.nameSpans(s) {
		if sp.Type == typ && sp.Score >= minScore[typ] && sp.Start < end && sp.End > start {
			return true
		}
	}
	return false
}

// recognised reports whether the recogniser found a person's name
// overlapping words [start, end).
func (x *extractor) recognised(s *sentence, start, end int) bool {
	for _, sp := range x.nameSpans(s) {
		if sp.Type == ner.PER && sp.Start < end && sp.End > start {
			return true
		}
	}
	return false
}

// inLexicon reports whether words [start, end) are a form the lexicon
// knows (of any kind: a short form, a dateline alias), which the lexicon's
// resolution has had its say on; पीटीआई with no context names nothing,
// not a new organisation.
func (x *extractor) inLexicon(s *sentence, start, end int) bool {
	return len(x.lex.Lookup(strings.Join(s.norms[start:end], " "))) > 0
}

// loanword reports whether a word is a common English word written in
// Devanagari (hi/translit.tsv): "क्रिकेट", "यूनिवर्सिटी" alone are no names.
func loanword(w string) bool {
	_, ok := hindi.Loanword(w)
	return ok
}

// englishName reports whether words [start, end) are two or more English
// words in Devanagari ("सुपर स्पोर्ट्स" before "पार्क"): an English name
// is made of common English words.
func (x *extractor) englishName(s *sentence, start, end int) bool {
	if end-start < 2 {
		return false
	}
	for k := start; k < end; k++ {
		if !loanword(s.norms[k]) {
			return false
		}
	}
	return true
}

// plainWords reports whether words [start, end) are all common nouns,
// modifiers or English words, which name nothing the recogniser may think
// they do ("राज्य विधानसभा", "स्मार्टफ़ोन बैटरी").
func (x *extractor) plainWords(s *sentence, start, end int) bool {
	nd, _ := loadNameData()
	for i := start; i < end; i++ {
		w := s.norms[i]
		if !(nd.common[w] || nd.modifiers[w] || loanword(w) || nd.notName[w]) {
			return false
		}
	}
	return end-start > 1
}

// wordEvidence is what a whole article says about its words, for the
// names one sentence alone cannot tell from common nouns (ergativeNames).
type wordEvidence struct {
	// person: words the recogniser read inside a person's name somewhere
	// in the article, with at least minPersonEvidence
	person map[string]bool
	// count: how often the article uses each folded word
	count map[string]int
	// noun: words the article uses after a determiner, a genitive or a
	// modifier ("एक रेफरी", "आयोग के अध्यक्ष"): a common noun's use
	noun map[string]bool
}

// minPersonEvidence is the confidence of a person's span that lets a word
// of it elsewhere in the article, right before ने, be the same name: less
// than a name needs on its own (minScore), since the case marker says a
// noun stands there and the lists say it is no common one.
const minPersonEvidence = 0.45

// gatherEvidence reads the article's words once, before the first pass.
func (x *extractor) gatherEvidence(sents []*sentence) *wordEvidence {
	nd, _ := loadNameData()
	ev := &wordEvidence{person: map[string]bool{}, count: map[string]int{}, noun: map[string]bool{}}
	for _, s := range sents {
		for i, w := range s.norms {
			ev.count[w]++
			if i > 0 {
				p := s.norms[i-1]
				if x.d.is("determiner", p) || x.d.is("genitive", p) || nd.modifiers[p] {
					ev.noun[w] = true
				}
			}
		}
		for _, sp := range x.nameSpans(s) {
			if sp.Type != ner.PER || sp.Score < minPersonEvidence {
				continue
			}
			for k := sp.Start; k < sp.End && k < len(s.norms); k++ {
				ev.person[s.norms[k]] = true
			}
		}
	}
	return ev
}

// ergativeNames reads a name that the lexicon, the lists and the
// recogniser all miss where a case marker says a noun acts: right before
// ने ("… में थोर्पे ने पदक जीते"). A foreign sportsman's or a patient's name
// met once is the agent of the article's events, and without it they
// name nobody and are dropped. The word (one, or two or three with the
// given names before it) must be no word the lists know (common words,
// nouns, English words, titles, kinship and group nouns, role words,
// places, demonyms), must not follow a determiner, a genitive or a
// modifier ("एक रेफरी ने", "आयोग के अध्यक्ष ने": a common noun's phrase), and
// needs one more sign that it is a name: the recogniser read it in a
// person's name elsewhere in the article, the lists spell it as a
// foreign name (loanname rows), or the article uses it again and never as
// a common noun.
func (x *extractor) ergativeNames(s *sentence, owner []*chunk, add func(*chunk)) {
	ev := x.evidence
	if ev == nil {
		return
	}
	for k := 1; k < len(s.norms); k++ {
		if !x.d.is("ergative", s.norms[k]) || owner[k-1] != nil || !x.nameWord(s, k-1) {
			continue
		}
		end, start := k, k-1
		// the given names before it: words no list knows, or that the
		// recogniser read in a person's name ("टाइगर X ने")
		for start > 0 && end-start < 3 && owner[start-1] == nil && (x.nameWord(s, start-1) || x.givenName(s, start-1)) {
			start--
		}
		last := s.norms[end-1]
		if !x.nameShaped(s, end-1, end) || strings.HasSuffix(last, "ने") || x.inLexicon(s, start, end) || !x.nameBoundary(s, owner, start-1) {
			continue // "पढ़ने ने": an oblique infinitive
		}
		// a word ending in -े before ने is mostly an oblique noun ("बेटे
		// ने"); a foreign name so written (-pe, -ke) needs the article's
		// evidence like any other
		if !x.nameSign(last) && !(ev.count[last] >= 2 && !ev.noun[last]) {
			continue
		}
		class := "Person"
		if hindi.Brand(s.norms[start]) {
			class = "Organization"
		}
		if e := x.discovered(class, x.surface(s, start, end), s.idx, cueScore, "ergative"); e != nil {
			add(&chunk{ents: []*Ent{e}, start: start, end: end})
		}
	}
}

// nameBoundary reports whether word i, right before a name the rules
// propose, closes off the name: the sentence's start, punctuation other
// than a hyphen, a word of grammar that is no determiner or genitive, a
// postposition, a verb's auxiliary or participle ending ("जीतने वाली X
// ने"), or a Hindi noun in
// apposition (a role, a title, a kinship or common noun: "प्रतिनिधि X ने",
// "मालिक X ने"). After a modifier, an English word or a word no list knows
// ("वेस्ट X ने", "वरिष्ठ X ने") which words are the name, and whether it is
// one, is unclear.
func (x *extractor) nameBoundary(s *sentence, owner []*chunk, i int) bool {
	if i < 0 {
		return true
	}
	nd, _ := loadNameData()
	w := s.norms[i]
	switch {
	case x.d.is("genitive", w) || x.d.is("determiner", w) || isNumeric(w) || w == "-":
		return false
	case owner[i] == nil && nd.edge[w]:
		return false // "साहब X ने": a name's inner word
	case owner[i] != nil:
		return false // "किम X ने": part of a name read already, or one beside it
	case !isLetterWord(w):
		return true
	}
	if x.d.stop[w] || x.d.postpos.at(s.norms, i) > 0 || x.d.is("conjunction", w) || x.d.is("particle", w) ||
		x.d.auxiliary[w] || x.d.cues["participle-end"].at(s.norms, i) > 0 || nd.kin[w] || nd.roles.at(s.norms, i) > 0 {
		return true
	}
	for _, t := range x.d.titles {
		if t.words[len(t.words)-1] == w {
			return true
		}
	}
	return nd.common[w] && !nd.modifiers[w] && !hindi.EnglishWord(w) && !loanword(w) && !x.demonymWord(s, i)
}

// nameSign reports whether the article or the lists say a word is a name:
// the recogniser read it in a person's name, or the lists spell it as a
// foreign name.
func (x *extractor) nameSign(w string) bool {
	return x.evidence != nil && x.evidence.person[w] || hindi.Spelt(w) && !hindi.EnglishWord(w) && !loanword(w)
}

// givenName reports whether word i, a word a list may know ("अभिनव"),
// is a given name all the same: the recogniser read it in a person's name
// in the article, and it is no English word, abbreviation or word of
// grammar.
func (x *extractor) givenName(s *sentence, i int) bool {
	nd, _ := loadNameData()
	w := s.norms[i]
	if !x.nameSign(w) || !x.nameShaped(s, i, i+1) || x.d.is("determiner", w) || nd.function[w] || nd.notName[w] || nd.edge[w] || nd.modifiers[w] ||
		hindi.EnglishWord(w) || loanword(w) || x.demonymWord(s, i) {
		return false
	}
	_, abbr := hindi.Abbreviation(w)
	return !abbr
}

// nameWord reports whether word i can be part of a name no list knows: a
// word of letters that is no stop word, postposition, common word, noun,
// English word, title, kinship or group noun, role word, number, place or
// demonym.
func (x *extractor) nameWord(s *sentence, i int) bool {
	nd, _ := loadNameData()
	w := s.norms[i]
	if !isLetterWord(w) || x.d.stop[w] || x.d.postpos.at(s.norms, i) > 0 || nd.common[w] || x.commonNoun(w) ||
		hindi.EnglishWord(w) || loanword(w) || nd.noun[w] || nd.notName[w] || nd.edge[w] || nd.function[w] ||
		nd.kin[w] || nd.group[w] || nd.modifiers[w] || nd.roles.at(s.norms, i) > 0 || x.d.is("determiner", w) {
		return false
	}
	if _, kin := x.d.kin[w]; kin {
		return false
	}
	if _, num := x.d.numbers[w]; num {
		return false
	}
	if strings.HasSuffix(w, "ों") || strings.HasSuffix(w, "ओं") {
		return false // an oblique plural is a common noun
	}
	for _, t := range x.d.titles {
		if t.words[len(t.words)-1] == w {
			return false
		}
	}
	if _, abbr := hindi.Abbreviation(w); abbr {
		return false // "सीएम", "डीएम": letters are a rank or a body here
	}
	for _, e := range nd.nounEnd {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 2 {
			return false
		}
	}
	return !x.knownPlace(w) && !x.demonymWord(s, i)
}
