package extract

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/schema"
)

// Events a clause names without asserting them, and who does them, and the
// sense guards of the frames added with them (siege, demolition); each
// case a sentence written for the test. A "not" entry is a described event,
// or its first words, that must not be read.
func TestUnassertedEventsAndSenseGuards(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"a visit called off did not happen: cancelled, the cancellation's theme, and the visitor is who cancels",
			"पुतिन ने अपनी प्योंगयांग यात्रा रद्द कर दी।",
			[]string{"Visit agent=Vladimir Putin destination=Pyongyang cancelled", "Cancellation agent=Vladimir Putin @2025-08 asserted"},
			[]string{"Visit agent=Vladimir Putin destination=Pyongyang @2025-08 asserted"}},
		{"an act someone is advised to do is not the adviser's, and not done",
			"ट्रंप ने पुतिन को यूक्रेन पर हमला करने की सलाह दी।",
			[]string{"Attack target=Ukraine planned", "Recommendation addressee=Vladimir Putin agent=Donald Trump @2025-08 asserted"},
			[]string{"Attack agent=Donald Trump"}},
		{"an act someone is ordered to do is not the one who orders it",
			"किम ने सेना को सियोल पर हमला करने का आदेश दिया।",
			[]string{"Attack target=Seoul planned"},
			[]string{"Attack agent=Kim Jong-un"}},
		{"what a question asks about is not told as done",
			"पत्रकारों ने ट्रंप से रूस पर हमला करने के बारे में पूछा।",
			[]string{"Interview agent=journalists recipient=Donald Trump @2025-08 asserted"},
			[]string{"Attack"}},
		{"an act someone is arrested for is alleged, and the arrested one's",
			"पुलिस ने लाहौर में इमरान को एक पत्रकार की पिटाई करने के आरोप में गिरफ्तार किया।",
			[]string{"Beating agent=Imran patient=journalists @2025-08 #1 reported", "Arrest agent=police location=Lahore theme=Imran @2025-08 asserted"},
			[]string{"Beating agent=police"}},
		{"the postposition of an accusation after two joined acts is both acts'",
			"पुलिस ने इमरान को लूटपाट करने और एक पत्रकार की पिटाई करने के शक में गिरफ्तार किया।",
			[]string{"Looting agent=Imran @2025-08 reported", "Beating agent=Imran patient=journalists @2025-08 #1 reported"},
			[]string{"Looting agent=police", "Beating agent=police"}},
		{"शायद: every event of the clause is a possibility",
			"शायद रूस ने यूक्रेन पर हमला किया।",
			[]string{"Attack agent=Russia target=Ukraine @2025-08 possible"},
			[]string{"Attack agent=Russia target=Ukraine @2025-08 asserted"}},
		{"a clause whose verb is subjunctive tells what may happen",
			"डर है कि मोदी की लाहौर यात्रा की खबरें दबा दी जाएं।",
			[]string{"Visit agent=Narendra Modi destination=Lahore @2025-08 possible"},
			[]string{"Visit agent=Narendra Modi destination=Lahore planned", "Visit agent=Narendra Modi destination=Lahore @2025-08 asserted"}},
		{"a verb group in the subjunctive is what is wished or asked: still to be done",
			"ज़रूरत यह है कि रूस यूक्रेन से बातचीत करे।",
			[]string{"Talks agent=Russia participant=Ukraine planned"}, []string{"Talks agent=Russia participant=Ukraine @2025-08 asserted"}},
		{"a subjunctive after ताकि is the purpose clause's: the act before it happened",
			"कुछ दिन पहले रूस ने ईरान के दफ्तर पर हमला किया था ताकि कागज़ हासिल किए जा सकें।",
			[]string{"Attack agent=Russia target=Iran @2025-08 asserted"}, nil},
		{"… and so did an event noun before ताकि",
			"लाहौर में रूस के हमले के बाद सेना तैनात की गई ताकि लोग सुरक्षित रह सकें।",
			[]string{"Attack agent=Russia location=Lahore @2025-08 asserted", "Deployment theme=army @2025-08 asserted"}, nil},
		{"demolition: a building pulled down by someone (CAMEO 1712)",
			"इमरान ने लाहौर की पुरानी जेल को तोड़कर वहां स्टेडियम बनवाया।",
			[]string{"Demolition agent=Imran @2025-08 asserted"}, nil},
		{"sense guard: a batting order is no building",
			"इमरान ने तीन विकेट लेकर पाकिस्तान का बल्लेबाज़ी क्रम ध्वस्त कर दिया।",
			nil, []string{"Demolition"}},
		{"sense guard: people crowding round someone is no siege",
			"प्रशंसकों ने हवाई अड्डे पर मोदी को घेर लिया।",
			nil, []string{"Siege"}},
		{"sense guard: forces round a city are",
			"सैनिकों ने लाहौर को घेर लिया।",
			[]string{"Siege agent=soldiers patient=Lahore @2025-08 asserted"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkEvents(t, c.text, c.want, c.not, wholeEvent)
		})
	}
}

// The cancelled event is the cancellation's theme, so a reader finds what
// was called off.
func TestCancelledIsTheme(t *testing.T) {
	r := extractText(t, "पुतिन ने अपनी प्योंगयांग यात्रा रद्द कर दी।", pub)
	var visit, cancel *Event
	for _, ev := range r.Events {
		switch ev.Class {
		case "Visit":
			visit = ev
		case "Cancellation":
			cancel = ev
		}
	}
	if visit == nil || cancel == nil {
		t.Fatalf("want a visit and its cancellation, got %d events", len(r.Events))
	}
	if visit.Modality != schema.Cancelled || len(cancel.Themes) != 1 || cancel.Themes[0] != visit {
		t.Errorf("visit %s, cancellation themes %v", visit.Modality, cancel.Themes)
	}
}

// The classes modality.tsv names are event classes: a typo would silently
// switch its rule off.
func TestModalityClasses(t *testing.T) {
	d, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"cancelling", "accused-host"} {
		for _, p := range d.modality[kind] {
			for _, w := range p {
				// folding lower-cases; events.tsv's classes are CamelCase
				found := false
				for _, et := range schema.EventTypes() {
					if strings.EqualFold(string(et.Class), w) {
						found = true
					}
				}
				if !found {
					t.Errorf("modality.tsv %s: %q is no event class", kind, w)
				}
			}
		}
	}
}
