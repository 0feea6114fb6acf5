package extract

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/schema"
)

// The clause structures of real reports, each in sentences written for
// the test (none is taken from an article).
func TestClauseStructures(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // described events that must be there
		not        []string // classes (or a described event) that must not
	}{
		{"passive with द्वारा: the bare subject undergoes, द्वारा names the agent",
			"लाहौर में तीन पाकिस्तानी नागरिक पुलिस द्वारा गिरफ्तार किए गए।",
			nil, []string{"Arrest agent=Pakistani civilians"}},
		{"passive: को phrase undergoes, no ने agent",
			"इस्लामाबाद में दो भारतीय राजनयिकों को गिरफ्तार किया गया है।",
			[]string{"Arrest involves=India location=Islamabad theme=Indian diplomats @2025-08 #2 asserted"}, nil},
		{"undergoer: an agentless attack keeps its place",
			"सोमवार को इस्लामाबाद में हमला हुआ।",
			[]string{"Attack location=Islamabad @2025-08-11 asserted"}, nil},
		{"undergoer with casualties: people killed are counted, and the count goes to the attack they died in",
			"इस्लामाबाद में हुए हमले में 12 लोग मारे गए।",
			[]string{"Attack location=Islamabad @2025-08 killed=12 asserted", "Deaths location=Islamabad theme=people @2025-08 #12 killed=12 asserted"}, nil},
		{"injured: घायल हो गए",
			"लाहौर में धमाके में बीस लोग घायल हो गए।",
			[]string{"Explosion location=Lahore @2025-08 injured=20 asserted"}, nil},
		{"relative clause: जिसमें gives the casualties to the event before it",
			"लाहौर में एक धमाका हुआ, जिसमें पांच लोग मारे गए।",
			[]string{"Explosion location=Lahore @2025-08 killed=5 asserted"}, nil},
		{"participle: मारे गए लोगों — the noun after the verb group undergoes",
			"हमले में मारे गए नागरिकों के परिवार इस्लामाबाद पहुंचे।",
			[]string{"Deaths theme=civilians @2025-08 asserted"}, nil},
		{"coordinated agents",
			"भारत और पाकिस्तान ने संघर्ष विराम की घोषणा की।",
			[]string{"Ceasefire agent=India+Pakistan @2025-08 asserted"}, nil},
		{"coordinated patients",
			"अमेरिका ने ईरान, रूस तथा उत्तर कोरिया पर प्रतिबंध लगाए।",
			[]string{"Sanction agent=United States target=Iran+North Korea+Russia @2025-08 asserted"}, nil},
		{"condition: अगर … तो — both clauses are conditional",
			"अगर भारत ने हमला किया तो पाकिस्तान जवाब देगा।",
			[]string{"Attack agent=India @2025-08 conditional"}, []string{"Attack agent=India @2025-08 asserted"}},
		{"question: क्या … ? states nothing",
			"क्या भारत ने पाकिस्तान पर हमला किया?",
			nil, []string{"Attack"}},
		{"negation: नहीं",
			"भारत ने पाकिस्तान पर हमला नहीं किया।",
			nil, []string{"Attack"}},
		{"possible: सकता है",
			"तूफान लाहौर से टकरा सकता है।",
			nil, []string{"Crash"}},
		{"obligation: चाहिए is no fact",
			"भारत को पाकिस्तान से बातचीत करनी चाहिए।",
			nil, []string{"Talks"}},
		{"sense guard: an interview with a channel is no talks",
			"किम ने एक टीवी चैनल से बातचीत में कहा कि युद्ध खत्म होगा।",
			[]string{"Interview agent=Kim Jong-un @2025-08 asserted"}, []string{"Talks"}},
		{"sense guard: a procession taken out is no expulsion",
			"भारत में छात्रों ने जुलूस निकाला।",
			[]string{"March agent=students location=India @2025-08 asserted"}, []string{"Expulsion"}},
		{"defeat: X ने Y को हराया, with the margin",
			"भारत ने पाकिस्तान को पांच विकेट से हराया।",
			[]string{"Defeat agent=India patient=Pakistan @2025-08 #5 asserted"}, nil},
		{"a disaster stands with its place",
			"पिछले हफ्ते अलास्का में भीषण बाढ़ आई।",
			[]string{"Flood location=Alaska @2025-08-04..2025-08-10 asserted"}, nil},
		{"the genitive of कहना is the speaker",
			"अमेरिका का कहना है कि ईरान ने इजरायल पर हमला किया।",
			[]string{"Statement agent=United States @2025-08 asserted", "Attack agent=Iran target=Israel @2025-08 asserted <United States>"}, nil},
		{"an adjective with होना is intransitive: its subject undergoes",
			"लाहौर में दो पाकिस्तानी नागरिक गिरफ्तार हुए।",
			[]string{"Arrest involves=Pakistan location=Lahore theme=Pakistani civilians @2025-08 #2 asserted"}, nil},
		{"a name before प्रशासित modifies, it acts in nothing",
			"भारत प्रशासित कश्मीर में हमला हुआ।",
			nil, []string{"Attack agent=India"}},
		{"sense: a verbal attack in a tweet is criticism",
			"ट्रंप ने एक ट्वीट के जरिए मोदी पर हमला बोला।",
			[]string{"Criticism agent=Donald Trump theme=Narendra Modi @2025-08 asserted"}, []string{"Attack"}},
		{"a को phrase before a participle is the participle's",
			"अमेरिका को भेजे एक पत्र में ईरान ने चेतावनी दी।",
			[]string{"Warning agent=Iran @2025-08 asserted"}, []string{"Warning agent=Iran recipient=United States @2025-08 asserted"}},
		{"an event named as a goal is none",
			"भारत ने जीत के लिए पाकिस्तान को 300 रन का लक्ष्य दिया।",
			nil, []string{"Victory"}},
		{"a list with समेत and a title inside it: every name is a patient",
			"हमलावरों ने मोदी, पाकिस्तान के प्रधानमंत्री नवाज शरीफ समेत 20 लोगों की हत्या कर दी।",
			[]string{"Assassination agent=attackers patient=Narendra Modi+Nawaj Sharif+people @2025-08 killed=20 asserted"}, nil},
		{"a relative of place: the events of the clause are where the clause before names",
			"लाहौर वही शहर है, जहां पिछले साल हमास ने हमला किया था।",
			[]string{"Attack agent=Hamas location=Lahore @2024 asserted"}, nil},
		{"a participle before its noun: the noun undergoes, the subject acts in the next verb",
			"हमलावर मारे गए नागरिकों के हथियार लूटकर ले गए।",
			[]string{"Deaths theme=civilians @2025-08 asserted"}, []string{"Deaths theme=attackers @2025-08 asserted"}},
		{"nobody does what happens to an undergoer",
			"पुलिस ने दो हमलावरों के मारे जाने की आशंका जताई।",
			nil, []string{"Deaths agent=police"}},
		{"calling something a failure criticises whose failure it is",
			"ईरान ने इस हादसे को अमेरिका की विफलता बताया।",
			[]string{"Criticism agent=Iran theme=United States @2025-08 asserted"}, nil},
		{"definite description: 'देश में' is the country the article names most",
			"पाकिस्तान के प्रधानमंत्री ने लाहौर का दौरा किया। पाकिस्तान और भारत के बीच तनाव है। देश में बाढ़ आई है।",
			[]string{"Flood location=Pakistan @2025-08 asserted"}, nil},
		{"definite description: 'राज्य में' is the state named before",
			"अलास्का में चुनाव होंगे। राज्य में भारी बारिश हुई।",
			[]string{"HeavyRain location=Alaska @2025-08 asserted"}, nil},
		{"definite description: not after a determiner ('किसी राज्य में')",
			"अलास्का में चुनाव होंगे। किसी राज्य में भारी बारिश हुई।",
			nil, []string{"HeavyRain"}},
		{"a body named by a common noun is the article's own node",
			"अदालत ने पुतिन को दस साल की सजा सुनाई।",
			[]string{"Sentence agent=court patient=Vladimir Putin @2025-08 asserted"}, nil},
		{"a name before the noun of its kind is the head: 'हमास संगठन'",
			"हमास संगठन ने इस्लामाबाद में हमला किया।",
			[]string{"Attack agent=Hamas location=Islamabad @2025-08 asserted"}, nil},
		{"a person before an institution leads it: 'बाइडन प्रशासन'",
			"बाइडन प्रशासन ने रूस पर प्रतिबंध लगाए।",
			[]string{"Sanction agent=Joe Biden administration target=Russia @2025-08 asserted"}, nil},
		{"a government is no place: 'सरकार में मंत्री'",
			"पाकिस्तान सरकार में मंत्री रहे इमरान को गिरफ्तार किया गया।",
			[]string{"Arrest theme=Imran @2025-08 asserted"}, nil},
		{"a ने pronoun is not a body named by a common noun",
			"समिति ने कहा कि रिपोर्ट तैयार है। उन्होंने रूस पर प्रतिबंध लगाए।",
			nil, []string{"Sanction agent=committee target=Russia @2025-08 asserted"}},
		{"a genitive place of a closed thing is where: 'लाहौर के सभी स्कूल बंद'",
			"लाहौर के सभी स्कूल बंद कर दिए गए हैं।",
			[]string{"Closure location=Lahore @2025-08 asserted"}, nil},
		{"habitual: 'हर साल … होते हैं' tells a rule, not an event",
			"लाहौर में हर साल बाढ़ से लोग प्रभावित होते हैं।",
			nil, []string{"Flood", "Impact"}},
		{"a place-only event told again in the country is the same event, dated by the later mention",
			"लेकिन लाहौर में हुए भूस्खलन ने सबको चकित कर दिया है। पुलिस का कहना है कि शुक्रवार को पाकिस्तान में भूस्खलन हुआ।",
			[]string{"Landslide location=Lahore+Pakistan @2025-08-08 asserted <police>"}, nil},
		{"participle: a verb right before a bare name, with a finite verb later, makes that name the subject of both",
			"लंदन पहुंची पाकिस्तानी टीम पहला मैच इंग्लैंड से हार गई।",
			[]string{"Loss agent=Pakistani team participant=England @2025-08 asserted"}, nil},
		{"a city qualifying the noun before ने does not act: the noun does",
			"मुंबई के एक व्यापारी ने दिल्ली में कारखाना खरीदा।",
			nil, []string{"Purchase agent=Mumbai @2025-08 asserted"}},
		{"a defeat one got: 'X को हार मिली' — को names who lost",
			"पाकिस्तान को फाइनल में इंग्लैंड से हार मिली।",
			[]string{"Loss agent=Pakistan participant=England @2025-08 asserted"}, nil},
		{"vector verb: दिया after करना's stem completes the verb before it; it is no giving",
			"अदालत ने कंपनी के लाइसेंस को बहाल कर दिया।",
			nil, []string{"Event(give)"}},
		{"vector verb: a verb of its own keeps its gloss when a vector verb completes it",
			"रूस ने यूक्रेन को पांच सौ ड्रोन दे दिए।",
			[]string{"Event(give) agent=Russia recipient=Ukraine theme=drones @2025-08 #500 asserted"}, nil},
		{"generic: a name that qualifies the noun before a case marker is not the object",
			"दर्जनों लोगों ने मोदी की नीतियों को लेकर पत्र लिखा।",
			nil, []string{"Event(write)"}},
		{"generic: a bare name before a noun and its case marker qualifies that noun",
			"पुतिन ने ट्रंप वाले पत्र में जवाब लिखा।",
			nil, []string{"Event(write)"}},
		{"an event noun the future verb happens during is planned too ('यात्रा के दौरान … करेंगे')",
			"लंदन की यात्रा के दौरान मोदी ब्रिटेन के प्रधानमंत्री से मुलाकात करेंगे।",
			[]string{"Visit agent=Narendra Modi destination=London planned"}, []string{"Visit agent=Narendra Modi destination=London @2025-08 asserted"}},
		{"sources: names before 'से आ रही रिपोर्टों के अनुसार' report; they neither act nor undergo",
			"समाचार एजेंसी 'केसीएनए' और 'योनहाप' से आ रही रिपोर्टों के अनुसार सियोल में पार्टी की एक इकाई ने मामले को अदालत को सौंप दिया है।",
			nil, []string{"Handover agent=Korean Central News Agency", "Handover recipient=court theme=Korean Central News Agency"}},
		{"correlative: 'X ने जहाँ … वहीं Y ने …' contrasts two clauses; X is no place",
			"पाकिस्तान ने जहाँ भारत का प्रस्ताव स्वीकार कर लिया है वहीं अमेरिका ने उसे ठुकरा दिया है।",
			[]string{"Acceptance agent=Pakistan theme=India @2025-08 asserted"}, []string{"Acceptance agent=United States location=Pakistan theme=India @2025-08 asserted"}},
		{"habitual passive: 'X को Y कहा जाता है' names, 'गिरफ्तार किए जाते हैं' tells a rule; neither is an event",
			"पश्चिम में चीन को ड्रैगन कहा जाता है। लाहौर में हर दिन चोर गिरफ्तार किए जाते हैं।",
			nil, []string{"Statement", "Arrest"}},
		{"saying with no sayer and no source states nothing ('X से कहा गया कि …')",
			"मोदी से कहा गया कि वह इस्तीफा दें।",
			nil, []string{"Statement"}},
		{"sense: 'X से मिलना' with no one who meets is resembling or receiving, no meeting",
			"उनकी यह आदत मोदी से मिलती थी। हाल में रूस से मिले हथियार बहुत काम आए।",
			nil, []string{"Meeting"}},
		{"'X की कप्तानी में', 'X के नेतृत्व वाली': the genitive leads; the clause's agent is not the captain",
			"मोदी की कप्तानी में भारत ने सीरीज जीती।",
			[]string{"Captaincy agent=Narendra Modi @2025-08 asserted"}, []string{"Captaincy agent=India"}},
		{"sense: a noun that takes the light verb itself stands between a trigger and it ('फोन लॉन्च किया' is no call)",
			"कंपनी ने पिछले हफ्ते नया फोन लॉन्च किया। मोदी ने अपना फोन इस्तेमाल किया।",
			[]string{"Launch agent=company @2025-08-04..2025-08-10 asserted"}, []string{"PhoneCall"}},
		{"light verb: '… को अंजाम दिया' (carried out) stands for करना",
			"आतंकवादियों ने लाहौर में एक बड़े हमले को अंजाम दिया।",
			[]string{"Attack agent=terrorists location=Lahore @2025-08 asserted"}, nil},
		{"calling: 'X को Y बताया' says what X is; it tells X nothing",
			"मोदी ने इमरान को तानाशाह बताया। पुतिन ने मोदी को बैठक के बारे में बताया।",
			[]string{"Statement agent=Narendra Modi topic=Imran @2025-08 asserted", "Briefing agent=Vladimir Putin recipient=Narendra Modi @2025-08 asserted"},
			[]string{"Briefing agent=Narendra Modi", "Statement agent=Vladimir Putin"}},
		{"sense: cornering someone in words (संसद में X को घेरा) is no siege",
			"इमरान ने संसद में मोदी को घेर लिया।",
			nil, []string{"Siege"}},
		{"sense: runs hit (रन पीट डाले) are a score, no beating",
			"आख़िरी ओवर में इमरान ने 24 रन पीट डाले।",
			[]string{"Score agent=Imran @2025-08 asserted"}, []string{"Beating"}},
		{"sense: targeting (निशाना बनाया) with no violence near is criticism, no attack",
			"इमरान ने संसद में मोदी को निशाना बनाया।",
			[]string{"Criticism agent=Imran theme=Narendra Modi @2025-08 asserted"}, []string{"Attack"}},
		{"a kinship noun after a genitive acts itself: 'X के भाई ने कहा' is not said by X",
			"मोदी के भाई ने कहा कि चुनाव होंगे।",
			nil, []string{"Statement agent=Narendra Modi @2025-08 asserted"}},
		{"generic: names before जैसे are examples of the noun after them, not what the verb acts on",
			"विद्रोहियों ने लाहौर और इस्लामाबाद जैसे बड़े शहरों में अपनी मज़बूत पकड़ बनाए रखी है।",
			nil, []string{"Event(make)", "Event(keep)"}},
		{"during: the ने phrase after 'X के दौरान' acts in the clause's verb, not in the nominal; one who speaks in talk took part in it",
			"'लाहौर लायंस' और 'कराची किंग्स' के बीच खेले गए इस मुकाबले के दौरान एक संगठन के दो समर्थकों ने विरोधी नारे लगाए और स्टेडियम में घुसने की कोशिश की। पुतिन के साथ बातचीत के दौरान मोदी ने कहा कि व्यापार बढ़ेगा।",
			[]string{"Talks agent=Narendra Modi participant=Vladimir Putin @2025-08 asserted"}, []string{"Match agent=supporters"}},
		{"sense: falling prey to a disease (कैंसर के शिकार) is no attack",
			"इमरान पिछले साल कैंसर के शिकार हो गए।",
			nil, []string{"Attack"}},
		{"sense: coming back from watching a film (फ़िल्म 'X' देख कर आया) is no release",
			"मैं एक दिन उनकी फ़िल्म 'बरसात की रात' देख कर आया और सो गया।",
			nil, []string{"FilmRelease"}},
		{"anaphora: inside a quotation a pronoun of the third person is not its speaker",
			"इमरान के बारे में मोदी कहते हैं, \"वो बहुत बीमार थे. वो अस्पताल में रहे. उन्होंने इस दुनिया को अलविदा कह दिया.\"",
			[]string{"Death theme=Imran @2025-08 asserted <Narendra Modi>"}, []string{"Death theme=Narendra Modi"}},
		{"generic: a name inside a quoted title is part of it, not what the verb acts on",
			"इमरान ने 'पाकिस्तान पहले' नीति को नारे की तरह इस्तेमाल किया है।",
			nil, []string{"Event(use) agent=Imran theme=Pakistan"}},
		{"an app made is a development; a bare name inside a quoted title is part of it, not its theme",
			"'लाहौर डायरी' नाम की वेबसाइट के अनुसार कनाडा के एक डॉक्टर ने एक नया मोबाइल ऐप बनाया है।",
			[]string{"Development agent=doctors @2025-08 asserted"}, []string{"Development agent=doctors theme=Lahore"}},
		{"anaphora: a pronoun that acts is not whom its own clause names (the addressee of 'उन्होंने X से कहा')",
			"इमरान ने एक डॉक्टर पर बदसलूकी का आरोप लगाया। जब उन्होंने इमरान से ऐसा ना करने के लिए कहा तो इमरान उन पर भड़क गए।",
			[]string{"Accusation agent=Imran patient=doctors @2025-08 #1 asserted"}, []string{"Statement agent=Imran"}},
		{"two nouns of its kind between a name and its case marker: 'X समाचार वेबसाइट को' is told to X",
			"पुतिन ने योनहाप समाचार वेबसाइट को बताया कि बैठक होगी। मोदी ने योनहाप न्यूज़ चैनल को बताया कि बैठक होगी।",
			[]string{"Statement agent=Vladimir Putin recipient=Yonhap News Agency @2025-08 asserted", "Statement agent=Narendra Modi recipient=Yonhap News Agency @2025-08 asserted"}, nil},
		{"simple present and habitual past tell what is done as a rule, not an event; a ने perfective and a कि report stay",
			"भारत हर मुद्दे पर रूस का समर्थन करता है। पाकिस्तान पहले इंग्लैंड से मैच खेलता था। अमेरिका इमरान को पैसे देता है। मोदी ने कहा, 'मैं इमरान का समर्थन करता हूं।' पाकिस्तान ने इंग्लैंड से सीरीज जीती है।",
			[]string{"Victory agent=Pakistan @2025-08 asserted"}, []string{"Support", "Match", "Event(give)"}},
		{"generic: a में phrase far before the verb, across a participle, is not its object",
			"शोधकर्ताओं ने लंदन के एक विश्वविद्यालय में पढ़ रहे छात्रों से सवाल पूछे।",
			nil, []string{"Event(ask) agent=researchers theme=university"}},
		{"an event among equals with one party and no one who acts is no fact",
			"इस्लामाबाद में पाकिस्तान के साथ बातचीत हुई।",
			nil, []string{"Talks"}},
		{"translation, with its agent after the verb in the inverted order of emphasis ('… किया है X ने')",
			"उस उपन्यास का अंग्रेज़ी में अनुवाद किया है मोदी ने।",
			[]string{"Translation agent=Narendra Modi @2025-08 asserted"}, nil},
		{"indirect question: a question word inside a कि clause asks; the asking is told, the asked is not",
			"पत्रकारों ने पूछा कि क्या मोदी ने पुतिन से मुलाकात की। अब देखना है कि भारत किन देशों को हथियार देता है।",
			nil, []string{"Meeting", "Event(give)"}},
		{"alternatives: 'या तो … या फिर …' tells neither as done",
			"या तो भारत ने हमला किया या फिर पाकिस्तान ने हमला किया।",
			nil, []string{"Attack agent=India @2025-08 asserted", "Attack agent=Pakistan @2025-08 asserted"}},
		{"aim: an event named as hoped for or threatened has not happened",
			"अमेरिका ने ईरान पर हमले की धमकी दी।",
			[]string{"Threat agent=United States @2025-08 asserted"}, []string{"Attack target=Iran @2025-08 asserted"}},
		{"'X स्थित Y': the place says where Y is; it does not act",
			"अमेरिका स्थित एक संस्था का मानना है कि भारत ने गलती की।",
			nil, []string{"Statement agent=United States"}},
		{"a genitive before another genitive qualifies that noun, not the event ('X के सहयोग की अपील')",
			"परिवार ने भारत के सहयोग की अपील की।",
			nil, []string{"Appeal theme=India", "Appeal agent=India"}},
		{"a city's genitive before an event noun says where it was, not who did it",
			"लाहौर के हमले की भारत ने निंदा की।",
			nil, []string{"Attack agent=Lahore"}},
		{"the one acquitted or arrested is someone, never a place",
			"अदालत ने लाहौर हमले के मामले में इमरान को बरी कर दिया। अदालत ने लाहौर को बरी कर दिया।",
			[]string{"Acquittal agent=court patient=Imran @2025-08 asserted"}, []string{"Acquittal agent=court patient=Lahore"}},
		{"calling: a genitive that qualifies the one called is not the one called",
			"मोदी ने इमरान की नीतियों को खतरनाक बताया।",
			nil, []string{"Statement agent=Narendra Modi topic=Imran"}},
		{"concession: 'X को मानना पड़ा कि …' — X concedes what the कि clause says",
			"मोदी को मानना पड़ा कि योजना विफल रही।",
			[]string{"Concession agent=Narendra Modi @2025-08 asserted"}, []string{"Statement"}},
		{"what happens (होना) has no ने agent: the ने phrase acts in the other verb of the clause",
			"कांग्रेस ने पिछले महीने यात्रा शुरू की और राज्य में इसी साल चुनाव होने हैं।",
			nil, []string{"Election agent=Congress"}},
		{"vector verb: a verb stem before लिया/दिया is completed, not 'take' or 'give' ('मान लिया' accepts, 'पल्ला झाड़ लिया' disowns)",
			"मोदी ने इमरान को अपना नेता मान लिया।",
			nil, []string{"Event(take)"}},
		{"sense: a traffic jam, a legal fight and being cornered on an issue are no blockade, war or siege",
			"शहर में भारी जाम लगा। इमरान ने न्याय की लड़ाई लड़ी। विपक्ष ने मोदी को महंगाई के मुद्दे पर घेर लिया।",
			nil, []string{"Blockade", "War", "Siege"}},
		{"a genitive before a participle phrase qualifies the event noun after it ('X की … जेल में हुई फांसी')",
			"इमरान की लाहौर की एक जेल में हुई फांसी के बाद प्रदर्शन हुए।",
			[]string{"Execution patient=Imran @2025-08 asserted"}, []string{"Execution patient=Lahore"}},
		{"a purpose infinitive's subject is the clause's subject after it",
			"लाहौर हवाई अड्डे पर उनका स्वागत करने के लिए इमरान भी मौजूद थे।",
			[]string{"Welcome agent=Imran location=Lahaur Airport planned"}, nil},
		{"a law passed in a place or a body stands with that place",
			"इस्लामाबाद में एक नया विधेयक पारित किया गया।",
			[]string{"LawPassed location=Islamabad @2025-08 asserted"}, nil},
		{"flooding: the places whose areas are submerged",
			"भारी बारिश से लाहौर के निचले इलाके जलमग्न हो गए।",
			[]string{"Flood location=Lahore @2025-08 asserted"}, nil},
		{"a deployment names who or what is deployed; a place alone is none",
			"उन दिनों कोई अधिकारी लाहौर में तैनात थे। भारत ने सीमा पर सेना तैनात कर दी।",
			[]string{"Deployment agent=India theme=army @2025-08 asserted"}, []string{"Deployment location=Lahore"}},
		{"what someone is accused of, with no accuser named, is alleged: reported, not asserted",
			"इमरान पर आरोप है कि रूस ने भारत पर हमला किया। पुलिस ने इमरान की हत्या के आरोप में मोदी को गिरफ्तार किया।",
			[]string{"Attack agent=Russia target=India @2025-08 reported", "Killing agent=Narendra Modi patient=Imran @2025-08 reported"},
			[]string{"Attack agent=Russia target=India @2025-08 asserted", "Killing patient=Imran @2025-08 asserted"}},
		{"a sports result happens at a place, not in a team",
			"इमरान ने पाकिस्तानी टीम में आने के बाद पहला मैच खेला।",
			nil, []string{"Match agent=Imran location=Pakistani team"}},
		{"a complaint noun's genitive is who complains",
			"कई पत्रकारों की शिकायत है कि उन्हें रोका गया।",
			[]string{"Complaint agent=journalists @2025-08 asserted"}, nil},
		{"a nominal event the clause's ने phrase stands before sets a scene; that phrase acts in the clause's verb",
			"पत्रकारों ने लाहौर के हमले में बचे नागरिकों की मदद की।",
			nil, []string{"Attack agent=journalists"}},
		{"a nominal event before a participle: what happened in it, not what the subject did",
			"हमले में घायल हुए नागरिकों से मिलने इमरान लाहौर पहुंचे।",
			nil, []string{"Attack agent=Imran"}},
		{"a ने phrase after the nominal's postposition acts in it",
			"इस हमले में आतंकवादियों ने लाहौर में पुलिस पर गोलियां चलाईं।",
			[]string{"Attack agent=terrorists @2025-08 asserted"}, nil},
		{"an event noun before a verb of calling is what something is called",
			"रूस ने इस समझौते को भारत की जीत बताया।",
			nil, []string{"Victory"}},
		{"sense: those who sign a petition are no party to a treaty",
			"लाहौर में हजारों पत्रकारों ने एक याचिका पर हस्ताक्षर किए।",
			[]string{"Petition agent=journalists location=Lahore @2025-08 asserted"}, []string{"TreatySigning"}},
		{"a test on people: पर names those it is tried on",
			"रूस के डॉक्टरों ने पांच सौ नागरिकों पर नई दवा का परीक्षण किया।",
			[]string{"Test agent=doctors patient=civilians @2025-08 #500 asserted"}, nil},
		{"arriving at someone: के पास names whom the traveller reaches",
			"मोदी सीधे पत्रकारों के पास पहुंचे।",
			[]string{"Arrival agent=Narendra Modi recipient=journalists @2025-08 asserted"}, nil},
		{"relative clause: the ergative relative pronoun (जिन्होंने) acts for its head",
			"लाहौर में वे सैनिक मौजूद थे, जिन्होंने इस्लामाबाद पर हमला किया था।",
			[]string{"Attack agent=soldiers target=Islamabad @2025-08 asserted"}, nil},
		{"जब … तो: the तो that answers a जब opens the main clause, whose ने phrase acts there alone",
			"जब भारत विश्व कप जीत गया तो मोदी ने मुझे बुलाया।",
			[]string{"Victory agent=India @2025-08 asserted"}, []string{"Victory agent=Narendra Modi"}},
		{"compulsion: the को phrase before 'infinitive + पड़ा' had to act, and did",
			"इमरान को पद से इस्तीफ़ा देना पड़ा।",
			[]string{"Resignation agent=Imran @2025-08 asserted"}, nil},
		{"a motion's origin is a place: 'लोगों से पूछते हुए पहुंचे' names none",
			"मोदी नागरिकों से रास्ता पूछते हुए लाहौर पहुंचे।",
			[]string{"Arrival agent=Narendra Modi destination=Lahore @2025-08 asserted"}, []string{"Arrival agent=Narendra Modi destination=Lahore origin=civilians"}},
		{"a bare place beside what a passive places is where it is placed, not what",
			"बीस हजार सैनिक लाहौर तैनात किए गए हैं।",
			nil, []string{"Deployment theme=Lahore"}},
		{"'यात्रा पर' is on a visit only with its verb: 'यात्रा पर हुए हमले' is an attack on it",
			"रूस ने इमरान की यात्रा पर हुए हमले की निंदा की।",
			nil, []string{"Visit agent=Russia"}},
		{"a reflexive possessive before an event noun whose genitive is its theme: the agent's own",
			"रूस ने अपनी एक जांच में कई सवाल उठाए।",
			[]string{"Investigation agent=Russia @2025-08 asserted"}, []string{"Investigation theme=Russia"}},
		{"the genitive of an accusation or a demand noun is who makes it",
			"रूस का आरोप है कि यूक्रेन ने हमला किया। पत्रकारों की मांग है कि जांच हो।",
			[]string{"Accusation agent=Russia @2025-08 asserted", "Demand agent=journalists @2025-08 asserted"}, []string{"Accusation theme=Russia", "Demand theme=journalists"}},
		{"a film comes out, no actor does",
			"इमरान ने बताया कि 1998 में आई अपनी पहली फिल्म से उन्हें पहचान मिली।",
			nil, []string{"FilmRelease theme=Imran"}},
		{"deaths whose confirmation is told have happened",
			"पुलिस ने बताया कि लाहौर में 20 लोगों के मारे जाने की पुष्टि हो चुकी है।",
			[]string{"Deaths location=Lahore theme=people @2025-08 #20 killed=20 asserted <police>"}, nil},
		{"a thing in the genitive is what an attack is made with, not who attacks",
			"लाहौर में मिसाइलों के हमले हुए।",
			nil, []string{"Attack agent=missiles"}},
		{"one says something from a city, not to it",
			"मोदी ने लाहौर से फोन करके इमरान से कहा कि बातचीत होगी।",
			[]string{"Statement agent=Narendra Modi recipient=Imran @2025-08 asserted"}, nil},
		{"generic: a name before an event noun in a phrase qualifies it, and is no object",
			"इमरान ने अपना आख़िरी अंतरराष्ट्रीय मैच लाहौर टेस्ट में खेला।",
			nil, []string{"Event(play) agent=Imran theme=Lahore"}},
		{"generic: a clause no frame covers, with a subject and an object",
			"रूस ने यूक्रेन को पांच सौ ड्रोन दिए।",
			[]string{"Event(give) agent=Russia recipient=Ukraine theme=drones @2025-08 #500 asserted"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkEvents(t, c.text, c.want, c.not, wholeEvent)
		})
	}
}

