package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNERRunningText(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "text.txt")
	// written for this test
	text := "कप्तान अर्जुन मेहता ने सीतापुर जिले में कहा कि टीम तैयार है।\n\nकोच हैरी वॉल्टर्स ने दिल्ली विश्वविद्यालय में भाषण दिया।\n"
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errb, code := kg(t, filepath.Join(dir, "db"), "", "ner", f)
	if code != 0 {
		t.Fatalf("kg ner: exit %d: %s", code, errb)
	}
	for _, want := range []string{"1\t7-19\tPER\tअर्जुन मेहता\t", "\tLOC\tसीतापुर\t", "2\t", "\tPER\tहैरी वॉल्टर्स\t", "\tORG\tदिल्ली विश्वविद्यालय\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("kg ner output lacks %q:\n%s", want, out)
		}
	}
	// the offsets are code points of the text
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("line %q: %d fields, want 5", line, len(f))
		}
		var a, b int
		if _, err := fmt.Sscanf(f[1], "%d-%d", &a, &b); err != nil {
			t.Fatalf("span %q: %v", f[1], err)
		}
		if got := string([]rune(text)[a:b]); got != f[3] {
			t.Errorf("span %s is %q in the text, line says %q", f[1], got, f[3])
		}
	}
	// only confident names
	high, _, _ := kg(t, filepath.Join(dir, "db"), "", "ner", "--min-score", "0.999", f)
	if len(strings.Split(strings.TrimSpace(high), "\n")) >= len(strings.Split(strings.TrimSpace(out), "\n")) {
		t.Errorf("--min-score 0.999 kept every name:\n%s", high)
	}
}

func TestNERCoNLL(t *testing.T) {
	fixture := filepath.Join("..", "..", "loaders", "ner", "testdata", "fixtures.conll")
	in, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out, errb, code := kg(t, filepath.Join(dir, "db"), "", "ner", "--conll", fixture)
	if code != 0 {
		t.Fatalf("kg ner --conll: exit %d: %s", code, errb)
	}
	var inTok, outTok int
	for _, l := range strings.Split(string(in), "\n") {
		if strings.Contains(l, "\t") && !strings.HasPrefix(l, "-DOCSTART-") {
			inTok++
		}
	}
	right := 0
	for _, l := range strings.Split(out, "\n") {
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			t.Fatalf("line %q: want token, gold, predicted", l)
		}
		outTok++
		if f[1] == f[2] {
			right++
		}
	}
	if outTok != inTok {
		t.Errorf("%d tokens out, %d in", outTok, inTok)
	}
	if right < inTok*9/10 {
		t.Errorf("only %d of %d tags right", right, inTok)
	}
	ev, errb, code := kg(t, filepath.Join(dir, "db"), "", "ner", "--conll", "--eval", fixture)
	if code != 0 || !strings.Contains(ev, "micro") || !strings.Contains(ev, "PER") {
		t.Errorf("kg ner --conll --eval: exit %d, %s%s", code, ev, errb)
	}
}

func TestNERErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("राम\xff\xfe"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ner"}, "give one FILE"},
		{[]string{"ner", filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"ner", bad}, "not UTF-8"},
		{[]string{"ner", "--eval", bad}, "add --conll"},
		{[]string{"ner", "--min-score", "2", bad}, "from 0 to 1"},
	} {
		_, errb, code := kg(t, filepath.Join(dir, "db"), "", c.args...)
		if code == 0 || !strings.Contains(errb, c.want) {
			t.Errorf("kg %v: exit %d, stderr %q; want an error with %q", c.args, code, errb, c.want)
		}
	}
}
