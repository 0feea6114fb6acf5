package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/schema"
)

var pub = time.Date(2025, 8, 13, 0, 0, 0, 0, time.UTC) // a Wednesday

func events(t *testing.T, text string) []string {
	t.Helper()
	r := extractText(t, text, pub)
	var out []string
	for _, ev := range r.Events {
		out = append(out, describe(ev))
	}
	return out
}

// checkEvents extracts text and checks its described events: every want
// is among them, and none is named by a not entry. How a not entry names
// events is the test's: a whole event (wholeEvent), its start
// (strings.HasPrefix) or a part of one (eventPart).
func checkEvents(t *testing.T, text string, want, not []string, names func(event, not string) bool) {
	t.Helper()
	got := events(t, text)
	for _, w := range want {
		if !has(got, w) {
			t.Errorf("want %q\n got %q", w, got)
		}
	}
	for _, n := range not {
		for _, g := range got {
			if names(g, n) {
				t.Errorf("unexpected %q in %q (from %q)", n, g, text)
			}
		}
	}
}

// wholeEvent: n is the event, or its class and first roles.
func wholeEvent(g, n string) bool { return g == n || strings.HasPrefix(g, n+" ") }

// eventPart: n stands in the event, ending at a space or the end.
func eventPart(g, n string) bool { return strings.Contains(g+" ", n+" ") }

func has(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

// Roles come from case markers; dates, modality and sources from the
// sentence. Each case names one rule.
func TestRolesDatesModalitySources(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"ने agent, से participant, nominal call in which the agent acts",
			"किम ने पुतिन से फोन पर बातचीत में समर्थन जताया।",
			"PhoneCall agent=Kim Jong-un participant=Vladimir Putin @2025-08 asserted"},
		{"को recipient of support",
			"किम ने रूस को पूरा समर्थन दिया।",
			"Support agent=Kim Jong-un recipient=Russia @2025-08 asserted"},
		{"के लिए lifted over the noun a genitive qualifies",
			"किम ने रूस के कदमों के लिए समर्थन जताया।",
			"Support agent=Kim Jong-un recipient=Russia @2025-08 asserted"},
		{"genitive subject of a treaty signing, पर theme, में location, relative date",
			"उत्तर कोरिया और रूस के नेताओं ने पिछले साल जून में प्योंगयांग में एक पारस्परिक रक्षा संधि पर हस्ताक्षर किए थे।",
			"TreatySigning agent=North Korea+Russia location=Pyongyang theme=mutual defence treaty @2024-06 asserted"},
		{"future weekday, genitive participants, planned",
			"शुक्रवार को ट्रंप और पुतिन की अलास्का में मुलाकात तय है।",
			"Meeting agent=Donald Trump location=Alaska participant=Vladimir Putin @2025-08-15 planned"},
		{"bare subject and objects of a future deployment, numbers split it",
			"उत्तर कोरिया कुर्स्क में 5,000 सैन्य निर्माणकर्मी और 1,000 सैपर भेजेगा।",
			"Deployment agent=North Korea destination=Kursk theme=sappers #1000 planned"},
		{"source postposition",
			"केसीएनए के अनुसार, पुतिन ने कोरियाई पीपुल्स आर्मी के योगदान की सराहना की।",
			"Praise agent=Vladimir Putin theme=Korean People's Army @2025-08 asserted <Korean Central News Agency>"},
		{"object of an infinitive stays out of the praise",
			"पुतिन ने कुर्स्क को मुक्त कराने में कोरियाई पीपुल्स आर्मी के योगदान की सराहना की।",
			"Praise agent=Vladimir Putin theme=Korean People's Army @2025-08 asserted"},
		{"object pronoun उसे is the last other entity; आगामी makes a past-tense day-month future",
			"पुतिन ने 15 अगस्त को उत्तर कोरिया की आगामी 80वीं मुक्ति वर्षगांठ पर उसे बधाई दी।",
			"Congratulation agent=Vladimir Putin occasion=80th liberation anniversary recipient=North Korea @2025-08-15 asserted"},
		{"year range on a nominal with an after-pattern",
			"यह 1910-45 के जापान के औपनिवेशिक शासन से कोरिया की मुक्ति का प्रतीक है।",
			"ColonialRule agent=Japan patient=Korea @1910..1945 asserted"},
		{"पर patient of an accusation despite the infinitive after it",
			"भारत ने पाकिस्तान पर आतंकवाद फैलाने का आरोप लगाया।",
			"Accusation agent=India patient=Pakistan @2025-08 asserted"},
		{"past weekday with a time of day is that weekday",
			"किम ने मंगलवार रात सियोल में कहा कि तनाव घटेगा।",
			"Statement agent=Kim Jong-un location=Seoul @2025-08-12 asserted"},
		{"a demonym group involves its country; number words",
			"पाक ने गुरुवार को आठ भारतीय अधिकारियों को वीजा प्रदान किए।",
			"Grant agent=Pakistan involves=India recipient=Indian officials @2025-08-07 #8 asserted"},
		{"पहले ही: an earlier event gets no publication date",
			"उत्तर कोरिया पहले ही रूस को हथियार भेज चुका है।",
			"Deployment agent=North Korea destination=Russia theme=weapons asserted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := events(t, c.text)
			if !has(got, c.want) {
				t.Errorf("want %q\n got %q", c.want, got)
			}
		})
	}
}

