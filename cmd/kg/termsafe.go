package main

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// termSafe is a writer for a terminal (and for kg's messages, which end up
// on one): it shows control characters as escapes (\x1b, \x0d, \u009b), so
// that text from an article or a file name — stored labels, evidence,
// headlines, paths — cannot move the cursor, recolour or retitle the
// terminal, or overwrite a line. Newlines and tabs pass.
type termSafe struct {
	w       io.Writer
	pending []byte // an incomplete UTF-8 sequence held for the next Write
}

func newTermSafe(w io.Writer) io.Writer {
	if _, ok := w.(*termSafe); ok {
		return w
	}
	return &termSafe{w: w}
}

func (t *termSafe) Write(p []byte) (int, error) {
	n := len(p)
	if len(t.pending) > 0 {
		p = append(t.pending, p...)
		t.pending = nil
	}
	// hold back a rune cut in two by the writes
	if cut := incompleteTail(p); cut > 0 {
		t.pending = append([]byte(nil), p[len(p)-cut:]...)
		p = p[:len(p)-cut]
	}
	if !needsEscape(p) {
		_, err := t.w.Write(p)
		return n, err
	}
	var b bytes.Buffer
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, p[0])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.Write(p[:size])
		}
		p = p[size:]
	}
	_, err := t.w.Write(b.Bytes())
	return n, err
}

func needsEscape(p []byte) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f {
			return true
		}
	}
	return !utf8.Valid(p)
}

// incompleteTail is the length of a UTF-8 sequence begun but not ended at
// the end of p.
func incompleteTail(p []byte) int {
	for k := 1; k <= 3 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // a leading byte
			need := 2
			switch {
			case c >= 0xf0:
				need = 4
			case c >= 0xe0:
				need = 3
			}
			if need > k {
				return k
			}
			return 0
		}
	}
	return 0
}
