package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The training data in the repository (corpus/README.md: sources and
// licences), relative to the module root.
const (
	ILNERTrain = "loaders/ner/corpus/il-ner/hindi-train.txt"
	ILNERDev   = "loaders/ner/corpus/il-ner/hindi-dev.txt"
	ILNERTest  = "loaders/ner/corpus/il-ner/hindi-test.txt"
	HiNER      = "loaders/ner/corpus/hiner/validation-collapsed.conll"
)

// HeldOut reports whether sentence k (0-based, in file order) of the HiNER
// validation split is held out: every fifth sentence (k mod 5 = 4), 2,170
// of 10,851. They are never trained on; the others are.
func HeldOut(k int) bool { return k%5 == 4 }

// Corpora are the sentences the tagger is trained, tuned and tested on.
type Corpora struct {
	Train      []Sentence // IL-NER train and HiNER's non-held-out part, minus Dropped
	Dev        []Sentence // IL-NER dev: tunes the epochs and calibrates scores
	Test       []Sentence // IL-NER test
	HeldOut    []Sentence // HiNER's held-out part
	TrainFrom  []string   // the training files
	Dropped    int        // training sentences left out because an evaluation set has them verbatim
	ILNERCount int        // training sentences from IL-NER (the rest are HiNER's)
}

// ReadCorpora reads the corpora from a checkout of kg at root. Training
// sentences whose tokens equal those of a dev, test or held-out sentence
// are dropped: IL-NER's train split repeats 235 of its 1,388 test
// sentences word for word, and a model that has seen them would be
// measured on its memory.
func ReadCorpora(root string) (*Corpora, error) {
	read := func(name string) ([]Sentence, error) {
		f, err := os.Open(filepath.Join(root, name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		s, err := ReadCoNLL(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return s, nil
	}
	c := &Corpora{TrainFrom: []string{ILNERTrain, HiNER}}
	var err error
	if c.Dev, err = read(ILNERDev); err != nil {
		return nil, err
	}
	if c.Test, err = read(ILNERTest); err != nil {
		return nil, err
	}
	il, err := read(ILNERTrain)
	if err != nil {
		return nil, err
	}
	hi, err := read(HiNER)
	if err != nil {
		return nil, err
	}
	var hiTrain []Sentence
	for k, s := range hi {
		if HeldOut(k) {
			c.HeldOut = append(c.HeldOut, s)
		} else {
			hiTrain = append(hiTrain, s)
		}
	}
	seen := map[string]bool{}
	for _, set := range [][]Sentence{c.Dev, c.Test, c.HeldOut} {
		for _, s := range set {
			seen[strings.Join(s.Tokens, "\x00")] = true
		}
	}
	keep := func(in []Sentence) (out []Sentence) {
		for _, s := range in {
			if seen[strings.Join(s.Tokens, "\x00")] {
				c.Dropped++
				continue
			}
			out = append(out, s)
		}
		return out
	}
	c.Train = keep(il)
	c.ILNERCount = len(c.Train)
	c.Train = append(c.Train, keep(hiTrain)...)
	return c, nil
}
