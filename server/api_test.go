package server_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/server"
)

const putinIRI = "https://kg.example.org/entity/Q7747"

func TestHealthStatsArticles(t *testing.T) {
	s := start(t, 1)
	h := s.get(t, "/healthz").want(t, 200)
	if h.JSON["status"] != "ok" {
		t.Errorf("healthz: %s", h.Body)
	}
	st := s.get(t, "/api/stats").want(t, 200)
	if st.JSON["articles"] != 1.0 || st.JSON["events"].(float64) < 10 || st.JSON["entities"].(float64) < 20 {
		t.Errorf("stats: %s", st.Body)
	}
	arts := s.get(t, "/api/articles").want(t, 200)
	list := arts.JSON["articles"].([]any)
	if len(list) != 1 {
		t.Fatalf("articles: %s", arts.Body)
	}
	a := list[0].(map[string]any)
	if a["published"] != "2025-08-13" || !strings.HasPrefix(a["id"].(string), "2025-08-13-") || a["headline"] == "" {
		t.Errorf("article: %v", a)
	}
	if _, ok := a["source"]; ok {
		t.Errorf("the article list shows the server's file path: %v", a)
	}
}

func TestEntitySearchHindiAndEnglish(t *testing.T) {
	s := start(t, 1)
	for _, c := range []struct{ match, want string }{
		{"किम", "Kim Jong-un"},
		{"पुतिन", "Vladimir Putin"},
		{"putin", "Vladimir Putin"},
		{"VLADIMIR", "Vladimir Putin"},
		{"kim jong un", "Kim Jong-un"},
		{"प्योंग", "Pyongyang"}, // a prefix
	} {
		r := s.get(t, "/api/entities?match="+url.QueryEscape(c.match)).want(t, 200)
		ents := r.JSON["entities"].([]any)
		if len(ents) == 0 || ents[0].(map[string]any)["label_en"] != c.want {
			t.Errorf("match %q: first hit is not %s: %s", c.match, c.want, r.Body)
		}
	}
	r := s.get(t, "/api/entities?match=Puttin").want(t, 200)
	if len(r.JSON["entities"].([]any)) != 0 || !strings.Contains(fmt.Sprint(r.JSON["suggestions"]), "Vladimir Putin") {
		t.Errorf("a misspelling gets no suggestion: %s", r.Body)
	}
	r = s.get(t, "/api/entities?type=Country&limit=2").want(t, 200)
	ents := r.JSON["entities"].([]any)
	if len(ents) != 2 || r.JSON["truncated"] != true {
		t.Errorf("type and limit: %s", r.Body)
	}
	for _, e := range ents {
		if fmt.Sprint(e.(map[string]any)["types"]) != "[Country]" {
			t.Errorf("type=Country gave %v", e)
		}
	}
	s.get(t, "/api/entities?limit=x").want(t, 400)
}

func TestQueryList(t *testing.T) {
	s := start(t, 1)
	r := s.get(t, "/api/queries").want(t, 200)
	names := map[string]bool{}
	for _, q := range r.JSON["queries"].([]any) {
		m := q.(map[string]any)
		names[m["name"].(string)] = true
		if m["summary"] == "" || len(m["columns"].([]any)) == 0 {
			t.Errorf("query without summary or columns: %v", m)
		}
	}
	for _, n := range []string{"timeline", "relationships", "path", "neighbours", "evidence", "claims", "entities"} {
		if !names[n] {
			t.Errorf("GET /api/queries lacks %s: %s", n, r.Body)
		}
	}
}

