// Package exporttest builds the small graph every export test writes, in
// the shape schema/model.md gives (the seed article's story, by hand), and
// compares output with golden files.
package exporttest

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// ArticleID is the fixture's main article.
const ArticleID = "2025-08-13-kim-putin-phone-call"

// Entity IRIs of the fixture.
var (
	Kim       = schema.EntityIRI("Q56226")
	Putin     = schema.EntityIRI("Q7747")
	Trump     = schema.EntityIRI("Q22686")
	NorthKor  = schema.EntityIRI("Q423")
	Russia    = schema.EntityIRI("Q159")
	Japan     = schema.EntityIRI("Q17")
	Korea     = schema.EntityIRI("Q18097")
	Pyongyang = schema.EntityIRI("Q18808")
	Alaska    = schema.EntityIRI("Q797")
	Kursk     = schema.EntityIRI("Q4487")
	KCNA      = schema.EntityIRI("Q836380")
	Treaty    = schema.EntityIRI("treaty-on-comprehensive-strategic-partnership")
	UkraineW  = schema.EntityIRI("Q15860072")
	Sappers   = schema.EntityIRI("local/" + ArticleID + "/sappers")
	Odd       = schema.EntityIRI("odd-names")
	Loner     = schema.EntityIRI("Q90") // Paris: mentioned, in no fact
)

func hi(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "hi"} }
func en(s string) quad.Value { return quad.LangString{Value: quad.String(s), Lang: "en"} }
func typed(s string, t quad.IRI) quad.Value {
	return quad.TypedString{Value: quad.String(s), Type: t}
}

type builder struct{ a *graph.Article }

func (b *builder) add(s, p, o quad.Value) {
	b.a.Quads = append(b.a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o})
}

func (b *builder) entity(iri quad.IRI, class, labelEN, labelHI, qid string, alts ...quad.Value) {
	b.add(b.a.IRI, schema.Mentions, iri)
	b.add(iri, schema.AssertedType, schema.Class(class))
	if labelEN != "" {
		b.add(iri, schema.AssertedLabel, en(labelEN))
	}
	if labelHI != "" {
		b.add(iri, schema.AssertedLabel, hi(labelHI))
	}
	if qid != "" {
		b.add(iri, schema.AssertedSameAs, schema.WikidataIRI(qid))
	}
	for _, a := range alts {
		b.add(iri, schema.AssertedAltLabel, a)
	}
}

type event struct {
	class    string
	label    string
	roles    [][2]quad.Value // predicate, filler
	date     quad.Value
	end      quad.Value
	dateText string
	modality string
	by       []quad.IRI
	evidence string
	quantity string
	rels     [][3]quad.Value
}

func (b *builder) event(n int, e event) {
	id := schema.LocalName(b.a.IRI)
	iri := schema.EventIRI(id, n)
	b.add(iri, schema.Type, schema.Event)
	b.add(iri, schema.Type, schema.Class(e.class))
	b.add(iri, schema.Label, en(e.label))
	for _, r := range e.roles {
		b.add(iri, r[0], r[1])
	}
	if e.date != nil {
		b.add(iri, schema.Date, e.date)
		b.add(iri, schema.DateBasis, quad.String("text"))
	}
	if e.end != nil {
		b.add(iri, schema.EndDate, e.end)
	}
	if e.dateText != "" {
		b.add(iri, schema.DateText, hi(e.dateText))
	}
	if e.quantity != "" {
		b.add(iri, schema.Quantity, typed(e.quantity, schema.XSDInteger))
	}
	b.add(iri, schema.Modality, quad.String(e.modality))
	for _, by := range e.by {
		b.add(iri, schema.ReportedBy, by)
	}
	b.add(iri, schema.Evidence, hi(e.evidence))
	b.add(iri, schema.EvidenceAt, typed("100", schema.XSDInteger))
	b.add(iri, schema.EvidenceEnd, typed("180", schema.XSDInteger))
	for _, r := range e.rels {
		b.add(r[0], r[1], r[2])
	}
}

