package article

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: whatever the text, Parse returns an article whose spans lie
// inside its text and in order, or ErrEmpty, or a *HeaderError; it never
// panics.
func FuzzParse(f *testing.F) {
	f.Add("date 2025-08-13 अंतरराष्ट्रीय\n\nशीर्षक\n\nसार की पंक्ति\nAug 13, 2025, 11:03 AM\nसियोल: किम ने पुतिन से बातचीत की।")
	f.Add("date 2025-02-30 x\n\nt")
	f.Add("\ufeff\r\n\r\nइस्लामाबाद (भाषा): पाठ")
	f.Add("लाहौर।। \x1b[31mपाठ\x1b[0m")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Parse(text)
		if err != nil {
			var he *HeaderError
			if !errors.Is(err, ErrEmpty) && !errors.As(err, &he) {
				t.Fatalf("unexpected error %T: %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of several lines: %q", err)
			}
			return
		}
		if utf8.ValidString(text) && !utf8.ValidString(a.Text) {
			t.Fatal("valid UTF-8 in, invalid out")
		}
		for name, sp := range map[string]Span{"title": a.Title, "summary": a.Summary, "dateline": a.Dateline, "body": a.Body} {
			if sp.Start < 0 || sp.End > len(a.Text) || sp.Start > sp.End {
				t.Fatalf("%s span %v outside the text (%d bytes)", name, sp, len(a.Text))
			}
		}
		prev := 0
		for _, sp := range a.Segments() {
			if sp.Start < prev {
				t.Fatalf("segments out of order: %v", a.Segments())
			}
			prev = sp.End
		}
	})
}
