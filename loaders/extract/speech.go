package extract

// speechAfter reports whether the words from k on are the verb of saying a
// bare subject before them speaks with (speech.tsv): "… कहते हैं", or an
// adverbial participle first ("… हंसते हुए कहती हैं", "… तंज करते हुए
// कहती हैं"). After a role word, words no list knows that stand there are a
// name in apposition ("शोधकर्ता X कहते हैं"), as a case marker would show
// ("शोधकर्ता X ने कहा").
func (x *extractor) speechAfter(s *sentence, k int) bool {
	n := len(s.norms)
	speaks := func(j int) bool { return j < n && x.d.speech["speech-verb"].at(s.norms, j) > 0 }
	adverb := func(j int) int { // the word after an adverbial participle at j
		if j+1 < n && imperfective(s.norms[j]) {
			if l := x.d.speech["adverbial"].at(s.norms, j+1); l > 0 {
				return j + 1 + l
			}
		}
		return -1
	}
	switch {
	case speaks(k):
		return true
	case adverb(k) > 0:
		return speaks(adverb(k))
	}
	// "… तंज करते हुए कहती हैं": a participle with its object, a word
	// the lists know (a word they lack may still be the name's)
	return k < n && !x.nameWord(s, k) && adverb(k+1) > 0 && speaks(adverb(k+1))
}

// imperfective reports whether a folded word is an imperfective
// participle's oblique form ("हंसते", "करते").
func imperfective(w string) bool {
	r := []rune(w)
	return len(r) > 2 && r[len(r)-1] == 'े' && r[len(r)-2] == 'त'
}

// speechCut ends a run of words no list knows, [start, end), where the verb
// of saying its subject speaks with begins ("X Y कहती हैं": the run took
// the verb, a word the lists lack too).
func (x *extractor) speechCut(s *sentence, start, end int) int {
	for p := start + 1; p < end; p++ {
		if x.speechAfter(s, p) {
			return p
		}
	}
	return end
}
