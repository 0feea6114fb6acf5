package hindi

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzNormalize: Clean's short cut for plain text gives what its every
// step gives; Clean is idempotent and leaves no control character but
// the newline; Fold, Tokenize and Sentences never panic, and their spans
// lie inside the text they were given, in order.
func FuzzNormalize(f *testing.F) {
	f.Add("किम जोंग-उन ने पुतिन से फ़ोन पर बात की । 5,000 सैनिक, 1910-45\r\n")
	f.Add("\ufeffNBSP\u00a0ZWJ\u200dक\u093c \x1b[31mred\x1b[0m\x07")
	f.Add("अ.ब. (भाषा) “उद्धरण” है   ।। U.S.")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // kg load refuses it before any of this
		}
		c := Clean(s)
		if inert(s) && (s != clean(s) || s != norm.NFC.String(s)) {
			t.Fatalf("%q taken as inert, but Clean makes %q and NFC %q of it", s, clean(s), norm.NFC.String(s))
		}
		if full := clean(s); c != full {
			t.Fatalf("Clean's short cut gives %q, its every step %q, for %q", c, full, s)
		}
		if Clean(c) != c {
			t.Fatalf("Clean is not idempotent: %q → %q → %q", s, c, Clean(c))
		}
		for _, r := range c {
			if r != '\n' && unicode.IsControl(r) {
				t.Fatalf("Clean left control %U in %q", r, c)
			}
		}
		if strings.Contains(c, " ।") {
			t.Fatalf("a space before a danda: %q", c)
		}
		if f, _ := loadFolder(); Fold(c) != f.fold(c) || Fold(s) != f.fold(s) {
			t.Fatalf("Fold's short cut: %q and %q, its every step %q and %q", Fold(c), Fold(s), f.fold(c), f.fold(s))
		}
		prev := 0
		for _, tok := range Tokenize(c) {
			if tok.Start < prev || tok.End > len(c) || tok.Start > tok.End || c[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %+v does not lie in %q after %d", tok, c, prev)
			}
			prev = tok.End
		}
		prev = 0
		for _, sp := range Sentences(c) {
			if sp.Start < prev || sp.End > len(c) || sp.Start > sp.End {
				t.Fatalf("sentence %v out of %d bytes after %d", sp, len(c), prev)
			}
			prev = sp.End
		}
		_ = Transliterate(c)
	})
}
