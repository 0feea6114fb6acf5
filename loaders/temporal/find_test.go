package temporal

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// describe renders an expression compactly for table tests:
// text=kind:value[..end], "?" for an unresolved value, "#n" for an
// anniversary, "n unit" for a duration.
func describe(e Expr) string {
	var v string
	switch e.Kind {
	case Anniversary:
		v = fmt.Sprintf("#%d", e.Ordinal)
	case Duration:
		v = fmt.Sprintf("%d %v", e.Amount, e.Unit)
	case Sequel:
		v = fmt.Sprintf("+%d %v", e.Amount, e.Unit)
	default:
		v = e.Value.String()
		if !e.Resolved {
			v = "?"
		}
		if !e.EndDate.IsZero() {
			v += ".." + e.EndDate.String()
		}
	}
	return fmt.Sprintf("%s=%v:%s", e.Text, e.Kind, v)
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// The seed article was published on Wednesday 2025-08-13.
const seedDay = "2025-08-13"

var findCases = []struct {
	name   string
	text   string
	anchor string // publication date; "" for none
	tense  Tense  // Unknown: Find detects it
	want   []string
}{
	// explicit dates
	{"day month year", "समझौते पर 19 जून 2024 को हस्ताक्षर हुए थे।", seedDay, Unknown,
		[]string{"19 जून 2024 को=explicit:2024-06-19"}},
	{"number-word day", "यह कानून एक जनवरी 1992 को लागू हुआ।", seedDay, Unknown,
		[]string{"एक जनवरी 1992 को=explicit:1992-01-01"}},
	{"comma before year", "योजना 1 जनवरी, 2004 से लागू होगी।", seedDay, Unknown,
		[]string{"1 जनवरी, 2004 से=explicit:2004-01-01"}},
	{"English month day year", "Aug 13, 2025, 11:03 AM", seedDay, Unknown,
		[]string{"Aug 13, 2025=explicit:2025-08-13"}},
	{"English day month year", "The talks were held on 13 August 2025 in Seoul.", seedDay, Unknown,
		[]string{"13 August 2025=explicit:2025-08-13"}},
	{"ISO", "date 2025-08-13 अन्तरराष्ट्रीय", seedDay, Unknown,
		[]string{"2025-08-13=explicit:2025-08-13"}},
	{"day-first numeric", "आदेश 15.08.1947 और 26/01/1950 को जारी हुए", seedDay, Unknown,
		[]string{"15.08.1947=explicit:1947-08-15", "26/01/1950 को=explicit:1950-01-26"}},
	{"month year", "संसद पर हमला दिसंबर 2001 में हुआ था।", seedDay, Unknown,
		[]string{"दिसंबर 2001 में=explicit:2001-12"}},
	{"English month year", "The treaty was signed in June 2024.", seedDay, Unknown,
		[]string{"June 2024=explicit:2024-06"}},
	{"year word", "वर्ष 2001 में भारत ने परीक्षण किया।", seedDay, Unknown,
		[]string{"वर्ष 2001 में=explicit:2001"}},
	{"san", "सन् 1947 में देश आजाद हुआ।", seedDay, Unknown,
		[]string{"सन् 1947 में=explicit:1947"}},
	{"bare year", "2002 में चुनाव हुए थे।", seedDay, Unknown,
		[]string{"2002 में=explicit:2002"}},
	{"bare year with genitive", "1947 के बाद सीमा बदली", seedDay, Unknown,
		[]string{"1947=explicit:1947"}}, // के shows it is a year; only post words are included
	{"English bare year", "In 2002, the army moved north.", seedDay, Unknown,
		[]string{"2002=explicit:2002"}},
	{"Devanagari digits", "१९ जून २०२४ को संधि हुई", seedDay, Unknown,
		[]string{"१९ जून २०२४ को=explicit:2024-06-19"}},
	{"explicit date without anchor", "19 जून 2024 को", "", Unknown,
		[]string{"19 जून 2024 को=explicit:2024-06-19"}},

	// quantities are not dates
	{"grouped thousands", "उत्तर कोरिया कुर्स्क में 5,000 सैन्य निर्माणकर्मी और 1,000 सैपर भेजेगा।", seedDay, Unknown, nil},
	{"raised from to", "सीटों की संख्या 47 से बढ़ाकर 55 कर दी गई।", seedDay, Unknown, nil},
	{"point programme", "सरकार ने 12 सूत्री कार्यक्रम जारी किया।", seedDay, Unknown, nil},
	{"count of people", "सेना ने 20 आतंकवादियों को मार गिराया।", seedDay, Unknown, nil},
	{"four digits before a noun", "रूस ने 2000 सैनिक भेजे।", seedDay, Unknown, nil},
	{"more than", "2000 से अधिक लोग मारे गए।", seedDay, Unknown, nil},
	{"clock time", "11:03 AM", seedDay, Unknown, nil},
	{"duration not year", "वह 13 साल से जेल में है।", seedDay, Unknown,
		[]string{"13 साल से=duration:13 year"}},
	{"modified duration", "पिछले दो वर्षों में व्यापार बढ़ा।", seedDay, Unknown,
		[]string{"पिछले दो वर्षों में=duration:2 year"}},

	// month spellings and case
	{"nukta and plain spelling", "फ़रवरी में बातचीत हुई और फरवरी में ही समझौता हुआ", seedDay, Unknown,
		[]string{"फ़रवरी में=partial:2025-02", "फरवरी में=partial:2025-02"}},
	{"variant spellings", "अप्रेल में और अक्तूबर में चुनाव हुए थे", seedDay, Unknown,
		[]string{"अप्रेल में=partial:2025-04", "अक्तूबर में=partial:2024-10"}},
	{"sitambar past", "सितम्बर में समझौता हुआ।", "2003-11-20", Unknown,
		[]string{"सितम्बर में=partial:2003-09"}},
	{"capitalised May", "Talks resumed in May and they may continue.", seedDay, Unknown,
		[]string{"May=partial:2025-05"}},
	{"May as a name", "Theresa May visited India in May 2017.", seedDay, Unknown,
		[]string{"May 2017=explicit:2017-05"}},
	{"decade is not a year", "The army grew in the 1990s.", seedDay, Unknown, nil},
	{"lower-case march is a verb", "Thousands march in Seoul.", seedDay, Unknown, nil},
	{"English abbreviation with stop", "The plan took effect on Sept. 1, 2024.", seedDay, Unknown,
		[]string{"Sept. 1, 2024=explicit:2024-09-01"}},

	// bare month or day-month by tense
	{"day-month past crosses year", "13 दिसंबर को संसद पर हमला हुआ था।", "2002-04-10", Unknown,
		[]string{"13 दिसंबर को=partial:2001-12-13"}},
	{"day-month future crosses year", "एक जनवरी को नया कानून लागू होगा।", "2003-12-30", Unknown,
		[]string{"एक जनवरी को=partial:2004-01-01"}},
	{"month past same month", "अगस्त में बातचीत हुई थी", seedDay, Unknown,
		[]string{"अगस्त में=partial:2025-08"}},
	{"month nearest", "जनवरी", seedDay, Present,
		[]string{"जनवरी=partial:2026-01"}},
	{"day-month nearest", "15 अगस्त", seedDay, Unknown,
		[]string{"15 अगस्त=partial:2025-08-15"}},
	{"English month day future", "The ceasefire will start on August 20.", seedDay, Unknown,
		[]string{"August 20=partial:2025-08-20"}},
	{"cue aagami beats past verb", "केसीएनए ने कहा कि पुतिन ने 15 अगस्त को उत्तर कोरिया की आगामी 80वीं मुक्ति वर्षगांठ पर उसे बधाई दी, जो 1910-45 के जापान के औपनिवेशिक शासन से कोरिया की मुक्ति का प्रतीक है।", seedDay, Unknown,
		[]string{"15 अगस्त को=partial:2025-08-15", "80वीं मुक्ति वर्षगांठ पर=anniversary:#80", "1910-45=range:1910..1945"}},
	{"cue beats a given tense", "15 अगस्त को आने वाले समारोह की तैयारी हुई", seedDay, Past,
		[]string{"15 अगस्त को=partial:2025-08-15"}},
	{"cue pichhli beats future verb", "उन्होंने कहा कि 15 अगस्त को मनाई गई पिछली वर्षगांठ की तरह जश्न होगा", seedDay, Unknown,
		[]string{"15 अगस्त को=partial:2024-08-15"}},
	{"no anchor", "13 दिसंबर को हमला हुआ था", "", Unknown,
		[]string{"13 दिसंबर को=partial:?"}},

	// weekdays
	{"weekday past is the anchor day", "यह जानकारी उत्तर कोरिया के सरकारी मीडिया ने बुधवार को दी।", seedDay, Unknown,
		[]string{"बुधवार को=weekday:2025-08-13"}},
	{"weekday past", "सोमवार को बैठक हुई थी।", seedDay, Unknown,
		[]string{"सोमवार को=weekday:2025-08-11"}},
	{"weekday future in a subordinate clause", "यह बातचीत उस समय हुई, जब शुक्रवार को अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप और पुतिन की अलास्का में मुलाकात तय है, जिसमें यूक्रेन युद्ध को रोकने पर चर्चा होगी।", seedDay, Unknown,
		[]string{"शुक्रवार को=weekday:2025-08-15"}},
	{"weekday future on that weekday", "शुक्रवार को चर्चा होगी।", "2025-08-15", Unknown,
		[]string{"शुक्रवार को=weekday:2025-08-22"}},
	{"weekday night", "मंगलवार रात सीमा पर गोलीबारी हुई।", seedDay, Unknown,
		[]string{"मंगलवार रात=weekday:2025-08-12"}},
	{"weekday variant spelling", "गुरूवार को बैठक हुई", seedDay, Unknown,
		[]string{"गुरूवार को=weekday:2025-08-07"}},
	{"next and last weekday", "अगले शुक्रवार को बैठक होगी और पिछले बुधवार को तैयारी हुई", seedDay, Unknown,
		[]string{"अगले शुक्रवार को=weekday:2025-08-15", "पिछले बुधवार को=weekday:2025-08-06"}},
	{"weekday of last week", "पिछले हफ्ते बुधवार को और अगले सप्ताह के सोमवार को", seedDay, Unknown,
		[]string{"पिछले हफ्ते बुधवार को=weekday:2025-08-06", "अगले सप्ताह के सोमवार को=weekday:2025-08-18"}},
	{"English weekday future", "The leaders will meet on Friday.", seedDay, Unknown,
		[]string{"Friday=weekday:2025-08-15"}},
	{"English weekday past", "Putin spoke to Kim on Monday.", seedDay, Unknown,
		[]string{"Monday=weekday:2025-08-11"}},

	// relative expressions
	{"last year in June (oblique)", "यह समझौता पिछले साल जून में हुआ था।", seedDay, Unknown,
		[]string{"पिछले साल जून में=relative:2024-06"}},
	{"last year direct", "पिछला साल अच्छा रहा", seedDay, Unknown,
		[]string{"पिछला साल=relative:2024"}},
	{"gat varsh and gat saal", "गत वर्ष और गत साल", seedDay, Unknown,
		[]string{"गत वर्ष=relative:2024", "गत साल=relative:2024"}},
	{"last month forms", "पिछले महीने, पिछले माह और गत माह", seedDay, Unknown,
		[]string{"पिछले महीने=relative:2025-07", "पिछले माह=relative:2025-07", "गत माह=relative:2025-07"}},
	{"last month across a year", "पिछले महीने", "2025-01-10", Unknown,
		[]string{"पिछले महीने=relative:2024-12"}},
	{"next week", "दोनों नेता अगले हफ्ते मिलेंगे और अगले सप्ताह भी", seedDay, Unknown,
		[]string{"अगले हफ्ते=relative:2025-08-18..2025-08-24", "अगले सप्ताह=relative:2025-08-18..2025-08-24"}},
	{"next month and year", "अगले महीने और अगले साल", seedDay, Unknown,
		[]string{"अगले महीने=relative:2025-09", "अगले साल=relative:2026"}},
	{"this year", "इस साल, इस वर्ष और चालू वर्ष में", seedDay, Unknown,
		[]string{"इस साल=relative:2025", "इस वर्ष=relative:2025", "चालू वर्ष में=relative:2025"}},
	{"this year month range", "इस वर्ष मई-जून तक काम पूरा होगा।", "2002-03-01", Unknown,
		[]string{"इस वर्ष मई-जून तक=range:2002-05..2002-06"}},
	{"last year day range", "पिछले साल 13-15 अगस्त को और अगले साल 2 मार्च को", seedDay, Unknown,
		[]string{"पिछले साल 13-15 अगस्त को=range:2024-08-13..2024-08-15", "अगले साल 2 मार्च को=relative:2026-03-02"}},
	{"today", "आज बैठक हो रही है", seedDay, Unknown,
		[]string{"आज=relative:2025-08-13"}},
	{"kal past", "कल सीमा पर हमला हुआ।", seedDay, Unknown,
		[]string{"कल=relative:2025-08-12"}},
	{"kal future", "कल दोनों नेताओं की बैठक होगी।", seedDay, Unknown,
		[]string{"कल=relative:2025-08-14"}},
	{"kal without tense", "कल", seedDay, Unknown,
		[]string{"कल=relative:?"}},
	{"parson future", "परसों चुनाव होंगे", seedDay, Unknown,
		[]string{"परसों=relative:2025-08-15"}},
	{"first week of December", "चुनाव दिसंबर के पहले सप्ताह में होंगे।", "2003-11-20", Unknown,
		[]string{"दिसंबर के पहले सप्ताह में=partial:2003-12"}},
	{"years ago", "दो साल पहले और तीन दिन पहले", seedDay, Unknown,
		[]string{"दो साल पहले=relative:2023", "तीन दिन पहले=relative:2025-08-10"}},
	{"relative without anchor", "पिछले साल जून में", "", Unknown,
		[]string{"पिछले साल जून में=relative:?"}},
	{"English relative", "Last year the two met, and they will meet again next week.", seedDay, Unknown,
		[]string{"Last year=relative:2024", "next week=relative:2025-08-18..2025-08-24"}},
	{"English month last year", "The pact was signed in June last year.", seedDay, Unknown,
		[]string{"June last year=relative:2024-06"}},
	{"English deictic", "Kim spoke yesterday and will travel tomorrow.", seedDay, Unknown,
		[]string{"yesterday=relative:2025-08-12", "tomorrow=relative:2025-08-14"}},

	// ranges
	{"two-digit year range", "1910-45 के जापान के शासन से मुक्ति", seedDay, Unknown,
		[]string{"1910-45=range:1910..1945"}},
	{"four-digit year range", "1910-1945 तक", seedDay, Unknown,
		[]string{"1910-1945 तक=range:1910..1945"}},
	{"se tak year range", "वह 1999 से 2004 तक मंत्री रहे।", seedDay, Unknown,
		[]string{"1999 से 2004 तक=range:1999..2004"}},
	{"fiscal year", "2024-25 के बजट में", seedDay, Unknown,
		[]string{"2024-25=range:2024..2025"}},
	{"month range past", "मई-जून में भारी बारिश हुई।", "2002-08-01", Unknown,
		[]string{"मई-जून में=range:2002-05..2002-06"}},
	{"month range across a year", "नवंबर-जनवरी में चुनाव होंगे", seedDay, Unknown,
		[]string{"नवंबर-जनवरी में=range:2025-11..2026-01"}},
	{"day range", "13-15 अगस्त 2025 को सम्मेलन होगा", seedDay, Unknown,
		[]string{"13-15 अगस्त 2025 को=range:2025-08-13..2025-08-15"}},
	{"date range se tak", "15 जून से 20 जुलाई 2024 तक", seedDay, Unknown,
		[]string{"15 जून से 20 जुलाई 2024 तक=range:2024-06-15..2024-07-20"}},
	{"English year range", "He ruled from 1999 to 2004.", seedDay, Unknown,
		[]string{"1999 to 2004=range:1999..2004"}},
	{"ISO year-month is not a range", "2025-08 की रिपोर्ट", seedDay, Unknown,
		[]string{"2025-08=explicit:2025-08"}},

	// anniversaries
	{"anniversary ordinals", "75वीं सालगिरह, पहली वर्षगांठ और 80 वीं जयंती", seedDay, Unknown,
		[]string{"75वीं सालगिरह=anniversary:#75", "पहली वर्षगांठ=anniversary:#1", "80 वीं जयंती=anniversary:#80"}},
	{"English anniversary", "the 80th anniversary of liberation", seedDay, Unknown,
		[]string{"80th anniversary=anniversary:#80"}},
	{"an intransitive perfect is past", "अलास्का में शनिवार को भूकंप आया।", seedDay, Unknown,
		[]string{"शनिवार को=weekday:2025-08-09"}},
	{"a return is past", "शनिवार को प्रतिनिधिमंडल दिल्ली लौटा।", seedDay, Unknown,
		[]string{"शनिवार को=weekday:2025-08-09"}},
	// sequels: counted from the event told before, not from publication
	{"later in a past clause is a sequel", "दो दिन बाद पुलिस ने उसे छोड़ दिया।", seedDay, Unknown,
		[]string{"दो दिन बाद=sequel:+2 day"}},
	{"later in a future clause counts from the anchor", "दो दिन बाद बैठक होगी।", seedDay, Unknown,
		[]string{"दो दिन बाद=relative:2025-08-15"}},
	{"hours later", "तीन घंटे बाद बिजली बहाल कर दी गई।", seedDay, Unknown,
		[]string{"तीन घंटे बाद=sequel:+3 hour"}},
	{"के बाद after an amount", "चार साल के बाद वह घर लौटा।", seedDay, Unknown,
		[]string{"चार साल के बाद=sequel:+4 year"}},
	{"the same day", "उसी दिन शाम को वे लौट आए।", seedDay, Unknown,
		[]string{"उसी दिन शाम को=sequel:+0 day"}},
	{"the next day", "अगले दिन मंत्री ने इस्तीफ़ा दे दिया।", seedDay, Unknown,
		[]string{"अगले दिन=sequel:+1 day"}},
	{"a clock time with no day", "शाम छह बजे के करीब जहाज़ बंदरगाह पहुंचा।", seedDay, Unknown,
		[]string{"शाम छह बजे के करीब=sequel:+0 day"}},
	{"a clock time after a weekday belongs to it", "रविवार रात लगभग साढ़े दस बजे धमाका हुआ।", seedDay, Unknown,
		[]string{"रविवार रात लगभग साढ़े दस बजे=weekday:2025-08-10"}},
	{"English next day", "The minister resigned the next day.", seedDay, Unknown,
		[]string{"the next day=sequel:+1 day"}},
	{"a number before बजे that is no hour is no clock", "40 बजे", seedDay, Unknown, nil},
	{"after a named event is a length of time", "जन्म के एक महीने बाद उसने काम शुरू किया।", seedDay, Unknown,
		[]string{"एक महीने बाद=duration:1 month"}},
	{"every N years is a period", "यहां हर दो या तीन साल बाद बाढ़ आई।", seedDay, Unknown,
		[]string{"तीन साल बाद=duration:3 year"}},
}

// A Sequel resolves against the date of the event told before it, never
// finer than that date.
func TestSequelFrom(t *testing.T) {
	d := Date{Year: 2021, Month: 2, Day: 27, Gran: Day}
	m := Date{Year: 2021, Month: 2, Gran: Month}
	y := Date{Year: 2021, Gran: Year}
	for _, tc := range []struct {
		text string
		ref  Date
		want string // "" for unresolved
	}{
		{"अगले दिन वह लौटा।", d, "2021-02-28"},
		{"दो दिन बाद वह लौटा।", d, "2021-03-01"},
		{"उसी दिन वह लौटा।", d, "2021-02-27"},
		{"उसी दिन वह लौटा।", m, "2021-02"},
		{"दो दिन बाद वह लौटा।", m, ""},
		{"दो महीने बाद वह लौटा।", m, "2021-04"},
		{"दो महीने बाद वह लौटा।", y, ""},
		{"तीन साल बाद वह लौटा।", d, "2024"},
		{"दो हफ़्ते बाद वह लौटा।", d, "2021-03"},
		{"तीन घंटे बाद वह लौटा।", d, ""},
		{"अगले दिन वह लौटा।", Date{}, ""},
	} {
		ex := Find(tc.text, day(seedDay), Unknown)
		if len(ex) != 1 || ex[0].Kind != Sequel {
			t.Fatalf("%q: want one sequel, got %v", tc.text, ex)
		}
		got, ok := ex[0].From(tc.ref)
		if ok != (tc.want != "") || got.String() != tc.want {
			t.Errorf("%q from %v = %v, %v; want %q", tc.text, tc.ref, got, ok, tc.want)
		}
	}
}

func TestISODuration(t *testing.T) {
	for text, want := range map[string]string{
		"सात घंटे बाद सेवा लौटी।":     "PT7H",
		"दो दिन बाद वह लौटा।":         "P2D",
		"पिछले 13 साल से वह यहीं है।": "P13Y",
		"उसी दिन वह लौटा।":            "",
	} {
		ex := Find(text, day(seedDay), Unknown)
		if len(ex) != 1 {
			t.Fatalf("%q: %v", text, ex)
		}
		if got := ex[0].ISODuration(); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	if len(findCases) < 40 {
		t.Fatalf("only %d cases", len(findCases))
	}
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, day(tc.anchor), tc.tense)
			var descs []string
			for _, e := range got {
				descs = append(descs, describe(e))
				if tc.text[e.Start:e.End] != e.Text {
					t.Errorf("Text %q is not input[%d:%d] = %q", e.Text, e.Start, e.End, tc.text[e.Start:e.End])
				}
			}
			if strings.Join(descs, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%q)\n got: %q\nwant: %q", tc.text, descs, tc.want)
			}
		})
	}
}

