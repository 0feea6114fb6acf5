package queries

import (
	"testing"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/queries/runner"
)

// Two articles, written for this test, that name a prime minister the
// lexicon lacks: extraction discovers him through his title, both
// articles share his node, and `entities --discovered` lists him alone,
// with both articles and the dates of the first and the last.
func TestEntitiesDiscovered(t *testing.T) {
	texts := map[string]string{
		"a.txt": "date 2025-03-02\n\nदिल्ली में बैठक\n\nभारत के प्रधानमंत्री रमेश थापा ने सोमवार को दिल्ली में भाषण दिया।\n",
		"b.txt": "date 2025-04-10\n\nथापा का दौरा\n\nप्रधानमंत्री रमेश थापा ने कहा कि बातचीत जारी रहेगी। थापा ने भारत का दौरा किया।\n",
	}
	articles := fixture.Seed()
	for name, text := range texts {
		in := loaders.Input{Name: name, Data: []byte(text)}
		f, _ := loaders.FormatFor(in)
		res, err := f.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, res.Articles...)
	}
	dir := fixture.Build(t, articles...)
	p, err := runner.New(runner.SelfOptions(dir, 1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	st, err := graph.OpenReader(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := st.Entities(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{dir: dir, pool: p, ents: ents}

	rows := e.run(t, "entities", "--discovered")
	if len(rows) != 1 {
		t.Fatalf("entities --discovered: %d rows, want the one discovered person: %v", len(rows), rows)
	}
	r := rows[0]
	want := map[string]any{"entity": "https://kg.example.org/entity/person/ramesh-thapa", "label_en": "Ramesh Thapa",
		"label_hi": "रमेश थापा", "articles": 2.0, "discovered": true, "first_seen": "2025-03-02", "last_seen": "2025-04-10"}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("%s = %v, want %v", k, r[k], v)
		}
	}
	if ty, _ := r["types"].([]any); len(ty) != 1 || ty[0] != "Person" {
		t.Errorf("types %v, want [Person]", r["types"])
	}
	// without the flag the lexicon's entities are there too, not discovered
	all := e.run(t, "entities", "--discovered=false", "--type", "Person")
	found := map[string]bool{}
	for _, r := range all {
		found[r["label_en"].(string)] = r["discovered"].(bool)
	}
	if d, ok := found["Kim Jong-un"]; !ok || d {
		t.Errorf("Kim Jong-un: listed %v, discovered %v; want listed, not discovered", ok, d)
	}
	if d := found["Ramesh Thapa"]; !d {
		t.Errorf("Ramesh Thapa not listed as discovered among all persons: %v", found)
	}
}
