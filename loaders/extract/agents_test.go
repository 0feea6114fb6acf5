package extract

import "testing"

// Who acts when kg cannot read a name, or reads a role or a place beside
// it; each case a sentence written for the test. A "not" entry must not
// occur in any described event.
func TestAgentsBesideUnreadNames(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"a ने phrase kg cannot read is still the agent's: a name after it is no stand-in",
			"नगर निगम ने दक्षेस सम्मेलन के बारे में कहा कि वह सफल रहा।",
			nil, []string{"agent=South Asian Association for Regional Cooperation"}},
		{"a visarga typed as a colon (स्वत:) ends no clause: the ने phrase before it still speaks",
			"लाहौर की अदालत ने स्वत: संज्ञान लेते हुए दक्षेस जांच के बारे में कहा कि वह ठीक है।",
			[]string{"Statement agent=court @2025-08 asserted"}, []string{"agent=South Asian Association for Regional Cooperation"}},
		{"a role word, a name the lists lack and a verb of saying: the name speaks",
			"जर्मनी की डॉक्टर हेलगा ब्रांट कहती हैं कि खतरा बड़ा है।",
			[]string{"Statement agent=Helga Brant @2025-08 asserted"}, []string{"agent=doctors"}},
		{"the same with an adverbial participle before the verb of saying",
			"जर्मनी की डॉक्टर हेलगा ब्रांट मुस्कराते हुए कहती हैं कि खतरा बड़ा है।",
			[]string{"Statement agent=Helga Brant @2025-08 asserted"}, []string{"agent=doctors"}},
		{"a name after a lifted genitive's nouns is the subject only right after a role word",
			"इमरान की चहेती सलमा मोदी इसका प्रचार कर रही हैं।",
			nil, []string{"agent=Narendra Modi"}},
		{"a role word before words kg cannot read as a name is no agent",
			"ब्रिटेन की डॉक्टर सारा मैकक्विन हंसी करते हुए कहती हैं कि खतरा बड़ा है।",
			nil, []string{"agent=doctors"}},
		{"a country before the genitive and a name kg lacks is the player's, not the one beaten",
			"सानिया मिर्ज़ा ने रूस की इलेना वास्कू को तीन सेटों में हराया।",
			nil, []string{"patient=Russia"}},
		{"… but before में the words are a place inside the place",
			"लाहौर के इछरा में एक धमाका हुआ।",
			[]string{"Explosion location=Lahore @2025-08 asserted"}, nil},
		{"a company before a name kg lacks is still the company",
			"कंपनी ओस्टरवाल्ड ग्लास वर्क्स ने अपनी गलती के लिए माफी मांगी।",
			[]string{"Apology agent=company @2025-08 asserted"}, nil},
		{"a group noun joined to a titled person describes that person",
			"आदिवासी कार्यकर्ता और लोक गायक रमाकांत पहाड़िया का कहना था कि नदी सूख गई है।",
			[]string{"Statement agent=Ramakant Pahariya @2025-08 asserted"}, []string{"activists"}},
		{"a group joined to a person whose title is in the name's phrase is more people",
			"छात्रों और प्रधानमंत्री नरेंद्र मोदी ने रैली की।",
			[]string{"March agent=Narendra Modi+students @2025-08 asserted"}, nil},
		{"a द्वारा phrase before a participle is the participle's agent, not the main verb's",
			"लाहौर नगर निगम अधिकारियों द्वारा पिछले हफ़्ते जारी किये एक ब्योरे के मुताबिक सबसे ज़्यादा पैसा इमरान स्टेडियम और उसके पास बनी सड़कों पर खर्च किया गया।",
			nil, []string{"agent=officials"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkEvents(t, c.text, c.want, c.not, eventPart)
		})
	}
}
