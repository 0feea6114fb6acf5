package extract

import (
	"strings"
	"testing"
)

// A light verb may stand after adjuncts of the clause (a date, a place,
// an instrument) between it and its noun: "X की खोज 2003 में एक दूरबीन से
// की". Words that are no adjuncts (a को object, a verb stem) keep the old
// window, and the noun is no light-verb construction with that verb.
func TestLightVerbAfterAdjuncts(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"year and instrument between noun and active light verb",
			"नासा ने उस तारे की खोज 2003 में एक छोटी दूरबीन से की।",
			"Discovery agent=Nasa @2003 asserted"},
		{"no named participant: the event keeps its place and the adjunct's date",
			"वैज्ञानिकों ने अलास्का में उस तारे की खोज 2003 में एक दूरबीन से की।",
			"Discovery agent=scientists location=Alaska @2003 asserted"},
		{"relative year and place",
			"भारत ने समझौते पर हस्ताक्षर पिछले साल जिनेवा में किए।",
			"TreatySigning agent=India location=Geneva @2024 asserted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := events(t, c.text)
			if !has(got, c.want) {
				t.Errorf("want %q\n got %q", c.want, got)
			}
		})
	}
	// a को object and a verb stem between the noun and करना: the verb is
	// the stem's (शामिल किया), not the signing's
	for _, text := range []string{
		"भारत ने हस्ताक्षर अभियान में हजारों लोगों को शामिल किया।",
		"भारत ने समझौते पर हस्ताक्षर जिनेवा में चीन को सौंपने का फैसला किया।",
	} {
		for _, ev := range events(t, text) {
			if strings.HasPrefix(ev, "TreatySigning") {
				t.Errorf("%s: no signing is done here, got %q", text, ev)
			}
		}
	}
}
