package ner

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/loaders/hindi"
)

func readCorpora(t testing.TB) *Corpora {
	t.Helper()
	c, err := ReadCorpora(root)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The held-out part of HiNER is fixed, big enough, and never trained on;
// no training sentence repeats an evaluation sentence.
func TestCorporaSplit(t *testing.T) {
	c := readCorpora(t)
	if len(c.HeldOut) < 2000 {
		t.Errorf("HiNER held-out part has %d sentences, want ≥ 2000", len(c.HeldOut))
	}
	eval := map[string]bool{}
	for _, set := range [][]Sentence{c.Dev, c.Test, c.HeldOut} {
		for _, s := range set {
			eval[strings.Join(s.Tokens, " ")] = true
		}
	}
	for _, s := range c.Train {
		if eval[strings.Join(s.Tokens, " ")] {
			t.Fatalf("training sentence at line %d is in an evaluation set", s.Line)
		}
	}
	if c.Dropped == 0 {
		t.Errorf("no repeated sentences dropped: IL-NER's train split repeats test sentences")
	}
	t.Logf("train %d (dropped %d), dev %d, test %d, held-out %d", len(c.Train), c.Dropped, len(c.Dev), len(c.Test), len(c.HeldOut))
}

// The embedded model still sees what it saw in training: its F1 on the
// tuning set, recorded when it was trained, comes out again. A change to
// the features or to a word list it reads (kg's lexicon, titles …) fails
// here: retrain with go run ./cmd/nertrain.
func TestModelMatchesItsTraining(t *testing.T) {
	m := defaultModel(t)
	c := readCorpora(t)
	f := Evaluate(m, c.Dev).Micro().F1()
	if math.Abs(f-m.Info().TuningF1) > 0.005 {
		t.Errorf("IL-NER dev F1 %.4f, the model was trained to %.4f: the features or their word lists changed since; retrain (go run ./cmd/nertrain)", f, m.Info().TuningF1)
	}
}

// Retraining from the repository's files reproduces the committed model:
// byte for byte when nothing it reads has changed, and within 0.005 F1 on
// every evaluation set in any case.
func TestRetrainingReproducesModel(t *testing.T) {
	committed := defaultModel(t)
	info := committed.Info()
	c := readCorpora(t)
	m, err := Train(c.Train, c.Dev, c.TrainFrom, TrainOptions{
		Bits: info.Bits, Epochs: info.Epochs, Seed: info.Seed, Scale: info.Scale, Prune: info.Prune})
	if err != nil {
		t.Fatal(err)
	}
	var fresh bytes.Buffer
	if _, err := m.WriteTo(&fresh); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(fresh.Bytes(), embedded) {
		t.Log("retrained model is identical to the committed one")
		return
	}
	t.Log("retrained model differs from the committed one; comparing F1")
	for _, set := range []struct {
		name  string
		sents []Sentence
	}{{"IL-NER dev", c.Dev}, {"IL-NER test", c.Test}, {"HiNER held-out", c.HeldOut}} {
		a, b := Evaluate(committed, set.sents).Micro().F1(), Evaluate(m, set.sents).Micro().F1()
		if math.Abs(a-b) > 0.005 {
			t.Errorf("%s: committed model F1 %.4f, retrained %.4f: retrain and commit (go run ./cmd/nertrain)", set.name, a, b)
		}
	}
}

// BenchmarkTag tags IL-NER test, sentence by sentence, on one goroutine.
func BenchmarkTag(b *testing.B) {
	m := defaultModel(b)
	sents := readCorpora(b).Test
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Tag(s.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenSpans is what extraction calls: tokens of running text,
// spans with scores.
func BenchmarkTokenSpans(b *testing.B) {
	m := defaultModel(b)
	var sents [][]hindi.Token
	tokens := 0
	for _, s := range readCorpora(b).Test {
		toks := hindi.Tokenize(strings.Join(s.Tokens, " "))
		sents = append(sents, toks)
		tokens += len(toks)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, toks := range sents {
			m.TokenSpans(toks)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad is what the first tagging in a process pays: reading the
// embedded model (the word lists and lexicon are loaded once before).
func BenchmarkLoad(b *testing.B) {
	if _, err := loadLists(); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestModelFileHasItsLicence(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("model", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Attribution-ShareAlike 4.0 International") {
		t.Errorf("model/LICENSE is not CC BY-SA 4.0, the licence of HiNER, which the model is trained on")
	}
}

// The acceptance figures of issue 8: strict micro-F1 of the embedded model
// on the two sets it never saw in training.
func TestHeldOutScores(t *testing.T) {
	m := defaultModel(t)
	c := readCorpora(t)
	for _, set := range []struct {
		name  string
		sents []Sentence
		min   float64
	}{{"IL-NER test", c.Test, 0.75}, {"HiNER held-out", c.HeldOut, 0.85}} {
		sc := Evaluate(m, set.sents)
		var b strings.Builder
		sc.Write(&b, set.name)
		t.Log("\n" + b.String())
		if f := sc.Micro().F1(); f < set.min {
			t.Errorf("%s: strict micro-F1 %.4f, want ≥ %.2f", set.name, f, set.min)
		}
	}
}