// Articles returns the fixture's articles: the seed story, and a second
// article that shares Kim and adds a node whose labels hold every
// character XML, DOT, JSON and CSV must escape.
func Articles() []*graph.Article {
	a := &graph.Article{IRI: schema.ArticleIRI(ArticleID), SourcePath: "/fixture/seed.txt"}
	b := &builder{a}
	b.add(a.IRI, schema.Type, schema.NewsArticle)
	b.add(a.IRI, schema.Headline, hi("अलास्का शिखर सम्मेलन से पहले पुतिन के साथ फोन पर बातचीत में किम ने रूस के लिए 'पूर्ण समर्थन' जताया"))
	b.add(a.IRI, schema.DatePublished, typed("2025-08-13", schema.XSDDate))
	b.add(a.IRI, schema.ContentHash, quad.String("sha256:0000"))
	b.add(a.IRI, schema.Dateline, schema.EntityIRI("Q8684"))

	b.entity(Kim, "Person", "Kim Jong-un", "किम जोंग-उन", "Q56226", hi("किम"), en("Kim Jong Un"))
	b.entity(Putin, "Person", "Vladimir Putin", "व्लादिमीर पुतिन", "Q7747", hi("पुतिन"))
	b.entity(Trump, "Person", "Donald Trump", "डोनाल्ड ट्रंप", "Q22686", hi("ट्रंप"))
	b.entity(NorthKor, "Country", "North Korea", "उत्तर कोरिया", "Q423")
	b.entity(Russia, "Country", "Russia", "रूस", "Q159")
	b.entity(Japan, "Country", "Japan", "जापान", "Q17")
	b.entity(Korea, "Country", "Korea", "कोरिया", "Q18097")
	b.entity(Pyongyang, "City", "Pyongyang", "प्योंगयांग", "Q18808")
	b.entity(Alaska, "AdministrativeArea", "Alaska", "अलास्का", "Q797")
	b.entity(Kursk, "City", "Kursk", "कुर्स्क", "Q4487")
	b.entity(KCNA, "NewsMediaOrganization", "Korean Central News Agency", "कोरियन सेंट्रल न्यूज एजेंसी", "Q836380", hi("केसीएनए"))
	b.entity(Treaty, "Treaty", "Treaty on Comprehensive Strategic Partnership", "पारस्परिक रक्षा संधि", "")
	b.entity(UkraineW, "War", "Russo-Ukrainian War", "यूक्रेन युद्ध", "Q15860072")
	b.entity(Sappers, "Group", "sappers", "सैपर", "")
	b.entity(schema.EntityIRI("Q8684"), "City", "Seoul", "सियोल", "Q8684")
	b.entity(Loner, "City", "Paris", "पेरिस", "Q90")

	b.add(Putin, schema.Rel("president_of"), Russia)
	// A title read as a position node (kg:Position and the title's class).
	pos := schema.PositionIRI(ArticleID, 1)
	b.add(pos, schema.Type, schema.Position)
	b.add(pos, schema.Type, schema.Class("Leader"))
	b.add(pos, schema.Label, en("Leader: Kim Jong-un, North Korea"))
	b.add(pos, schema.Holder, Kim)
	b.add(pos, schema.Of, NorthKor)
	b.add(pos, schema.Relation, quad.String("leader_of"))
	b.add(pos, schema.Trigger, hi("नेता"))
	b.add(pos, schema.Evidence, hi("उत्तर कोरिया के नेता किम जोंग-उन ने रूस के राष्ट्रपति व्लादिमीर पुतिन से फोन पर बातचीत में रूस को पूरा समर्थन देने की बात कही है।"))
	b.event(1, event{
		class: "PhoneCall", label: "PhoneCall: Kim Jong-un, Vladimir Putin",
		roles:    [][2]quad.Value{{schema.Agent, Kim}, {schema.Participant, Putin}},
		date:     typed("2025-08-13", schema.XSDDate),
		modality: schema.Reported, by: []quad.IRI{KCNA},
		evidence: "उत्तर कोरिया के नेता किम जोंग-उन ने रूस के राष्ट्रपति व्लादिमीर पुतिन से फोन पर बातचीत में रूस को पूरा समर्थन देने की बात कही है।",
		rels:     [][3]quad.Value{{Kim, schema.Rel("spoke_with"), Putin}},
	})
	b.event(2, event{
		class: "Support", label: "Support: Kim Jong-un, Russia",
		roles:    [][2]quad.Value{{schema.Agent, Kim}, {schema.Recipient, Russia}},
		date:     typed("2025-08-13", schema.XSDDate),
		modality: schema.Reported, by: []quad.IRI{KCNA},
		evidence: "उत्तर कोरिया के नेता किम जोंग-उन ने रूस के राष्ट्रपति व्लादिमीर पुतिन से फोन पर बातचीत में रूस को पूरा समर्थन देने की बात कही है।",
		rels:     [][3]quad.Value{{Kim, schema.Rel("supports"), Russia}},
	})
	b.event(3, event{
		class: "Meeting", label: "Meeting: Donald Trump, Vladimir Putin",
		roles:    [][2]quad.Value{{schema.Agent, Trump}, {schema.Participant, Putin}, {schema.Location, Alaska}, {schema.Topic, UkraineW}},
		date:     typed("2025-08-15", schema.XSDDate),
		dateText: "शुक्रवार को", modality: schema.Planned,
		// A planned event yields no direct edge (loaders/extract).
		evidence: "यह बातचीत उस समय हुई, जब शुक्रवार को अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप और पुतिन की अलास्का में मुलाकात तय है, जिसमें यूक्रेन युद्ध को रोकने पर चर्चा होगी।",
	})
	b.event(4, event{
		class: "TreatySigning", label: "TreatySigning: North Korea, Russia",
		roles:    [][2]quad.Value{{schema.Agent, NorthKor}, {schema.Participant, Russia}, {schema.Theme, Treaty}, {schema.Location, Pyongyang}},
		date:     typed("2024-06", schema.XSDGYearMonth),
		dateText: "पिछले साल जून में", modality: schema.Asserted,
		evidence: `उत्तर कोरिया और रूस के नेताओं ने पिछले साल जून में प्योंगयांग में एक पारस्परिक रक्षा संधि पर हस्ताक्षर किए थे, जिसके अनुसार किसी भी पक्ष पर हमला होने पर "बिना किसी देरी" के सैन्य सहायता प्रदान की जाएगी।`,
		rels: [][3]quad.Value{
			{NorthKor, schema.Rel("party_to"), Treaty}, {Russia, schema.Rel("party_to"), Treaty},
			{Treaty, schema.Rel("signed_in"), Pyongyang},
		},
	})
	b.event(5, event{
		class: "ColonialRule", label: "ColonialRule: Japan, Korea",
		roles:    [][2]quad.Value{{schema.Agent, Japan}, {schema.Theme, Korea}},
		date:     typed("1910", schema.XSDGYear),
		end:      typed("1945", schema.XSDGYear),
		dateText: "1910-45", modality: schema.Asserted,
		evidence: "पुतिन ने 15 अगस्त को उत्तर कोरिया की आगामी 80वीं मुक्ति वर्षगांठ पर उसे बधाई दी, जो 1910-45 के जापान के औपनिवेशिक शासन से कोरिया की मुक्ति का प्रतीक है।",
	})
	b.event(6, event{
		class: "Deployment", label: "Deployment: North Korea, Kursk, sappers",
		roles:    [][2]quad.Value{{schema.Agent, NorthKor}, {schema.Destination, Kursk}, {schema.Theme, Sappers}},
		date:     typed("2025-08-13", schema.XSDDate),
		modality: schema.Planned, quantity: "1000",
		evidence: "रूसी मीडिया ने बताया कि उत्तर कोरिया कुर्स्क में पुनर्निर्माण के लिए 5,000 सैन्य निर्माणकर्मी और 1,000 सैपर भेजेगा।",
		rels:     [][3]quad.Value{{NorthKor, schema.Rel("sends"), Kursk}, {NorthKor, schema.Rel("sends"), Sappers}},
	})

	// Putin and Kim share a second event: its edge is "informed", and the
	// phone call's spoke_with must not be read as standing for it too.
	b.event(7, event{
		class: "Briefing", label: "Briefing: Vladimir Putin, Kim Jong-un",
		roles:    [][2]quad.Value{{schema.Agent, Putin}, {schema.Recipient, Kim}},
		date:     typed("2025-08-13", schema.XSDDate),
		modality: schema.Reported, by: []quad.IRI{schema.EntityIRI("russian-media")},
		evidence: "रूसी मीडिया के अनुसार, पुतिन ने किम को ट्रंप के साथ होने वाली अपनी आने वाली बैठक के बारे में भी बताया।",
		rels:     [][3]quad.Value{{Putin, schema.Rel("informed"), Kim}},
	})

	o := &graph.Article{IRI: schema.ArticleIRI("2025-08-14-odd-names"), SourcePath: "/fixture/odd.txt"}
	ob := &builder{o}
	ob.add(o.IRI, schema.Type, schema.NewsArticle)
	ob.add(o.IRI, schema.Headline, en("Odd names"))
	ob.entity(Kim, "Person", "Kim Jong-un", "किम जोंग-उन", "Q56226")
	ob.entity(Odd, "Organization", `Quotes "q" & <angle> \ back; semi, comma`, `"उद्धरण" & <कोण> \ पीछे`, "", en("line one\nline two"))
	ob.add(Odd, schema.Rel("criticised"), Kim)
	return []*graph.Article{a, o}
}

