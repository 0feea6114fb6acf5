package extract

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
)

// The sentences below were written for these tests. Each checks a rule
// that keeps a discovered entity precise: what the recogniser's span
// names, of what type, under what English label.

// tagged is a recogniser's span given by its words: type, the words as
// written, a confidence, and the sentence (from 1) it is found in, or 0
// for every sentence that holds the words.
type tagged struct {
	typ, words string
	score      float64
	only       int
}

// discoverWith extracts one sentence as Extract does (a first pass, then
// the sentence), with the recogniser's spans given rather than predicted,
// so that a test checks the rules that read them, not the model; it
// returns the discovered entities by id.
func discoverWith(t *testing.T, text string, spans ...tagged) map[string]*Ent {
	t.Helper()
	return discover(t, false, text, spans...)
}

// discoverMerged is discoverWith followed by the article's merging of
// partial names (Extract's mergePartials): the entities left.
func discoverMerged(t *testing.T, text string, spans ...tagged) map[string]*Ent {
	t.Helper()
	return discover(t, true, text, spans...)
}

func discover(t *testing.T, merge bool, text string, spans ...tagged) map[string]*Ent {
	t.Helper()
	a, err := article.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	d, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	lex := fixtureLexicon(t)
	x := newExtractor(d, lex, a, pub)
	x.dateline()
	var sents []*sentence
	for _, seg := range a.Segments() {
		for _, sp := range hindi.Sentences(a.Text[seg.Start:seg.End]) {
			s := &sentence{idx: len(sents), span: article.Span{Start: seg.Start + sp.Start, End: seg.Start + sp.End}}
			x.tokenize(s)
			s.tagged = true
			for _, g := range spans {
				if g.only > 0 && g.only != len(sents)+1 {
					continue
				}
				want := strings.Fields(hindi.Fold(g.words))
				for i := 0; i+len(want) <= len(s.norms); i++ {
					if strings.Join(s.norms[i:i+len(want)], " ") == strings.Join(want, " ") {
						s.names = append(s.names, ner.Span{Start: i, End: i + len(want), Type: g.typ, Score: g.score})
						break
					}
				}
			}
			sents = append(sents, s)
		}
	}
	pre := newExtractor(d, lex, a, pub)
	pre.dateline()
	for _, s := range sents {
		pre.mentions(s)
	}
	x.lookAhead(pre)
	out := map[string]*Ent{}
	for _, s := range sents {
		for _, c := range x.mentions(s) {
			for _, e := range c.ents {
				if e.Discovered {
					out[e.ID] = e
				}
			}
		}
	}
	if merge {
		x.mergePartials()
		out = map[string]*Ent{}
		for _, e := range x.order {
			if e.Discovered {
				out[e.ID] = e
			}
		}
	}
	return out
}

func ids(m map[string]*Ent) []string {
	var out []string
	for id, e := range m {
		out = append(out, id+" "+e.Type+" "+e.EN)
	}
	return out
}

// A title or a word of rank inside a recognised person's span cuts it:
// "X मुग़ल बादशाह Y" names two persons, neither of them "X मुग़ल बादशाह Y".
func TestTitleInsideASpanSplitsIt(t *testing.T) {
	got := discoverWith(t, "यह मंच उसी दिन सजेगा जब अनुराधा पटेल मुग़ल बादशाह अकबर के बनवाए किले में गाएंगी।",
		tagged{typ: ner.PER, words: "अनुराधा पटेल मुग़ल बादशाह अकबर", score: 0.8})
	if got["person/anuradha-patel"] == nil || got["person/akbar"] == nil || len(got) != 2 {
		t.Errorf("got %v, want Anuradha Patel and Akbar", ids(got))
	}
	got = discoverWith(t, "बैठक में संगठन प्रमुख विनोद सहगल और सचिव राकेश बंसल मौजूद थे।",
		tagged{typ: ner.PER, words: "प्रमुख विनोद सहगल", score: 0.8})
	if got["person/vinod-sahgal"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Vinod Sahgal alone", ids(got))
	}
}

