package main

import (
	"bytes"
	"testing"
)

func TestTermSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain किम\n":             "plain किम\n",
		"red \x1b[31mtext\x1b[0m": `red \x1b[31mtext\x1b[0m`,
		"over\rwrite":             `over\x0dwrite`,
		"c1 \u009b2J":             `c1 \u009b2J`,
		"tab\tok":                 "tab\tok",
		"bad \xff byte":           `bad \xff byte`,
	} {
		var b bytes.Buffer
		w := newTermSafe(&b)
		// byte by byte: a rune cut between two writes is still one rune
		for i := 0; i < len(in); i++ {
			w.Write([]byte{in[i]})
		}
		if b.String() != want {
			t.Errorf("%q: wrote %q, want %q", in, b.String(), want)
		}
	}
}