// Input that is NFD, or has no-break spaces and zero-width joiners, finds
// the same expressions, with offsets into the input as given.
func TestFindOffsetsInOddInput(t *testing.T) {
	anchor := day(seedDay)
	for _, tc := range []struct {
		text, want string
	}{
		{"हमला 15\u00a0अगस्त\u00a0को होगा", "15\u00a0अगस्त\u00a0को=partial:2025-08-15"},
		{norm.NFD.String("बीते साल फ़रवरी में बड़ा हमला हुआ"), norm.NFD.String("बीते साल फ़रवरी में") + "=relative:2024-02"},
		{"\u200dपिछले\u200c साल जून में", "पिछले\u200c साल जून में=relative:2024-06"},
		{"समाचार: गुरुवार को", "गुरुवार को=weekday:2025-08-14"},
		{"\ufeff१३ दिसंबर २००१ को", "१३ दिसंबर २००१ को=explicit:2001-12-13"},
		// a nukta letter last in the expression stays whole (NFD puts the
		// nukta after the letter)
		{norm.NFD.String("दस्तावेज़ 1947 ई॰ का है"), "1947 ई॰=explicit:1947"},
	} {
		got := Find(tc.text, anchor, Unknown)
		if len(got) != 1 {
			t.Errorf("Find(%q) = %d expressions, want 1: %v", tc.text, len(got), got)
			continue
		}
		e := got[0]
		if d := describe(e); d != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.text, d, tc.want)
		}
		if tc.text[e.Start:e.End] != e.Text {
			t.Errorf("Text %q is not input[%d:%d]", e.Text, e.Start, e.End)
		}
	}
}