// "ड्यूक ऑफ़ X" is a person, whatever type the recogniser gave the span,
// and so is "X" after "डचेस ऑफ़" taken with its title.
func TestNobleTitleIsAPerson(t *testing.T) {
	got := discoverWith(t, "समारोह में ड्यूक ऑफ़ नॉरफ़ॉक भी मौजूद थे।", tagged{typ: ner.LOC, words: "ड्यूक ऑफ़ नॉरफ़ॉक", score: 0.7})
	if e := got["person/dyuk-of-norfok"]; e == nil || e.Type != "Person" || len(got) != 1 {
		t.Errorf("got %v, want one Person, the duke", ids(got))
	}
	got = discoverWith(t, "गर्भावस्था के दौरान डचेस ऑफ़ वेसेक्स ने ढीले कपड़े नहीं चुने।", tagged{typ: ner.LOC, words: "वेसेक्स", score: 0.8})
	if len(got) != 1 {
		t.Fatalf("got %v, want one Person, the duchess", ids(got))
	}
	for _, e := range got {
		if e.Type != "Person" || !strings.HasPrefix(e.HI, "डचेस") {
			t.Errorf("got %s %s %q, want the Person डचेस ऑफ़ वेसेक्स", e.ID, e.Type, e.HI)
		}
	}
}

// A class noun right before or after a name types it (apposition):
// "कंपनी X" is a company even when the recogniser says person.
func TestClassNounTypesTheName(t *testing.T) {
	for _, c := range []struct {
		text, words, typ, want string
	}{
		{"इसके बाद उन्होंने परिवहन कंपनी ट्रांसवेल से संपर्क किया।", "ट्रांसवेल", ner.PER, "Organization"},
		{"बाद में टेकवेल कंपनी ने नई घड़ी बाज़ार में उतारी।", "टेकवेल", ner.PER, "Organization"},
		{"बाढ़ के बाद गांव हरिपुरा में पानी भर गया।", "हरिपुरा", ner.PER, "Place"},
		{"लोग सुवर्णरेखा नदी में नहाने गए।", "सुवर्णरेखा", ner.PER, "Place"},
		{"उन्होंने फ़िल्म सूरजमुखी में एक गाना गाया।", "सूरजमुखी", ner.PER, "CreativeWork"},
	} {
		got := discoverWith(t, c.text, tagged{typ: c.typ, words: c.words, score: 0.8})
		if len(got) != 1 {
			t.Errorf("%s: got %v, want one %s", c.text, ids(got), c.want)
			continue
		}
		for _, e := range got {
			if e.Type != c.want {
				t.Errorf("%s: %s is %s, want %s", c.text, e.ID, e.Type, c.want)
			}
		}
	}
}

// Common nouns the recogniser may take for a name stay common nouns: God,
// and a family or dynasty ("शाही ख़ानदान").
func TestCommonNounsAreNoPersons(t *testing.T) {
	for _, c := range []struct{ text, words string }{
		{"ख़ुदा ने उन्हें अच्छी आवाज़ और बोलती आंखें दी हैं।", "ख़ुदा"},
		{"भगवान ने चाहा तो सब ठीक होगा।", "भगवान"},
		{"उनके कपड़ों में शाही ख़ानदान की झलक बहुत दिखती थी।", "शाही ख़ानदान"},
		{"इस शादी में पटेल परिवार के सभी लोग आए।", "पटेल परिवार"},
	} {
		if got := discoverWith(t, c.text, tagged{typ: ner.PER, words: c.words, score: 0.8}); len(got) != 0 {
			t.Errorf("%s: discovered %v", c.text, ids(got))
		}
	}
}

