package server

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
)

var fuzzEntities = []graph.Entity{
	{IRI: quad.IRI("https://kg.example.org/entity/Q56226"), LabelEN: "Kim Jong-un", LabelHI: "किम जोंग-उन", AltLabels: []string{"किम"}, Types: []string{"Person"}},
	{IRI: quad.IRI("https://kg.example.org/entity/Q7747"), LabelEN: "Vladimir Putin", LabelHI: "व्लादिमीर पुतिन", Types: []string{"Person"}},
	{IRI: quad.IRI("https://kg.example.org/entity/Q884"), LabelEN: "South Korea", LabelHI: "दक्षिण कोरिया", Types: []string{"Country"}},
}

// FuzzQueryParams: the binding of an HTTP query string to a canned query
// (limits, parameter names, argument parsing, entity resolution with its
// suggestions, script building) takes any query string without a panic,
// and what it binds is a script whose params are JSON.
func FuzzQueryParams(f *testing.F) {
	f.Add(uint8(0), "entity=Kim&from=2024&limit=10&timeout=5s")
	f.Add(uint8(1), "a=Donald+Trump&b=%E0%A4%95%E0%A4%BF%E0%A4%AE&max-hops=4")
	f.Add(uint8(2), "entity=Puttin&format=csv&entity=x")
	f.Add(uint8(3), "match=kim&type=Persn&limit=-1&timeout=soon&%ZZ")
	f.Add(uint8(4), "entity=--from&depth=99999999999999999999")
	s := &Server{cfg: Config{Limit: 1000, Timeout: 30 * time.Second}}
	list := queries.List()
	f.Fuzz(func(t *testing.T, which uint8, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return // net/http answers 400 before a handler sees it
		}
		limit, timeout, err := s.limits(q, s.cfg.Limit)
		if err == nil && (limit <= 0 || limit > s.cfg.Limit || timeout <= 0 || timeout > s.cfg.Timeout) {
			t.Fatalf("limits %d %v outside the server's caps", limit, timeout)
		}
		c := list[int(which)%len(list)]
		argv, err := cannedArgv(c, q)
		if err != nil {
			return
		}
		args, _, err := c.ParseArgs(argv)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		b, err := c.BindCall(ctx, args, queries.AllEntities(fuzzEntities), queries.Page{})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message of several lines: %q", err)
			}
			return
		}
		// the call is NAME(PARAMS);
		i := strings.Index(b.Call, "(")
		if i < 0 {
			t.Fatalf("no params in the call %q", b.Call)
		}
		rest := b.Call[i+1:]
		var params map[string]any
		if err := json.NewDecoder(strings.NewReader(rest)).Decode(&params); err != nil {
			t.Fatalf("params are not JSON: %v", err)
		}
		if m := q.Get("match"); m != "" {
			_ = queries.Suggest(ctx, fuzzEntities, m, 5)
		}
	})
}