func TestCannedQueries(t *testing.T) {
	s := start(t, 2)
	// The whole timeline: the June 2024 treaty signing comes before the
	// August 2025 phone call, each with its evidence.
	rows := s.get(t, "/api/queries/timeline").want(t, 200).rows(t)
	treaty, call := -1, -1
	for i, r := range rows {
		switch {
		case r["type"] == "TreatySigning" && r["date"] == "2024-06":
			treaty = i
		case r["type"] == "PhoneCall" && r["date"] == "2025-08":
			call = i
			if !strings.Contains(r["evidence"].(string), "फोन पर बातचीत") {
				t.Errorf("phone call evidence: %v", r["evidence"])
			}
		}
	}
	if treaty < 0 || call < 0 || treaty > call {
		t.Errorf("timeline: treaty at %d, call at %d", treaty, call)
	}
	// Hindi names resolve like English ones.
	rows = s.get(t, "/api/queries/relationships?entity="+url.QueryEscape("पुतिन")).want(t, 200).rows(t)
	found := false
	for _, r := range rows {
		found = found || r["other_en"] == "Kim Jong-un"
	}
	if !found {
		t.Errorf("Putin's relationships lack Kim: %v", rows)
	}
	rows = s.get(t, "/api/queries/path?a="+url.QueryEscape("Donald Trump")+"&b=Kim&max-hops=4").want(t, 200).rows(t)
	if len(rows) == 0 || !strings.Contains(fmt.Sprint(rows[0]["path"]), "Vladimir Putin") {
		t.Errorf("path Trump-Kim does not go through Putin: %v", rows)
	}
	r := s.get(t, "/api/queries/timeline?entity=Kim&from=2025&limit=2").want(t, 200)
	if len(r.rows(t)) != 2 || r.JSON["truncated"] != true || r.JSON["limit"] != 2.0 {
		t.Errorf("limit=2: %s", r.Body)
	}
	csv := s.get(t, "/api/queries/claims?source=KCNA&format=csv").want(t, 200)
	if !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") || !strings.HasPrefix(string(csv.Body), "date,end_date,type") {
		t.Errorf("csv: %s\n%s", csv.Header.Get("Content-Type"), csv.Body)
	}

	// Errors.
	e := s.get(t, "/api/queries/relationships?entity=Puttin").want(t, 404)
	if e.JSON["kind"] != "unknown_entity" || !strings.Contains(fmt.Sprint(e.JSON["suggestions"]), "Vladimir Putin") {
		t.Errorf("unknown entity: %s", e.Body)
	}
	s.get(t, "/api/queries/relationships").want(t, 400)                             // missing entity
	s.get(t, "/api/queries/relationships?entity=Kim&path=/etc/passwd").want(t, 400) // no such parameter
	s.get(t, "/api/queries/timeline?from=yesterday").want(t, 400)
	s.get(t, "/api/queries/nope").want(t, 404)
	s.get(t, "/api/queries/timeline?format=xml").want(t, 400)
	s.get(t, "/api/queries/timeline?timeout=soon").want(t, 400)
}

func TestGizmo(t *testing.T) {
	s := start(t, 2, withTimeout(2*time.Minute))
	r := s.post(t, "/api/gizmo", `g.V(E("किम")).Out(iri(KG.label)).All()`).want(t, 200)
	got := string(r.Body)
	if !strings.Contains(got, `{"@language":"hi","@value":"किम जोंग-उन"}`) || !strings.Contains(got, `"Kim Jong-un"`) {
		t.Errorf("labels of Kim: %s", got)
	}
	// The value of the last expression is a row, as in kg query --gizmo.
	r = s.do(t, "POST", "/api/gizmo", jsonBody(t, map[string]any{"script": `g.V(E("Putin")).Out().Count()`, "limit": 5}), "Content-Type", "application/json").want(t, 200)
	var count struct{ Rows []json.Number }
	if err := json.Unmarshal(r.Body, &count); err != nil || len(count.Rows) != 1 || count.Rows[0] == "0" {
		t.Errorf("count: %s", r.Body)
	}
	for _, c := range []struct {
		body   string
		status int
		kind   string
	}{
		{"", 400, "bad_request"},
		{`g.V(`, 400, "query_syntax"},
		{`g.V().Nope()`, 400, "query_runtime"},
		{`g.V(E("Nobody Atall")).All()`, 404, "unknown_entity"},
		{`g.V().Out({}).All()`, 400, "query_crash"},
	} {
		e := s.post(t, "/api/gizmo", c.body).want(t, c.status)
		if e.JSON["kind"] != c.kind {
			t.Errorf("%q: kind %v, want %s: %s", c.body, e.JSON["kind"], c.kind, e.Body)
		}
	}
	// A request may ask for less time than the server allows, not more.
	if e := s.post(t, "/api/gizmo?timeout=300ms", `while(true){}`).want(t, 504); e.JSON["kind"] != "query_timeout" || !strings.Contains(e.message(), "after 300ms") {
		t.Errorf("timeout=300ms: %s", e.Body)
	}
	if e := s.post(t, "/api/gizmo?timeout=1h", `g.V().Count()`).want(t, 200); e.JSON["limit"] == nil {
		t.Errorf("timeout=1h: %s", e.Body)
	}
	big := strings.Repeat("/", 1<<20+1)
	if e := s.post(t, "/api/gizmo", big).want(t, 413); e.JSON["kind"] != "too_large" {
		t.Errorf("big script: %s", e.Body)
	}
	s.post(t, "/api/gizmo", `g.V().All()`, "Content-Type", "application/json").want(t, 400)
}