// Reported speech keeps its source: a कि clause, a quotation after "X ने
// कहा," and the sentences of a quotation that goes on.
func TestReportedSpeech(t *testing.T) {
	text := "पुतिन ने कहा, 'रूस ने कुर्स्क पर कब्जा कर लिया है। यूक्रेन ने वहां हमला किया था।' इसके बाद ट्रंप ने मोदी से मुलाकात की।"
	got := events(t, text)
	for _, w := range []string{
		"Occupation agent=Russia patient=Kursk @2025-08 asserted <Vladimir Putin>",
		"Attack agent=Ukraine @2025-08 asserted <Vladimir Putin>",
		"Meeting agent=Donald Trump participant=Narendra Modi @2025-08 asserted",
	} {
		if !has(got, w) {
			t.Errorf("want %q\n got %q", w, got)
		}
	}
}

// An event's class carries its CAMEO and PLOVER codes into the quads, a
// generic event its lemma and gloss, a deadly one its casualties.
func TestCodedQuads(t *testing.T) {
	r := extractText(t, "इस्लामाबाद में हुए हमले में 12 लोग मारे गए। रूस ने यूक्रेन को पांच सौ ड्रोन दिए।", pub)
	qs := Quads(r, "test")
	var cameo, plover, killed, generic, gloss bool
	for _, q := range qs {
		switch q.Predicate {
		case schema.CAMEO:
			cameo = cameo || schema.Text(q.Object) == "180"
		case schema.PLOVER:
			plover = plover || schema.Text(q.Object) == "assault"
		case schema.Killed:
			killed = killed || schema.Text(q.Object) == "12"
		case schema.Generic:
			generic = true
		case schema.Gloss:
			gloss = gloss || schema.Text(q.Object) == "give"
		}
	}
	if !cameo || !plover || !killed || !generic || !gloss {
		t.Errorf("cameo=%v plover=%v killed=%v generic=%v gloss=%v", cameo, plover, killed, generic, gloss)
	}
}

