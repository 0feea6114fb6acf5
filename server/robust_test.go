package server_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/queries/runner"
	"github.com/kgnews/kg/server"
)

// Issue 11, reproduction 1: a name of 40,000 characters made the
// suggestions run an edit distance between it and every label in the store.
// Every endpoint that looks names up now refuses it before doing any work,
// with a message that says why.
func TestHugeNamesAreRefused(t *testing.T) {
	s := start(t, 1)
	long := strings.Repeat("a", 40000)
	for _, path := range []string{
		"/api/entities?match=" + long,
		"/api/queries/timeline?entity=" + long,
		"/api/queries/path?a=Kim&b=" + long,
		"/api/queries/entities?match=" + long,
		"/api/export?root=" + long,
	} {
		r := s.get(t, path).want(t, 400)
		if !strings.Contains(r.message(), "at most") {
			t.Errorf("%.60s: %s", path, r.Body)
		}
	}
	r := s.post(t, "/api/gizmo", `g.V(E("`+long+`")).All()`, "Content-Type", "application/javascript").want(t, 400)
	if !strings.Contains(r.message(), "at most 200") {
		t.Errorf("E(40,000 characters): %s", r.Body)
	}
	// a long name within the bound is looked up and gets a plain 404
	r = s.get(t, "/api/queries/timeline?entity="+url.QueryEscape(strings.Repeat("पुतिन", 40))).want(t, 404)
	if r.JSON["kind"] != "unknown_entity" {
		t.Errorf("200-character name: %s", r.Body)
	}
	r = s.get(t, "/api/entities?match="+url.QueryEscape(strings.Repeat("x", 200))).want(t, 200)
	if len(r.JSON["entities"].([]any)) != 0 {
		t.Errorf("200 x: %s", r.Body)
	}
}

func withExtractTimeout(d time.Duration) option {
	return func(c *server.Config) { c.ExtractTimeout = d }
}

// Issue 11 §2: the extraction of a posted article has a deadline.
func TestExtractionDeadline(t *testing.T) {
	s := start(t, 1, allowWrites(), withExtractTimeout(time.Nanosecond))
	body := "date 2025-08-13 x\n\nशीर्षक\n\n" + strings.Repeat("किम ने पुतिन से फोन पर बातचीत की ", 10000)
	r := s.post(t, "/api/articles?name=flood.txt", body, "Content-Type", "application/octet-stream").want(t, 422)
	if r.JSON["kind"] != "extract_timeout" || !strings.Contains(r.message(), "deadline") {
		t.Errorf("%s", r.Body)
	}
	stats := s.get(t, "/api/stats").want(t, 200)
	if stats.JSON["articles"] != 1.0 {
		t.Errorf("the store changed: %s", stats.Body)
	}
}