func TestWritesNeedToken(t *testing.T) {
	s := start(t, 1, withToken("s3cret"), withMaxBody(64<<10))
	article, err := os.ReadFile("testdata/visit.txt")
	if err != nil {
		t.Fatal(err)
	}
	post := func(path string, header ...string) reply {
		return s.do(t, "POST", path, bytes.NewReader(article), header...)
	}
	if r := post("/api/articles").want(t, 401); r.Header.Get("WWW-Authenticate") == "" {
		t.Errorf("401 without WWW-Authenticate")
	}
	post("/api/articles", "Authorization", "Bearer wrong").want(t, 401)
	post("/api/articles", "Authorization", "Bearer s3cret", "Origin", "https://evil.example").want(t, 403)
	auth := []string{"Authorization", "Bearer s3cret"}

	r := post("/api/articles?source=/home/someone/visit.txt", auth...).want(t, 201)
	var lr server.LoadResponse
	if err := json.Unmarshal(r.Body, &lr); err != nil || len(lr.Articles) != 1 {
		t.Fatalf("load: %s", r.Body)
	}
	a := lr.Articles[0]
	if a.Status != "loaded" || a.Added == 0 || lr.Facts == 0 || !strings.HasPrefix(a.ID, "2025-10-06-") {
		t.Errorf("load: %+v", lr)
	}
	// The new article is visible at once: entities, stats, queries.
	if e := s.get(t, "/api/entities?match="+url.QueryEscape("लावरोव")).want(t, 200); len(e.JSON["entities"].([]any)) == 0 {
		t.Errorf("the loaded article's entity is not found: %s", e.Body)
	}
	if st := s.get(t, "/api/stats").want(t, 200); st.JSON["articles"] != 2.0 {
		t.Errorf("stats after a load: %s", st.Body)
	}
	rows := s.get(t, "/api/queries/timeline?entity=Lavrov").want(t, 200).rows(t)
	if len(rows) == 0 {
		t.Errorf("no event of the loaded article")
	}
	// Again: unchanged. An edited version from the same source replaces it.
	r = post("/api/articles?source=/home/someone/visit.txt", auth...).want(t, 200)
	if !strings.Contains(string(r.Body), `"status":"unchanged"`) {
		t.Errorf("reload: %s", r.Body)
	}
	edited := bytes.Replace(article, []byte("लावरोव की प्योंगयांग यात्रा"), []byte("लावरोव उत्तर कोरिया में"), 1)
	r = s.do(t, "POST", "/api/articles?source=/home/someone/visit.txt", bytes.NewReader(edited), auth...).want(t, 200)
	if err := json.Unmarshal(r.Body, &lr); err != nil || lr.Articles[0].Status != "replaced" || len(lr.Articles[0].Replaced) != 1 || lr.Articles[0].Replaced[0] != a.Article {
		t.Errorf("edited file: %s", r.Body)
	}
	if list := s.get(t, "/api/articles").want(t, 200).JSON["articles"].([]any); len(list) != 2 {
		t.Errorf("after replacing: %d articles", len(list))
	}

	// Bad bodies.
	for _, c := range []struct {
		body   []byte
		status int
	}{
		{nil, 400},
		{[]byte("\x00\x01binary"), 400},
		{[]byte("caf\xe9"), 400},
		{bytes.Repeat([]byte("क"), 30<<10), 413},
		{[]byte("<a> <b> \"unterminated ."), 422},
	} {
		path := "/api/articles"
		if c.status == 422 {
			path += "?name=dump.nq"
		}
		s.do(t, "POST", path, bytes.NewReader(c.body), auth...).want(t, c.status)
	}
	post("/api/articles?date=13-08-2025", auth...).want(t, 400)
	post("/api/articles?file=/etc/passwd", auth...).want(t, 400)

	// Removal by id; unknown ids are 404.
	s.do(t, "POST", "/api/articles?id=visit-copy", bytes.NewReader(article), auth...).want(t, 201)
	s.do(t, "DELETE", "/api/articles/visit-copy", nil).want(t, 401)
	rm := s.do(t, "DELETE", "/api/articles/visit-copy", nil, auth...).want(t, 200)
	if rm.JSON["quads"].(float64) == 0 || rm.JSON["id"] != "visit-copy" {
		t.Errorf("remove: %s", rm.Body)
	}
	s.do(t, "DELETE", "/api/articles/visit-copy", nil, auth...).want(t, 404)
	if st := s.get(t, "/api/stats").want(t, 200); st.JSON["articles"] != 2.0 {
		t.Errorf("stats after removing: %s", st.Body)
	}
	// By IRI, URL-encoded.
	var seed string
	for _, a := range s.get(t, "/api/articles").JSON["articles"].([]any) {
		if id := a.(map[string]any)["id"].(string); strings.HasPrefix(id, "2025-08-13-") {
			seed = a.(map[string]any)["iri"].(string)
		}
	}
	s.do(t, "DELETE", "/api/articles/"+url.PathEscape(seed), nil, auth...).want(t, 200)
	if st := s.get(t, "/api/stats").want(t, 200); st.JSON["articles"] != 1.0 {
		t.Errorf("stats after removing the seed: %s", st.Body)
	}
}

