package extract

import (
	"os"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/kgnews/kg/loaders/article"
)

// FuzzExtract feeds arbitrary text through layout, extraction and quads:
// whatever an article holds, kg must not panic, and every evidence span
// must lie inside the text.
func FuzzExtract(f *testing.F) {
	seed, _ := os.ReadFile("testdata/seed.txt")
	f.Add(string(seed))
	f.Add("किम ने पुतिन से बातचीत की। उन्होंने उसे बधाई दी, जिसमें")
	f.Add("date 2025-01-01 x\n\n:\n\n(भाषा): ने को से 5,000 और , कि")
	lex := fixtureLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the CLI refuses non-UTF-8 before extraction
		}
		a, err := article.Parse(text)
		if err != nil {
			return
		}
		r, err := Extract(a, Options{Lexicon: lex, Published: time.Date(2025, 8, 13, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range r.Events {
			for _, sp := range ev.Evidence {
				if sp.Start < 0 || sp.End > len(a.Text) || sp.Start > sp.End {
					t.Fatalf("evidence span %v outside the text (%d bytes)", sp, len(a.Text))
				}
			}
		}
		Quads(r, "fuzz")
	})
}
