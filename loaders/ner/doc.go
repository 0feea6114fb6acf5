// Package ner is kg's trained Hindi name tagger: a linear-chain model
// (averaged structured perceptron, Viterbi decoding) that labels the words
// of a sentence B-/I-PER, LOC, ORG or O from features that work for names
// it has never seen — word shape and script, affixes, character trigrams,
// the words and case markers around it, titles and place or organisation
// words nearby, and kg's lexicon.
//
// Use from extraction:
//
//	m, err := ner.Default()         // the embedded model, loaded once per process
//	spans := m.TokenSpans(toks)     // toks from hindi.Tokenize of one sentence
//	// spans index entity.Words(toks); each has a Type and a Score in [0, 1]
//
// Tag and Spans take words instead (kg's folded words or words as written).
// A Model is safe for concurrent use.
//
// The model file (model/hi.model, CC BY-SA 4.0 like the HiNER data it is
// trained on) is rebuilt from the corpora in corpus/ by
//
//	go run ./cmd/nertrain           # from the module root
//
// which is deterministic and prints its training time and scores.
package ner

//go:generate go run ../../cmd/nertrain -root ../..
