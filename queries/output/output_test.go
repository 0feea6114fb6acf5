package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func rows(ss ...string) []json.RawMessage {
	out := make([]json.RawMessage, len(ss))
	for i, s := range ss {
		out[i] = json.RawMessage(s)
	}
	return out
}

func TestFormats(t *testing.T) {
	r := rows(
		`{"id":{"@id":"https://kg.example.org/entity/Q56226"},"label":{"@value":"किम","@language":"hi"},"date":{"@value":"2024-06","@type":"http://www.w3.org/2001/XMLSchema#gYearMonth"}}`,
		`{"id":{"@id":"http://example.org/x"},"n":3,"list":["a","b"]}`,
	)
	cases := []struct{ format, want string }{
		{"csv", "id,date,label,list,n\nent:Q56226,2024-06,\"\"\"किम\"\"@hi\",,\n<http://example.org/x>,,,a; b,3\n"},
		{"json", "[\n  " + string(r[0]) + ",\n  " + string(r[1]) + "\n]\n"},
		{"table", "id                      date     label     list  n\n" +
			"──────────────────────  ───────  ────────  ────  ─\n" +
			"ent:Q56226              2024-06  \"किम\"@hi\n" +
			"<http://example.org/x>                     a, b  3\n"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		if err := Write(&b, r, Options{Format: c.format}); err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(b.String(), " \n", "\n")
		want := c.want
		if c.format == "table" {
			// trailing spaces are not part of the contract
			var lines []string
			for _, l := range strings.Split(got, "\n") {
				lines = append(lines, strings.TrimRight(l, " "))
			}
			got = strings.Join(lines, "\n")
		}
		if got != want {
			t.Errorf("%s:\n%q\nwant\n%q", c.format, got, want)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, rows(`42`, `"x"`), Options{Format: "table"}); err != nil || b.String() != "value\n─────\n42\nx\n" {
		t.Errorf("scalars: %q %v", b.String(), err)
	}
	if err := Write(&b, r, Options{Format: "xml"}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestWideTableBecomesRecords(t *testing.T) {
	long := strings.Repeat("शब्द ", 40)
	var b bytes.Buffer
	if err := Write(&b, rows(`{"a":"x","b":"`+long+`"}`), Options{Format: "table", Width: 60, Columns: []string{"a", "b"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "── 1 ") || !strings.Contains(b.String(), "b  "+strings.TrimSpace(long)) {
		t.Errorf("record layout:\n%s", b.String())
	}
}

func TestWidth(t *testing.T) {
	// Virama and the vowel sign below take no column; the others one each.
	if w := Width("क्ष"); w != 2 {
		t.Errorf("Width(क्ष) = %d, want 2", w)
	}
	if got := cut("abcdefghij", 5); got != "abcd…" {
		t.Errorf("cut = %q", got)
	}
}
