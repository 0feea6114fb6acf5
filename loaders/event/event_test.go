package event

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/hindi"
)

func folded(s string) []string {
	var out []string
	for _, t := range hindi.Tokenize(s) {
		out = append(out, strings.Fields(t.Norm)...)
	}
	return out
}

// Each frame the issue names, found in a sentence of its own.
func TestFramesFindTheirTriggers(t *testing.T) {
	fs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, class string
		nominal     bool
		negated     bool
	}{
		{"किम ने पुतिन से फोन पर बातचीत की", "PhoneCall", false, false},
		{"पुतिन के साथ फोन पर बातचीत में किम ने", "PhoneCall", true, false},
		{"दोनों देशों के बीच बातचीत हुई", "Talks", false, false},
		{"किम ने रूस को पूरा समर्थन दिया", "Support", false, false},
		{"किम ने रूस के लिए 'पूर्ण समर्थन' जताया", "Support", false, false},
		{"नेताओं ने संधि पर हस्ताक्षर किए थे", "TreatySigning", false, false},
		{"यह समझौता पिछले साल जून में हुआ था", "TreatySigning", false, false},
		{"पुतिन ने सैनिकों के साहस की तारीफ की।", "Praise", false, false},
		{"आर्मी के योगदान की सराहना की।", "Praise", false, false},
		{"पुतिन ने उसे बधाई दी", "Congratulation", false, false},
		{"उत्तर कोरिया 1,000 सैपर भेजेगा", "Deployment", false, false},
		{"रूस को सैनिक और हथियार भेज चुका है", "Deployment", false, false},
		{"ट्रंप और पुतिन की अलास्का में मुलाकात तय है", "Meeting", false, false},
		{"दोनों की बैठक होगी", "Meeting", false, false},
		{"भारत ने पाकिस्तान पर आतंकवाद फैलाने का आरोप लगाया", "Accusation", false, false},
		{"भारत ने पाकिस्तान से मांग की है", "Demand", false, false},
		{"अमेरिका ने ईरान पर प्रतिबंध लगाया", "Sanction", false, false},
		{"अमेरिका ने ईरान से प्रतिबंध हटाया", "SanctionLifting", false, false},
		{"आतंकवादियों ने संसद पर हमला किया", "Attack", false, false},
		{"दोनों नेताओं ने सहयोग पर सहमति जताई", "AgreementReached", false, false},
		{"केसीएनए ने इस तरह के विवरण की जानकारी नहीं दी", "", false, false},
		{"पुतिन ने किम को बैठक के बारे में बताया", "Briefing", false, false},
		{"पुतिन ने बैठक की जानकारी नहीं दी", "", false, false},
	}
	for _, c := range cases {
		w := folded(c.text)
		trs := fs.Find(w, 0, len(w))
		var got *Trigger
		for k := range trs {
			if trs[k].Frame.Class == c.class {
				got = &trs[k]
			}
		}
		if c.class == "" {
			for _, tr := range trs {
				if tr.Frame.Class == "Briefing" || tr.Frame.Class == "PhoneCall" {
					t.Errorf("%q: unexpected %s", c.text, tr.Frame.Class)
				}
			}
			continue
		}
		if got == nil {
			var classes []string
			for _, tr := range trs {
				classes = append(classes, tr.Frame.Class)
			}
			t.Errorf("%q: no %s trigger (found %v)", c.text, c.class, classes)
			continue
		}
		if got.Nominal != c.nominal || got.Negated != c.negated {
			t.Errorf("%q: nominal=%v negated=%v", c.text, got.Nominal, got.Negated)
		}
	}
}

func TestNegationIsSeen(t *testing.T) {
	fs, _ := Default()
	w := folded("पुतिन ने उसे बधाई नहीं दी")
	trs := fs.Find(w, 0, len(w))
	if len(trs) != 1 || !trs[0].Negated {
		t.Errorf("got %+v", trs)
	}
}

func TestGenitiveKiIsNotALightVerb(t *testing.T) {
	fs, _ := Default()
	// "बातचीत की जानकारी": की is the genitive; the talk is nominal.
	w := folded("फोन पर हुई बातचीत की जानकारी सार्वजनिक की है")
	trs := fs.Find(w, 0, len(w))
	if len(trs) == 0 || trs[0].Frame.Class != "PhoneCall" || !trs[0].Nominal {
		t.Errorf("got %+v", trs)
	}
}
