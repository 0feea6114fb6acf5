package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers Gizmo with Cayley's HTTP API
	cayleyhttp "github.com/cayleygraph/cayley/server/http"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/graph"
)

// cayleyReference is Cayley's own HTTP query handler (server/http, API
// v2) over a memstore holding the same quads as the kg store, as an
// existing Cayley server would answer.
func cayleyReference(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	st, err := graph.OpenReader(dir, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	all, err := export.AllQuads(context.Background(), st)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	api := cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: memstore.New(all...)})
	api.SetReadOnly(true)
	ref := httptest.NewServer(api)
	t.Cleanup(ref.Close)
	return ref
}

// cayleyAnswer is one answer of a Cayley query endpoint, decoded.
type cayleyAnswer struct {
	status int
	ctype  string
	keys   []string // top-level keys of the body
	result []string // "result" rows as canonical JSON, sorted (stores iterate in different orders)
	null   bool     // "result" is null
	err    string
}

func askCayley(t *testing.T, method, url, script, accept string) cayleyAnswer {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(script))
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/javascript")
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("%s: not a JSON object: %v", url, err)
	}
	a := cayleyAnswer{status: resp.StatusCode, ctype: strings.TrimSpace(strings.Split(resp.Header.Get("Content-Type"), ";")[0])}
	for k := range body {
		a.keys = append(a.keys, k)
	}
	sort.Strings(a.keys)
	if e, ok := body["error"]; ok {
		json.Unmarshal(e, &a.err)
	}
	if r, ok := body["result"]; ok {
		a.null = string(r) == "null"
		var rows []any
		if err := json.Unmarshal(r, &rows); err != nil {
			t.Fatalf("%s: result is not a list: %s", url, r)
		}
		for _, row := range rows {
			b, _ := json.Marshal(row) // maps marshal with sorted keys: canonical
			a.result = append(a.result, string(b))
		}
		sort.Strings(a.result)
	}
	return a
}

// TestCayleyCompatible posts the same Gizmo scripts to kg's
// /api/v1/query/gizmo (and /api/v2/query) and to Cayley's own handler,
// and wants the same answers: status, content type, body keys and rows.
func TestCayleyCompatible(t *testing.T) {
	s := start(t, 2, withTimeout(2*time.Minute))
	ref := cayleyReference(t, s.Dir)
	kim := "<https://kg.example.org/entity/Q56226>"
	label := "<http://www.w3.org/2000/01/rdf-schema#label>"
	cases := []struct {
		name, script string
		rowsOnly     bool // compare only the number of rows: the stores pick different 100 of many
	}{
		{name: "labels", script: `g.V("` + kim + `").Out("` + label + `").All()`},
		{name: "tags", script: `g.V("` + kim + `").Tag("who").In().Tag("what").Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://kg.example.org/ns#PhoneCall>").All()`},
		{name: "typed literals", script: `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<https://kg.example.org/ns#TreatySigning>").Out("<https://kg.example.org/ns#date>").All()`},
		{name: "emit", script: `g.Emit(g.V("` + kim + `").In().Count()); g.Emit({"a": [1, "x"]})`},
		{name: "nothing", script: `g.V("<https://kg.example.org/entity/nobody>").All()`},
		{name: "default limit", script: `g.V().All()`, rowsOnly: true},
		{name: "syntax error", script: `g.V(`},
		{name: "runtime error", script: `g.V().Nope()`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := askCayley(t, "POST", ref.URL+"/api/v2/query?lang=gizmo", c.script, "")
			for _, url := range []string{s.URL + "/api/v1/query/gizmo", s.URL + "/api/v2/query?lang=gizmo"} {
				got := askCayley(t, "POST", url, c.script, "")
				// Cayley sends its errors without a Content-Type (Go sniffs
				// text/plain); kg labels them application/json. Messages
				// differ too: kg's say where the script went wrong.
				sameType := got.ctype == want.ctype || want.status != 200
				if got.status != want.status || !sameType || strings.Join(got.keys, ",") != strings.Join(want.keys, ",") || got.null != want.null {
					t.Errorf("%s: status %d %s keys %v null %v; Cayley: %d %s keys %v null %v (error %q vs %q)", url,
						got.status, got.ctype, got.keys, got.null, want.status, want.ctype, want.keys, want.null, got.err, want.err)
				}
				if c.rowsOnly {
					if len(got.result) != len(want.result) {
						t.Errorf("%s: %d rows, Cayley %d", url, len(got.result), len(want.result))
					}
				} else if strings.Join(got.result, "\n") != strings.Join(want.result, "\n") {
					t.Errorf("%s: rows\n%s\nCayley:\n%s", url, strings.Join(got.result, "\n"), strings.Join(want.result, "\n"))
				}
			}
		})
	}
	// JSON-LD, when asked for.
	script := `g.V("` + kim + `").Out("` + label + `").All()`
	want := askCayley(t, "POST", ref.URL+"/api/v2/query?lang=gizmo", script, "application/ld+json")
	got := askCayley(t, "POST", s.URL+"/api/v2/query?lang=gizmo", script, "application/ld+json")
	if got.ctype != want.ctype || strings.Join(got.result, "\n") != strings.Join(want.result, "\n") {
		t.Errorf("JSON-LD: %s %v; Cayley %s %v", got.ctype, got.result, want.ctype, want.result)
	}
	// A script in the URL, and the errors of a missing or unknown language.
	if g, w := askCayley(t, "GET", s.URL+"/api/v2/query?lang=gizmo&qu="+strings.ReplaceAll(script, "#", "%23"), "", ""),
		askCayley(t, "GET", ref.URL+"/api/v2/query?lang=gizmo&qu="+strings.ReplaceAll(script, "#", "%23"), "", ""); strings.Join(g.result, ",") != strings.Join(w.result, ",") || len(g.result) != 2 {
		t.Errorf("GET ?qu=: %v; Cayley %v", g.result, w.result)
	}
	for _, q := range []string{"", "?lang=sparql"} {
		g, w := askCayley(t, "POST", s.URL+"/api/v2/query"+q, script, ""), askCayley(t, "POST", ref.URL+"/api/v2/query"+q, script, "")
		if g.status != w.status || g.err != w.err {
			t.Errorf("v2%s: %d %q; Cayley %d %q", q, g.status, g.err, w.status, w.err)
		}
	}
	// What kg adds: a crash and a runaway are errors in Cayley's shape.
	// (Cayley's endpoint takes no timeout: the runaway goes to a server
	// whose own is short.)
	short := start(t, 1, withTimeout(300*time.Millisecond))
	for script, status := range map[string]int{`g.V().Out({}).All()`: 400, `while(true){}`: 504} {
		srv := s
		if status == 504 {
			srv = short
		}
		a := askCayley(t, "POST", srv.URL+"/api/v1/query/gizmo?limit=5", script, "")
		if a.status != status || a.err == "" || strings.Join(a.keys, ",") != "error" {
			t.Errorf("%s: %d %v %q", script, a.status, a.keys, a.err)
		}
	}
}
