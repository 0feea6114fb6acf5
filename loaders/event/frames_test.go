package event

import "testing"

// Every row of frames.tsv must fire on an example of its own; a new frame
// without an example fails this test.
func TestEveryFrameRowHasAnExample(t *testing.T) {
	fs, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	examples := []struct{ class, text string }{
		{"PhoneCall", "किम ने पुतिन से फोन पर बातचीत की"},
		{"PhoneCall", "दोनों नेताओं के बीच फोन कॉल हुई"},
		{"Talks", "भारत और पाकिस्तान के बीच वार्ता हुई"},
		{"Meeting", "मोदी ने शरीफ से मुलाकात की"},
		{"Support", "किम ने रूस को समर्थन दिया"},
		{"TreatySigning", "दोनों देशों ने संधि पर हस्ताक्षर किए"},
		{"TreatySigning", "यह समझौता पिछले साल हुआ था"},
		{"Praise", "पुतिन ने सेना की तारीफ की"},
		{"Congratulation", "पुतिन ने किम को बधाई दी"},
		{"Deployment", "उत्तर कोरिया ने रूस को सैनिक भेजे"},
		{"Deployment", "भारत ने सीमा पर सेना तैनात कर दी"},
		{"AgreementReached", "दोनों नेताओं ने सहयोग पर सहमति जताई"},
		{"Briefing", "पुतिन ने किम को बैठक के बारे में बताया"},
		{"Statement", "मुशर्रफ ने कहा कि तनाव घटेगा"},
		{"Accusation", "भारत ने पाकिस्तान पर आरोप लगाया"},
		{"Demand", "भारत ने पाकिस्तान से मांग की"},
		{"Sanction", "अमेरिका ने ईरान पर प्रतिबंध लगाए"},
		{"SanctionLifting", "अमेरिका ने ईरान से प्रतिबंध हटाए"},
		{"Ban", "पाकिस्तान ने पांच संगठनों को प्रतिबंधित किया"},
		{"Attack", "आतंकवादियों ने संसद पर हमला किया"},
		{"Attack", "हमास ने इजरायल पर हजारों रॉकेट दागे"},
		{"Grant", "पाक ने भारतीय अधिकारियों को वीजा प्रदान किए"},
		{"Proposal", "भारत ने नया प्रस्ताव रखा"},
		{"Acceptance", "पाक ने पेशकश को स्वीकार किया"},
		{"Exchange", "भारत और पाकिस्तान सूची की अदला बदली करेंगे"},
		{"Handover", "पाकिस्तान आतंकवादियों को सौंपेगा"},
		{"Detention", "पुलिस ने उन्हें हिरासत में लिया"},
		{"Expulsion", "भारत ने राजनयिकों को निष्कासित किया"},
		{"Discussion", "दोनों ने व्यापार पर चर्चा की"},
		{"Visit", "मोदी ने रूस की यात्रा की"},
		{"Condemnation", "भारत ने हमले की निंदा की"},
		{"Warning", "अमेरिका ने ईरान को चेतावनी दी"},
		{"Threat", "उसने भारत को धमकी दी"},
		{"Denial", "पाकिस्तान ने आरोपों से इनकार किया"},
		{"Election", "वह राष्ट्रपति चुने गए"},
		{"Election", "वह राष्ट्रपति निर्वाचित हुए"},
		{"ColonialRule", "जापान के औपनिवेशिक शासन से कोरिया की मुक्ति"},
		{"Occupation", "रूस ने क्रीमिया पर कब्जा कर लिया"},
		{"MilitaryExercise", "चीन ने ताइवान के पास सैन्य अभ्यास किया"},
		{"Deaths", "हमले में 12 लोग मारे गए"},
		{"Victory", "भाजपा ने चुनाव में जीत हासिल की"},
		{"Victory", "भाजपा ने 303 सीटें जीतीं"},
		{"SwearingIn", "मोदी 30 मई को शपथ लेंगे"},
		{"Meeting", "दोनों विदेश सचिव नई दिल्ली में मिलेंगे"},
		{"Criticism", "कसूरी ने भारत के रुख की आलोचना की"},
		{"Welcome", "अमेरिका ने बातचीत का स्वागत किया"},
		{"Arrival", "मोदी मंगलवार को मास्को पहुंचे"},
		{"Resignation", "मंत्री ने पद से इस्तीफा दे दिया"},
		{"Arrest", "पुलिस ने उसे गिरफ्तार किया"},
		{"Release", "पाकिस्तान ने मछुआरों को रिहा किया"},
		{"Appointment", "सरकार ने उन्हें राजदूत नियुक्त किया"},
		{"Protest", "लोगों ने सरकार के खिलाफ प्रदर्शन किया"},
	}
	fired := map[int]bool{}
	for _, ex := range examples {
		w := folded(ex.text)
		found := false
		for _, tr := range fs.Find(w, 0, len(w)) {
			if tr.Frame.Class == ex.class && !tr.Negated {
				fired[tr.Frame.Line] = true
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s trigger", ex.text, ex.class)
		}
	}
	for _, f := range fs.List {
		if !fired[f.Line] {
			t.Errorf("frames.tsv:%d (%s) fired on no example", f.Line, f.Class)
		}
	}
}

// Every English frame row fires on an example of its own.
func TestEveryEnglishFrameRowHasAnExample(t *testing.T) {
	ef, err := English()
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]string{
		"PhoneCall": "Kim spoke by phone with Putin", "Talks": "India held talks with Pakistan",
		"Meeting": "Trump met Putin", "Support": "Kim backed Russia", "TreatySigning": "they signed a treaty",
		"Praise": "Putin praised the army", "Congratulation": "Putin congratulated Kim",
		"Deployment": "Pyongyang sent troops", "AgreementReached": "they agreed on trade",
		"Briefing": "Putin briefed Kim", "Statement": "Putin said", "Accusation": "India accused Pakistan",
		"Demand": "India demanded action", "Sanction": "US sanctioned Iran", "SanctionLifting": "US lifted sanctions on Iran",
		"Attack": "Russia attacked Kyiv", "Condemnation": "India condemned the attack",
		"Criticism": "Pakistan criticised India", "Welcome": "US welcomed the talks", "Warning": "US warned Iran",
		"Threat": "Iran threatened Israel", "Visit": "Modi visited Moscow", "Proposal": "India proposed talks",
		"Acceptance": "Pakistan accepted the offer", "Exchange": "they exchanged lists", "Grant": "Pakistan granted visas",
		"Arrest": "police arrested him", "Release": "Pakistan released fishermen", "Expulsion": "India expelled diplomats",
		"Deaths": "ten people died", "Election": "he was elected", "Occupation": "Russia annexed Crimea",
	}
	for _, f := range ef.List {
		text, ok := examples[f.Class]
		if !ok {
			t.Errorf("en/frames.tsv:%d (%s) has no example", f.Line, f.Class)
			continue
		}
		w := folded(text)
		found := false
		for _, tr := range ef.Find(w, 0, len(w)) {
			if tr.Frame == f && !tr.Negated {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s trigger (en/frames.tsv:%d)", text, f.Class, f.Line)
		}
	}
	w := folded("Putin did not meet Trump")
	if trs := ef.Find(w, 0, len(w)); len(trs) != 1 || !trs[0].Negated {
		t.Errorf("negation not seen: %+v", trs)
	}
	w = folded("Kyiv was attacked by drones")
	if trs := ef.Find(w, 0, len(w)); len(trs) != 1 || !trs[0].Passive {
		t.Errorf("passive not seen: %+v", trs)
	}
}