// NFD input decomposes क़ into क + nukta; the expression must cover both.
func TestFindNFDKeepsNukta(t *testing.T) {
	in := norm.NFD.String("फ़रवरी में")
	got := Find(in, day(seedDay), Past)
	if len(got) != 1 || got[0].Text != in {
		t.Fatalf("Find(NFD) = %v, want the whole input %q", got, in)
	}
}

func TestFindEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "\u200d", "कोई तारीख नहीं", "\xff\xfe 2002 में"} {
		got := Find(s, day(seedDay), Unknown)
		for _, e := range got {
			if s[e.Start:e.End] != e.Text {
				t.Errorf("Find(%q): bad offsets %v", s, e)
			}
		}
		if s != "\xff\xfe 2002 में" && len(got) != 0 {
			t.Errorf("Find(%q) = %v, want none", s, got)
		}
	}
}

func TestDateString(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		want string
	}{
		{Date{Year: 2025, Month: 8, Day: 15, Gran: Day}, "2025-08-15"},
		{Date{Year: 2024, Month: 6, Gran: Month}, "2024-06"},
		{Date{Year: 1910, Gran: Year}, "1910"},
		{Date{Year: 800, Gran: Year}, "0800"},
		{Date{}, ""},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.d, got, tc.want)
		}
		if tc.d.IsZero() != (tc.want == "") {
			t.Errorf("%#v.IsZero() = %v", tc.d, tc.d.IsZero())
		}
	}
}

