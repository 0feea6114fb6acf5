package extract

import "testing"

// The index by first word finds what the scan of the whole list finds, at
// every position, for lists with shared first words, one-word and longer
// phrases, and positions out of range.
func TestPhraseIndexMatchesScan(t *testing.T) {
	ps := sortLongest(phrases{fold("के लिए"), fold("के"), fold("के बारे में"), fold("पर"), fold("की ओर से"), fold("की"), fold("से")})
	ix := indexPhrases(ps)
	words := fold("उन्होंने इस के बारे में कहा कि वे की ओर से और के लिए पर से के")
	for i := -1; i <= len(words)+1; i++ {
		if got, want := ix.at(words, i), ps.at(words, i); got != want {
			t.Errorf("at %d: index %d, scan %d", i, got, want)
		}
	}
	if ix.at(words, 2) != 3 || ix.at(words, 8) != 3 {
		t.Errorf("the longest phrase does not win: %d, %d", ix.at(words, 2), ix.at(words, 8))
	}
}
