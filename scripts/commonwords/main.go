// Command commonwords writes schema/data/hi/common.txt: the Hindi words
// that the name recogniser's training sentences (IL-NER train and HiNER's
// training part, loaders/ner/corpus) use often and almost never inside a
// name. Extraction's rules read a name out of words around a cue ("X
// स्कूल", "अभिनेत्री X"); a "name" made only of common words is none
// ("चर्चित क्लब", "उप पुलिस"). The list is a fact about the training data,
// which is CC BY-SA 4.0 (HiNER) and CC BY 4.0 (IL-NER); the file says so.
//
//	go run ./scripts/commonwords     # from the module root; deterministic
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
)

func main() {
	root := flag.String("root", ".", "the module root")
	minCount := flag.Int("min", 3, "a word must occur this often")
	maxName := flag.Float64("max-name", 0.05, "and be inside a name at most this share of the times")
	flag.Parse()
	c, err := ner.ReadCorpora(*root)
	if err != nil {
		log.Fatal(err)
	}
	count, inName := map[string]int{}, map[string]int{}
	for _, s := range c.Train {
		gold := s.Gold()
		for i, tok := range s.Tokens {
			for _, w := range strings.Fields(hindi.Fold(tok)) {
				if !hindi.IsDevanagari(w) {
					continue
				}
				count[w]++
				if gold[i] != ner.O {
					inName[w]++
				}
			}
		}
	}
	var words []string
	for w, n := range count {
		if n >= *minCount && float64(inName[w]) <= *maxName*float64(n) {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	var b strings.Builder
	fmt.Fprintf(&b, "# Common Hindi words: folded words the name recogniser's training\n")
	fmt.Fprintf(&b, "# sentences (%s) use at least %d times and inside a name at most %.0f%% of\n", strings.Join(c.TrainFrom, ", "), *minCount, *maxName*100)
	fmt.Fprintf(&b, "# the times. Written by `go run ./scripts/commonwords`; do not edit.\n")
	fmt.Fprintf(&b, "# Derived from HiNER (CC BY-SA 4.0) and IL-NER (CC BY 4.0): see\n")
	fmt.Fprintf(&b, "# loaders/ner/corpus/README.md for sources and attribution. This list is\n")
	fmt.Fprintf(&b, "# CC BY-SA 4.0.\n")
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	out := filepath.Join(*root, "schema/data/hi/common.txt")
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d words\n", out, len(words))
}