// An abbreviation beside an expansion in brackets that names no body is
// a term ("एलसीपी (लिक्विड क्रिस्टल पैनल)"); beside one that does, an
// organisation ("... संगठन (डब्ल्यूडब्ल्यूओ)").
func TestAbbreviationOfATermIsNoOrganisation(t *testing.T) {
	if got := discoverWith(t, "ये फ़ोन नए एलसीपी (लिक्विड क्रिस्टल पैनल) तकनीक वाले हैं।"); len(got) != 0 {
		t.Errorf("a term: discovered %v", ids(got))
	}
	if got := discoverWith(t, "इन फ़ोनों में एलसीपी (लिक्विड क्रिस्टल पैनल) लगा है।", tagged{typ: ner.ORG, words: "एलसीपी", score: 0.8}); len(got) != 0 {
		t.Errorf("a term the recogniser took: discovered %v", ids(got))
	}
	got := discoverWith(t, "विश्व जल संगठन (डब्ल्यूडब्ल्यूओ) ने चेतावनी दी है।")
	if got["org/wwo"] == nil {
		t.Errorf("an organisation: got %v, want WWO", ids(got))
	}
}

// A quoted phrase is a work's title after a noun of works, or when the
// article quotes it twice in sentences about works; quoted twice with no
// such cue it is a word in scare quotes.
func TestQuotedWordNeedsAWorkCue(t *testing.T) {
	if got := discoverWith(t, "उन्होंने कहा कि 'खुद्दारी' की भावना सबसे बड़ी है। गांव के लोग 'खुद्दारी' से जीते हैं।"); len(got) != 0 {
		t.Errorf("scare quotes: discovered %v", ids(got))
	}
	got := discoverWith(t, "'मोरपंखी' इस साल रिलीज़ होगी। 'मोरपंखी' के गाने अच्छे हैं।")
	if e := got["creativework/morpankhi"]; e == nil || e.Type != "CreativeWork" {
		t.Errorf("a work: got %v", ids(got))
	}
}

// A quoted title followed by a kinship noun is a title: "'X के पिता'"
// names no person X.
func TestKinInsideAQuoteIsNoPerson(t *testing.T) {
	got := discoverWith(t, "लोग उन्हें 'चंदन के पिता' कहने लगे।")
	if e := got["person/chandan"]; e != nil {
		t.Errorf("discovered the person %s from a quoted title", e.ID)
	}
}

// The English label of an organisation or place translates the noun that
// says what it is; a person's name is only transliterated.
func TestDiscoveredLabelsTranslateHeads(t *testing.T) {
	got := discoverWith(t, "ऑक्सफ़ोर्ड विश्वविद्यालय के शोधकर्ताओं ने अध्ययन किया।", tagged{typ: ner.ORG, words: "ऑक्सफ़ोर्ड विश्वविद्यालय", score: 0.9})
	if e := got["org/oxford-vishwavidyalay"]; e == nil || e.EN != "Oxford University" {
		t.Errorf("got %v, want Oxford University", ids(got))
	}
	got = discoverWith(t, "इस बार गोपाल नदी ने भी गाना गाया।", tagged{typ: ner.PER, words: "गोपाल नदी", score: 0.9})
	for _, e := range got {
		if e.Type == "Person" && e.EN != "Gopal Nadi" {
			t.Errorf("a person's label %q: want the name transliterated", e.EN)
		}
	}
}

// A name after a class noun of organisations is one even where the
// recogniser is silent, and stays one where it later says person.
func TestNameAfterACompanyNoun(t *testing.T) {
	got := discoverWith(t, "बाद में उन्होंने बीमा कंपनी सुरक्षानिधि से बात की। सुरक्षानिधि ने कहा कि दावा सही है।",
		tagged{typ: ner.PER, words: "सुरक्षानिधि", score: 0.8, only: 2})
	if e := got["org/surakshanidhi"]; e == nil || e.Type != "Organization" || len(got) != 1 {
		t.Errorf("got %v, want the one organisation", ids(got))
	}
	// common words after the noun are none
	for _, text := range []string{"कंपनी प्रबंधन ने इससे इनकार किया।", "कंपनी सूत्रों ने बताया कि सौदा हो गया।"} {
		if got := discoverWith(t, text); len(got) != 0 {
			t.Errorf("%s: discovered %v", text, ids(got))
		}
	}
}

// A demonym and a common noun describe, they name nothing: "जापानी
// विश्वविद्यालय" is a Japanese university.
func TestDemonymAndCommonNounIsNoName(t *testing.T) {
	if got := discoverWith(t, "एक जापानी विश्वविद्यालय के छात्रों ने यह रोबोट बनाया।", tagged{typ: ner.ORG, words: "जापानी विश्वविद्यालय", score: 0.8}); len(got) != 0 {
		t.Errorf("discovered %v", ids(got))
	}
}

