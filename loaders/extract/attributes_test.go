package extract

import (
	"strings"
	"testing"
)

// Attributes of events (date, place, quantity) as news tells them, in
// sentences written for the test. pub is Wednesday 2025-08-13.
func TestEventAttributes(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // described events that must be there
		not        []string // described events that must not
	}{
		{"a clock time with no day is the hour of the day told before",
			"रविवार सुबह भारतीय विमान लाहौर पहुंचा। दोपहर दो बजे विमान इस्लामाबाद पहुंचा।",
			[]string{"destination=Islamabad @2025-08-10"}, []string{"destination=Islamabad @2025-08 "}},
		{"अगले दिन counts from the event told before, not from publication",
			"रविवार को भारतीय विमान लाहौर पहुंचा। अगले दिन विमान इस्लामाबाद पहुंचा।",
			[]string{"destination=Islamabad @2025-08-11"}, []string{"destination=Islamabad @2025-08-14"}},
		{"N दिन बाद in a past clause is no date after publication",
			"सोमवार को भारतीय विमान लाहौर पहुंचा। दो दिन बाद विमान इस्लामाबाद पहुंचा।",
			[]string{"destination=Islamabad @2025-08-13"}, []string{"destination=Lahore @2025-08-13"}},
		{"number words beyond the round ones count people",
			"लाहौर में धमाके में छत्तीस लोग मारे गए।",
			[]string{"Explosion location=Lahore @2025-08 killed=36"}, nil},
		{"number words with a multiplier: तीन सौ बयालीस",
			"लाहौर में बाढ़ से तीन सौ बयालीस लोगों की मौत हो गई।",
			[]string{"killed=342"}, nil},
		{"an attack dated last year is not today's attack told again; each keeps its own toll",
			"हमास ने लाहौर में पुलिस पर हमला किया। इस हमले में नौ लोग मारे गए। पिछले साल 12 मार्च को हमास ने हमला करके 20 लोगों की हत्या कर दी थी।",
			[]string{"Attack agent=Hamas location=Lahore target=police @2025-08 killed=9", "Attack agent=Hamas @2024-03-12 killed=20"},
			[]string{"location=Lahore target=police @2024-03-12"}},
		{"a year before a death is no toll",
			"हमास के नेता की अक्टूबर 2012 में मौत हो गई।",
			[]string{"Deaths theme=Hamas @2012-10"}, []string{"killed=2012"}},
		{"the count of the people, not the year, is the toll",
			"जुलाई 2012 में दो जवानों ने आत्महत्या कर ली।",
			[]string{"Suicide @2012-07 killed=2"}, []string{"killed=2012"}},
		{"a numeral before an event noun counts the events, not the dead",
			"लाहौर में एक धमाके के बाद पुलिस पहुंची।",
			nil, []string{"killed=1", "injured=1"}},
		{"a day and month with the year after a comma",
			"हमास ने 14 मार्च, 1998 को लाहौर में हमला किया।",
			[]string{"Attack agent=Hamas location=Lahore @1998-03-14"}, nil},
		{"the deaths date the attack they happened in",
			"लाहौर में हुए हमले में रविवार शाम तीन लोग मारे गए।",
			[]string{"Attack location=Lahore @2025-08-10 killed=3"}, nil},
		{"a toll in the lead, before the disaster is told, is the toll of the report's disaster",
			"अधिकारियों का कहना है कि अब तक 40 शव निकाले जा चुके हैं। सरकार ने राहत कार्य शुरू किया। अलास्का में शनिवार को भूकंप आया। भूकंप से कई इमारतें गिर गईं। यह भूकंप बहुत शक्तिशाली था।",
			[]string{"Earthquake location=Alaska @2025-08-09 killed=40"}, nil},
		{"not when the report tells the disaster only once",
			"अब तक 40 शव निकाले जा चुके हैं। सरकार ने राहत कार्य शुरू किया। पुलिस ने बताया। अलास्का में भूकंप आया।",
			nil, []string{"Earthquake location=Alaska @2025-08 killed=40"}},
		{"a sequel with nothing told before stays undated",
			"अगले दिन विमान इस्लामाबाद पहुंचा।",
			nil, []string{"destination=Islamabad @2025-08-14"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := extractText(t, tc.text, pub)
			var got []string
			for _, ev := range r.Events {
				got = append(got, describe(ev))
			}
			all := strings.Join(got, "\n") + "\n"
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("no event with %q in\n%s", w, all)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(all, n) {
					t.Errorf("an event with %q in\n%s", n, all)
				}
			}
		})
	}
}

// "सात घंटे बाद" keeps its offset on the event as an ISO 8601 duration.
func TestEventOffset(t *testing.T) {
	r := extractText(t, "रविवार को भारतीय विमान लाहौर पहुंचा। सात घंटे बाद विमान इस्लामाबाद पहुंचा।", pub)
	found := false
	for _, ev := range r.Events {
		if strings.Contains(describe(ev), "destination=Islamabad") {
			found = true
			if ev.Offset != "PT7H" {
				t.Errorf("offset %q, want PT7H: %s", ev.Offset, describe(ev))
			}
		}
	}
	if !found {
		t.Fatalf("no arrival in Islamabad: %v", r.Events)
	}
}

// An accusation's कि clause is what it accuses of: the event there is its
// theme, with its own date and toll, attributed to the accuser.
func TestAccusationContent(t *testing.T) {
	r := extractText(t, "भारत ने आरोप लगाया कि पाकिस्तान ने सोमवार को लाहौर में हमला किया।", pub)
	var acc *Event
	for _, ev := range r.Events {
		if ev.Class == "Accusation" {
			acc = ev
		}
	}
	if acc == nil || len(acc.Themes) != 1 {
		t.Fatalf("no accusation with the attack as its theme: %v", r.Events)
	}
	if got := describe(acc.Themes[0]); !strings.HasPrefix(got, "Attack agent=Pakistan location=Lahore @2025-08-11") || !strings.Contains(got, "<India>") {
		t.Errorf("theme %s", got)
	}
}

// "N बार" counts how many times an event has happened, "Nवीं बार" says
// which time this one is; "एक बार फिर" (once again) counts nothing.
func TestOccurrences(t *testing.T) {
	for _, tc := range []struct {
		text           string
		times, ordinal int64
	}{
		{"भारत ने लगातार चौथी बार पाकिस्तान को हराया।", 0, 4},
		{"भारत ने 12वीं बार पाकिस्तान को हराया।", 0, 12},
		{"भारत ने सात बार पाकिस्तान को हराया है।", 7, 0},
		{"भारत ने एक बार फिर पाकिस्तान को हराया।", 0, 0},
	} {
		r := extractText(t, tc.text, pub)
		found := false
		for _, ev := range r.Events {
			if ev.Class == "Defeat" {
				found = true
				if ev.Times != tc.times || ev.Ordinal != tc.ordinal {
					t.Errorf("%q: times %d ordinal %d, want %d %d", tc.text, ev.Times, ev.Ordinal, tc.times, tc.ordinal)
				}
			}
		}
		if !found {
			t.Errorf("%q: no defeat: %v", tc.text, r.Events)
		}
	}
}