func TestNegatedEventsAreNotFacts(t *testing.T) {
	for _, text := range []string{
		"केसीएनए ने इस तरह के विवरण की जानकारी नहीं दी।",
		"पाकिस्तान ने आतंकवाद का समर्थन करने से साफ इनकार किया है।",
		"पुतिन ने किम को बधाई नहीं दी।",
	} {
		for _, ev := range extractText(t, text, pub).Events {
			if ev.Class == "Briefing" || ev.Class == "Support" || ev.Class == "Congratulation" {
				t.Errorf("%q: negated event read as %s", text, describe(ev))
			}
		}
	}
}

func TestAnaphora(t *testing.T) {
	// उन्होंने: the last person who acted; दोनों नेताओं: the two persons of the
	// last event with two; "यह जानकारी X ने दी": X is the source of the
	// previous sentence.
	text := "किम ने पुतिन से फोन पर बातचीत की। यह जानकारी केसीएनए ने दी। उन्होंने रूस को समर्थन दिया। दोनों नेताओं ने सहयोग पर सहमति जताई।"
	got := events(t, text)
	for _, want := range []string{
		"PhoneCall agent=Kim Jong-un participant=Vladimir Putin @2025-08 asserted <Korean Central News Agency>",
		"Support agent=Kim Jong-un recipient=Russia @2025-08 asserted",
		"AgreementReached agent=Kim Jong-un+Vladimir Putin @2025-08 asserted",
	} {
		if !has(got, want) {
			t.Errorf("want %q\n got %q", want, got)
		}
	}
}

func TestTitlesAndShortForms(t *testing.T) {
	r := extractText(t, "पाकिस्तान के राष्ट्रपति जनरल परवेज मुशर्रफ ने कहा। मुशर्रफ ने फिर कहा। रूस के राष्ट्रपति पुतिन ने कहा।", pub)
	got := positionLines(r)
	want := []string{"Parvej Musharraf President Pakistan", "Vladimir Putin President Russia"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("positions %q, want %q", got, want)
	}
	// the short form मुशर्रफ refers to the person the title introduced
	n := 0
	for _, ev := range r.Events {
		if ev.Class == "Statement" && ev.Roles[schema.RoleAgent][0].HI == "परवेज मुशर्रफ" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d statements by the introduced person, want 2", n)
	}
}

func TestTreatyCoreference(t *testing.T) {
	text := "दोनों ने रक्षा समझौते पर सहमति जताई। यह समझौता जून में हुआ था। उन्होंने पारस्परिक रक्षा संधि पर हस्ताक्षर किए।"
	r := extractText(t, text, pub)
	var treaties []*Ent
	for _, e := range r.Entities {
		if e.Type == "Treaty" {
			treaties = append(treaties, e)
		}
	}
	if len(treaties) != 1 {
		t.Fatalf("%d treaties, want one for all three phrases", len(treaties))
	}
	if tr := treaties[0]; tr.HI != "पारस्परिक रक्षा संधि" || tr.EN != "mutual defence treaty" || !tr.Local {
		t.Errorf("treaty = %q %q local=%v", tr.HI, tr.EN, tr.Local)
	}
}

