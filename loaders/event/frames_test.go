package event

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// typedWords folds a sentence and gives each word the class of the
// lexicon name it belongs to, as extraction does for sense guards.
func typedWords(t *testing.T, s string) (words, types []string) {
	t.Helper()
	lex, err := entity.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ew []entity.Word
	for ti, tok := range hindi.Tokenize(s) {
		for _, w := range strings.Fields(tok.Norm) {
			words = append(words, w)
			ew = append(ew, entity.Word{Norm: w, Tok: ti})
		}
	}
	types = make([]string, len(words))
	for _, m := range entity.Match(ew, lex) {
		for k := m.Start; k < m.End; k++ {
			types[k] = m.Forms[0].Entity.Type
		}
	}
	return words, types
}

// Every row of frames.tsv fires on the example sentence written beside it,
// as itself (not shadowed by an earlier row), and, where the row gives a
// counter-example, does not fire on that one: its sense guard holds.
func TestEveryFrameRowFiresOnItsExample(t *testing.T) {
	fs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs.List {
		w, types := typedWords(t, f.Example)
		var got []string
		fired := false
		for _, tr := range fs.FindTyped(w, types, 0, len(w)) {
			got = append(got, string(tr.Frame.Class))
			if tr.Frame == f && !tr.Negated {
				fired = true
			}
		}
		if !fired {
			t.Errorf("frames.tsv:%d (%s): no trigger of this row in its example %q (found %v)", f.Line, f.Class, f.Example, got)
		}
		if f.Counter == "" {
			continue
		}
		w, types = typedWords(t, f.Counter)
		for _, tr := range fs.FindTyped(w, types, 0, len(w)) {
			if tr.Frame == f {
				t.Errorf("frames.tsv:%d (%s) fired on its counter-example %q", f.Line, f.Class, f.Counter)
			}
		}
	}
}

// The inventory covers CAMEO and PLOVER: every CAMEO root category and
// every PLOVER event type is the code of some class a Hindi frame evokes,
// with at least 300 trigger rows in all.
func TestInventoryCoversCAMEOAndPLOVER(t *testing.T) {
	fs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(fs.List) < 300 {
		t.Errorf("%d frame rows, want at least 300", len(fs.List))
	}
	roots, types := map[string]bool{}, map[string]bool{}
	for _, f := range fs.List {
		et, ok := schema.LookupEvent(f.Class)
		if !ok {
			t.Fatalf("frames.tsv:%d: class %s not in events.tsv", f.Line, f.Class)
		}
		roots[et.CAMEORoot()] = true
		types[et.PLOVER] = true
	}
	for _, r := range schema.CAMEORoots().Sorted() {
		if !roots[r] {
			t.Errorf("no frame for CAMEO root %s (%s)", r, schema.CAMEORoots()[r])
		}
	}
	for _, p := range schema.PLOVERTypes().Sorted() {
		if !types[p] {
			t.Errorf("no frame for PLOVER type %s", p)
		}
	}
}

// Every English frame row fires on an example of its own.
func TestEveryEnglishFrameRowHasAnExample(t *testing.T) {
	ef, err := English()
	if err != nil {
		t.Fatal(err)
	}
	examples := map[schema.EventClass]string{
		"PhoneCall": "Kim spoke by phone with Putin", "Talks": "India held talks with Pakistan",
		"Meeting": "Trump met Putin", "Support": "Kim backed Russia", "TreatySigning": "they signed a treaty",
		"Praise": "Putin praised the army", "Congratulation": "Putin congratulated Kim",
		"Deployment": "Pyongyang sent troops", "AgreementReached": "they agreed on trade",
		"Briefing": "Putin briefed Kim", "Statement": "Putin said", "Accusation": "India accused Pakistan",
		"Demand": "India demanded action", "Sanction": "US sanctioned Iran", "SanctionLifting": "US lifted sanctions on Iran",
		"Attack": "Russia attacked Kyiv", "Condemnation": "India condemned the attack",
		"Criticism": "Pakistan criticised India", "Welcome": "US welcomed the talks", "Warning": "US warned Iran",
		"Threat": "Iran threatened Israel", "Visit": "Modi visited Moscow", "Proposal": "India proposed talks",
		"Acceptance": "Pakistan accepted the offer", "Exchange": "they exchanged lists", "Grant": "Pakistan granted visas",
		"Arrest": "police arrested him", "Release": "Pakistan released fishermen", "Expulsion": "India expelled diplomats",
		"Deaths": "ten people died", "Election": "he was elected", "Occupation": "Russia annexed Crimea",
	}
	for _, f := range ef.List {
		text, ok := examples[f.Class]
		if !ok {
			t.Errorf("en/frames.tsv:%d (%s) has no example", f.Line, f.Class)
			continue
		}
		w := folded(text)
		found := false
		for _, tr := range ef.Find(w, 0, len(w)) {
			if tr.Frame == f && !tr.Negated {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s trigger (en/frames.tsv:%d)", text, f.Class, f.Line)
		}
	}
	w := folded("Putin did not meet Trump")
	if trs := ef.Find(w, 0, len(w)); len(trs) != 1 || !trs[0].Negated {
		t.Errorf("negation not seen: %+v", trs)
	}
	w = folded("Kyiv was attacked by drones")
	if trs := ef.Find(w, 0, len(w)); len(trs) != 1 || !trs[0].Passive {
		t.Errorf("passive not seen: %+v", trs)
	}
}