// workEndpoints are requests to every endpoint that runs work, each of
// which the server answers when it comes from a program.
var workEndpoints = []struct{ method, path, body string }{
	{"GET", "/api/stats", ""},
	{"GET", "/api/entities?match=kim", ""},
	{"GET", "/api/articles", ""},
	{"GET", "/api/queries/timeline?entity=Kim", ""},
	{"GET", "/api/export?format=nquads&root=Kim", ""},
	{"GET", "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape("g.V().Count()"), ""},
	{"POST", "/api/gizmo", "g.V().Count()"},
	{"POST", "/api/v1/query/gizmo", "g.V().Count()"},
	{"POST", "/api/v2/query?lang=gizmo", "g.V().Count()"},
}

// Issue 11 §6: a page of another site can make a browser send a GET (an
// <img>) or a simple POST (a form, fetch with text/plain) to the server;
// every endpoint that runs work refuses them, while the server's own page
// (same origin) and programs (no Origin, no Sec-Fetch-Site) are answered.
func TestCrossSiteRequestsAreRefused(t *testing.T) {
	s := start(t, 1, allowWrites())
	for _, e := range workEndpoints {
		body := func() *strings.Reader { return strings.NewReader(e.body) }
		ok := s.do(t, e.method, e.path, body(), "Content-Type", "application/javascript")
		if ok.Status != 200 {
			t.Errorf("%s %s from a program: %d %s", e.method, e.path, ok.Status, ok.Body)
		}
		s.do(t, e.method, e.path, body(), "Content-Type", "application/javascript", "Sec-Fetch-Site", "same-origin", "Origin", s.URL).want(t, 200)
		for _, h := range [][]string{
			{"Origin", "http://evil.example"},
			{"Origin", "null"},
			{"Sec-Fetch-Site", "cross-site"},
			{"Sec-Fetch-Site", "same-site"},
		} {
			r := s.do(t, e.method, e.path, body(), "Content-Type", "application/javascript", h[0], h[1]).want(t, 403)
			if r.JSON["kind"] != "cross_origin" {
				t.Errorf("%s %s with %s: %s", e.method, e.path, h, r.Body)
			}
		}
	}
	// the reproduction: a cross-origin text/plain POST of a script
	r := s.post(t, "/api/gizmo", "g.V().Count()", "Content-Type", "text/plain", "Origin", "http://evil.example").want(t, 403)
	if !strings.Contains(r.message(), "another origin") {
		t.Errorf("cross-origin text/plain gizmo: %s", r.Body)
	}
	// and the same without an Origin header (a browser that sends none):
	// the form content types are refused on every POST
	posts := []string{"/api/gizmo", "/api/v1/query/gizmo", "/api/v2/query?lang=gizmo", "/api/articles?id=x"}
	for _, path := range posts {
		for _, ct := range []string{"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
			req, err := http.NewRequest("POST", s.URL+path, strings.NewReader("g.V().Count()"))
			if err != nil {
				t.Fatal(err)
			}
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnsupportedMediaType {
				t.Errorf("POST %s as %q: %d", path, ct, resp.StatusCode)
			}
		}
	}
	if st := s.get(t, "/api/stats").want(t, 200); st.JSON["articles"] != 1.0 {
		t.Errorf("a refused request changed the store: %s", st.Body)
	}
	// the page itself and the health check stay reachable
	s.get(t, "/healthz", "Sec-Fetch-Site", "cross-site").want(t, 200)
}

// inFlight reads kg_queries_in_flight from the metrics.
func inFlight(t *testing.T, s *testServer) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^kg_queries_in_flight (\d+)`).FindSubmatch(s.get(t, "/metrics").Body)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// Issue 11 §3: a runaway query with ten minutes to go does not hold a
// write back: the write pre-empts it (the runaway runs again after it) and
// reads go on. The test's own deadline (two minutes for the whole write)
// only catches a hang; the runaway's deadline is five times that.
func TestWriteDoesNotWaitForARunaway(t *testing.T) {
	s := start(t, 2, allowWrites(), withTimeout(10*time.Minute))
	rctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runaway := make(chan int, 1)
	go func() {
		req, _ := http.NewRequestWithContext(rctx, "POST", s.URL+"/api/gizmo", strings.NewReader("while(true){}"))
		req.Header.Set("Content-Type", "application/javascript")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			runaway <- 0
			return
		}
		resp.Body.Close()
		runaway <- resp.StatusCode
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for inFlight(t, s) < 1 {
		if time.Now().After(deadline) {
			t.Fatal("the runaway never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	article, err := os.ReadFile("testdata/visit.txt")
	if err != nil {
		t.Fatal(err)
	}
	s.post(t, "/api/articles?id=visit", string(article)).want(t, 201)
	r := s.get(t, "/api/queries/timeline?entity=Kim").want(t, 200)
	if len(r.rows(t)) == 0 {
		t.Errorf("timeline beside the runaway: %s", r.Body)
	}
	s.do(t, "DELETE", "/api/articles/visit", nil).want(t, 200)
	select {
	case code := <-runaway:
		t.Fatalf("the runaway ended (%d) instead of running on after the writes", code)
	default:
	}
	cancel()
	<-runaway
}

func withMemoryBudget(n int64) option {
	return func(c *server.Config) {
		opts := runner.SelfOptions(c.Lease.Dir(), 1)
		opts.MemoryBudget = n
		p, err := runner.New(opts)
		if err != nil {
			panic(err)
		}
		old := c.Pool
		c.Pool = p
		old.Close()
	}
}

// Issue 11 §6: a query over the workers' memory budget gets a clear
// error, and the server answers the next one. The hog takes a megabyte a
// step, so that it passes the budget in a few hundred steps however busy
// the machine; the query's deadline (ten minutes) only catches a hang: on
// a loaded machine a hog of small strings reached the default 30 s before
// the budget, and the test failed for the machine's sake.
func TestQueryOverMemoryBudget(t *testing.T) {
	s := start(t, 1, withMemoryBudget(300<<20), withTimeout(10*time.Minute))
	hog := `var a = []; for (var i = 0; ; i++) { a.push(String.fromCharCode(97 + i % 26).repeat(1 << 20) + i); }`
	r := s.post(t, "/api/gizmo", hog, "Content-Type", "application/javascript").want(t, 400)
	if r.JSON["kind"] != "query_memory" || !strings.Contains(r.message(), "memory budget") {
		t.Errorf("hog: %s", r.Body)
	}
	s.get(t, "/api/queries/timeline?entity=Kim").want(t, 200)
}
