package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
)

func nerCommand() *cli.Command {
	return &cli.Command{
		Name:      "ner",
		Usage:     "find the names of people, places and organisations in Hindi text (the trained tagger)",
		ArgsUsage: "FILE (- for standard input)",
		Description: `Runs kg's trained name tagger (loaders/ner) on its own, without a store.

Running text: one line per name found,
   SENTENCE <TAB> START-END <TAB> TYPE <TAB> TEXT <TAB> SCORE
sentences numbered from 1, START-END in code points of the cleaned (NFC)
text as kg stores it, TYPE PER, LOC or ORG, SCORE the tagger's confidence
in [0, 1] that the span is exactly right.

CoNLL (--conll): token<TAB>gold-tag lines, a blank line between sentences,
gold tags in any of BIO PER/LOC/ORG, IL-NER (NEP/NEL/NEO …) or HiNER
(PERSON/LOCATION/ORGANIZATION …); other types count as O. Writes
token<TAB>gold-tag<TAB>predicted-tag, predicted tags in B-/I-PER|LOC|ORG
or O. --eval prints strict span precision, recall and F1 per type and
micro-averaged instead (CoNLL-2003: type and both boundaries equal).

Examples:
   kg ner article.txt
   kg ner --min-score 0.8 article.txt
   kg ner --conll gold.conll > tagged.tsv
   kg ner --conll --eval gold.conll
   cat article.txt | kg ner -

IL-NER test, in the repository: loaders/ner/corpus/il-ner/hindi-test.txt.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "conll", Usage: "read token<TAB>gold-tag lines and add the predicted tag"},
			&cli.BoolFlag{Name: "eval", Usage: "with --conll: print strict span scores instead of the tagged tokens"},
			&cli.Float64Flag{Name: "min-score", Usage: "running text: only names scored at least this (0 to 1)"},
		},
		Action: runNER,
	}
}

func runNER(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("kg ner: give one FILE (or - for standard input); see kg ner --help", 2)
	}
	if c.Bool("eval") && !c.Bool("conll") {
		return cli.Exit("kg ner: --eval scores CoNLL input: add --conll", 2)
	}
	if ms := c.Float64("min-score"); ms < 0 || ms > 1 {
		return cli.Exit("kg ner: --min-score is a confidence from 0 to 1", 2)
	}
	name := c.Args().First()
	in, err := readInput(name, "")
	if err != nil {
		return fmt.Errorf("ner %s: %w", name, err)
	}
	m, err := ner.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout(c))
	defer w.Flush()
	if c.Bool("conll") {
		sents, err := ner.ReadCoNLL(bytes.NewReader(in.Data))
		if err != nil {
			return fmt.Errorf("ner %s: %w", name, err)
		}
		if len(sents) == 0 {
			return fmt.Errorf("ner %s: no token lines", name)
		}
		if c.Bool("eval") {
			ner.Evaluate(m, sents).Write(w, name)
			return nil
		}
		return writeCoNLL(w, m, sents)
	}
	return tagText(w, m, string(in.Data), c.Float64("min-score"))
}

func writeCoNLL(w io.Writer, m *ner.Model, sents []ner.Sentence) error {
	for k, s := range sents {
		if k > 0 {
			fmt.Fprintln(w)
		}
		for i, t := range m.Tag(s.Tokens) {
			if _, err := fmt.Fprintf(w, "%s\t%s\t%s\n", s.Tokens[i], s.Tags[i], t); err != nil {
				return err
			}
		}
	}
	return nil
}

// tagText tags running text sentence by sentence, as extraction splits
// and tokenises it.
func tagText(w io.Writer, m *ner.Model, text string, minScore float64) error {
	text = hindi.Clean(text)
	if strings.TrimSpace(text) == "" {
		return errors.New("ner: no text")
	}
	// code-point offsets of byte offsets, counted incrementally
	lastByte, lastCP := 0, 0
	cp := func(b int) int {
		lastCP += utf8.RuneCountInString(text[lastByte:b])
		lastByte = b
		return lastCP
	}
	for si, sp := range hindi.Sentences(text) {
		toks := hindi.Tokenize(text[sp.Start:sp.End])
		// the token each word of entity.Words(toks) belongs to
		var tokOf []int
		for ti, t := range toks {
			for range strings.Fields(t.Norm) {
				tokOf = append(tokOf, ti)
			}
		}
		for _, s := range m.TokenSpans(toks) {
			if s.Score < minScore {
				continue
			}
			a, b := sp.Start+toks[tokOf[s.Start]].Start, sp.Start+toks[tokOf[s.End-1]].End
			ca := cp(a)
			cb := ca + utf8.RuneCountInString(text[a:b])
			if _, err := fmt.Fprintf(w, "%d\t%d-%d\t%s\t%s\t%.2f\n", si+1, ca, cb, s.Type, text[a:b], s.Score); err != nil {
				return err
			}
		}
	}
	return nil
}
