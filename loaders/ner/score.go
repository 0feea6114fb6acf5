package ner

import (
	"fmt"
	"io"
)

// Counts are the span counts of one type: predicted spans that are in the
// gold (TP), predicted spans that are not (FP), gold spans not predicted
// (FN). A span counts only when its type and both boundaries are equal
// (the CoNLL-2003 rule).
type Counts struct{ TP, FP, FN int }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision is TP / (TP + FP).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are strict span counts per type.
type Scores struct {
	ByType    map[string]*Counts
	Sentences int
	Tokens    int
}

// NewScores returns empty scores for PER, LOC and ORG.
func NewScores() *Scores {
	return &Scores{ByType: map[string]*Counts{PER: {}, LOC: {}, ORG: {}}}
}

// Add counts one sentence's gold and predicted tags.
func (s *Scores) Add(gold, pred []Tag) {
	s.Sentences++
	s.Tokens += len(gold)
	type key struct {
		start, end int
		typ        string
	}
	g := map[key]bool{}
	for _, sp := range Spans(gold) {
		g[key{sp.Start, sp.End, sp.Type}] = true
	}
	for _, sp := range Spans(pred) {
		c, k := s.ByType[sp.Type], key{sp.Start, sp.End, sp.Type}
		if g[k] {
			c.TP++
			delete(g, k)
		} else {
			c.FP++
		}
	}
	for k := range g {
		s.ByType[k.typ].FN++
	}
}

// Merge adds the counts of o.
func (s *Scores) Merge(o *Scores) {
	s.Sentences += o.Sentences
	s.Tokens += o.Tokens
	for t, c := range o.ByType {
		d := s.ByType[t]
		d.TP += c.TP
		d.FP += c.FP
		d.FN += c.FN
	}
}

// Micro sums the counts of all types.
func (s *Scores) Micro() Counts {
	var m Counts
	for _, c := range s.ByType {
		m.TP += c.TP
		m.FP += c.FP
		m.FN += c.FN
	}
	return m
}

// Write prints a table: precision, recall, F1 and counts per type and
// micro-averaged.
func (s *Scores) Write(w io.Writer, title string) {
	fmt.Fprintf(w, "%s: %d sentences, %d tokens (strict spans: type and both boundaries)\n", title, s.Sentences, s.Tokens)
	fmt.Fprintf(w, "%-6s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "TP", "FP", "FN")
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-6s %9.4f %9.4f %9.4f %6d %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range []string{PER, LOC, ORG} {
		row(t, *s.ByType[t])
	}
	row("micro", s.Micro())
}

// Evaluate tags the sentences with m and scores them against their gold
// tags.
func Evaluate(m *Model, sents []Sentence) *Scores {
	s := NewScores()
	for _, st := range sents {
		s.Add(st.Gold(), m.Tag(st.Tokens))
	}
	return s
}
