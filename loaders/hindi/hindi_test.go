package hindi

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/kgnews/kg/schema"
)

func TestFoldMakesVariantsEqual(t *testing.T) {
	pairs := [][2]string{
		{"सितम्बर", "सितंबर"},
		{"ट्रम्प", "ट्रंप"},
		{"अन्तरराष्ट्रीय", "अंतरराष्ट्रीय"},
		{"फ़्रांस", "फ्रांस"},                      // nukta
		{"अफ़गानिस्तान", "अफगानिस्तान"},            // nukta
		{"\u0915\u093c\u0930\u093e\u0930", "करार"}, // NFD nukta
		{"\u0958\u0930\u093e\u0930", "करार"},       // precomposed क़
		{"चाँद", "चांद"},                           // chandrabindu
		{"जोंग-उन", "जोंग उन"},                     // hyphen as space
		{"२०२५", "2025"},                           // Devanagari digits
		{"Kim Jong-Un", "kim jong un"},             // case
		{"किम\u200dजोंग", "किमजोंग"},               // zero-width joiner
		{"उत्तर\u00a0कोरिया", "उत्तर कोरिया"},      // NBSP
	}
	for _, p := range pairs {
		if a, b := Fold(p[0]), Fold(p[1]); a != b {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	distinct := [][2]string{{"रूस", "रुस"}, {"किम", "कम"}, {"भारत", "भरत"}}
	for _, p := range distinct {
		if Fold(p[0]) == Fold(p[1]) {
			t.Errorf("Fold conflates %q and %q", p[0], p[1])
		}
	}
}

func TestClean(t *testing.T) {
	in := "\ufeffयह है ।\r\nकिम\u200d ने\u00a0कहा ॥"
	want := "यह है।\nकिम ने कहा॥"
	if got := Clean(in); got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func words(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"किम जोंग-उन ने पुतिन को", []string{"किम", "जोंग-उन", "ने", "पुतिन", "को"}},
		{"5,000 सैन्य निर्माणकर्मी और 1,000 सैपर", []string{"5,000", "सैन्य", "निर्माणकर्मी", "और", "1,000", "सैपर"}},
		{"1910-45 के जापान", []string{"1910-45", "के", "जापान"}},
		{"'पूर्ण समर्थन' जताया।", []string{"'", "पूर्ण", "समर्थन", "'", "जताया", "।"}},
		{"इस्लामाबाद (भाषा): पाकिस्तान", []string{"इस्लामाबाद", "(", "भाषा", ")", ":", "पाकिस्तान"}},
		{"डॉ. सिंह ने", []string{"डॉ.", "सिंह", "ने"}},
		{"80वीं मुक्ति", []string{"80वीं", "मुक्ति"}},
		{"Aug 13, 2025, 11:03 AM", []string{"Aug", "13", ",", "2025", ",", "11", ":", "03", "AM"}},
	}
	for _, c := range cases {
		if got := words(Tokenize(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	toks := Tokenize("रूस के 5,000")
	if toks[2].Kind != Number || toks[0].Kind != Word || toks[2].Start != len("रूस के ") {
		t.Errorf("kinds/offsets wrong: %+v", toks)
	}
}

func TestPostposition(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
		n    int
	}{
		{"रूस के", "के", 1},
		{"रूस को", "को", 1},
		{"रूस ने", "ने", 1},
		{"ट्रंप के साथ होने", "के साथ", 2},
		{"बैठक के बारे में भी", "के बारे में", 3},
		{"केसीएनए के मुताबिक,", "के मुताबिक", 2},
		{"रूस युद्ध", "", 0},
	} {
		toks := Tokenize(c.text)
		got, n := Postposition(toks, 1)
		if got != c.want || n != c.n {
			t.Errorf("Postposition(%q) = %q,%d want %q,%d", c.text, got, n, c.want, c.n)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "पहला वाक्य है। डॉ. सिंह ने कहा कि 3.5 प्रतिशत बढ़ा? हां! उसने \"मुक्त\" कहा।\n\nनया अनुच्छेद बिना विराम\n\nअंत|U.S. officials said so. Next one."
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"पहला वाक्य है।",
		"डॉ. सिंह ने कहा कि 3.5 प्रतिशत बढ़ा?",
		"हां!",
		"उसने \"मुक्त\" कहा।",
		"नया अनुच्छेद बिना विराम",
		"अंत|",
		"U.S. officials said so.",
		"Next one.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestCheckData(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(Fold("क़"), "\u093c") {
		t.Error("nukta survives folding")
	}
}

func TestTransliterate(t *testing.T) {
	for _, c := range [][2]string{
		{"मुशर्रफ", "Musharraf"},
		{"किम जोंग-उन", "Kim Jong-Un"},
		{"पुतिन", "Putin"},
		{"कोरिया", "Koriya"},
		{"Kim", "Kim"},
		{"80वीं", "80vin"},
	} {
		if got := Transliterate(c[0]); got != c[1] {
			t.Errorf("Transliterate(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	if got := Slug("North Korea Russia Support: अलास्का शिखर सम्मेलन से पहले", 41); got != "north-korea-russia-support-alaska-shikhar" {
		t.Errorf("Slug = %q", got)
	}
}

func TestTransliterateDropsMedialSchwa(t *testing.T) {
	for _, c := range [][2]string{
		{"परवेज मुशर्रफ", "Parvej Musharraf"},
		{"जॉर्ज फर्नांडिस", "George Farnandis"}, // George from hi/loanwords.tsv
		{"समझौता", "Samjhauta"},
		{"कमल", "Kamal"},
		{"भारत", "Bharat"},
	} {
		if got := Transliterate(c[0]); got != c[1] {
			t.Errorf("Transliterate(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestTransliterateNames checks the romanisation of names written for the
// test (testdata/names.tsv), each chosen for a rule of Transliterate.
func TestTransliterateNames(t *testing.T) {
	f, err := os.Open("testdata/names.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := schema.ParseTSV("names.tsv", f, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 40 {
		t.Fatalf("%d names, want at least 40", len(rows))
	}
	for _, r := range rows {
		if got := Transliterate(r.Field(0)); got != r.Field(1) {
			t.Errorf("line %d: Transliterate(%q) = %q, want %q", r.Line, r.Field(0), got, r.Field(1))
		}
	}
}

// A nukta spelling and a plain one are different sounds, but a name
// written without its nukta still reads.
func TestTransliterateNukta(t *testing.T) {
	for _, c := range [][2]string{
		{"फ़ैज़", "Faiz"}, {"फैज", "Faij"}, {"गढ़", "Garh"}, {"गौड़", "Gaud"}, {"पड़ोस", "Paros"},
		// NFC keeps क़ decomposed; a precomposed one (U+0958) reads alike
		{"\u0958तर", "Qatar"},
	} {
		if got := Transliterate(c[0]); got != c[1] {
			t.Errorf("Transliterate(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestAbbreviation(t *testing.T) {
	for w, want := range map[string]string{"बीजेपी": "BJP", "एनएसए": "NSA", "एपी": "AP", "बीटी": "", "भारत": "", "एफ़बीआई": "FBI"} {
		got, ok := Abbreviation(w)
		if ok != (want != "") || got != want && ok {
			t.Errorf("Abbreviation(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
}

func TestCleanStripsControls(t *testing.T) {
	for in, want := range map[string]string{
		"किम \x1b[31mने\x1b[0m पुतिन":                "किम ने पुतिन",
		"title\x1b]0;owned\x07 text":                 "title text",
		"a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b": "alinkb",
		"bell\x07 and back\x08space\x7f":             "bell and backspace",
		"c1 \u009b31m here \u0085":                   "c1 31m here ", // NEL is a control: it goes
		"rtl \u202eevil\u202c ok":                    "rtl evil ok",
		"tab\tand\r\nline":                           "tab and\nline",
		"है   \t ।":                                  "है।",
	} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// Spaces before a danda go in one pass: a run of a million of them once
// took a pass over the text per space.
func TestCleanLongSpaceRun(t *testing.T) {
	in := "है" + strings.Repeat(" ", 1<<20) + "।"
	if got := Clean(in); got != "है।" {
		t.Errorf("a million spaces before a danda: %d bytes left", len(got))
	}
}

// Clean's short cut (plain text is only put in NFC) gives what its every
// step gives, on text that takes it and on text with each thing that must
// not take it.
func TestCleanShortCut(t *testing.T) {
	for _, s := range []string{
		"", "भारत", "किम जोंग-उन ने पुतिन से बात की।", "पंक्ति एक\nपंक्ति दो",
		"नई दिल्ली |", "है ।", "है ॥", "है  ।", "तब\tऔर", "a\r\nb", "\ufeffभारत", "ज़\u200dरा", "x\u00a0y",
		"\x1b[31mलाल\x1b[0m", "a\u202eb", "a\u2066b", "a\u0085b", "a\u3000b", "क\u093c", "\u0928\u093c", "a\x00b",
		"trailing ", " leading", "a\u00adb", "\xff\xfe", "ok \ufffd", "U.S. है|",
	} {
		if got, want := Clean(s), clean(s); got != want {
			t.Errorf("Clean(%q) = %q, every step gives %q", s, got, want)
		}
	}
	if !plain("किम जोंग-उन ने पुतिन से बात की।") || plain("है ।") || plain("a\tb") {
		t.Error("plain misjudges a sentence, a space before a danda or a tab")
	}
}

// The runes inert takes are NFC beside each other in every pair (NFC acts
// on neighbours: a composition or a reordering needs two of them), and
// inert strings are what NFC and every step of Clean make of them.
func TestInertRunes(t *testing.T) {
	var rs []rune
	for r := rune(0); r < 0x980; r++ {
		if runeKinds[r] != rSlow {
			rs = append(rs, r)
		}
	}
	if len(rs) < 150 {
		t.Fatalf("only %d inert runes: the table does not cover Devanagari", len(rs))
	}
	for _, a := range rs {
		for _, b := range rs {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q (%U %U) is not NFC", s, a, b)
			}
		}
	}
	for _, r := range []rune{'\u093c', '\u0958', '\u0929', '\u0951', '\t', '\r', 0x1b, 0x7f, '\u00a0', '\u200d'} {
		if int(r) < len(runeKinds) && runeKinds[r] != rSlow || inert(string(r)) {
			t.Errorf("%U is taken as inert", r)
		}
	}
	for _, s := range []string{"किम जोंग-उन ने पुतिन से बात की।", "क्षत्रिय", "है ।", "a|b", "a |b", "न\u093c", "क\u094d\u093c", "x\ty", "ok\n"} {
		if inert(s) && (clean(s) != s || norm.NFC.String(s) != s) {
			t.Errorf("%q taken as inert, but Clean makes %q of it", s, clean(s))
		}
	}
	if !inert("किम जोंग-उन ने पुतिन से बात की।") || inert("है ।") || inert("न\u093c") {
		t.Error("inert misjudges a plain sentence, a space before a danda or a nukta")
	}
}

// Fold's short cut (a string already folded is returned as it is) gives
// what folding gives.
func TestFoldShortCut(t *testing.T) {
	f, err := loadFolder()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"", "भारत", "नई दिल्ली", "ट्रंप", "ट्रम्प", "सितम्बर", " भारत", "भारत ", "नई  दिल्ली", "है ।", "है।", "।",
		"India", "india", "२०२५", "2025", "जोंग-उन", "a\nb", "फ़िल्म", "चाँद", "u.s.", "x|y", "x |y",
	} {
		slow := f.fold(s)
		if f.folded(s) && s != slow {
			t.Errorf("%q taken as folded, Fold's every step gives %q", s, slow)
		}
		if got := Fold(s); got != slow {
			t.Errorf("Fold(%q) = %q, every step gives %q", s, got, slow)
		}
	}
	if !f.folded("नई दिल्ली") || !f.folded("ट्रंप") || f.folded("ट्रम्प") || f.folded("India") {
		t.Error("folded misjudges a folded phrase, a nasal conjunct or a capital")
	}
}