func TestWritesWithoutToken(t *testing.T) {
	ro := start(t, 1)
	if r := ro.post(t, "/api/articles", "text").want(t, 403); r.JSON["kind"] != "writes_disabled" {
		t.Errorf("read-only server: %s", r.Body)
	}
	ro.do(t, "DELETE", "/api/articles/x", nil).want(t, 403)

	rw := start(t, 1, allowWrites())
	article, _ := os.ReadFile("testdata/visit.txt")
	rw.post(t, "/api/articles", string(article)).want(t, 201)
	// Still no cross-origin writes: a web page may not post to localhost.
	rw.post(t, "/api/articles", string(article), "Origin", "http://attacker.example").want(t, 403)
	rw.post(t, "/api/articles", string(article), "Origin", rw.URL).want(t, 200)
}

func TestWritesWithoutTokenNeedLoopback(t *testing.T) {
	cfg := server.Config{AllowWritesWithoutToken: true}
	if err := server.CheckAddr(cfg, &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 7070}); err == nil {
		t.Error("writes without a token allowed on a public address")
	}
	if err := server.CheckAddr(cfg, &net.TCPAddr{IP: net.IPv6loopback, Port: 7070}); err != nil {
		t.Errorf("::1: %v", err)
	}
	cfg.Token = "t"
	if err := server.CheckAddr(cfg, &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 7070}); err != nil {
		t.Errorf("with a token: %v", err)
	}
}

