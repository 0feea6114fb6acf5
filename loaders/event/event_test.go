package event

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
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
		text    string
		class   schema.EventClass
		nominal bool
		negated bool
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
			var classes []schema.EventClass
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

// The verb group tells a passive ("… किया गया", "… किए जा चुके हैं") from a
// completive ("हो गए", "ले गए"), and reads modals and negation after the verb.
func TestVerbGroup(t *testing.T) {
	fs, _ := Default()
	cases := []struct {
		text    string
		class   schema.EventClass
		passive bool
		modal   string
		negated bool
	}{
		{"तीन संदिग्धों को गिरफ्तार किया गया है", "Arrest", true, "", false},
		{"दस लोग गिरफ्तार किए जा चुके हैं", "Arrest", true, "", false},
		{"पुलिस ने तीन संदिग्धों को गिरफ्तार कर लिया", "Arrest", false, "", false},
		{"बस में सवार बीस यात्री घायल हो गए", "Injuries", false, "", false},
		{"राहत सामग्री गांवों में भेजी जाएगी", "Aid", true, "", false},
		{"सैनिक सीमा पर भेजे गए", "Deployment", true, "", false},
		{"तूफान तट से टकरा सकता है", "Landfall", false, "possible", false},
		{"सरकार को किसानों से बातचीत करनी चाहिए", "Talks", false, "obligation", false},
		{"पुलिस ने किसी को गिरफ्तार नहीं किया गया", "Arrest", true, "", true},
		// a refusal a few words after "से"
		{"अभिनेत्री ने फिल्म में काम करने से कथित तौर पर मना कर दिया", "Performance", false, "", true},
		// a negation before a noun that takes its light verb
		{"दोनों देशों ने कभी व्यापारिक संबंध नहीं स्थापित किए", "Founding", false, "", true},
		{"पुलिस ने उस दिन किसी को नहीं गिरफ्तार किया", "Arrest", false, "", true},
	}
	for _, c := range cases {
		w := folded(c.text)
		var got *Trigger
		for _, tr := range fs.Find(w, 0, len(w)) {
			if tr.Frame.Class == c.class {
				tr := tr
				got = &tr
			}
		}
		if got == nil {
			t.Errorf("%q: no %s", c.text, c.class)
			continue
		}
		if got.Passive != c.passive || got.Modal != c.modal || got.Negated != c.negated {
			t.Errorf("%q: passive=%v modal=%q negated=%v, want %v %q %v", c.text, got.Passive, got.Modal, got.Negated, c.passive, c.modal, c.negated)
		}
	}
}

