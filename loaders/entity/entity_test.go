package entity

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/hindi"
)

func testLexicon() *Lexicon {
	l := New()
	kim := &Entity{ID: "Q56226", Type: "Person", EN: "Kim Jong-un", HI: "किम जोंग-उन"}
	l.Add(kim, kim.HI, Full)
	l.Add(kim, kim.EN, Full)
	l.Add(kim, "किम", Short)
	kp := &Entity{ID: "Q423", Type: "Country", EN: "North Korea", HI: "उत्तर कोरिया"}
	l.Add(kp, kp.HI, Full)
	l.Add(kp, "उत्तर कोरियाई", Demonym)
	ko := &Entity{ID: "Q18097", Type: "Place", EN: "Korea", HI: "कोरिया"}
	l.Add(ko, ko.HI, Full)
	ru := &Entity{ID: "Q159", Type: "Country", EN: "Russia", HI: "रूस"}
	l.Add(ru, ru.HI, Full)
	in := &Entity{ID: "Q668", Type: "Country", EN: "India", HI: "भारत"}
	l.Add(in, in.HI, Full)
	pk := &Entity{ID: "Q843", Type: "Country", EN: "Pakistan", HI: "पाकिस्तान"}
	l.Add(pk, pk.HI, Full)
	l.Add(pk, "पाक", Full)
	us := &Entity{ID: "Q30", Type: "Country", EN: "United States", HI: "अमेरिका"}
	l.Add(us, "संयुक्त राज्य अमेरिका", Full)
	l.Add(us, "अमेरिका", Full)
	return l
}

type got struct {
	text string
	id   string
	kind FormKind
}

func matches(l *Lexicon, text string) []got {
	toks := hindi.Tokenize(text)
	words := Words(toks)
	var out []got
	for _, m := range Match(words, l) {
		f := m.Forms[0]
		out = append(out, got{toks[words[m.Start].Tok].Text + "…" + toks[words[m.End-1].Tok].Text, f.Entity.ID, f.Kind})
	}
	return out
}

func TestMatchLongestAndCaseForms(t *testing.T) {
	l := testLexicon()
	cases := []struct {
		text string
		want []string // entity ids in order
	}{
		{"उत्तर कोरिया के नेता किम जोंग-उन ने रूस को", []string{"Q423", "Q56226", "Q159"}},
		{"रूस के, रूस को, रूस ने", []string{"Q159", "Q159", "Q159"}},
		{"किम जोंग उन से", []string{"Q56226"}},                       // unhyphenated variant
		{"Kim Jong-Un met", []string{"Q56226"}},                      // English, other case
		{"कोरिया की मुक्ति", []string{"Q18097"}},                     // not North Korea
		{"उत्तर कोरियाई सैनिकों", []string{"Q423"}},                  // demonym
		{"भारत-पाक तनाव", []string{"Q668", "Q843"}},                  // two names in one token
		{"संयुक्त राज्य अमेरिका और अमेरिका", []string{"Q30", "Q30"}}, // longest first
		{"रूस, कोरिया", []string{"Q159", "Q18097"}},
	}
	for _, c := range cases {
		var ids []string
		for _, g := range matches(l, c.text) {
			ids = append(ids, g.id)
		}
		if len(ids) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.text, ids, c.want)
			continue
		}
		for i := range ids {
			if ids[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.text, ids, c.want)
				break
			}
		}
	}
	if g := matches(l, "उत्तर कोरियाई"); len(g) != 1 || g[0].kind != Demonym {
		t.Errorf("demonym kind: %+v", g)
	}
	if g := matches(l, "किम ने"); len(g) != 1 || g[0].kind != Short {
		t.Errorf("short kind: %+v", g)
	}
}

func TestNoMatchAcrossPunctuation(t *testing.T) {
	l := testLexicon()
	if g := matches(l, "उत्तर, कोरिया"); len(g) != 1 || g[0].id != "Q18097" {
		t.Errorf("matched across a comma: %+v", g)
	}
}