func TestExport(t *testing.T) {
	s := start(t, 1)
	r := s.get(t, "/api/export?format=cyjs&root="+url.QueryEscape("किम")+"&depth=2&events=edges").want(t, 200)
	var doc struct {
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal(r.Body, &doc); err != nil {
		t.Fatal(err)
	}
	putin := false
	for _, n := range doc.Elements.Nodes {
		putin = putin || n.Data["iri"] == putinIRI
	}
	if !putin || len(doc.Elements.Edges) == 0 {
		t.Errorf("Kim's network lacks Putin: %d nodes", len(doc.Elements.Nodes))
	}
	g := s.get(t, "/api/export?format=graphml&root=Putin&depth=1&download=1").want(t, 200)
	if err := xml.Unmarshal(g.Body, new(struct{})); err != nil {
		t.Errorf("graphml is not XML: %v", err)
	}
	if cd := g.Header.Get("Content-Disposition"); cd != `attachment; filename="kg-vladimir-putin.graphml"` {
		t.Errorf("Content-Disposition: %q", cd)
	}
	z := s.get(t, "/api/export?format=csv&root=Kim").want(t, 200)
	zr, err := zip.NewReader(bytes.NewReader(z.Body), int64(len(z.Body)))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range zr.File {
		files = append(files, f.Name)
	}
	if strings.Join(files, ",") != "nodes.csv,edges.csv" && strings.Join(files, ",") != "edges.csv,nodes.csv" {
		t.Errorf("csv zip holds %v", files)
	}
	nq := s.get(t, "/api/export?format=nquads").want(t, 200)
	if n := bytes.Count(nq.Body, []byte("\n")); n < 500 {
		t.Errorf("whole store: %d quads", n)
	}
	s.get(t, "/api/export?format=bogus").want(t, 400)
	s.get(t, "/api/export?format=nquads&events=edges").want(t, 400)
	s.get(t, "/api/export?root=Nobody+Atall").want(t, 404)
	s.get(t, "/api/export?depth=-1&root=Kim").want(t, 400)
	s.get(t, "/api/export?path=/etc/passwd").want(t, 400)
}

func TestRoutingErrorsAreJSON(t *testing.T) {
	s := start(t, 1)
	r := s.do(t, "DELETE", "/api/stats", nil).want(t, 405)
	if r.Header.Get("Allow") != "GET" {
		t.Errorf("Allow: %q", r.Header.Get("Allow"))
	}
	s.get(t, "/api/nothing-here").want(t, 404)
	s.get(t, "/api/gizmo").want(t, 405)
	// DNS rebinding: a name that is not loopback is refused.
	s.get(t, "/api/stats", "Host", "evil.example:7070").want(t, 421)
	s.get(t, "/api/stats", "Host", "localhost:7070").want(t, 200)
	// The page and its script.
	page := s.get(t, "/").want(t, 200)
	if !strings.Contains(string(page.Body), `<script src="/app.js">`) || page.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("page: %s", page.Body)
	}
	if js := s.get(t, "/app.js").want(t, 200); !strings.HasPrefix(js.Header.Get("Content-Type"), "text/javascript") {
		t.Errorf("app.js: %s", js.Header.Get("Content-Type"))
	}
	s.get(t, "/style.css").want(t, 200)
	if r := s.get(t, "/../../etc/passwd"); r.Status == 200 && strings.Contains(string(r.Body), "root:") {
		t.Errorf("a path outside the page was served")
	}
}

func TestMetrics(t *testing.T) {
	s := start(t, 1)
	s.get(t, "/api/stats").want(t, 200)
	s.get(t, "/api/queries/timeline").want(t, 200)
	s.post(t, "/api/gizmo", `g.V().Out({}).All()`).want(t, 400)
	m := string(s.get(t, "/metrics").want(t, 200).Body)
	for _, want := range []string{
		`kg_http_requests_total{code="200",method="GET",route="/api/stats"} 1`,
		`kg_queries_total{outcome="ok",query="timeline"} 1`,
		`kg_queries_total{outcome="crash",query="gizmo"} 1`,
		`kg_query_duration_seconds_count{query="timeline"} 1`,
		"go_goroutines",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// A kg load while the server holds the store fails at once, naming it.
func TestStoreIsHeld(t *testing.T) {
	s := start(t, 1)
	_, err := graph.Open(s.Dir, nil)
	var le *graph.LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), s.URL) {
		t.Fatalf("open while served: %v", err)
	}
}