// Adjectives news puts before a name are no part of it, and a job title
// in letters is no organisation.
func TestAdjectivesAndJobTitlesAreNoNames(t *testing.T) {
	got := discoverWith(t, "अंत में अनुभवी रमेश ठाकुर ने मैच जिता दिया।", tagged{typ: ner.PER, words: "अनुभवी रमेश ठाकुर", score: 0.8})
	if got["person/ramesh-thakur"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Ramesh Thakur", ids(got))
	}
	if got := discoverWith(t, "वे तीन साल तक कंपनी के सीएफ़ओ रहे।"); len(got) != 0 {
		t.Errorf("a job title: discovered %v", ids(got))
	}
	if got := discoverWith(t, "उन्होंने भारी इनामी राशि जीती है।", tagged{typ: ner.PER, words: "इनामी राशि", score: 0.8}); len(got) != 0 {
		t.Errorf("an amount: discovered %v", ids(got))
	}
}

// A conjunction inside a recognised span makes two names of it; a number
// word is no name.
func TestConjunctionSplitsASpanAndNumbersAreNoNames(t *testing.T) {
	got := discoverWith(t, "इस बार कोयलांचल टाइगर्स और सुंदरबन रॉयल्स फ़ाइनल में हैं।", tagged{typ: ner.ORG, words: "कोयलांचल टाइगर्स और सुंदरबन रॉयल्स", score: 0.8})
	if len(got) != 2 {
		t.Errorf("got %v, want two teams", ids(got))
	}
	for id := range got {
		if strings.Contains(id, "aur") {
			t.Errorf("%s holds the conjunction", id)
		}
	}
	if got := discoverWith(t, "सत्तर और अस्सी के दशक में ऐसी फ़िल्में बनती थीं।", tagged{typ: ner.LOC, words: "सत्तर", score: 0.8}); len(got) != 0 {
		t.Errorf("a number: discovered %v", ids(got))
	}
}

// A piece of a quoted phrase is no name ("'ब्लैक ऐंड व्हाइट' किरदार"); a
// rank in letters is no organisation; a class noun inside a span cuts it
// ("लीग टीम X"), the name after it of its class.
func TestQuotedPiecesRanksAndInnerClassNouns(t *testing.T) {
	if got := discoverWith(t, "वो 'हैंडसम ऐंड डेंजरस' किरदार थे।", tagged{typ: ner.PER, words: "हैंडसम ऐंड", score: 0.8}); len(got) != 0 {
		t.Errorf("a piece of a quote: discovered %v", ids(got))
	}
	if got := discoverWith(t, "बैठक में एसएसपी और आईजी मौजूद थे।", tagged{typ: ner.ORG, words: "एसएसपी", score: 0.8}); len(got) != 0 {
		t.Errorf("a rank: discovered %v", ids(got))
	}
	got := discoverWith(t, "इस बार लीग टीम रांची रेंजर्स ने कप जीता।", tagged{typ: ner.ORG, words: "लीग टीम रांची रेंजर्स", score: 0.8})
	if e := got["org/ranchi-rangers"]; e == nil || len(got) != 1 {
		t.Errorf("got %v, want Ranchi Rangers alone", ids(got))
	}
}

