package article

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseSeedLayout(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format("2006-01-02"); got != "2025-08-13" || a.Section != "अन्तरराष्ट्रीय" {
		t.Errorf("header: %s %q", got, a.Section)
	}
	if got := a.Text[a.Title.Start:a.Title.End]; !strings.HasPrefix(got, "North Korea Russia Support:") || !strings.HasSuffix(got, "जताया") {
		t.Errorf("title = %q", got)
	}
	if got := a.Text[a.Summary.Start:a.Summary.End]; !strings.HasPrefix(got, "किम जोंग-उन ने पुतिन को") {
		t.Errorf("summary = %q", got)
	}
	if !a.HasTime || !a.Timestamp.Equal(time.Date(2025, 8, 13, 11, 3, 0, 0, time.UTC)) {
		t.Errorf("timestamp = %v %v", a.HasTime, a.Timestamp)
	}
	if a.DatelinePlace != "सियोल" || a.DatelineAgency != "" {
		t.Errorf("dateline = %q (%q)", a.DatelinePlace, a.DatelineAgency)
	}
	if body := a.Text[a.Body.Start:a.Body.End]; !strings.HasPrefix(body, "उत्तर कोरिया के नेता") || !strings.HasSuffix(body, "भेजेगा।") {
		t.Errorf("body = %.60q … %q", body, body[len(body)-30:])
	}
}

func TestParseLayouts(t *testing.T) {
	cases := []struct {
		name, raw                  string
		date, title, place, agency string
		bodyStart, summary         string
	}{
		{
			name: "agency dateline, one paragraph",
			raw:  "date 2003-11-14 अन्तरराष्ट्रीय\n\nभारत व पाक ने संख्या बढ़ाई\n\nइस्लामाबाद (भाषा): पाकिस्तान और भारत ने वीजा दिए। दूसरा वाक्य।",
			date: "2003-11-14", title: "भारत व पाक ने संख्या बढ़ाई", place: "इस्लामाबाद", agency: "भाषा",
			bodyStart: "पाकिस्तान और भारत ने",
		},
		{
			name: "double danda dateline, CRLF, BOM, leading spaces in header",
			raw:  "\ufeff   date 2024-04-02 देश\r\n\r\nशीर्षक यहां\r\n\r\nलाहौर।। नवाज शरीफ ने कहा।\r\n\r\nदूसरा अनुच्छेद।\r\n",
			date: "2024-04-02", title: "शीर्षक यहां", place: "लाहौर",
			bodyStart: "नवाज शरीफ ने कहा।",
		},
		{
			name: "multi-word place",
			raw:  "date 2003-12-30 x\n\nशीर्षक\n\nनई दिल्ली (एजेंसियां): भारत ने कहा।",
			date: "2003-12-30", title: "शीर्षक", place: "नई दिल्ली", agency: "एजेंसियां",
			bodyStart: "भारत ने कहा।",
		},
		{
			name:      "plain text without header or dateline",
			raw:       "किम ने पुतिन से बात की। दूसरा वाक्य।",
			bodyStart: "किम ने पुतिन से बात की।",
		},
		{
			name:  "title with an English colon is not a dateline",
			raw:   "North Korea Russia Support: किम ने समर्थन जताया\n\nसियोल: किम ने कहा।",
			title: "North Korea Russia Support: किम ने समर्थन जताया", place: "सियोल",
			bodyStart: "किम ने कहा।",
		},
		{
			name: "summary then body without dateline",
			raw:  "date 2025-01-01 x\n\nशीर्षक\n\nएक पंक्ति का सार।\n\nपहला अनुच्छेद। दूसरा।",
			date: "2025-01-01", title: "शीर्षक", summary: "एक पंक्ति का सार।",
			bodyStart: "पहला अनुच्छेद।",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse(c.raw)
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !a.Published.IsZero() {
				date = a.Published.Format("2006-01-02")
			}
			title := a.Text[a.Title.Start:a.Title.End]
			summary := a.Text[a.Summary.Start:a.Summary.End]
			body := a.Text[a.Body.Start:a.Body.End]
			if date != c.date || title != c.title || a.DatelinePlace != c.place || a.DatelineAgency != c.agency ||
				!strings.HasPrefix(body, c.bodyStart) || summary != c.summary {
				t.Errorf("got date %q title %q summary %q place %q agency %q body %.40q", date, title, summary, a.DatelinePlace, a.DatelineAgency, body)
			}
			if strings.ContainsAny(a.Text, "\r\ufeff") {
				t.Error("Text keeps CR or BOM")
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	if _, err := Parse(" \n\t\n"); err != ErrEmpty {
		t.Errorf("err = %v", err)
	}
}

// Issue 11 §7: a header that means to give a date but gives an impossible
// one is an error naming the line, not a title; a date no news article has
// is a warning.
func TestHeaderDates(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"date 2025-13-45 x\n\nशीर्षक\n\nपाठ।", "line 1: the date header \"2025-13-45\" is not a date (there is no month 13)"},
		{"date 2025-02-30 x\n\nशीर्षक\n\nपाठ।", "February 2025 has 28 days"},
		{"\n\ndate 2024-04-31\n\nशीर्षक\n\nपाठ।", "line 3: the date header \"2024-04-31\" is not a date (April 2024 has 30 days)"},
		{"date 2025-2-3 x\n\nशीर्षक\n\nपाठ।", "want YYYY-MM-DD"},
		{"date 13.08.2025 x\n\nशीर्षक\n\nपाठ।", "want YYYY-MM-DD"},
	} {
		_, err := Parse(c.text)
		var he *HeaderError
		if !errors.As(err, &he) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.text, err, c.want)
		}
	}
	for _, c := range []struct{ date, want string }{
		{"9999-01-01", "after tomorrow"},
		{"0000-01-01", "before 1800"},
		{"1799-12-31", "before 1800"},
		{"1800-01-01", ""},
		{"2025-08-13", ""},
	} {
		a, err := Parse("date " + c.date + " x\n\nशीर्षक\n\nपाठ।")
		if err != nil {
			t.Fatalf("%s: %v", c.date, err)
		}
		got := strings.Join(a.Warnings, "; ")
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: warnings %q, want %q", c.date, got, c.want)
		}
		if a.Published.Format("2006-01-02") != c.date {
			t.Errorf("%s: published %v", c.date, a.Published)
		}
	}
	// a title that merely starts with the word stays a title
	if a, err := Parse("date palm harvest\n\nपाठ।"); err != nil || !a.Published.IsZero() {
		t.Errorf("'date palm harvest': %v %v", a, err)
	}
}