// A sense guard keeps a trigger to its sense: an interview with a channel
// is no talks, a procession taken out is no expulsion, a necklace is no
// defeat.
func TestSenseGuards(t *testing.T) {
	fs, _ := Default()
	cases := []struct {
		text      string
		want, not schema.EventClass
	}{
		{"उन्होंने एक रेडियो चैनल से बातचीत में आरोप दोहराए", "Interview", "Talks"},
		{"दोनों देशों के बीच बातचीत हुई", "Talks", "Interview"},
		{"कार्यकर्ताओं ने शहर में मशाल जुलूस निकाला", "March", "Expulsion"},
		{"पार्टी ने दो नेताओं को पार्टी से निकाल दिया", "Expulsion", "March"},
		{"उसने गले में सोने का हार पहना था", "", "Loss"},
		{"गुस्से में वह आग बबूला हो गए", "", "Fire"},
		// a phrase that may not follow: the charge someone is held on
		{"पुलिस ने उसे चोरी के आरोप में गिरफ्तार किया", "Arrest", "Accusation"},
		{"विपक्ष ने मंत्री पर भ्रष्टाचार का आरोप लगाया", "Accusation", ""},
		{"पूरे देश में शीत लहर चल रही है", "ColdWave", "Heatwave"},
		// winning hearts is no victory; getting room or support is no meeting
		{"इस गाने ने सबका दिल जीत लिया", "", "Victory"},
		{"इस मुद्दे को अखबारों में काफी जगह मिल रही है", "", "Meeting"},
		// on a visit, with its verb; "यात्रा पर हुए हमले" is an attack on it
		{"प्रधानमंत्री इन दिनों जापान यात्रा पर हैं", "Visit", ""},
		// free of something is not set free; a batsman out to a bowler is attacked by no one
		{"पुलिस ने दो बंधकों को मुक्त कर दिया", "Release", ""},
		{"नेताओं ने देश को भ्रष्टाचार मुक्त करने की बात की", "", "Release"},
		{"कप्तान दस रन बनाकर स्पिनर का शिकार हुए", "", "Attack"},
		// in exchange for (इसके बदले) is no conversion
		{"भारत गेहूं देगा और इसके बदले तेल लेगा", "", "Conversion"},
		{"सेना ने पुराने टैंक को बख्तरबंद गाड़ी में बदल दिया", "Conversion", ""},
		// wickets taken (अपने नाम किए) are a score, not a title won
		{"तेज गेंदबाज ने तीन विकेट अपने नाम किए", "Score", "Victory"},
		// stepping in between is mediation, no defence
		{"दोस्तों ने बीच बचाव कर झगड़ा रोका", "Mediation", "Defence"},
		// a participle before a noun describes it: no honour, no one affected
		{"एक सम्मानित नागरिक होने के नाते उन्होंने वोट डाला", "", "Award"},
		{"बाढ़ प्रभावित लोग राहत शिविरों में होंगे", "", "Impact"},
		// working together (साथ मिलकर) and getting something (X को Y मिला) are no meeting
		{"भारत रूस के साथ मिलकर यह विमान बनाएगा", "", "Meeting"},
		{"पहली बार यह पुरस्कार एक धावक को मिला", "", "Meeting"},
		{"प्रधानमंत्री कल विपक्ष के नेताओं से मिलेंगे", "Meeting", ""},
		// signing an order or a bill is no treaty; advice followed is no recommendation made
		{"राष्ट्रपति ने एक नए आदेश पर हस्ताक्षर किए", "", "TreatySigning"},
		{"उसने परिवार की सलाह पर नौकरी छोड़ी", "", "Recommendation"},
		// advice given is a recommendation
		{"डॉक्टरों ने मरीजों को आराम करने की सलाह दी", "Recommendation", ""},
		// a press conference is a briefing of the press, no talks
		{"कप्तान ने मैच के बाद प्रेस वार्ता में हार की वजह बताई", "Briefing", "Talks"},
		// a team's or a player's showing is no protest
		{"दूसरे दिन गेंदबाजों का प्रदर्शन काफी लचर रहा", "", "Protest"},
		// an interview with the news channels (plural)
		{"कोच ने समाचार चैनलों से बातचीत में टीम की तारीफ की", "Interview", "Talks"},
		// event nouns alone that mostly name no event: a record (a
		// track record), an election, an award, a test, support,
		// the people affected, an investment
		{"इस मैदान पर मेहमान टीम का रिकॉर्ड अच्छा है", "", "Record"},
		{"अगले साल के चुनाव में महंगाई बड़ा मुद्दा होगी", "", "Election"},
		{"समारोह में पुरस्कार की राशि पर चर्चा हुई", "", "Award"},
		{"इस बल्लेबाज का आखिरी टेस्ट देखने लोग आए", "", "Test"},
		{"सरकार के समर्थन में लिखे लेख छपे", "", "Support"},
		{"प्रभावित परिवारों को राशन बांटा गया", "", "Impact"},
		{"राज्य में निवेश के अवसर बढ़ रहे हैं", "", "Investment"},
	}
	for _, c := range cases {
		w := folded(c.text)
		var classes []schema.EventClass
		for _, tr := range fs.Find(w, 0, len(w)) {
			classes = append(classes, tr.Frame.Class)
		}
		has := func(cl schema.EventClass) bool {
			for _, x := range classes {
				if x == cl {
					return true
				}
			}
			return false
		}
		if c.want != "" && !has(c.want) || has(c.not) {
			t.Errorf("%q: found %v, want %s and no %s", c.text, classes, c.want, c.not)
		}
	}
}
