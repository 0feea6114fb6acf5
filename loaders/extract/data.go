package extract

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/event"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// phrase is a folded word sequence.
type phrase []string

func fold(s string) phrase { return strings.Fields(hindi.Fold(s)) }

func (p phrase) at(words []string, i int) bool {
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

// phrases is a list of phrases, longest first.
type phrases []phrase

func (ps phrases) at(words []string, i int) int {
	for _, p := range ps {
		if p.at(words, i) {
			return len(p)
		}
	}
	return 0
}

// phraseIndex holds phrases by their first word, each word's longest
// first: at gives what phrases.at gives for the same list, without trying
// every phrase at every word (the BBC benchmark spent a tenth of its time
// in that scan over the postpositions and role words).
type phraseIndex map[string]phrases

// indexPhrases indexes a list sorted longest first (sortLongest); an empty
// phrase, which matches nothing longer than itself, is left out.
func indexPhrases(ps phrases) phraseIndex {
	ix := phraseIndex{}
	for _, p := range ps {
		if len(p) > 0 {
			ix[p[0]] = append(ix[p[0]], p)
		}
	}
	return ix
}

func (ix phraseIndex) at(words []string, i int) int {
	if i < 0 || i >= len(words) {
		return 0
	}
	for _, p := range ix[words[i]] {
		if p.at(words, i) {
			return len(p)
		}
	}
	return 0
}

func sortLongest(ps phrases) phrases {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j]) > len(ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

type title struct {
	words    phrase
	relation string
	en       string
	class    string
}

type groupNoun struct {
	forms   phrases // direct first
	direct  phrase
	en      string
	class   string
	display string // direct form as written in the data
}

type namedHead struct {
	words    phrase
	class    string
	template string
	global   bool
	display  string
}

type relPattern struct {
	parts    []phrase // literal words between slots, by position
	slots    []string // "A" or "B" in order
	from, to string
	pred     string
	raw      string
}

type numberWord struct {
	value      int64 // 0: vague (dozens, hundreds)
	multiplier bool
}

// data is everything extraction reads from schema/data, parsed once.
type data struct {
	frames       *event.Frames
	titles       []title
	honorifics   phraseIndex
	stop         map[string]bool
	groups       []groupNoun
	groupFirst   map[string][]int // first word of a form -> indices into groups
	glossary     map[string]string
	named        []namedHead
	treatyHeads  map[string]string // folded head form -> direct display form
	treatyEN     map[string]string // direct display -> English
	treatyGen    map[string]bool
	treatyGenPh  phrases
	relations    []relPattern
	typed        []typedRelation
	kin          map[string]string // folded kinship noun -> relation
	titleOfKind  map[string]string // title class -> the class of what it is of, when the article may tell it
	numbers      map[string]numberWord
	sourcePosts  phrases
	reportNouns  map[string]bool
	previousAttr phrases
	clauseWords  map[string]phrases // kind -> phrases
	cues         map[string]phrases // kind -> phrases (cues.tsv)
	modality     map[string]phrases // kind -> phrases (modality.tsv)
	speech       map[string]phrases // kind -> phrases (speech.tsv)
	function     map[string]phrases // kind -> phrases (function.tsv)
	fn           map[string]map[string]bool
	auxiliary    map[string]bool // forms of होना (function.tsv)
	ordinals     map[string]int  // पहली -> 1 (numbers.tsv)
	// relativeGen are the genitive relative pronouns (जिसकी): the clause
	// they open is about the event before it.
	relativeGen   map[string]bool
	relativePlace map[string]bool
	// relativeErg are the ergative relative pronouns (जिन्होंने): the one
	// they stand for acts in the clause they open
	relativeErg     map[string]bool
	lightInfinitive map[string]bool
	postpos         phraseIndex
	// anaphora: kind -> phrases
	anaphora map[string]phraseIndex
}

// loadData reads the data files once.
var loadData = sync.OnceValues(readData)

// Check loads every data file extraction reads and reports the first
// problem.
func Check() error {
	if err := hindi.Check(); err != nil {
		return err
	}
	if err := entity.Check(); err != nil {
		return err
	}
	if _, err := loadNameData(); err != nil {
		return err
	}
	_, err := loadData()
	return err
}

func readData() (*data, error) {
	d := &data{stop: map[string]bool{}, glossary: map[string]string{}, treatyHeads: map[string]string{},
		treatyEN: map[string]string{}, treatyGen: map[string]bool{}, numbers: map[string]numberWord{},
		reportNouns: map[string]bool{}, clauseWords: map[string]phrases{}, cues: map[string]phrases{}}
	var err error
	if d.frames, err = event.Default(); err != nil {
		return nil, fmt.Errorf("frames: %w", err)
	}
	if _, err = event.English(); err != nil {
		return nil, fmt.Errorf("English frames: %w", err)
	}
	rows, err := schema.ReadTSV("hi/titles.tsv", 4)
	if err != nil {
		return nil, err
	}
	d.titleOfKind = map[string]string{}
	for _, r := range rows {
		for _, t := range r.List(0) {
			d.titles = append(d.titles, title{words: fold(t), relation: r.Field(1), en: r.Field(2), class: r.Field(3)})
		}
		if k := r.Field(4); k != "" && k != "-" {
			if !schema.IsEntityClass(k) {
				return nil, r.Errorf("of-kind %q is not an entity class", k)
			}
			d.titleOfKind[r.Field(3)] = k
		}
	}
	// longest titles first: "विदेश मंत्री" before "मंत्री"
	for i := 1; i < len(d.titles); i++ {
		for j := i; j > 0 && len(d.titles[j].words) > len(d.titles[j-1].words); j-- {
			d.titles[j], d.titles[j-1] = d.titles[j-1], d.titles[j]
		}
	}
	lines, err := schema.ReadLines("hi/honorifics.txt")
	if err != nil {
		return nil, err
	}
	var honorifics phrases
	for _, l := range lines {
		honorifics = append(honorifics, fold(l))
	}
	d.honorifics = indexPhrases(sortLongest(honorifics))
	if lines, err = schema.ReadLines("hi/stopwords.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		d.stop[hindi.Fold(l)] = true
	}
	if rows, err = schema.ReadTSV("hi/groups.tsv", 3); err != nil {
		return nil, err
	}
	for _, r := range rows {
		g := groupNoun{en: r.Field(1), class: r.Field(2), display: r.List(0)[0]}
		if !schema.IsEntityClass(g.class) {
			return nil, r.Errorf("class %q is not an entity class", g.class)
		}
		for _, f := range r.List(0) {
			g.forms = append(g.forms, fold(f))
		}
		g.direct = g.forms[0]
		sortLongest(g.forms)
		d.groups = append(d.groups, g)
	}
	// the groups a word may begin, in file order: the phrase finder looks
	// at these only, not at every group at every word
	d.groupFirst = map[string][]int{}
	for k, g := range d.groups {
		seen := map[string]bool{}
		for _, f := range g.forms {
			if len(f) > 0 && !seen[f[0]] {
				seen[f[0]] = true
				d.groupFirst[f[0]] = append(d.groupFirst[f[0]], k)
			}
		}
	}
	if rows, err = schema.ReadTSV("hi/glossary.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, w := range r.List(0) {
			d.glossary[hindi.Fold(w)] = r.Field(1)
		}
	}
	if rows, err = schema.ReadTSV("hi/named.tsv", 4); err != nil {
		return nil, err
	}
	for _, r := range rows {
		if !schema.IsEntityClass(r.Field(1)) {
			return nil, r.Errorf("class %q is not an entity class", r.Field(1))
		}
		for _, h := range r.List(0) {
			d.named = append(d.named, namedHead{words: fold(h), class: r.Field(1), template: r.Field(2), global: r.Field(3) == "global", display: h})
		}
	}
	for i := 1; i < len(d.named); i++ {
		for j := i; j > 0 && len(d.named[j].words) > len(d.named[j-1].words); j-- {
			d.named[j], d.named[j-1] = d.named[j-1], d.named[j]
		}
	}
	if rows, err = schema.ReadTSV("hi/treaties.tsv", 3); err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r.Field(0) {
		case "head":
			forms := r.List(1)
			for _, f := range forms {
				d.treatyHeads[hindi.Fold(f)] = forms[0]
			}
			d.treatyEN[forms[0]] = r.Field(2)
		case "generic":
			for _, g := range r.List(1) {
				p := fold(g)
				if len(p) == 1 {
					d.treatyGen[p[0]] = true
				}
				d.treatyGenPh = append(d.treatyGenPh, p)
			}
		default:
			return nil, r.Errorf("kind %q is not head or generic", r.Field(0))
		}
	}
	sortLongest(d.treatyGenPh)
	d.kin = map[string]string{}
	if rows, err = schema.ReadTSV("hi/kin.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, w := range r.List(0) {
			d.kin[hindi.Fold(w)] = r.Field(1)
		}
	}
	if rows, err = schema.ReadTSV("hi/typed-relations.tsv", 4); err != nil {
		return nil, err
	}
	for _, r := range rows {
		tr := typedRelation{link: r.Field(0), a: map[string]bool{}, b: map[string]bool{}}
		if tr.link != "gen" && tr.link != "bracket" && tr.link != "copula" && tr.link != "border" {
			return nil, r.Errorf("link %q is not gen, bracket, copula or border", tr.link)
		}
		ft, pred, ok := strings.Cut(r.Field(1), ":")
		from, to, ok2 := strings.Cut(ft, ">")
		if !ok || !ok2 || !(from == "A" && to == "B" || from == "B" && to == "A") {
			return nil, r.Errorf("relation %q is not A>B:predicate or B>A:predicate", r.Field(1))
		}
		tr.pred, tr.bFirst, tr.node = pred, from == "B", r.Field(4)
		for i, m := range []map[string]bool{tr.a, tr.b} {
			for _, c := range r.List(2 + i) {
				if !schema.IsEntityClass(c) {
					return nil, r.Errorf("class %q is not an entity class", c)
				}
				m[c] = true
			}
		}
		d.typed = append(d.typed, tr)
	}
	if rows, err = schema.ReadTSV("hi/relations.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		rp, err := parseRelation(r.Field(0), r.Field(1))
		if err != nil {
			return nil, r.Errorf("%v", err)
		}
		d.relations = append(d.relations, rp)
	}
	// the cardinals and ordinals are the date tagger's (one list of number
	// words), then the multipliers and vague counts of hi/numbers.tsv
	ordinals := map[string]int{}
	if rows, err = schema.ReadTSV("hi/dates/numbers.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		n, err := strconv.ParseInt(r.Field(0), 10, 64)
		if err != nil {
			return nil, r.Errorf("value %q is not a number", r.Field(0))
		}
		for _, w := range r.List(1) {
			d.numbers[hindi.Fold(w)] = numberWord{value: n}
		}
		for _, w := range r.List(2) {
			ordinals[hindi.Fold(w)] = int(n)
		}
	}
	if rows, err = schema.ReadTSV("hi/numbers.tsv", 3); err != nil {
		return nil, err
	}
	d.ordinals = ordinals
	for _, r := range rows {
		nw := numberWord{multiplier: r.Field(2) == "multiplier"}
		if v := r.Field(1); v != "-" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, r.Errorf("value %q is not a number", v)
			}
			nw.value = n
		}
		switch r.Field(2) {
		case "unit", "multiplier":
			for _, w := range r.List(0) {
				d.numbers[hindi.Fold(w)] = nw
			}
		case "ordinal":
			for _, w := range r.List(0) {
				d.ordinals[hindi.Fold(w)] = int(nw.value)
			}
		default:
			return nil, r.Errorf("kind %q is not unit, multiplier or ordinal", r.Field(2))
		}
	}
	if rows, err = schema.ReadTSV("hi/attribution.tsv", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, w := range r.List(1) {
			switch r.Field(0) {
			case "source":
				d.sourcePosts = append(d.sourcePosts, fold(w))
			case "report":
				d.reportNouns[hindi.Fold(w)] = true
			case "previous":
				d.previousAttr = append(d.previousAttr, fold(w))
			default:
				return nil, r.Errorf("kind %q unknown", r.Field(0))
			}
		}
	}
	sortLongest(d.sourcePosts)
	anaphora, err := readKinds("hi/anaphora.tsv", "agent", "subject", "object", "both-persons", "both-countries",
		"other-country", "reflexive", "own-country", "speaker", "this-state", "this-country", "this-city", "definite-not-after")
	if err != nil {
		return nil, err
	}
	d.anaphora = map[string]phraseIndex{}
	for k, ps := range anaphora {
		d.anaphora[k] = indexPhrases(ps)
	}
	if d.clauseWords, err = readKinds("hi/clauses.tsv", "complement", "independent", "relative", "relative-genitive", "relative-place", "relative-ergative",
		"temporal", "condition", "then", "correlative"); err != nil {
		return nil, err
	}
	if d.cues, err = readKinds("hi/cues.tsv", "planned", "earlier", "anaphoric", "participle", "within", "connector",
		"possible", "question", "casualty-relative", "done-infinitive", "nor", "not-only", "participle-end", "another", "purpose",
		"habitual", "imperfective", "present", "conjunctive", "alongside", "habitual-passive", "habitual-aux", "interrogative", "alternative", "aim", "person-undergoer", "alleged", "compulsion", "thing-undergoer", "during", "belief", "subjunctive", "death-head", "obligation"); err != nil {
		return nil, err
	}
	if d.modality, err = readKinds("hi/modality.tsv", "cancelling", "directive", "asked-about", "question-verb", "perhaps", "subjunctive", "purpose-opener", "accused-host"); err != nil {
		return nil, err
	}
	if d.speech, err = readKinds("hi/speech.tsv", "speech-verb", "adverbial"); err != nil {
		return nil, err
	}
	if d.function, err = readKinds("hi/function.tsv", "ergative", "dative", "agentive", "genitive", "comitative",
		"benefactive", "ablative", "locative", "conjunction", "quote", "particle", "auxiliary", "light-infinitive",
		"anniversary", "ordinal-suffix", "not-place", "classifier", "place-noun", "border", "adjoin", "title-modifier",
		"kin-modifier", "behalf", "margin-unit", "attributive", "iteration", "determiner", "exemplar", "associate"); err != nil {
		return nil, err
	}
	d.fn = map[string]map[string]bool{}
	for k := range d.function {
		d.fn[k] = d.set(k)
	}
	d.auxiliary = d.fn["auxiliary"]
	d.lightInfinitive = d.set("light-infinitive")
	d.relativeGen, d.relativePlace, d.relativeErg = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, p := range d.clauseWords["relative-ergative"] {
		d.relativeErg[strings.Join(p, " ")] = true
	}
	for _, p := range d.clauseWords["relative-genitive"] {
		d.relativeGen[strings.Join(p, " ")] = true
	}
	for _, p := range d.clauseWords["relative-place"] {
		d.relativePlace[strings.Join(p, " ")] = true
	}
	if lines, err = schema.ReadLines("hi/postpositions.txt"); err != nil {
		return nil, err
	}
	var postpos phrases
	for _, l := range lines {
		postpos = append(postpos, fold(l))
	}
	postpos = append(postpos, d.sourcePosts...)
	d.postpos = indexPhrases(sortLongest(postpos))
	return d, nil
}

