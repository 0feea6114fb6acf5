package hindi

import "testing"

// TestLabelName checks the English labels of names of things: the common
// nouns that say what a name names are translated (hi/nameheads.tsv), the
// rest transliterated; a head alone, or a name of one word, is only
// transliterated.
func TestLabelName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ऑक्सफ़ोर्ड विश्वविद्यालय", "Oxford University"},
		{"पटना उच्च न्यायालय", "Patna High Court"},
		{"गोमती नदी", "Gomti River"},
		{"सुंदरपुर गांव", "Sundarpur Village"},
		{"चंदनगढ़ क्षेत्र", "Chandangarh Region"},
		{"रतनपुर हवाई अड्डा", "Ratanpur Airport"},
		{"कलाश्री पुरस्कार", "Kalashri Award"},
		{"विश्वविद्यालय", "Vishwavidyalay"}, // one word: what it is called
		{"उच्च न्यायालय", "High Court"},
		{"रक्षा मंत्रालय", "Defence Ministry"},
		{"रक्षा सुंदरगढ़ अकादमी", "Raksha Sundargarh Academy"}, // a qualifier beside a name is not translated
		{"मैक्डरमट अकादमी", "McDarmat Academy"},                // Mc before a consonant
	} {
		if got := LabelName(c.in); got != c.want {
			t.Errorf("LabelName(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTransliterateLoanCompounds checks words Hindi writes solid from two
// English words, and the nasal before a consonant written three ways.
func TestTransliterateLoanCompounds(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"फ़ास्टट्रैक", "Fasttrack"},
		{"फ़ास्ट ट्रैक", "Fast Track"},
		{"मैकेनिक", "Maikenik"}, // मैके: a vowel sign, not the prefix Mc
		{"लंदन", "London"},
		{"लन्दन", "London"},
		{"जॉन्सन", "Johnson"}, // the list spells it जॉनसन
	} {
		if got := Transliterate(c.in); got != c.want {
			t.Errorf("Transliterate(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}
