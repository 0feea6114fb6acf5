package temporal

import (
	"reflect"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestDetectTense(t *testing.T) {
	for _, tc := range []struct {
		clause string
		want   Tense
	}{
		// past: simple past, past perfect, present perfect
		{"यह जानकारी उत्तर कोरिया के सरकारी मीडिया ने बुधवार को दी।", Past},
		{"यह समझौता पिछले साल जून में हुआ था", Past},
		{"किम ने रूस को पूरा समर्थन देने की बात कही है", Past},
		{"उत्तर कोरिया पहले ही रूस को सैनिक और हथियार भेज चुका है", Past},
		{"किम ने रूस के लिए पूर्ण समर्थन जताया", Past},
		{"उन्होंने कोरियाई पीपुल्स आर्मी के योगदान की सराहना की।", Past},
		{"केसीएनए ने अपने नेता की बातचीत की जानकारी सार्वजनिक की है", Past},
		{"नेताओं ने रक्षा संधि पर हस्ताक्षर किए थे", Past},
		{"सीटों की संख्या बढ़ाई गई", Past},
		{norm.NFD.String("सीटों की संख्या बढ़ाई"), Past},
		{"जैसा उन्होंने कहा था", Past},
		// future
		{"उत्तर कोरिया कुर्स्क में 5,000 सैन्य निर्माणकर्मी भेजेगा", Future},
		{"जिसमें यूक्रेन युद्ध को रोकने पर चर्चा होगी", Future},
		{"शुक्रवार को ट्रंप और पुतिन की अलास्का में मुलाकात तय है", Future},
		{"ट्रंप के साथ होने वाली बैठक", Future},
		{"चुनाव अगले महीने होने वाला है", Future},
		{"दोनों नेता अगले हफ्ते मिलने जा रहे हैं", Future},
		{"किसी भी पक्ष पर हमला होने पर सैन्य सहायता प्रदान की जाएगी", Future},
		{"वे जल्द ही घर लौटेंगे", Future},
		{"भविष्य में रूस की सरकार द्वारा उठाए जाने वाले सभी कदमों का समर्थन करेगा", Future},
		// the last verb group decides: the participle in the middle does not
		{"पुतिन ने किम को ट्रंप के साथ होने वाली बैठक के बारे में बताया", Past},
		// present
		{"यह पहली बार है", Present},
		{"पुलिस मामले की जांच कर रही है", Present},
		// no verb group
		{"रूस के लिए", Unknown},
		{"पुतिन की अलास्का यात्रा", Unknown},
		{"", Unknown},
		// English
		{"Putin said he will visit Pyongyang", Future},
		{"The meeting was held on Friday", Past},
		{"The summit will be held on Friday", Future},
		{"The talks are to be held next week", Future},
		{"Kim has praised the troops", Past},
		{"Trump and Putin met in Alaska", Past},
		{"He'll meet Putin", Future},
		{"The agency is in Seoul", Present},
		{"The United States", Unknown},
	} {
		if got := DetectTense(tc.clause); got != tc.want {
			t.Errorf("DetectTense(%q) = %v, want %v", tc.clause, got, tc.want)
		}
	}
}

// A Text folded once answers as DetectTense and Find do for its string.
func TestTextAnswersAsItsString(t *testing.T) {
	anchor := time.Date(2025, 8, 13, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"पिछले साल जून में समझौता हुआ था",
		"अगले सोमवार को बैठक होगी",
		"दो दिन बाद उसे छोड़ दिया गया",
		"The talks will resume on 3 March 2026",
		"",
	} {
		tx := NewText(s)
		if tx.Source() != s {
			t.Errorf("%q: Source %q", s, tx.Source())
		}
		if got, want := tx.Tense(), DetectTense(s); got != want {
			t.Errorf("%q: Tense %v, DetectTense %v", s, got, want)
		}
		for _, tense := range []Tense{Unknown, Past, Future} {
			if got, want := tx.Find(anchor, tense), Find(s, anchor, tense); !reflect.DeepEqual(got, want) {
				t.Errorf("%q (%v): Text.Find %v, Find %v", s, tense, got, want)
			}
		}
	}
	var zero Text
	if zero.Tense() != Unknown || zero.Find(anchor, Past) != nil || zero.Source() != "" {
		t.Error("the zero Text is not an empty text")
	}
}
