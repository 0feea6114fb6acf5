package input

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCheckText: any bytes get a verdict without a panic; what is accepted
// is UTF-8 text with something in it, and a refusal is one line.
func FuzzCheckText(f *testing.F) {
	f.Add([]byte(hindi))
	f.Add([]byte("\xff\xfe\x15\x09"))
	f.Add([]byte("\ufeff"))
	f.Add([]byte("a\x00b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := CheckText(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of several lines: %q", err)
			}
			return
		}
		if !utf8.Valid(data) || strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff")) == "" {
			t.Fatalf("accepted %q", data)
		}
	})
}