// The layouts the issue names load alike: NBSP, CRLF, BOM, a space before
// the danda, ZWJ, NFD and nukta variants change nothing.
func TestNoisyTextExtractsTheSame(t *testing.T) {
	clean := "date 2025-08-13 x\n\nशीर्षक\n\nसियोल: किम ने पुतिन से फोन पर बातचीत की। पुतिन ने किम को बधाई दी।\n"
	noisy := "\ufeffdate 2025-08-13 x\r\n\r\nशीर्षक\r\n\r\nसियोल:\u00a0किम\u200d ने पुतिन से फ\u093cोन पर बातचीत की ।\r\nपुतिन ने किम को बधाई दी ।\r\n"
	a, b := events(t, clean), events(t, noisy)
	if strings.Join(a, "|") != strings.Join(b, "|") || len(a) != 2 {
		t.Errorf("clean %q\nnoisy %q", a, b)
	}
}

func TestSeedQuadsFollowTheModel(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := extractText(t, string(raw), time.Time{})
	id := ArticleID(r)
	if !strings.HasPrefix(id, "2025-08-13-north-korea-russia-support") {
		t.Errorf("article id %q", id)
	}
	qs := Quads(r, id)
	art := schema.ArticleIRI(id)
	var (
		published, evidence, typedDates, kimSpoke bool
		eventsWithoutEvidence                     = map[string]bool{}
	)
	for _, q := range qs {
		switch {
		case q.Subject == art && q.Predicate == schema.DatePublished:
			published = q.Object.String() == `"2025-08-13"^^<http://www.w3.org/2001/XMLSchema#date>`
		case q.Predicate == schema.Type && q.Object == schema.Event:
			eventsWithoutEvidence[q.Subject.String()] = true
		case q.Predicate == schema.Date:
			ts, ok := q.Object.(quad.TypedString)
			typedDates = ok && (ts.Type == schema.XSDDate || ts.Type == schema.XSDGYearMonth || ts.Type == schema.XSDGYear)
		case q.Predicate == schema.Rel("spoke_with") && q.Subject == schema.EntityIRI("Q56226") && q.Object == schema.EntityIRI("Q7747"):
			kimSpoke = true
		}
	}
	for _, q := range qs {
		if q.Predicate == schema.Evidence {
			delete(eventsWithoutEvidence, q.Subject.String())
			evidence = true
			if ls, ok := q.Object.(quad.LangString); !ok || ls.Lang != "hi" {
				t.Errorf("evidence %s is not @hi", q.Object)
			}
		}
	}
	if !published || !evidence || !typedDates || !kimSpoke {
		t.Errorf("published=%v evidence=%v typedDates=%v kimSpoke=%v", published, evidence, typedDates, kimSpoke)
	}
	if len(eventsWithoutEvidence) > 0 {
		t.Errorf("events without evidence: %v", eventsWithoutEvidence)
	}
}

func TestBothCountriesAndNestedEvents(t *testing.T) {
	text := "भारत-पाक वार्ता अगले महीने होगी। दोनों देशों के विदेश सचिव नई दिल्ली में मिलेंगे। अमेरिका ने दोनों देशों के बीच बातचीत का स्वागत किया है।"
	got := events(t, text)
	for _, want := range []string{
		// a name right before a nominal qualifies it
		"Talks agent=India+Pakistan @2025-09 planned",
		// "दोनों देशों" is the pair named together; the genitive subject
		// is lifted over the office it qualifies
		"Meeting agent=India+Pakistan location=New Delhi planned",
		// an event about an event is about its participants
		"Welcome agent=United States theme=India+Pakistan @2025-08 asserted",
	} {
		if !has(got, want) {
			t.Errorf("want %q\n got %q", want, got)
		}
	}
}