// A common noun, a language, a currency, an ordinal or an English common
// word names nothing on its own, whichever rule or the recogniser
// proposes it; nor does a person's name made only of such words. A name
// beside them is still one.
func TestCommonWordsAreNoNamesWhoeverFindsThem(t *testing.T) {
	for _, c := range []struct {
		text string
		span tagged
	}{
		{"सालाना सम्मेलन में उन्होंने यह बात दोहराई।", tagged{typ: ner.PER, words: "सम्मेलन", score: 0.9}},
		{"यह ऐप तमिल और कन्नड़ में भी मिलेगा।", tagged{typ: ner.LOC, words: "कन्नड़", score: 0.9}},
		{"इस साल मलेशिया का रिंगिट कमज़ोर हुआ।", tagged{typ: ner.LOC, words: "रिंगिट", score: 0.9}},
		{"उसने अपना नौवां शतक पूरा किया।", tagged{typ: ner.LOC, words: "नौवां", score: 0.9}},
		{"दावत में सबने कॉकटेल पिया।", tagged{typ: ner.LOC, words: "कॉकटेल", score: 0.9}},
		{"डॉक्टरों ने ब्रेन स्कैन कराने को कहा।", tagged{typ: ner.PER, words: "ब्रेन स्कैन", score: 0.85}},
		{"गांव की कुटिया में दीया जल रहा था।", tagged{typ: ner.LOC, words: "कुटिया", score: 0.9}},
	} {
		if got := discoverWith(t, c.text, c.span); len(got) != 0 {
			t.Errorf("%s: discovered %v", c.text, ids(got))
		}
	}
	// the rules' own paths ask the same: "सांसद" after a genitive and
	// before a case marker is no person
	if got := discoverWith(t, "पार्टी के सांसद ने कहा कि वे इस्तीफ़ा नहीं देंगे।"); len(got) != 0 {
		t.Errorf("a member of parliament: discovered %v", ids(got))
	}
	got := discoverWith(t, "सम्मेलन में रीना शर्मा ने भाषण दिया।", tagged{typ: ner.PER, words: "रीना शर्मा", score: 0.8})
	if got["person/rina-sharma"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Rina Sharma", ids(got))
	}
}

// A reflexive or emphatic word after a name ("ख़ुद", "स्वयं") is no part
// of it.
func TestReflexiveIsNoPartOfAName(t *testing.T) {
	got := discoverWith(t, "इस बार सुरभि जोशी ख़ुद मंच पर आईं।", tagged{typ: ner.PER, words: "सुरभि जोशी ख़ुद", score: 0.8})
	if got["person/surbhi-joshi"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Surabhi Joshi", ids(got))
	}
}

// A demonym and one noun describe, also when an edge word the recogniser
// took in ("टीम") is trimmed first; three words with a head noun name a
// body.
func TestDemonymAndNounAfterTrimIsNoName(t *testing.T) {
	for _, c := range []struct{ text, span string }{
		{"रूसी बैडमिंटन टीम ने कल अभ्यास किया।", "रूसी बैडमिंटन टीम"},
		{"रूसी रेडियो पर यह ख़बर दिन भर चली।", "रूसी रेडियो"},
	} {
		if got := discoverWith(t, c.text, tagged{typ: ner.ORG, words: c.span, score: 0.9}); len(got) != 0 {
			t.Errorf("%s: discovered %v", c.text, ids(got))
		}
	}
	got := discoverWith(t, "रूसी स्पार्टक क्लब ने नई टीम चुनी।", tagged{typ: ner.ORG, words: "रूसी स्पार्टक क्लब", score: 0.9})
	if len(got) != 1 {
		t.Errorf("got %v, want the club", ids(got))
	}
}

// After a team's noun a word shaped like a place's name before "में" is
// the place the team is in; after "पार्टी" a person the recogniser reads
// is acted on, no party.
func TestClassNounBeforeAPlaceOrAPerson(t *testing.T) {
	got := discoverWith(t, "हमारी टीम क्लेनबर्ग में दो मैच खेलेगी।")
	if e := got["place/klenbarg"]; e == nil || e.Type != "Place" || len(got) != 1 {
		t.Errorf("got %v, want the place Klenbarg", ids(got))
	}
	got = discoverWith(t, "क्या पार्टी विमल के ख़िलाफ़ कदम उठाएगी?", tagged{typ: ner.PER, words: "विमल", score: 0.8})
	for _, e := range got {
		if e.Type != "Person" {
			t.Errorf("got %v, want no party", ids(got))
		}
	}
}

