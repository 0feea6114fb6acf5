package ner_test

import (
	"fmt"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/loaders/ner"
)

func Example() {
	m, err := ner.Default()
	if err != nil {
		panic(err)
	}
	toks := hindi.Tokenize("कप्तान अर्जुन मेहता ने सीतापुर जिले में कहा कि टीम तैयार है।")
	words := entity.Words(toks)
	for _, s := range m.TokenSpans(toks) {
		var name []string
		for _, w := range words[s.Start:s.End] {
			name = append(name, w.Norm)
		}
		fmt.Println(s.Type, name)
	}
	// Output:
	// PER [अर्जुन मेहता]
	// LOC [सीतापुर]
}
