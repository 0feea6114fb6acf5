package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

func fixtureLexicon(t testing.TB) *entity.Lexicon {
	t.Helper()
	read := func(name string, min int) []schema.Row {
		f, err := os.Open("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := schema.ParseTSV(name, f, min)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	l, err := entity.Build(read("entities.tsv", 4), read("countries.tsv", 2))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func extractText(t testing.TB, text string, pub time.Time) *Result {
	t.Helper()
	a, err := article.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(a, Options{Lexicon: fixtureLexicon(t), Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// describe writes an event as "Class agent=… participant=… @date #qty [src]".
func describe(ev *Event) string {
	var b strings.Builder
	b.WriteString(string(ev.Class))
	if ev.Generic {
		b.WriteString("(" + ev.Gloss + ")")
	}
	var roles []string
	for r, es := range ev.Roles {
		if len(es) == 0 {
			continue
		}
		var names []string
		for _, e := range es {
			names = append(names, e.Label())
		}
		sort.Strings(names)
		roles = append(roles, string(r)+"="+strings.Join(names, "+"))
	}
	sort.Strings(roles)
	for _, r := range roles {
		b.WriteString(" " + r)
	}
	if !ev.Date.IsZero() {
		b.WriteString(" @" + ev.Date.String())
		if !ev.EndDate.IsZero() {
			b.WriteString(".." + ev.EndDate.String())
		}
	}
	if ev.Quantity > 0 {
		fmt.Fprintf(&b, " #%d", ev.Quantity)
	}
	if ev.Killed > 0 {
		fmt.Fprintf(&b, " killed=%d", ev.Killed)
	}
	if ev.Injured > 0 {
		fmt.Fprintf(&b, " injured=%d", ev.Injured)
	}
	if ev.Affected > 0 {
		fmt.Fprintf(&b, " affected=%d", ev.Affected)
	}
	b.WriteString(" " + ev.Modality)
	for _, s := range ev.ReportedBy {
		b.WriteString(" <" + s.Label() + ">")
	}
	return b.String()
}

// dumpInput reads the article the dump tests print: KG_FILE (default the
// seed), with the fixture lexicon, or kg's own with KG_LEX=default.
func dumpInput(t *testing.T, what string) (*article.Article, *entity.Lexicon) {
	t.Helper()
	if os.Getenv("KG_DUMP") == "" {
		t.Skip("set KG_DUMP=1 to print " + what)
	}
	file := os.Getenv("KG_FILE")
	if file == "" {
		file = "testdata/seed.txt"
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("KG_LEX") == "default" {
		lex, err := entity.Default()
		if err != nil {
			t.Fatal(err)
		}
		return a, lex
	}
	return a, fixtureLexicon(t)
}

func TestDumpSeed(t *testing.T) {
	a, lex := dumpInput(t, "what extraction reads in an article")
	r, err := Extract(a, Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range r.Events {
		t.Log(describe(ev))
	}
	for _, rel := range r.Relations {
		t.Logf("REL %s %s %s", rel.From.Label(), rel.Predicate, rel.To.Label())
	}
	for _, p := range r.Positions {
		of := ""
		if p.Of != nil {
			of = p.Of.Label()
		}
		t.Logf("POS %s %s %s", p.Holder.Label(), p.Class, of)
	}
	for _, e := range r.Entities {
		t.Logf("ENT %s %s %q %q local=%v", e.ID, e.Type, e.EN, e.HI, e.Local)
	}
	for _, w := range r.Warnings {
		t.Log("WARN", w)
	}
}

func TestDumpSentences(t *testing.T) {
	a, lex := dumpInput(t, "what extraction reads, sentence by sentence")
	d, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	x := newExtractor(d, lex, a, a.Published)
	var sents []*sentence
	for _, seg := range a.Segments() {
		for _, sp := range hindi.Sentences(a.Text[seg.Start:seg.End]) {
			s := &sentence{idx: len(sents), span: article.Span{Start: seg.Start + sp.Start, End: seg.Start + sp.End}}
			x.tokenize(s)
			sents = append(sents, s)
		}
	}
	x.evidence = x.gatherEvidence(sents)
	for _, s := range sents {
		before := len(x.res.Events)
		chunks := x.mentions(s)
		var cs []string
		for _, c := range chunks {
			var names []string
			for _, e := range c.ents {
				names = append(names, e.Label())
			}
			cs = append(cs, fmt.Sprintf("[%s%s|%s%s]", strings.Join(names, "+"), c.pronoun, c.post, map[bool]string{true: " consumed"}[c.consumed]))
		}
		t.Logf("S%d %s\n   chunks %s", s.idx, s.text(a), strings.Join(cs, " "))
		x.sentence(s)
		for _, ev := range x.res.Events[before:] {
			t.Logf("   EV %s", describe(ev))
		}
	}
}

// positionLines describes r's positions as "holder class of" ("-" for an
// office of nothing named).
func positionLines(r *Result) []string {
	var pos []string
	for _, p := range r.Positions {
		of := "-"
		if p.Of != nil {
			of = p.Of.Label()
		}
		pos = append(pos, p.Holder.Label()+" "+p.Class+" "+of)
	}
	return pos
}