// readKinds reads a "kind<TAB>words" file into phrases by kind, longest
// first. Every kind of want must be there and no other: a typo fails
// loudly at start-up instead of silently matching nothing.
func readKinds(file string, want ...string) (map[string]phrases, error) {
	rows, err := schema.ReadTSV(file, 2)
	if err != nil {
		return nil, err
	}
	ok := map[string]bool{}
	for _, k := range want {
		ok[k] = true
	}
	out := map[string]phrases{}
	for _, r := range rows {
		k := r.Field(0)
		if !ok[k] {
			return nil, r.Errorf("kind %q is not one of %s", k, strings.Join(want, ", "))
		}
		for _, w := range r.List(1) {
			out[k] = append(out[k], fold(w))
		}
	}
	for _, k := range want {
		if len(out[k]) == 0 {
			return nil, fmt.Errorf("%s: no words of kind %q", file, k)
		}
		sortLongest(out[k])
	}
	return out, nil
}

// set is a kind of function.tsv as a set of folded phrases.
func (d *data) set(kind string) map[string]bool {
	m := map[string]bool{}
	for _, p := range d.function[kind] {
		m[strings.Join(p, " ")] = true
	}
	return m
}

// is reports whether a folded word or postposition has the function kind:
// d.is("ergative", "ने").
func (d *data) is(kind, w string) bool { return d.fn[kind][w] }

func parseRelation(pat, rel string) (relPattern, error) {
	rp := relPattern{raw: pat}
	var lit phrase
	for _, w := range strings.Fields(pat) {
		if w == "A" || w == "B" {
			rp.parts = append(rp.parts, lit)
			rp.slots = append(rp.slots, w)
			lit = nil
			continue
		}
		lit = append(lit, fold(w)...)
	}
	rp.parts = append(rp.parts, lit)
	if len(rp.slots) != 2 {
		return rp, fmt.Errorf("pattern %q needs the slots A and B", pat)
	}
	ft, pred, ok := strings.Cut(rel, ":")
	from, to, ok2 := strings.Cut(ft, ">")
	if !ok || !ok2 {
		return rp, fmt.Errorf("relation %q is not from>to:predicate", rel)
	}
	rp.from, rp.to, rp.pred = from, to, pred
	return rp, nil
}

// gloss translates a Hindi phrase word by word with the glossary; ok is
// false when a word is missing.
func (d *data) gloss(words phrase) (string, bool) {
	var out []string
	for _, w := range words {
		g, ok := d.glossary[w]
		if !ok {
			return "", false
		}
		out = append(out, g)
	}
	return strings.Join(out, " "), true
}