// A role word before a name makes it a person's whatever type the
// recogniser guessed; a word before a verb's auxiliary is the verb; a
// person's name ends before the common nouns and the place it is followed
// by; a "person" ending in a head noun is the body the head says.
func TestRolesVerbsAndTailsOfPersons(t *testing.T) {
	got := discoverWith(t, "कल निशानेबाज़ सुनीता ने सोना जीता।", tagged{typ: ner.LOC, words: "सुनीता", score: 0.8})
	if e := got["person/sunita"]; e == nil || e.Type != "Person" || len(got) != 1 {
		t.Errorf("got %v, want the person Sunita", ids(got))
	}
	if got := discoverWith(t, "कई मंत्री ऐसा जीवन बिता रहे हैं।"); len(got) != 0 {
		t.Errorf("a verb: discovered %v", ids(got))
	}
	got = discoverWith(t, "राज्यपाल रमण कुलकर्णी मेट्रो स्टेशन गए।")
	if got["person/raman-kulkarni"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Raman Kulkarni", ids(got))
	}
	got = discoverWith(t, "मैदान पर तेजस मैच के बाद भी रुका रहा।", tagged{typ: ner.PER, words: "तेजस मैच", score: 0.8})
	if got["person/tejas"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Tejas", ids(got))
	}
	got = discoverWith(t, "घायलों को सेंट मार्कस हॉस्पिटल ले जाया गया।", tagged{typ: ner.PER, words: "मार्कस हॉस्पिटल", score: 0.8})
	for _, e := range got {
		if e.Type == "Person" {
			t.Errorf("got %v, want no person", ids(got))
		}
	}
}

// Two words the text ran together (a missing space or line break: a word
// and a known name) make no name; nor does a person's name that begins
// with an English common word. A compound name of name parts stays.
func TestGluedWordsAndEnglishFirstWords(t *testing.T) {
	if got := discoverWith(t, "खेल के बादभारत ने सिरीज़ जीती।", tagged{typ: ner.LOC, words: "बादभारत", score: 0.9}); len(got) != 0 {
		t.Errorf("glued words: discovered %v", ids(got))
	}
	if got := discoverWith(t, "गांव में मोबाइल टावर लगाया गया।", tagged{typ: ner.PER, words: "मोबाइल टावर", score: 0.9}); len(got) != 0 {
		t.Errorf("English words: discovered %v", ids(got))
	}
	got := discoverWith(t, "इस बार शिवनारायण गुप्ता ने चुनाव जीता।", tagged{typ: ner.PER, words: "शिवनारायण गुप्ता", score: 0.9})
	if got["person/shivnarayan-gupta"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Shivnarayan Gupta", ids(got))
	}
}

// A place's name and a head every town has describe (a court, a hospital
// in that city), they name no body; a first name alone that the
// recogniser took for a place is the person the article names in full.
func TestPlaceAndCommonHeadAndFirstNamesTakenForPlaces(t *testing.T) {
	for _, c := range []struct{ text, span, typ string }{
		{"मामला लाहौर अदालत में पहुंचा।", "लाहौर अदालत", ner.ORG},
		{"घायलों को लाहौर अस्पताल ले जाया गया।", "लाहौर अस्पताल", ner.LOC},
	} {
		got := discoverWith(t, c.text, tagged{typ: c.typ, words: c.span, score: 0.9})
		for id := range got {
			if strings.Contains(id, "lahaur") {
				t.Errorf("%s: discovered %v", c.text, ids(got))
			}
		}
	}
	got := discoverMerged(t, "पत्रकार अनिरुद्ध बोस ने किताब लिखी है। अनिरुद्ध के मुताबिक, यह आसान नहीं था।",
		tagged{typ: ner.PER, words: "अनिरुद्ध बोस", score: 0.9, only: 1}, tagged{typ: ner.LOC, words: "अनिरुद्ध", score: 0.9, only: 2})
	if got["person/aniruddh-bose"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Aniruddh Bose alone", ids(got))
	}
}

