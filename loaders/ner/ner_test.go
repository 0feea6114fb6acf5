package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
)

// root is the module root, where the corpora's paths start.
const root = "../.."

func defaultModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readFixture(t testing.TB, name string) []Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func tags(s string) []Tag {
	var out []Tag
	prev := O
	for _, f := range strings.Fields(s) {
		prev = TagOf(f, prev)
		out = append(out, prev)
	}
	return out
}

func TestTagOfReadsEveryTagSet(t *testing.T) {
	cases := []struct {
		in   string
		prev Tag
		want Tag
	}{
		{"B-NEP", O, BPER}, {"I-NEP", BPER, IPER}, {"B-NEL", O, BLOC}, {"I-NEO", BORG, IORG},
		{"B-PERSON", O, BPER}, {"I-LOCATION", BLOC, ILOC}, {"B-ORGANIZATION", O, BORG},
		{"B-PER", O, BPER}, {"I-ORG", IORG, IORG},
		{"B-NETI", O, O}, {"I-NEN", O, O}, {"B-NEAR", O, O}, {"B-MISC", O, O}, {"B-TIMEX", O, O},
		{"O", BPER, O}, {"-", BPER, O}, {"", O, O},
		{"I-NEP", O, BPER},    // an I- that continues nothing begins a span
		{"I-NEL", BPER, BLOC}, // … as does one after another type
		{"-NEL", BLOC, ILOC},  // IL-NER's bare "-" prefix continues
		{"S-PER", IPER, BPER}, {"E-LOC", BLOC, ILOC}, {"U-ORG", O, BORG}, {"L-ORG", IORG, IORG},
		{"PER", O, BPER}, {"PER", BPER, IPER}, // IOB1-style bare types
		{"b-nep", O, BPER},
	}
	for _, c := range cases {
		if got := TagOf(c.in, c.prev); got != c.want {
			t.Errorf("TagOf(%q, %v) = %v, want %v", c.in, c.prev, got, c.want)
		}
	}
}

