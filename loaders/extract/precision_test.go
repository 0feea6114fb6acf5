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
// written, and a confidence.
type tagged struct {
	typ, words string
	score      float64
}

// discoverWith extracts one sentence as Extract does (a first pass, then
// the sentence), with the recogniser's spans given rather than predicted,
// so that a test checks the rules that read them, not the model; it
// returns the discovered entities by id.
func discoverWith(t *testing.T, text string, spans ...tagged) map[string]*Ent {
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
		tagged{ner.PER, "अनुराधा पटेल मुग़ल बादशाह अकबर", 0.8})
	if got["person/anuradha-patel"] == nil || got["person/akbar"] == nil || len(got) != 2 {
		t.Errorf("got %v, want Anuradha Patel and Akbar", ids(got))
	}
	got = discoverWith(t, "बैठक में संगठन प्रमुख विनोद सहगल और सचिव राकेश बंसल मौजूद थे।",
		tagged{ner.PER, "प्रमुख विनोद सहगल", 0.8})
	if got["person/vinod-sahgal"] == nil || len(got) != 1 {
		t.Errorf("got %v, want Vinod Sahgal alone", ids(got))
	}
}

// "ड्यूक ऑफ़ X" is a person, whatever type the recogniser gave the span,
// and so is "X" after "डचेस ऑफ़" taken with its title.
func TestNobleTitleIsAPerson(t *testing.T) {
	got := discoverWith(t, "समारोह में ड्यूक ऑफ़ नॉरफ़ॉक भी मौजूद थे।", tagged{ner.LOC, "ड्यूक ऑफ़ नॉरफ़ॉक", 0.7})
	if e := got["person/dyuk-of-norfok"]; e == nil || e.Type != "Person" || len(got) != 1 {
		t.Errorf("got %v, want one Person, the duke", ids(got))
	}
	got = discoverWith(t, "गर्भावस्था के दौरान डचेस ऑफ़ वेसेक्स ने ढीले कपड़े नहीं चुने।", tagged{ner.LOC, "वेसेक्स", 0.8})
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
		got := discoverWith(t, c.text, tagged{c.typ, c.words, 0.8})
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
		if got := discoverWith(t, c.text, tagged{ner.PER, c.words, 0.8}); len(got) != 0 {
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
	if got := discoverWith(t, "इन फ़ोनों में एलसीपी (लिक्विड क्रिस्टल पैनल) लगा है।", tagged{ner.ORG, "एलसीपी", 0.8}); len(got) != 0 {
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
	got := discoverWith(t, "ऑक्सफ़ोर्ड विश्वविद्यालय के शोधकर्ताओं ने अध्ययन किया।", tagged{ner.ORG, "ऑक्सफ़ोर्ड विश्वविद्यालय", 0.9})
	if e := got["org/oxford-vishwavidyalay"]; e == nil || e.EN != "Oxford University" {
		t.Errorf("got %v, want Oxford University", ids(got))
	}
	got = discoverWith(t, "इस बार गोपाल नदी ने भी गाना गाया।", tagged{ner.PER, "गोपाल नदी", 0.9})
	for _, e := range got {
		if e.Type == "Person" && e.EN != "Gopal Nadi" {
			t.Errorf("a person's label %q: want the name transliterated", e.EN)
		}
	}
}