// A name before a word of products, methods or terms ("X सिस्टम", "X
// नियम") names no person, place or body; an English term ("-फ़ोबिया")
// alone is no name; a cricket term in letters is no organisation; a name
// with a founder or a chairman is an organisation's.
func TestProductsTermsAndFoundedBodies(t *testing.T) {
	if got := discoverWith(t, "मैच का नतीजा हार्पर मिल्टन नियम से तय हुआ।", tagged{typ: ner.PER, words: "हार्पर मिल्टन", score: 0.9}); len(got) != 0 {
		t.Errorf("a method: discovered %v", ids(got))
	}
	if got := discoverWith(t, "इस डर को क्लॉस्ट्रोफ़ोबिया कहते हैं।", tagged{typ: ner.PER, words: "क्लॉस्ट्रोफ़ोबिया", score: 0.9}); len(got) != 0 {
		t.Errorf("a term: discovered %v", ids(got))
	}
	if got := discoverWith(t, "वह पहले ही ओवर में एलबीडब्ल्यू हो गया।"); len(got) != 0 {
		t.Errorf("a cricket term: discovered %v", ids(got))
	}
	got := discoverWith(t, "टेकनोवा के संस्थापक ने नई सेवा शुरू की।", tagged{typ: ner.LOC, words: "टेकनोवा", score: 0.8})
	if e := got["org/teknowa"]; e == nil || e.Type != "Organization" || len(got) != 1 {
		t.Errorf("got %v, want the organisation", ids(got))
	}
}

// A company's name (hi/loanwords.tsv brand rows) the recogniser took for
// a person's is the company's, and a name that begins with one and goes on
// is a product's, no person's; letters alone name a body.
func TestBrandsAndLettersAreNoPersons(t *testing.T) {
	got := discoverWith(t, "इस साल सैमसंग ने दाम घटाए।", tagged{typ: ner.PER, words: "सैमसंग", score: 0.9})
	for _, e := range got {
		if e.Type == "Person" {
			t.Errorf("got %v, want the company", ids(got))
		}
	}
	if got := discoverWith(t, "नई टोयोटा कोरोला सड़क पर उतरी।", tagged{typ: ner.PER, words: "टोयोटा कोरोला", score: 0.9}); len(got) != 0 {
		t.Errorf("a product: discovered %v", ids(got))
	}
	got = discoverWith(t, "बाद में एचजी ने बयान जारी किया।", tagged{typ: ner.PER, words: "एचजी", score: 0.9})
	if e := got["org/hg"]; e == nil || e.Type != "Organization" {
		t.Errorf("got %v, want the body HG", ids(got))
	}
}

// "X नाम का लेंस": a name before "नाम का" and a noun of things is a
// thing's; a department of a school or university is no government's.
func TestNamedThingsAndSchoolDepartments(t *testing.T) {
	if got := discoverWith(t, "वीज़ो-टेक नाम का लेंस बाज़ार में आया।", tagged{typ: ner.LOC, words: "वीज़ो-टेक", score: 0.9}); len(got) != 0 {
		t.Errorf("a thing: discovered %v", ids(got))
	}
	got := discoverWith(t, "स्कूल ऑफ़ फ़ार्मेसी विभाग ने दाख़िले खोले।", tagged{typ: ner.ORG, words: "स्कूल ऑफ़ फ़ार्मेसी विभाग", score: 0.9})
	for _, e := range got {
		if e.Type != "Organization" {
			t.Errorf("got %v, want an Organization", ids(got))
		}
	}
	if len(got) != 1 {
		t.Errorf("got %v, want the department", ids(got))
	}
}

// A manager or an analyst before a name makes it a person's; a film
// banner is a body, not the film the noun before it speaks of.
func TestManagersAndBanners(t *testing.T) {
	got := discoverWith(t, "कंपनी के जनरल मैनेजर टोबियास वेंगर ने कहा कि दाम नहीं बढ़ेंगे।", tagged{typ: ner.LOC, words: "टोबियास वेंगर", score: 0.8})
	for _, e := range got {
		if e.Type != "Person" {
			t.Errorf("got %v, want a person", ids(got))
		}
	}
	if len(got) != 1 {
		t.Errorf("got %v, want the manager", ids(got))
	}
	got = discoverWith(t, "उनकी अगली फ़िल्म नीलगगन बैनर की होगी।", tagged{typ: ner.ORG, words: "नीलगगन बैनर", score: 0.8})
	if e := got["org/nilaggan-bainar"]; e == nil || e.Type != "Organization" {
		t.Errorf("got %v, want the banner, an Organization", ids(got))
	}
}