// Every theme an event points at is an event of the result.
func TestThemesPointAtEvents(t *testing.T) {
	raw, _ := os.ReadFile("testdata/seed.txt")
	r := extractText(t, string(raw), time.Time{})
	in := map[*Event]bool{}
	for _, ev := range r.Events {
		in[ev] = true
	}
	for _, ev := range r.Events {
		for _, th := range ev.Themes {
			if !in[th] || th.N == 0 {
				t.Errorf("%s points at an event not in the result", describe(ev))
			}
		}
	}
}

func TestAttackerAndCondemnation(t *testing.T) {
	text := "इजरायल पर हमास का हमला हुआ। भारत ने हमले की निंदा की। ईरान ने हमास के हमले का स्वागत किया। इजरायल युद्ध में है।"
	r := extractText(t, text, pub)
	var got []string
	for _, ev := range r.Events {
		got = append(got, describe(ev))
	}
	for _, want := range []string{
		// the genitive of an attack is the attacker
		"Attack agent=Hamas target=Israel @2025-08 asserted",
		// condemning or welcoming the attack is about the attacker
		"Condemnation agent=India theme=Hamas @2025-08 asserted",
		"Welcome agent=Iran theme=Hamas @2025-08 asserted",
	} {
		if !has(got, want) {
			t.Errorf("want %q\n got %q", want, got)
		}
	}
	for _, e := range r.Entities {
		if e.Type == "War" {
			t.Errorf("\"इजरायल युद्ध में है\" read as a war named %q", e.EN)
		}
	}
}

// English sentences: subject, object and prepositions fill the roles.
func TestEnglishSentences(t *testing.T) {
	text := "US President Donald Trump met Russian President Vladimir Putin in Alaska on Friday to discuss the war in Ukraine. " +
		"North Korea will send 1,000 sappers to Kursk, Russian media reported. " +
		"Ukraine was attacked by Russian drones on Tuesday. " +
		"According to KCNA, Putin did not congratulate Kim."
	r := extractText(t, text, pub)
	var got []string
	for _, ev := range r.Events {
		got = append(got, describe(ev))
	}
	for _, want := range []string{
		// a prepositional phrase after a common noun ("the war in
		// Ukraine") is not the meeting's location
		"Meeting agent=Donald Trump location=Alaska participant=Vladimir Putin @2025-08-08 asserted",
		// "…, Russian media reported." attributes the sentence
		"Deployment agent=North Korea destination=Kursk theme=sappers #1000 planned <Russian media>",
		// passive: the subject undergoes, "by" names the agent
		"Attack agent=Russian drones involves=Russia target=Ukraine @2025-08-12 asserted",
	} {
		if !has(got, want) {
			t.Errorf("want %q\n got %q", want, got)
		}
	}
	for _, ev := range r.Events {
		if ev.Class == "Congratulation" {
			t.Errorf("negated congratulation read as a fact: %s", describe(ev))
		}
	}
	pos := positionLines(r)
	if strings.Join(pos, "; ") != "Donald Trump President United States; Vladimir Putin President Russia" {
		t.Errorf("positions %q", pos)
	}
}

func TestVisitTraveller(t *testing.T) {
	got := events(t, "पुतिन की प्योंगयांग यात्रा हुई। किम ने रूस की यात्रा की।")
	for _, want := range []string{
		// the genitive person travels; the name before the noun is where to
		"Visit agent=Vladimir Putin destination=Pyongyang @2025-08 asserted",
		// a genitive place is where to
		"Visit agent=Kim Jong-un destination=Russia @2025-08 asserted",
	} {
		if !has(got, want) {
			t.Errorf("want %q\n got %q", want, got)
		}
	}
}

// An office of a house (of-kind GovernmentOrganization in titles.tsv) is
// of the house named before it with में ("संसद में विपक्ष की नेता X"); the
// sentence written for this test.
func TestOfficeInAHouse(t *testing.T) {
	r := extractText(t, "बजट पर बहस के दौरान संसद में विपक्ष की नेता रीना थापा ने सरकार की आलोचना की।", pub)
	pos := positionLines(r)
	if strings.Join(pos, "; ") != "Rina Thapa LeaderOfOpposition Parliament of India" {
		t.Errorf("positions %q", pos)
	}
}