func relations(r *Result) []string {
	var out []string
	for _, rel := range r.Relations {
		out = append(out, rel.From.Label()+" "+rel.Predicate+" "+rel.To.Label())
	}
	return append(out, positionLines(r)...)
}

// Relations the link between two names and their classes tell, each in a
// sentence written for the test.
func TestTypedRelations(t *testing.T) {
	cases := []struct{ text, want string }{
		{"पाकिस्तान के लाहौर में बारिश हुई।", "Lahore located_in Pakistan"},
		{"पाकिस्तान के लाहौर और इस्लामाबाद में बारिश हुई।", "Islamabad located_in Pakistan"},
		{"इस्लामाबाद (पाकिस्तान) में बैठक हुई।", "Islamabad located_in Pakistan"},
		{"लाहौर पाकिस्तान का एक बड़ा शहर है।", "Lahore located_in Pakistan"},
		// an organisation after a place's genitive lies there
		{"लाहौर के हमास ने बयान जारी किया।", "Hamas located_in Lahore"},
		{"पाकिस्तान एक बड़ा देश है जो भारत और ईरान की सीमा से लगता है।", "Pakistan borders Iran"},
		{"रूस के व्लादिमीर पुतिन ने कहा।", "Vladimir Putin Nationality Russia"},
		{"डोनाल्ड ट्रंप के बड़े भाई जो बाइडन ने कहा।", "Joe Biden brother_of Donald Trump"},
		{"जो बाइडन, डोनाल्ड ट्रंप के छोटे भाई, ने कहा।", "Joe Biden brother_of Donald Trump"},
		{"भारत की ओर से नरेंद्र मोदी ने बधाई दी।", "Narendra Modi Representative India"},
		// a group noun before a title names the body
		{"पुलिस प्रवक्ता जो बाइडन ने कहा।", "Joe Biden Spokesperson police"},
		// a noun naming the place's kind stands between it and the title
		{"अलास्का प्रांत के गवर्नर जो बाइडन ने कहा।", "Joe Biden Governor Alaska"},
		// an office without its country takes the one its sentence names
		{"राष्ट्रपति पुतिन ने रूस में कहा कि युद्ध खत्म होगा।", "Vladimir Putin President Russia"},
	}
	for _, c := range cases {
		got := relations(extractText(t, c.text, pub))
		if !has(got, c.want) {
			t.Errorf("%q: want %q, got %q", c.text, c.want, got)
		}
	}
	// a country named once, in another sentence, is no office's context
	got := relations(extractText(t, "राष्ट्रपति पुतिन ने कहा कि युद्ध खत्म होगा। उनके एक सहयोगी ईरान गए।", pub))
	if !has(got, "Vladimir Putin President -") {
		t.Errorf("the president of a country named once elsewhere: %q", got)
	}
	// a person named with the country of a title is no national of it
	for _, g := range relations(extractText(t, "रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा।", pub)) {
		if strings.Contains(g, "Nationality") {
			t.Errorf("a title read as nationality: %q", g)
		}
	}
}

// A speaker's first-person pronouns in a quotation are the speaker; a
// classifier noun stands between a name and its case marker.
func TestSpeakerAndClassifier(t *testing.T) {
	got := events(t, "पुतिन ने कहा, 'मैंने ट्रंप से मुलाकात की।' लाहौर शहर में हमला हुआ।")
	for _, w := range []string{
		"Meeting agent=Vladimir Putin participant=Donald Trump @2025-08 asserted <Vladimir Putin>",
		"Attack location=Lahore @2025-08 asserted",
	} {
		if !has(got, w) {
			t.Errorf("want %q\n got %q", w, got)
		}
	}
}