func TestFormsWithPunctuationMatch(t *testing.T) {
	l := New()
	bush := &Entity{ID: "Q207", Type: "Person", EN: "George W. Bush", HI: "जॉर्ज डब्ल्यू. बुश"}
	l.Add(bush, bush.HI, Full)
	l.Add(bush, bush.EN, Full)
	cpim := &Entity{ID: "cpi-m", Type: "PoliticalParty", EN: "CPI(M)", HI: "सीपीआई (एम)"}
	l.Add(cpim, cpim.HI, Full)
	for text, id := range map[string]string{
		"जॉर्ज डब्ल्यू. बुश ने कहा": "Q207",
		"George W. Bush said": "Q207",
		"सीपीआई (एम) के नेता": "cpi-m",
	} {
		g := matches(l, text)
		if len(g) != 1 || g[0].id != id {
			t.Errorf("%q: %+v, want %s", text, g, id)
		}
	}
}

func TestDiscoveredID(t *testing.T) {
	for _, c := range []struct{ typ, name, want string }{
		{"Person", "अरविंद केजरीवाल", "person/arvind-kejriwal"},
		{"Person", "अरविन्द केजरीवाल", "person/arvind-kejriwal"}, // nasal conjunct
		{"City", "ज़ाहिदाबाद", "place/jahidabad"},                // nukta folded away
		{"Place", "जाहिदाबाद", "place/jahidabad"},                // and City, Place are one scope
		{"PoliticalParty", "जन मोर्चा", "org/jan-morcha"},
		{"Organization", "ISRO", "org/isro"},
		{"Person", "...", ""},
	} {
		if got := DiscoveredID(c.typ, c.name); got != c.want {
			t.Errorf("DiscoveredID(%s, %q) = %q, want %q", c.typ, c.name, got, c.want)
		}
	}
	if DiscoveredID("Person", "गया") == DiscoveredID("City", "गया") {
		t.Error("a person and a place of one name share an id")
	}
	if got := Romanize("ज़ाहिदाबाद"); got != "Zahidabad" {
		t.Errorf("Romanize keeps the nukta sound: got %q", got)
	}
}

// Walk lists every phrase with forms once, in byte order of its words, each
// with the forms Lookup finds for it.
func TestWalk(t *testing.T) {
	l := testLexicon()
	var phrases [][]string
	l.Walk(func(words []string, forms []Form) {
		if n := len(phrases); n > 0 && slices.Compare(phrases[n-1], words) >= 0 {
			t.Errorf("%q listed after %q", words, phrases[n-1])
		}
		phrases = append(phrases, slices.Clone(words))
		if got := l.Lookup(strings.Join(words, " ")); !slices.Equal(got, forms) {
			t.Errorf("%q: Walk gives forms %v, Lookup %v", words, forms, got)
		}
	})
	want := map[string]bool{"किम": true, "किम जोंग उन": true, "kim jong un": true, "उत्तर कोरिया": true,
		"उत्तर कोरियाई": true, "कोरिया": true, "रूस": true, "भारत": true, "पाकिस्तान": true, "पाक": true,
		"अमेरिका": true, "संयुक्त राज्य अमेरिका": true}
	for _, p := range phrases {
		if !want[strings.Join(p, " ")] {
			t.Errorf("Walk listed %q, which has no form", p)
		}
		delete(want, strings.Join(p, " "))
	}
	for p := range want {
		t.Errorf("Walk did not list %q", p)
	}
}

// A person's initials are written as their letters, the rest of the name
// romanised; other names and one-word names are as Romanize has them.
func TestLabelWritesInitials(t *testing.T) {
	for _, c := range []struct{ typ, name, want string }{
		{"Person", "ए आर रहमान", "A R Rahman"},
		{"Person", "वी बी चंद्रशेखर", "V B Chandrashekhar"},
		{"Person", "सुनीता आर.", "Sunita R"},
		{"Person", "अटल जी", Romanize("अटल जी")},
		{"Person", "आर", Romanize("आर")},
	} {
		if got := Label(c.typ, c.name); got != c.want {
			t.Errorf("Label(%s, %q) = %q, want %q", c.typ, c.name, got, c.want)
		}
	}
}
