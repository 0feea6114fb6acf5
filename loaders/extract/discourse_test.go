package extract

import (
	"strings"
	"testing"
)

// Who a pronoun is across sentences, and what is told as done, in
// sentences written for the test (none is taken from an article).
func TestDiscourse(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // described events that must be there
		not        []string // described events (or a prefix of one) that must not
	}{
		{"after a quotation, a pronoun that acts is its speaker, not a name inside it",
			"पुतिन कहते हैं, 'मोदी बहुत मेहनती हैं।' उन्होंने कहा कि युद्ध खत्म होगा।",
			[]string{"Statement agent=Vladimir Putin @2025-08 asserted"},
			[]string{"Statement agent=Narendra Modi"}},
		{"inside a quotation that goes on, a pronoun is not its speaker",
			"पुतिन कहते हैं, 'मोदी बहुत मेहनती हैं। उन्होंने मुझसे मुलाकात की।'",
			nil, []string{"Meeting agent=Vladimir Putin"}},
		{"after a quotation told over two sentences, a pronoun that acts is its speaker",
			"पुतिन कहते हैं, 'मोदी बहुत मेहनती हैं। वे ईमानदार हैं।' उन्होंने कहा कि युद्ध खत्म होगा।",
			[]string{"Statement agent=Vladimir Putin @2025-08 asserted"},
			[]string{"Statement agent=Narendra Modi"}},
		{"after a कि clause, a pronoun that acts is who said it, not who acts in it",
			"पुतिन ने कहा कि मोदी ने ट्रंप से मुलाकात की। उन्होंने कहा कि युद्ध खत्म होगा।",
			nil, []string{"Statement agent=Narendra Modi"}},
		{"a ने phrase kg cannot read acts: the pronoun after it is not who acted before",
			"पुतिन ने कहा कि युद्ध खत्म होगा। बाद में कुछ ने आरोप लगाते हुए कहा कि ट्रंप को फंसाने के लिए यह पत्र लिखा गया। उन्होंने मोदी से मुलाकात की।",
			[]string{"Statement agent=Vladimir Putin @2025-08 asserted"},
			[]string{"Meeting agent=Vladimir Putin", "Meeting agent=Donald Trump"}},
		{"a friend of X is not X: the genitive is not lifted over an associate",
			"पुतिन के दोस्तों का मानना है कि युद्ध खत्म होगा। पुतिन के साथी ने मोदी से मुलाकात की।",
			nil, []string{"Statement agent=Vladimir Putin", "Meeting agent=Vladimir Putin"}},
		{"what someone thinks (को लगता है कि) is reported, not told as done",
			"ईरान को लगता है कि पुतिन ने मोदी पर हमला किया।",
			[]string{"Attack agent=Vladimir Putin target=Narendra Modi @2025-08 reported"}, nil},
		{"a verb group in the subjunctive asks for the event, it does not tell it",
			"ईरान ने कहा कि मोदी पुतिन का समर्थन करें।",
			[]string{"Support agent=Narendra Modi theme=Vladimir Putin planned <Iran>"}, nil},
		{"a saying still to come has said nothing",
			"पुतिन मोदी से कहेंगे कि युद्ध खत्म होगा।",
			nil, []string{"Statement"}},
		{"when X asked Y, then the pronoun that answers is Y",
			"जब पुतिन ने मोदी से बात की तो उन्होंने कहा कि युद्ध खत्म होगा। सचिव ट्रंप से जब पुतिन ने बात की तो उन्होंने कहा कि शांति आएगी।",
			[]string{"Statement agent=Narendra Modi @2025-08 asserted", "Statement agent=Donald Trump @2025-08 asserted"},
			[]string{"Statement agent=Vladimir Putin"}},
		{"when X beat Y, Y is not who speaks after तो",
			"जब पुतिन ने मोदी को हराया तो उन्होंने कहा कि युद्ध खत्म होगा।",
			nil, []string{"Statement agent=Narendra Modi"}},
		{"an event done as a feat is done",
			"ईरान ने इराक को हराने का कारनामा किया।",
			[]string{"Defeat agent=Iran patient=Irak @2025-08 asserted"}, nil},
		{"an event one succeeded in doing is done",
			"ईरान की टीम इराक को हराने में कामयाब रही।",
			[]string{"Defeat patient=Irak @2025-08 asserted"}, nil},
		{"an intransitive past of winning (जीत गया) stays done beside a bare win that must still come",
			"ईरान तीन गेंद रहते ही जीत गया। अब अगले दोनों मैच जीतने होंगे।",
			[]string{"Victory agent=Iran @2025-08 asserted"}, []string{"Victory agent=Iran planned"}},
		{"those who die in an attack are the dead, not the attack's agent",
			"कल कुर्स्क में पांच मज़दूरों की इजरायली बमबारी में मौत हो गई।",
			[]string{"Deaths location=Kursk theme=workers @2025-08-12 #5 killed=5 asserted"}, []string{"Airstrike agent=workers"}},
		{"the first को phrase before an infinitive with था is who was to act; the place after the object is where to",
			"मोदी को ट्रंप को पाकिस्तान ले जाना था।",
			[]string{"Event(take) agent=Narendra Modi theme=Donald Trump planned"}, []string{"Event(take) agent=Pakistan"}},
		{"a passive infinitive with था: its को phrase undergoes the event, it does not act",
			"पुतिन को पहले चार दिसंबर को सज़ा सुनाई जानी थी।",
			nil, []string{"Sentence agent=Vladimir Putin"}},
		{"with पड़ा the one who had to act did",
			"मोदी को ट्रंप को पाकिस्तान ले जाना पड़ा।",
			[]string{"Event(take) agent=Narendra Modi theme=Donald Trump @2025-08 asserted"}, nil},
		{"प्रदर्शन after the genitive of a work or a skill shows it, it is no protest",
			"मोदी ने अपने काम का प्रदर्शन लाहौर में किया। पुतिन ने लाहौर में अपनी कला का प्रदर्शन किया।",
			nil, []string{"Protest"}},
		{"a protest against a thing near work is still a protest",
			"मज़दूरों ने काम के हालात के खिलाफ प्रदर्शन किया।",
			[]string{"Protest agent=workers @2025-08 asserted"}, nil},
		{"the genitive before a work noun is the work's maker, not the role's work",
			"मोदी की फ़िल्म सपना में पुतिन एक बड़ा किरदार निभा रहे हैं।",
			[]string{"Performance agent=Vladimir Putin @2025-08 asserted"}, []string{"Performance agent=Vladimir Putin theme=Narendra Modi"}},
		{"a demonym before an attack noun names the attacker; a city before it is where",
			"रूसी बमबारी में तीन लोग मारे गए। लाहौर हमले के बाद पुतिन ने कहा कि युद्ध खत्म होगा।",
			[]string{"Airstrike agent=Russia @2025-08 killed=3 asserted", "Attack location=Lahore @2025-08 asserted"}, []string{"Attack agent=Lahore"}},
		{"a nominal event before के बाद leaves the name after it the clause's subject",
			"ट्रंप ने कहा कि युद्ध खत्म होगा। ईरान यात्रा के बाद पुतिन अब मॉस्को में रहते हैं। उन्होंने कहा, 'यह अच्छा था।'",
			[]string{"Statement agent=Vladimir Putin @2025-08 asserted"},
			[]string{"Statement agent=Iran", "Statement agent=Donald Trump @2025-08 asserted <Donald Trump>"}},
		{"a name before an event noun of time qualifies it, it is no subject of the verb",
			"ईरान यात्रा के बाद पुतिन मोदी से मिले।",
			nil, []string{"Meeting agent=Iran"}},
		{"what an unnamed source says is reported, not told as done",
			"किसी ने पुलिस से कहा कि पुतिन ने मोदी पर हमला किया।",
			[]string{"Attack agent=Vladimir Putin target=Narendra Modi @2025-08 reported"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkEvents(t, c.text, c.want, c.not, strings.HasPrefix)
		})
	}
}

// A generic verb of giving: its को phrase receives; an idiom of देना
// that gives nothing is no giving. Sentences written for the test.
func TestGenericGiving(t *testing.T) {
	got := events(t, "मोदी ने पुतिन को एक मौका दिया।")
	if !has(got, "Event(give) agent=Narendra Modi recipient=Vladimir Putin @2025-08 asserted") {
		t.Errorf("the को phrase of a giving receives: %q", got)
	}
	got = events(t, "इस फ़िल्म में पुतिन ट्रंप के साथ दिखाई दिए।")
	for _, g := range got {
		if strings.HasPrefix(g, "Event(give)") || strings.HasPrefix(g, "Event(show)") {
			t.Errorf("appearing is no giving and no showing: %q", got)
		}
	}
}
