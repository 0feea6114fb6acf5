package temporal

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzResolve: date expressions are found and resolved in any text,
// against any anchor and tense, without a panic; each lies where it says
// in the text, and every resolved date is a real calendar date.
func FuzzResolve(f *testing.F) {
	f.Add("पिछले साल जून में, 15 अगस्त को और 1910-45 के बीच; बुधवार रात", int64(1755043200), 0)
	f.Add("on Friday, 29 फरवरी 2023, अगले हफ्ते, 80वीं वर्षगांठ, 13 साल से", int64(0), 2)
	f.Add("कल परसों 31/02/2024 9999-99-99", int64(-62135596800), 1)
	f.Fuzz(func(t *testing.T, text string, unix int64, tense int) {
		if !utf8.ValidString(text) {
			return
		}
		var anchor time.Time
		if unix != 0 {
			anchor = time.Unix(unix%(1<<36), 0).UTC()
		}
		prev := 0
		for _, e := range Find(text, anchor, Tense(tense%4)) {
			if e.Start < prev || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("expression %+v does not lie in the text after %d", e, prev)
			}
			prev = e.End
			for _, d := range []Date{e.Value, e.EndDate} {
				if d.Month != 0 && (d.Month < 1 || d.Month > 12) || d.Day != 0 && (d.Day < 1 || d.Day > time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()) {
					t.Fatalf("%q resolved to an impossible date %+v", e.Text, d)
				}
			}
		}
		_ = DetectTense(text)
	})
}