// A word said twice is a refrain, an izafat with nothing after it a name
// cut short, a common word and a body's noun a description; a film
// industry is no organisation.
func TestRefrainsCutNamesAndDescribedBodies(t *testing.T) {
	for _, c := range []struct {
		text string
		span tagged
	}{
		{"गाने में बार बार 'ढोलना ढोलना' आता है।", tagged{typ: ner.PER, words: "ढोलना ढोलना", score: 0.9}},
		{"इस पर तहरीक-ए ने कुछ नहीं कहा।", tagged{typ: ner.PER, words: "तहरीक-ए", score: 0.9}},
		{"शहर की साहित्यिक अकादमी ने पुरस्कार दिया।", tagged{typ: ner.ORG, words: "साहित्यिक अकादमी", score: 0.9}},
		{"यह फ़िल्म बॉलीवुड में ख़ूब चली।", tagged{typ: ner.ORG, words: "बॉलीवुड", score: 0.9}},
	} {
		if got := discoverWith(t, c.text, c.span); len(got) != 0 {
			t.Errorf("%s: discovered %v", c.text, ids(got))
		}
	}
}

// A place's name misspelt by one vowel sign or "्र" left out is the
// lexicon's place, not a new one; a short word is not guessed at.
func TestMisspeltPlaceIsTheLexiconsPlace(t *testing.T) {
	d, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse("x")
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(d, fixtureLexicon(t), a, pub)
	if le := x.misspeltPlace(hindi.Fold("इस्लामबाद")); le == nil || le.EN != "Islamabad" {
		t.Errorf("misspeltPlace(इस्लामबाद) = %v, want Islamabad", le)
	}
	if le := x.misspeltPlace(hindi.Fold("लहौर")); le != nil {
		t.Errorf("misspeltPlace(लहौर) = %v, want nothing for a short word", le)
	}
	if got := discoverWith(t, "वे कल इस्लामबाद पहुंचे।", tagged{typ: ner.LOC, words: "इस्लामबाद", score: 0.9}); len(got) != 0 {
		t.Errorf("discovered %v, want the lexicon's city", ids(got))
	}
}

// A common word the text put before an organisation's name is no part of
// it when a place, a demonym, a foreign name or a head noun with more
// after it follows ("शामिल X यूनिवर्सिटी"); a community word before an
// English word stays ("शिया सेंट्रल X बोर्ड").
func TestCommonWordBeforeAnOrganisation(t *testing.T) {
	got := discoverWith(t, "इस दल में शामिल लाहौर टेक्निकल यूनिवर्सिटी के छात्र थे।", tagged{typ: ner.ORG, words: "शामिल लाहौर टेक्निकल यूनिवर्सिटी", score: 0.9})
	for id := range got {
		if strings.Contains(id, "shamil") {
			t.Errorf("got %v, want the university without शामिल", ids(got))
		}
	}
	if len(got) != 1 {
		t.Errorf("got %v, want the university", ids(got))
	}
}

// A demonym and a Hindi noun no list spells in English describe ("रूसी
// नौसैनिक"); so do a common noun and English words ("बॉलीवुड
// सुपरस्टार"), though a head noun keeps a body's name.
func TestDemonymAndHindiNounAndCommonNounWithEnglish(t *testing.T) {
	for _, c := range []struct{ text, span string }{
		{"एक रूसी नौसैनिक ने यह बताया।", "रूसी नौसैनिक"},
		{"कई बॉलीवुड सुपरस्टार वहां थे।", "बॉलीवुड सुपरस्टार"},
	} {
		if got := discoverWith(t, c.text, tagged{typ: ner.ORG, words: c.span, score: 0.9}); len(got) != 0 {
			t.Errorf("%s: discovered %v", c.text, ids(got))
		}
	}
	got := discoverWith(t, "उन्हें प्रिंसटन कॉलेज अस्पताल ले जाया गया।", tagged{typ: ner.ORG, words: "प्रिंसटन कॉलेज अस्पताल", score: 0.9})
	if len(got) != 1 {
		t.Errorf("got %v, want the hospital", ids(got))
	}
}
