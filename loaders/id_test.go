package loaders

import (
	"strings"
	"testing"
	"time"
)

// Issue 11 §7: an article id is one IRI path segment and a safe file name.
func TestArticleIDs(t *testing.T) {
	for id, want := range map[string]string{
		"2025-08-13-kim-putin":   "",
		"note_1.v2":              "",
		"..":                     "may not start with a dot",
		".":                      "may not start with a dot",
		".hidden":                "may not start with a dot",
		"a/b":                    "may hold only",
		"../etc/passwd":          "may not start with a dot",
		"a\x1b[31mb":             "may hold only",
		"a b":                    "may hold only",
		"किम":                    "may hold only",
		strings.Repeat("a", 201): "at most 200",
	} {
		err := checkID(id)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: %v, want %q", id, err, want)
		}
		if err != nil && strings.ContainsRune(err.Error(), 0x1b) {
			t.Errorf("%q: the message carries the escape raw: %q", id, err)
		}
	}
	// --id goes through the same check
	in := Input{Name: "x.txt", ID: "..", Data: []byte("शीर्षक\n\nकिम ने पुतिन से बातचीत की।"), Published: time.Now()}
	f, _ := FormatFor(in)
	if _, err := f.Parse(in); err == nil || !strings.Contains(err.Error(), "dot") {
		t.Errorf("--id ..: %v", err)
	}
}
