package queries

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/schema"
)

func TestResolve(t *testing.T) {
	e := newEnv(t)
	cases := []struct{ name, want string }{
		{"Kim Jong-un", string(fixture.Kim)},
		{"kim jong un", string(fixture.Kim)},
		{"KIM_JONG_UN", string(fixture.Kim)},
		{"किम", string(fixture.Kim)},
		{"किम जोंग-उन", string(fixture.Kim)},
		{"Kim", string(fixture.Kim)}, // a whole word of one entity's name
		{"Q56226", string(fixture.Kim)},
		{"ent:Q56226", string(fixture.Kim)},
		{"<" + string(fixture.Kim) + ">", string(fixture.Kim)},
		{"korea", string(fixture.Korea)},              // a main label beats words of others
		{"KCNA", string(fixture.KCNA)},                // an alias
		{"korean peoples army", string(fixture.KPA)},  // apostrophes do not count
		{"\u0915\u093f\u092e", string(fixture.Kim)},   // NFC already
		{"Korean People’s Army", string(fixture.KPA)}, // typographic apostrophe
	}
	for _, c := range cases {
		got, err := Resolve(context.Background(), e.ents, c.name)
		if err != nil || string(got.IRI) != c.want {
			t.Errorf("Resolve(%q) = %v, %v; want %s", c.name, got.IRI, err, c.want)
		}
	}
	_, err := Resolve(context.Background(), e.ents, "Putn")
	var ue *UnknownEntityError
	if !errors.As(err, &ue) || len(ue.Suggestions) == 0 || ue.Suggestions[0] != "Vladimir Putin" {
		t.Errorf("Putn: %v", err)
	}
	_, err = Resolve(context.Background(), e.ents, "पुतन")
	if !errors.As(err, &ue) || len(ue.Suggestions) == 0 || ue.Suggestions[0] != "व्लादिमीर पुतिन" {
		t.Errorf("पुतन: %v (suggestions in Hindi for a Hindi name)", err)
	}
	_, err = Resolve(context.Background(), e.ents, "korean")
	var ae *AmbiguousEntityError
	if !errors.As(err, &ae) || len(ae.Candidates) != 2 || !strings.Contains(err.Error(), "Korean Central News Agency") {
		t.Errorf("korean: %v", err)
	}
	if _, err := Resolve(context.Background(), e.ents, "zzzzzz"); !errors.As(err, &ue) || len(ue.Suggestions) != 0 {
		t.Errorf("zzzzzz: %v", err)
	}
}

func TestRegistry(t *testing.T) {
	want := []string{"claims", "entities", "evidence", "neighbours", "path", "relationships", "timeline"}
	var got []string
	for _, c := range List() {
		got = append(got, c.Name)
		if c.Summary == "" || c.Returns == "" || len(c.Columns) == 0 {
			t.Errorf("%s: header lacks summary, returns or columns", c.Name)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("queries %v, want %v", got, want)
	}
	bad := map[string]string{
		"x.js": "// summary: no name\n// columns: a\n",
		"y.js": "// name: z\n// columns: a\n",
		"w.js": "// name: w\n",
		"v.js": "// name: v\n// arg: a? ENTITY x\n// arg: b ENTITY y\n// columns: a\n",
		"u.js": "// name: u\n// arg: a NUMBER x\n// columns: a\n",
	}
	for file, src := range bad {
		if _, err := parseHeader(file, src); err == nil {
			t.Errorf("%s: header accepted:\n%s", file, src)
		}
	}
}

func TestParseArgs(t *testing.T) {
	c, _ := Get("path")
	args, rest, err := c.ParseArgs([]string{"--max-hops=3", "A", "--format", "json", "B"})
	if err != nil || args["a"] != "A" || args["b"] != "B" || args["max-hops"] != "3" || strings.Join(rest, " ") != "--format json" {
		t.Errorf("got %v %v %v", args, rest, err)
	}
	if _, _, err := c.ParseArgs([]string{"A"}); err == nil || !strings.Contains(err.Error(), "missing B") {
		t.Errorf("missing arg: %v", err)
	}
	if _, _, err := c.ParseArgs([]string{"A", "B", "C"}); err == nil {
		t.Error("too many args accepted")
	}
	tl, _ := Get("timeline")
	if _, err := tl.Bind(context.Background(), Args{"from": "2024-13"}, nil, Page{}); err == nil {
		t.Error("month 13 accepted")
	}
	en, _ := Get("entities")
	if _, err := en.Bind(context.Background(), Args{"type": "Persn"}, nil, Page{}); err == nil || !strings.Contains(err.Error(), "not an entity class") {
		t.Errorf("bad class: %v", err)
	}
	if s, err := en.Bind(context.Background(), Args{"type": "person"}, nil, Page{}); err != nil || !strings.Contains(s, string(schema.Class("Person"))) {
		t.Errorf("class: %v", err)
	}
}