// Loads and removals while queries, exports and searches run: every
// request succeeds, and each read sees the store before or after a write,
// never half of one.
func TestWritesDuringQueries(t *testing.T) {
	s := start(t, 3, withToken("t"))
	article, err := os.ReadFile("testdata/visit.txt")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	reads := 0
	reader := func(paths ...string) {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			r := s.get(t, paths[i%len(paths)])
			if r.Status != 200 {
				t.Errorf("%s during writes: %d %s", paths[i%len(paths)], r.Status, r.Body)
				return
			}
			if strings.HasPrefix(paths[i%len(paths)], "/api/stats") {
				if n := r.JSON["articles"].(float64); n != 1 && n != 2 {
					t.Errorf("stats during writes: %v articles", n)
				}
			}
			mu.Lock()
			reads++
			mu.Unlock()
		}
	}
	wg.Add(3)
	go reader("/api/queries/timeline?entity=Kim", "/api/queries/relationships?entity=Putin")
	go reader("/api/export?format=cyjs&root=Kim&depth=2", "/api/stats")
	go reader("/api/entities?match=kim", "/api/queries/neighbours?entity=Kim")
	auth := []string{"Authorization", "Bearer t"}
	for i := 0; i < 5; i++ {
		s.do(t, "POST", "/api/articles?id=visit", bytes.NewReader(article), auth...).want(t, 201)
		if e := s.get(t, "/api/entities?match="+url.QueryEscape("लावरोव")).want(t, 200); len(e.JSON["entities"].([]any)) != 1 {
			t.Errorf("round %d: after the load: %s", i, e.Body)
		}
		s.do(t, "DELETE", "/api/articles/visit", nil, auth...).want(t, 200)
		if e := s.get(t, "/api/entities?match="+url.QueryEscape("लावरोव")).want(t, 200); len(e.JSON["entities"].([]any)) != 0 {
			t.Errorf("round %d: after the removal: %s", i, e.Body)
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d reads during 10 writes", reads)
}

// Removing an article that replaced another under a new id (an edited
// title) works, and the server goes on reading and writing. (This once
// hit a Cayley bug that dropped values of the replacing article's quads;
// graph now writes such a replace in two journaled batches.)
func TestRemoveAfterReplaceUnderNewID(t *testing.T) {
	s := start(t, 2, withToken("t"))
	auth := []string{"Authorization", "Bearer t"}
	article, _ := os.ReadFile("testdata/visit.txt")
	s.do(t, "POST", "/api/articles?source=/x/visit.txt", bytes.NewReader(article), auth...).want(t, 201)
	edited := bytes.Replace(article, []byte("लावरोव की प्योंगयांग यात्रा"), []byte("लावरोव उत्तर कोरिया में"), 1)
	r := s.do(t, "POST", "/api/articles?source=/x/visit.txt", bytes.NewReader(edited), auth...).want(t, 200)
	var lr server.LoadResponse
	if err := json.Unmarshal(r.Body, &lr); err != nil || len(lr.Articles) != 1 {
		t.Fatalf("replace: %s", r.Body)
	}
	s.do(t, "DELETE", "/api/articles/"+lr.Articles[0].ID, nil, auth...).want(t, 200)
	if rows := s.get(t, "/api/queries/timeline?entity=Kim").want(t, 200).rows(t); len(rows) == 0 {
		t.Error("no timeline after the write")
	}
	s.get(t, "/api/stats").want(t, 200)
	s.get(t, "/api/export?format=cyjs&root=Kim").want(t, 200)
	s.do(t, "POST", "/api/articles?id=after", bytes.NewReader(article), auth...).want(t, 201)
	s.do(t, "DELETE", "/api/articles/after", nil, auth...).want(t, 200)
}

// The API pages a canned query as kg query does: pages of two, asked for
// with offset = offset + limit while truncated says there are more, make
// up the whole answer, in its order; the answer names its offset.
func TestCannedQueryPages(t *testing.T) {
	s := start(t, 2)
	for _, q := range []string{"timeline", "relationships?entity=Putin", "entities"} {
		sep := "?"
		if strings.Contains(q, "?") {
			sep = "&"
		}
		all := s.get(t, "/api/queries/"+q).want(t, 200).rows(t)
		if len(all) < 3 {
			t.Fatalf("%s: %d rows, too few to page", q, len(all))
		}
		var paged []map[string]any
		for off := 0; ; off += 2 {
			r := s.get(t, fmt.Sprintf("/api/queries/%s%slimit=2&offset=%d", q, sep, off)).want(t, 200)
			if r.JSON["offset"] != float64(off) {
				t.Errorf("%s page at %d: offset %v", q, off, r.JSON["offset"])
			}
			paged = append(paged, r.rows(t)...)
			if r.JSON["truncated"] != (off+2 < len(all)) {
				t.Errorf("%s page at %d: truncated=%v with %d rows in all", q, off, r.JSON["truncated"], len(all))
			}
			if r.JSON["truncated"] != true || off > len(all) {
				break
			}
		}
		if fmt.Sprint(paged) != fmt.Sprint(all) {
			t.Errorf("%s: the pages differ from the whole answer:\n%v\n%v", q, paged, all)
		}
	}
	s.get(t, "/api/queries/timeline?offset=-1").want(t, 400)
}