func TestSpans(t *testing.T) {
	got := Spans(tags("B-PER I-PER O I-LOC B-LOC B-ORG I-ORG I-ORG O"))
	want := []Span{{0, 2, PER, 1}, {3, 4, LOC, 1}, {4, 5, LOC, 1}, {5, 8, ORG, 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
}

func TestScoresAreStrict(t *testing.T) {
	s := NewScores()
	s.Add(tags("B-PER I-PER O B-LOC O B-ORG"), tags("B-PER O O B-LOC O B-LOC"))
	// PER: right type, wrong end → FP and FN; LOC: one right, one wrong
	// type; ORG: missed
	want := map[string]Counts{PER: {0, 1, 1}, LOC: {1, 1, 0}, ORG: {0, 0, 1}}
	for typ, c := range want {
		if *s.ByType[typ] != c {
			t.Errorf("%s: %+v, want %+v", typ, *s.ByType[typ], c)
		}
	}
	if m := s.Micro(); m != (Counts{1, 2, 2}) || m.Precision() != 1.0/3 || m.Recall() != 1.0/3 {
		t.Errorf("micro %+v P %v R %v", m, m.Precision(), m.Recall())
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "\ufeffराम\tB-NEP\r\nने\tO\r\n\r\n\r\n-DOCSTART-\tO\nदिल्ली\tx\tB-LOCATION\nअकेला\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"राम", "ने"}, Tags: []string{"B-NEP", "O"}, Line: 1},
		{Tokens: []string{"दिल्ली", "अकेला"}, Tags: []string{"B-LOCATION", "O"}, Line: 6},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCoNLL = %+v, want %+v", got, want)
	}
	for _, bad := range []struct{ in, want string }{
		{"राम\tO\n\xff\xfe\tO\n", "line 2: not UTF-8"},
		{"राम\tO\n" + strings.Repeat("x", maxLine+10) + "\n", "line 2: longer than"},
		{"\tB-PER\n", "line 1: empty token"},
	} {
		if _, err := ReadCoNLL(strings.NewReader(bad.in)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadCoNLL(%.20q…) = %v, want an error with %q", bad.in, err, bad.want)
		}
	}
}

// Units that tokenise into several words: a quote before a name, a
// hyphenated name. Training spreads a unit's tag over its words; tagging
// maps the words' tags back.
func TestUnitsOfSeveralWords(t *testing.T) {
	ws, owner := unitWords([]string{`"मारिया`, "जोंग-उन", "ने"})
	var norms []string
	for _, w := range ws {
		norms = append(norms, w.norm)
	}
	if want := []string{`"`, "मारिया", "जोंग", "उन", "ने"}; !reflect.DeepEqual(norms, want) {
		t.Fatalf("words %q, want %q", norms, want)
	}
	if want := []int{0, 0, 1, 1, 2}; !reflect.DeepEqual(owner, want) {
		t.Fatalf("owner %v, want %v", owner, want)
	}
	gold := unitGold(ws, owner, []Tag{BPER, IPER, O})
	if want := []Tag{O, BPER, IPER, IPER, O}; !reflect.DeepEqual(gold, want) {
		t.Errorf("unitGold = %v, want %v", gold, want)
	}
	back := projectTags(gold, owner, 3)
	if want := []Tag{BPER, IPER, O}; !reflect.DeepEqual(back, want) {
		t.Errorf("projectTags = %v, want %v", back, want)
	}
	// the written form keeps the nukta that the folded form drops
	ws, _ = unitWords([]string{"फ़ेरेरा-ख़ान"})
	if len(ws) != 2 || ws[0].raw != "फ़ेरेरा" || ws[0].norm != "फेरेरा" || !foreignNukta(ws[1].raw) || foreignNukta(ws[1].norm) {
		t.Errorf("written and folded forms: %+v", ws)
	}
}

func TestScriptShape(t *testing.T) {
	for _, c := range []struct {
		s      string
		cls    byte
		nukta  bool
		candra bool
	}{
		{"फ़ेरेरा", clsDeva, true, false}, {"ज़ैदी", clsDeva, true, false}, {"\u095eरांस", clsDeva, true, false},
		{"पहाड़", clsDeva, false, false}, // ड़ is a Hindi letter, not a borrowed sound
		{"ऑस्ट्रेलिया", clsDeva, false, true}, {"डॉक्टर", clsDeva, false, true},
		{"Federer", clsLatin, false, false}, {"2025", clsDigit, false, false}, {"२०२५", clsDigit, false, false},
		{"।", clsPunct, false, false}, {"80वीं", clsMixed, false, false},
	} {
		if got := class(c.s); got != c.cls {
			t.Errorf("class(%q) = %c, want %c", c.s, got, c.cls)
		}
		if got := foreignNukta(c.s); got != c.nukta {
			t.Errorf("foreignNukta(%q) = %v", c.s, got)
		}
		if got := candraO(c.s); got != c.candra {
			t.Errorf("candraO(%q) = %v", c.s, got)
		}
	}
}

// The embedded model on sentences written for these tests, full of names
// that are in no training sentence and not in kg's lexicon.
func TestModelOnFixtures(t *testing.T) {
	m := defaultModel(t)
	sents := readFixture(t, "fixtures.conll")
	sc := Evaluate(m, sents)
	var b strings.Builder
	sc.Write(&b, "fixtures")
	t.Log("\n" + b.String())
	if f := sc.Micro().F1(); f < 0.85 {
		t.Errorf("micro-F1 on the fixtures %.3f, want ≥ 0.85", f)
	}
	for _, typ := range []string{PER, LOC, ORG} {
		if f := sc.ByType[typ].F1(); f < 0.7 {
			t.Errorf("%s F1 on the fixtures %.3f, want ≥ 0.7", typ, f)
		}
	}
}

func TestTagCues(t *testing.T) {
	m := defaultModel(t)
	for _, c := range []struct{ sentence, want string }{
		// a title or role before an unknown name
		{"कप्तान ज़ोरावर बिष्ट ने मैच के बाद कहा कि टीम जीतेगी ।", "ज़ोरावर बिष्ट/PER"},
		// a place word after an unknown place
		{"बिलासगढ़ जिले में दो स्कूल बंद हुए ।", "बिलासगढ़/LOC"},
		// an organisation word ending an unknown name
		{"कोसी विकास निगम ने नई योजना शुरू की ।", "कोसी विकास निगम/ORG"},
	} {
		words := strings.Fields(c.sentence)
		var got []string
		for _, s := range m.Spans(words) {
			got = append(got, strings.Join(words[s.Start:s.End], " ")+"/"+s.Type)
		}
		if !contains(got, c.want) {
			t.Errorf("%s: spans %v, want %s among them", c.sentence, got, c.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Extraction hands the tagger folded words, one per entity.Words word, or
// tokens; all three ways must find the same hyphenated name.
func TestFoldedWordsAndTokens(t *testing.T) {
	m := defaultModel(t)
	text := "उत्तर कोरिया के नेता किम जोंग-उन ने प्योंगयांग में भाषण दिया ।"
	toks := hindi.Tokenize(text)
	var folded []string
	for _, w := range entity.Words(toks) {
		folded = append(folded, w.Norm)
	}
	// folded words: किम जोंग उन are three words, and nothing says that
	// उन ("those") was joined to जोंग
	tags := m.Tag(folded)
	if len(tags) != len(folded) {
		t.Fatalf("%d tags for %d words", len(tags), len(folded))
	}
	i := indexOf(folded, "किम")
	if got := tags[i : i+2]; !reflect.DeepEqual(got, []Tag{BPER, IPER}) {
		t.Errorf("folded words: किम जोंग tagged %v", got)
	}
	// tokens: the same words, spans index them, and the hyphen keeps the
	// parts of जोंग-उन together
	var found bool
	for _, s := range m.TokenSpans(toks) {
		if s.Start == i && s.End == i+3 && s.Type == PER {
			found = true
			if s.Score <= 0 || s.Score >= 1 {
				t.Errorf("score %v outside (0, 1)", s.Score)
			}
		}
	}
	if !found {
		t.Errorf("TokenSpans did not find words %d–%d as PER: %v", i, i+3, m.TokenSpans(toks))
	}
	// written words: जोंग-उन is one word
	raw := strings.Fields(text)
	tags = m.Tag(raw)
	j := indexOf(raw, "किम")
	if got := tags[j : j+2]; !reflect.DeepEqual(got, []Tag{BPER, IPER}) {
		t.Errorf("written words: किम जोंग-उन tagged %v", got)
	}
	// folding inside is idempotent: folded words tag as their folding does
	again := make([]string, len(folded))
	for k, w := range folded {
		again[k] = hindi.Fold(w)
	}
	if a, b := m.Tag(again), m.Tag(folded); !reflect.DeepEqual(a, b) {
		t.Errorf("Tag(Fold(words)) = %v, Tag(words) = %v", a, b)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func TestEdgeInputs(t *testing.T) {
	m := defaultModel(t)
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	if got := m.Spans([]string{"", "\u200d", "।"}); len(got) != 0 {
		t.Errorf("Spans of nothing = %v", got)
	}
	if got := m.Tag([]string{"", "राम", "\u200d"}); len(got) != 3 || got[0] != O || got[2] != O {
		t.Errorf("Tag with empty words = %v", got)
	}
	// a very long sentence: linear, and no overflow of path scores
	long := strings.Fields(strings.Repeat("प्रधानमंत्री विनोद त्रिपाठी ने लखनऊ में कहा ", 3000))
	if got := m.Spans(long); len(got) < 3000 {
		t.Errorf("long sentence: %d spans", len(got))
	}
}

func TestConcurrentTagging(t *testing.T) {
	m := defaultModel(t)
	sents := readFixture(t, "fixtures.conll")
	want := make([][]Span, len(sents))
	for i, s := range sents {
		want[i] = m.Spans(s.Tokens)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(sents))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, s := range sents {
				if got := m.Spans(s.Tokens); !reflect.DeepEqual(got, want[i]) {
					errs <- strings.Join(s.Tokens, " ")
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent tagging differs: %s", e)
	}
}

func TestLoadRejectsBadModels(t *testing.T) {
	var good bytes.Buffer
	if _, err := defaultModel(t).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(good.Bytes())); err != nil {
		t.Fatalf("a written model does not load: %v", err)
	}
	for name, b := range map[string][]byte{
		"empty":       nil,
		"not a model": []byte("hello"),
		"truncated":   good.Bytes()[:good.Len()/2],
	} {
		if _, err := Load(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
