package temporal

import (
	"fmt"
	"testing"
)

// Every spelling the news uses for a month finds that month, whatever the
// case, nukta or anusvara.
func TestMonthSpellings(t *testing.T) {
	for month, spellings := range map[int][]string{
		1:  {"जनवरी", "January", "JANUARY", "jan", "Jan."},
		2:  {"फरवरी", "फ़रवरी", "February", "Feb"},
		3:  {"मार्च", "March", "Mar"},
		4:  {"अप्रैल", "अप्रेल", "April", "apr"},
		5:  {"मई", "May"},
		6:  {"जून", "June", "Jun"},
		7:  {"जुलाई", "July", "Jul"},
		8:  {"अगस्त", "August", "AUG", "Aug."},
		9:  {"सितंबर", "सितम्बर", "September", "Sept", "Sep"},
		10: {"अक्टूबर", "अक्तूबर", "October", "Oct"},
		11: {"नवंबर", "नवम्बर", "November", "Nov"},
		12: {"दिसंबर", "दिसम्बर", "December", "dec"},
	} {
		for _, sp := range spellings {
			text := sp + " 2020"
			want := fmt.Sprintf("%s=explicit:2020-%02d", text, month)
			got := Find(text, day(seedDay), Unknown)
			if len(got) != 1 || describe(got[0]) != want {
				t.Errorf("Find(%q) = %v, want %s", text, got, want)
			}
		}
	}
}

// Every weekday spelling finds its day; with a past verb and a Wednesday
// anchor, Monday is 2025-08-11 … Sunday 2025-08-10.
func TestWeekdaySpellings(t *testing.T) {
	for wd, spellings := range map[int][]string{
		1: {"सोमवार", "Monday", "MONDAY"},
		2: {"मंगलवार", "Tuesday", "Tue"},
		3: {"बुधवार", "Wednesday"},
		4: {"गुरुवार", "गुरूवार", "बृहस्पतिवार", "Thursday", "Thurs"},
		5: {"शुक्रवार", "Friday", "Fri"},
		6: {"शनिवार", "Saturday"},
		7: {"रविवार", "इतवार", "Sunday"},
	} {
		want := day(seedDay).AddDate(0, 0, wd-3)
		if wd > 3 {
			want = want.AddDate(0, 0, -7)
		}
		for _, sp := range spellings {
			got := Find(sp, day(seedDay), Past)
			if len(got) != 1 || got[0].Kind != Weekday || got[0].Value != dayDate(want) {
				t.Errorf("Find(%q) = %v, want weekday %s", sp, got, dayDate(want))
			}
		}
	}
}

func TestMoreForms(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"रूस को 5,000 सैनिक भेजे गए", ""},
		{"80वीं वर्षगांठ", "80वीं वर्षगांठ=anniversary:#80"},
		{"पहली वर्षगाँठ", "पहली वर्षगाँठ=anniversary:#1"},
		{"पाँच जून को बैठक हुई", "पाँच जून को=partial:2025-06-05"},
		{"सितंबर में समझौता हुआ", "सितंबर में=partial:2024-09"},
		{"गत 15 अगस्त को", "गत 15 अगस्त को=relative:2024-08-15"},
		{"इस जून में", "इस जून में=relative:2025-06"},
		{"this Friday", "this Friday=weekday:2025-08-15"},
		{"वर्ष 2001-02 में", "वर्ष 2001-02 में=range:2001..2002"},
		{"mid-August 2025", "mid-August 2025=explicit:2025-08"},
	} {
		got := Find(tc.text, day(seedDay), Unknown)
		var d string
		if len(got) == 1 {
			d = describe(got[0])
		}
		if (tc.want == "" && len(got) != 0) || (tc.want != "" && d != tc.want) {
			t.Errorf("Find(%q) = %v, want %q", tc.text, got, tc.want)
		}
	}
}