var (
	quadsOnce sync.Once
	quads     []quad.Quad
	quadsErr  error
)

// Quads returns every quad of the fixture store, in storage order. The
// store is built once per test binary: the quads never change.
func Quads(t testing.TB) []quad.Quad {
	t.Helper()
	quadsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kg-export-fixture-")
		if err != nil {
			quadsErr = err
			return
		}
		defer os.RemoveAll(dir)
		s, err := graph.Open(dir, &graph.Options{NoSync: true})
		if err != nil {
			quadsErr = err
			return
		}
		defer s.Close()
		for _, a := range Articles() {
			if _, err := s.Load(context.Background(), a); err != nil {
				quadsErr = err
				return
			}
		}
		quadsErr = s.Each(context.Background(), func(q quad.Quad) error { quads = append(quads, q); return nil })
	})
	if quadsErr != nil {
		t.Fatal(quadsErr)
	}
	return append([]quad.Quad(nil), quads...)
}

// Golden compares got with testdata/NAME, or rewrites it under -update.
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it); first difference at line %d:\n got: %s\nwant: %s",
			path, diffLine(got, want), line(got, diffLine(got, want)), line(want, diffLine(got, want)))
	}
}

func diffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) && i < len(lb); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

func line(b []byte, n int) string {
	ls := bytes.Split(b, []byte("\n"))
	if n-1 < len(ls) {
		return string(ls[n-1])
	}
	return "(end of file)"
}
