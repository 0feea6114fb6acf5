// Command nertrain rebuilds kg's Hindi NER model from the training data in
// the repository and scores it:
//
//	go run ./cmd/nertrain            # from the module root: writes loaders/ner/model/hi.model
//
// It prints the training time, the model's size and strict span F1 (per
// type and micro-averaged) on IL-NER dev, IL-NER test and the HiNER
// held-out part. Training is deterministic: the same files give the same
// model, byte for byte. -n trains and scores without writing; -eval scores
// the embedded model without training; -heldout FILE writes HiNER's
// held-out sentences as CoNLL (for kg ner --conll --eval FILE).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kgnews/kg/loaders/ner"
)

func main() {
	root := flag.String("root", ".", "the kg module root (holds loaders/ner/corpus)")
	out := flag.String("o", "", "model file to write (default ROOT/"+ner.ModelFile+")")
	dry := flag.Bool("n", false, "train and score, write nothing")
	verbose := flag.Bool("v", false, "score the tuning set (IL-NER dev) after every pass")
	evalOnly := flag.Bool("eval", false, "score the embedded model, do not train")
	cv := flag.Int("cv", 0, "cross-validate on K folds of IL-NER train (for choosing features), do not write")
	heldout := flag.String("heldout", "", "write HiNER's held-out sentences to this CoNLL file, do not train")
	refresh := flag.Bool("refresh", false, "refresh the tagger's copy of kg's shared lists ("+ner.SharedDir+") from schema/data, do not train")
	var opt ner.TrainOptions
	flag.UintVar(&opt.Bits, "bits", 0, "2^bits feature buckets (default 21)")
	flag.IntVar(&opt.Epochs, "epochs", 0, "passes over the training data (default 10)")
	flag.Uint64Var(&opt.Seed, "seed", 0, "shuffle seed (default 1)")
	flag.Int64Var(&opt.Scale, "scale", 0, "weight quantisation scale (default 64)")
	flag.IntVar(&opt.Prune, "prune", 0, "drop quantised weights below this magnitude (default 1)")
	flag.IntVar(&opt.Ensemble, "ensemble", 0, "average this many perceptrons trained with seeds seed, seed+1 … (default 3)")
	flag.Parse()
	var err error
	switch {
	case *refresh:
		err = refreshLists(*root)
	case *heldout != "":
		err = writeHeldOut(*root, *heldout)
	case *cv > 1:
		err = crossValidate(*root, *cv, opt)
	case *evalOnly:
		err = evaluate(*root)
	default:
		err = run(*root, *out, *dry, *verbose, opt)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

func run(root, out string, dry, verbose bool, opt ner.TrainOptions) error {
	if out == "" {
		out = filepath.Join(root, ner.ModelFile)
	}
	c, err := ner.ReadCorpora(root)
	if err != nil {
		return err
	}
	fmt.Printf("training on %d sentences (%d IL-NER train, %d HiNER validation not held out; %d dropped as repeated in an evaluation set)\n",
		len(c.Train), c.ILNERCount, len(c.Train)-c.ILNERCount, c.Dropped)
	noteStale()
	opt.Progress = os.Stdout
	opt.EvalEach = verbose
	t0 := time.Now()
	m, err := ner.Train(c.Train, c.Dev, c.TrainFrom, opt)
	if err != nil {
		return err
	}
	took := time.Since(t0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	info := m.Info()
	fmt.Printf("training time %.1f s (%d passes, %d words); model %.2f MB, %d non-zero buckets of %d\n",
		took.Seconds(), info.Epochs, info.Words, float64(buf.Len())/1e6, info.Buckets, 1<<info.Bits)
	score(m, c)
	if dry {
		return nil
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	fmt.Printf("\nwrote %s\n", out)
	return nil
}

// refreshLists copies kg's shared lists (titles, honorifics, case markers,
// stop words, the lexicon) into the tagger's own copy. The next training
// (a new go run, which embeds the copy) uses them.
func refreshLists(root string) error {
	changed, err := ner.WriteSnapshot(root)
	if err != nil {
		return err
	}
	if len(changed) == 0 {
		fmt.Printf("%s is up to date with kg's shared lists\n", ner.SharedDir)
		return nil
	}
	fmt.Printf("refreshed %s: %s changed; retrain (go run ./cmd/nertrain) and commit both\n", ner.SharedDir, strings.Join(changed, ", "))
	return nil
}

// noteStale tells when kg's shared lists moved on since the copy the
// tagger trains with was made.
func noteStale() {
	stale, err := ner.SnapshotStale()
	if err != nil {
		fmt.Fprintln(os.Stderr, "nertrain: comparing the lists' copy:", err)
		return
	}
	if len(stale) > 0 {
		fmt.Printf("note: kg's shared lists changed since %s was copied (%s); go run ./cmd/nertrain -refresh first to train on them\n",
			ner.SharedDir, strings.Join(stale, ", "))
	}
}

func score(m *ner.Model, c *ner.Corpora) {
	for _, set := range []struct {
		name  string
		sents []ner.Sentence
	}{{"IL-NER dev", c.Dev}, {"IL-NER test", c.Test}, {"HiNER held-out", c.HeldOut}} {
		fmt.Println()
		ner.Evaluate(m, set.sents).Write(os.Stdout, set.name)
	}
}

func evaluate(root string) error {
	c, err := ner.ReadCorpora(root)
	if err != nil {
		return err
	}
	m, err := ner.Default()
	if err != nil {
		return err
	}
	info := m.Info()
	fmt.Printf("embedded model: %d passes over %d sentences, %d non-zero buckets of %d\n", info.Epochs, info.Sentences, info.Buckets, 1<<info.Bits)
	score(m, c)
	return nil
}

func writeHeldOut(root, file string) error {
	c, err := ner.ReadCorpora(root)
	if err != nil {
		return err
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for k, s := range c.HeldOut {
		if k > 0 {
			fmt.Fprintln(w)
		}
		for i, t := range s.Tokens {
			fmt.Fprintf(w, "%s\t%s\n", t, s.Tags[i])
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Printf("wrote %d held-out sentences of %s to %s\n", len(c.HeldOut), ner.HiNER, file)
	return nil
}

// crossValidate trains K models, each without one K-th of IL-NER train
// (sentence k is in fold k mod K), and scores each on its fold: a steadier
// guide for choosing features than the 1,389 sentences of dev.
func crossValidate(root string, k int, opt ner.TrainOptions) error {
	c, err := ner.ReadCorpora(root)
	if err != nil {
		return err
	}
	total := ner.NewScores()
	t0 := time.Now()
	for f := 0; f < k; f++ {
		var train, test []ner.Sentence
		for i, s := range c.Train {
			if i < c.ILNERCount && i%k == f {
				test = append(test, s)
			} else {
				train = append(train, s)
			}
		}
		m, err := ner.Train(train, nil, c.TrainFrom, opt)
		if err != nil {
			return err
		}
		sc := ner.Evaluate(m, test)
		fmt.Printf("fold %d: micro-F1 %.4f\n", f, sc.Micro().F1())
		total.Merge(sc)
	}
	fmt.Printf("cross-validation took %.1f s\n", time.Since(t0).Seconds())
	total.Write(os.Stdout, fmt.Sprintf("%d-fold cross-validation on IL-NER train", k))
	return nil
}