// A leap day without a year finds a leap year in the direction of the tense.
func TestLeapDay(t *testing.T) {
	got := Find("29 फरवरी को बैठक हुई थी", day(seedDay), Unknown)
	if len(got) != 1 || got[0].Value.String() != "2024-02-29" {
		t.Fatalf("got %v, want 2024-02-29", got)
	}
	// 29 February 2025 does not exist: what remains true is the month
	got = Find("29 फरवरी 2025 को", day(seedDay), Unknown)
	if len(got) != 1 || describe(got[0]) != "फरवरी 2025 को=explicit:2025-02" {
		t.Fatalf("got %v, want only the month", got)
	}
}

// Find never panics and always reports offsets that slice the input.
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("2025-08-13-14 १-२ May- 1910-45-46 ,,, 13 से से तक पिछले पिछले")
	anchor := day(seedDay)
	f.Fuzz(func(t *testing.T, s string) {
		for _, tense := range []Tense{Unknown, Past, Future} {
			prev := 0
			for _, e := range Find(s, anchor, tense) {
				if e.Start < prev || e.End <= e.Start || e.End > len(s) || s[e.Start:e.End] != e.Text {
					t.Fatalf("Find(%q): bad span %d..%d after %d", s, e.Start, e.End, prev)
				}
				prev = e.End
			}
		}
		DetectTense(s)
	})
}
