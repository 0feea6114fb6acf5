package hindi

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/kgnews/kg/schema"
)

// TestLoanwordsData checks every row of hi/loanwords.tsv: its kind, a
// Devanagari form or more, an English spelling in Latin letters, and no
// form that folds to one already given another spelling, in the file or in
// the loan rows of hi/translit.tsv (the loans map would keep whichever came
// last, silently).
func TestLoanwordsData(t *testing.T) {
	rows, err := schema.ReadTSV("hi/loanwords.tsv", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1000 {
		t.Fatalf("%d rows, want the list of thousands of forms", len(rows))
	}
	base, err := schema.ReadTSV("hi/translit.tsv", 2)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		english string
		row     schema.Row
	}
	spelling := map[string]seen{}
	forms := 0
	for _, r := range append(base, rows...) {
		kind := r.Field(0)
		if r.File == "hi/translit.tsv" && kind != "loan" && kind != "loanname" {
			continue
		}
		if kind != "loan" && kind != "loanname" && !(kind == "brand" && r.File == "hi/loanwords.tsv") {
			t.Errorf("%s:%d: kind %q, want loan, loanname or (in loanwords.tsv) brand", r.File, r.Line, kind)
		}
		english := r.Field(2)
		if english == "" || strings.IndexFunc(english, func(c rune) bool {
			return c > unicode.MaxASCII || !unicode.IsLetter(c) && !strings.ContainsRune(" '-", c)
		}) >= 0 {
			t.Errorf("%s:%d: English spelling %q: want Latin letters", r.File, r.Line, english)
		}
		if len(r.List(1)) == 0 {
			t.Errorf("%s:%d: no Devanagari form", r.File, r.Line)
		}
		for _, w := range r.List(1) {
			if r.File == "hi/loanwords.tsv" {
				forms++
			}
			for _, c := range w {
				if !isDevanagariLetter(c) && c != '-' && c != ' ' {
					t.Errorf("%s:%d: form %q has %q, not Devanagari", r.File, r.Line, w, c)
					break
				}
			}
			f := Fold(w)
			if s, ok := spelling[f]; ok && s.english != english {
				t.Errorf("%s:%d: %q is %q, but %s:%d made it %q", r.File, r.Line, w, english, s.row.File, s.row.Line, s.english)
			} else if ok && s.row.File != r.File {
				// a loanwords.tsv row is read as a name: it would hide
				// translit.tsv's common word from Loanword
				t.Errorf("%s:%d: %q is in %s:%d too; keep it in one file", r.File, r.Line, w, s.row.File, s.row.Line)
			}
			spelling[f] = seen{english, r}
		}
	}
	if forms < 2000 {
		t.Errorf("%d forms in hi/loanwords.tsv, want at least 2000", forms)
	}
}

// TestLoanwordNames reads foreign names and English words the way an
// English paper spells them (testdata/loanwords.tsv), and Indian words
// beside them as the rules do.
func TestLoanwordNames(t *testing.T) {
	f, err := os.Open("testdata/loanwords.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := schema.ParseTSV("loanwords.tsv", f, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 40 {
		t.Fatalf("%d cases, want at least 40", len(rows))
	}
	for _, r := range rows {
		if got := Transliterate(r.Field(0)); got != r.Field(1) {
			t.Errorf("line %d: Transliterate(%q) = %q, want %q", r.Line, r.Field(0), got, r.Field(1))
		}
	}
}

// TestLoanwordsSpareHindi checks that no Hindi word or Indian name part
// that a foreign name or English word could be spelt like
// (testdata/notloans.txt) is in the loans map: the rules read them.
func TestLoanwordsSpareHindi(t *testing.T) {
	b, err := os.ReadFile("testdata/notloans.txt")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := loadTranslit()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range strings.Split(string(b), "\n") {
		if w = strings.TrimSpace(w); w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		n++
		if l, ok := tr.loans[Fold(w)]; ok {
			t.Errorf("%q is a loan (%q); it is a Hindi word or an Indian name", w, l)
		}
	}
	if n < 40 {
		t.Errorf("%d words in testdata/notloans.txt, want the list", n)
	}
}

// TestLoanwordsGiveLabelsOnly checks that hi/loanwords.tsv changes labels
// but not what Loanword calls a common English word: the name finder
// drops a span made only of those.
func TestLoanwordsGiveLabelsOnly(t *testing.T) {
	if got := Transliterate("राइडर्स"); got != "Riders" {
		t.Errorf("Transliterate(राइडर्स) = %q, want Riders", got)
	}
	for w, want := range map[string]bool{"राइडर्स": false, "माइकल": false, "स्ट्रीट": true, "यूनिवर्सिटी": true} {
		if _, ok := Loanword(w); ok != want {
			t.Errorf("Loanword(%q) = %v, want %v", w, ok, want)
		}
	}
}

// TestEnglishWord checks that EnglishWord knows the common English words
// of both files and no name or Hindi word.
func TestEnglishWord(t *testing.T) {
	for w, want := range map[string]bool{"कॉकटेल": true, "टेलीविज़न": true, "स्ट्रीट": true, "यूनिवर्सिटी": true, "राइडर्स": true,
		"माइकल": false, "लंदन": false, "राम": false, "सम्मेलन": false} {
		if got := EnglishWord(w); got != want {
			t.Errorf("EnglishWord(%q) = %v, want %v", w, got, want)
		}
	}
}
