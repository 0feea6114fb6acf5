// Package gen writes a deterministic corpus of Hindi news-style articles in
// kg's article layout, for benchmarks: article i is the same text on every
// machine and run. Entities come from kg's own lexicon (people, countries,
// cities, news organisations), with a few of them in many articles, as in a
// real archive; sentences come from templates.tsv; publication dates are
// spread over 2000–2025 and event dates fall in the two years before.
package gen

import (
	_ "embed"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/schema"
)

//go:embed templates.tsv
var templatesTSV string

// pools are the entities and templates articles draw from.
type pools struct {
	people, countries, cities, sources, orgs []string // Hindi labels
	tmpl                                     map[string][]string
}

var load = sync.OnceValues(func() (*pools, error) {
	lex, err := entity.Default()
	if err != nil {
		return nil, err
	}
	p := &pools{tmpl: map[string][]string{}}
	rows, err := schema.ParseTSV("templates.tsv", strings.NewReader(templatesTSV), 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		p.tmpl[r.Field(0)] = append(p.tmpl[r.Field(0)], r.Field(1))
	}
	for _, k := range []string{"title", "lead", "event", "quote", "filler", "topic", "rel", "office", "section"} {
		if len(p.tmpl[k]) == 0 {
			return nil, fmt.Errorf("templates.tsv: no %q rows", k)
		}
	}
	ents := append([]*entity.Entity(nil), lex.Entities()...)
	sort.Slice(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	// Hubs first: the countries a Hindi archive names most. The rest keep
	// a fixed shuffled order, so the Zipf draw below makes a few entities
	// of each kind common and most rare.
	hubs := map[string]int{"India": 0, "Pakistan": 1, "United States": 2, "China": 3, "Russia": 4, "Bangladesh": 5}
	var head []*entity.Entity
	rng := rand.New(rand.NewSource(1))
	rng.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
	for _, e := range ents {
		if e.Local || e.HI == "" || strings.ContainsAny(e.HI, "()") {
			continue
		}
		if _, ok := hubs[e.EN]; ok && e.Type == "Country" {
			head = append(head, e)
			continue
		}
		switch e.Type {
		case "Person":
			p.people = append(p.people, e.HI)
		case "Country":
			p.countries = append(p.countries, e.HI)
		case "City":
			p.cities = append(p.cities, e.HI)
		case "NewsMediaOrganization":
			p.sources = append(p.sources, e.HI)
		case "Organization", "GovernmentOrganization":
			p.orgs = append(p.orgs, e.HI)
		}
	}
	sort.Slice(head, func(i, j int) bool { return hubs[head[i].EN] < hubs[head[j].EN] })
	var first []string
	for _, e := range head {
		first = append(first, e.HI)
	}
	p.countries = append(first, p.countries...)
	for name, l := range map[string][]string{"people": p.people, "countries": p.countries, "cities": p.cities, "sources": p.sources, "orgs": p.orgs} {
		if len(l) < 5 {
			return nil, fmt.Errorf("lexicon has only %d %s", len(l), name)
		}
	}
	return p, nil
})

var monthsHI = []string{"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"}

var numbers = []string{"5", "12", "40", "150", "300", "1,000", "2,500", "5,000"}

// Name is the file name of article i.
func Name(i int) string { return fmt.Sprintf("article-%06d.txt", i) }

// Article returns the text of article i (i ≥ 0): 3–6 KB of UTF-8.
func Article(i int) ([]byte, error) {
	p, err := load()
	if err != nil {
		return nil, err
	}
	g := &article{p: p, rng: rand.New(rand.NewSource(int64(i)*7919 + 17))}
	g.zipf = map[int]*rand.Zipf{}
	return g.write(i), nil
}

type article struct {
	p    *pools
	rng  *rand.Rand
	zipf map[int]*rand.Zipf
	pub  time.Time
	// the article's cast: most sentences are about them
	c, c2, pe, pe2, city, src, org string
}

// pick draws from l with a Zipf law: the first items are common.
func (g *article) pick(l []string) string {
	z := g.zipf[len(l)]
	if z == nil {
		z = rand.NewZipf(g.rng, 1.15, 2, uint64(len(l)-1))
		g.zipf[len(l)] = z
	}
	return l[z.Uint64()]
}

func (g *article) uniform(l []string) string { return l[g.rng.Intn(len(l))] }

// other draws from l until it differs from not.
func (g *article) other(l []string, not string) string {
	for range 20 {
		if v := g.pick(l); v != not {
			return v
		}
	}
	return g.uniform(l)
}

func (g *article) write(i int) []byte {
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	g.pub = start.AddDate(0, 0, g.rng.Intn(days+1))
	g.cast()
	title := g.fill(g.uniform(g.p.tmpl["title"]))
	// Every 40 articles three follow-ups of one story share its date and
	// a long headline that differs only at the end, as live coverage does:
	// their ids, cut from the headline, clash.
	if k := i % 40; k >= 7 && k <= 9 {
		root := i - k + 7
		s := &article{p: g.p, rng: rand.New(rand.NewSource(int64(root))), zipf: map[int]*rand.Zipf{}}
		s.pub = start.AddDate(0, 0, s.rng.Intn(days+1))
		s.cast()
		g.pub = s.pub
		title = s.fill("{c} और {c2} के बीच {topic} पर लंबी बातचीत के बाद साझा बयान जारी, ताजा घटनाक्रम") + fmt.Sprintf(" (भाग %d)", k-6)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "date %s %s\n\n%s\n\n", g.pub.Format("2006-01-02"), g.uniform(g.p.tmpl["section"]), title)
	if g.rng.Intn(3) == 0 {
		fmt.Fprintf(&b, "%s (भाषा): ", g.city)
	} else {
		fmt.Fprintf(&b, "%s: ", g.city)
	}
	b.WriteString(g.fill(g.uniform(g.p.tmpl["lead"])))
	target := 3000 + g.rng.Intn(3000)
	inPara := 1
	used := map[string]bool{}
	for b.Len() < target-250 {
		if g.rng.Intn(4) == 0 {
			g.recast()
		}
		kind := "event"
		switch r := g.rng.Intn(20); {
		case r < 4:
			kind = "filler"
		case r < 7:
			kind = "quote"
		}
		// a sentence said once: redraw the template (or the cast) on a repeat
		s := g.fill(g.uniform(g.p.tmpl[kind]))
		for try := 0; used[s] && try < 8; try++ {
			g.recast()
			s = g.fill(g.uniform(g.p.tmpl[kind]))
		}
		used[s] = true
		if inPara >= 3+g.rng.Intn(2) {
			b.WriteString("\n\n")
			inPara = 0
		} else {
			b.WriteString(" ")
		}
		b.WriteString(s)
		inPara++
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// cast chooses who and where the article is about.
func (g *article) cast() {
	g.c = g.pick(g.p.countries)
	g.c2 = g.other(g.p.countries, g.c)
	g.pe = g.pick(g.p.people)
	g.pe2 = g.other(g.p.people, g.pe)
	g.city = g.pick(g.p.cities)
	g.src = g.pick(g.p.sources)
	g.org = g.pick(g.p.orgs)
}

// recast brings someone new into the story.
func (g *article) recast() {
	switch g.rng.Intn(4) {
	case 0:
		g.c2 = g.other(g.p.countries, g.c)
	case 1:
		g.pe2 = g.other(g.p.people, g.pe)
	case 2:
		g.city = g.pick(g.p.cities)
	default:
		g.src = g.pick(g.p.sources)
	}
}

// date is an event date in the two years up to publication.
func (g *article) date() string {
	d := g.pub.AddDate(0, 0, -g.rng.Intn(730))
	return fmt.Sprintf("%d %s %d", d.Day(), monthsHI[d.Month()-1], d.Year())
}

func (g *article) fill(t string) string {
	r := strings.NewReplacer(
		"{p2}", g.pe2, "{p}", g.pe, "{c2}", g.c2, "{c}", g.c, "{city}", g.city,
		"{src}", g.src, "{org}", g.org, "{d}", g.date(), "{rel}", g.uniform(g.p.tmpl["rel"]),
		"{n}", g.uniform(numbers), "{topic}", g.uniform(g.p.tmpl["topic"]),
		"{office2}", g.uniform(g.p.tmpl["office"]), "{office}", g.uniform(g.p.tmpl["office"]),
	)
	return r.Replace(t)
}
