package server_test

import (
	"fmt"
	"math/rand"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// malformed are the scripts of the queries issue that break Cayley: the
// first four panic inside a goroutine Cayley starts (no recover can catch
// them in the process that runs them), the last never ends.
var malformed = []struct{ script, kind string }{
	{`g.V().Out({}).All()`, "query_crash"},
	{`g.V(iri(5)).All()`, "query_crash"},
	{`g.V().Out("<x>",5).All()`, "query_crash"},
	{`g.V().FollowR(g.M().Labels()).All()`, "query_crash"},
	{`while(true){}`, "query_timeout"},
}

// TestMalformedQueriesAmongTraffic posts each malformed script 100 times,
// shuffled, from four clients at once, to kg's own and Cayley's endpoint;
// each gets an error answer, and the request that follows it, a normal
// query, succeeds: no query takes the server, or another query, down.
//
// Nothing here depends on the machine's speed: the runaway asks for a
// short timeout of its own (so it is stopped quickly), while the server's
// timeout, which every other query gets, is long enough that only a hang
// would reach it.
func TestMalformedQueriesAmongTraffic(t *testing.T) {
	n := 100
	if testing.Short() {
		n = 10
	}
	s := start(t, 4, withTimeout(2*time.Minute))
	type job struct {
		script, kind string
		cayley       bool
	}
	var jobs []job
	for i := 0; i < n; i++ {
		for _, m := range malformed {
			jobs = append(jobs, job{m.script, m.kind, i%2 == 1})
		}
	}
	rand.New(rand.NewSource(1)).Shuffle(len(jobs), func(i, j int) { jobs[i], jobs[j] = jobs[j], jobs[i] })
	normal := []string{
		"/api/queries/timeline?entity=Kim",
		"/api/queries/relationships?entity=" + url.QueryEscape("पुतिन"),
		"/api/queries/neighbours?entity=Trump",
	}
	begin := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if failures++; failures <= 10 {
			t.Errorf(format, args...)
		}
	}
	const clients = 4
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; i < len(jobs); i += clients {
				j := jobs[i]
				switch {
				case j.kind == "query_timeout":
					// Cayley's endpoint takes no timeout: the runaway goes
					// to kg's, asking for a short one
					r := s.do(t, "POST", "/api/gizmo", jsonBody(t, map[string]any{"script": j.script, "timeout": "200ms"}), "Content-Type", "application/json")
					if r.Status != 504 || r.JSON["kind"] != j.kind {
						fail("%s: %d %s", j.script, r.Status, r.Body)
					}
				case j.cayley:
					r := s.post(t, "/api/v1/query/gizmo", j.script)
					if r.Status < 400 || r.message() == "" || len(r.JSON) != 1 {
						fail("cayley %s: %d %s", j.script, r.Status, r.Body)
					}
				default:
					r := s.post(t, "/api/gizmo", j.script)
					if r.Status < 400 || r.message() == "" || r.JSON["kind"] != j.kind {
						fail("%s: %d %s", j.script, r.Status, r.Body)
					}
				}
				next := s.get(t, normal[i%len(normal)])
				if next.Status != 200 || len(next.rows(t)) == 0 {
					fail("after %s: %s: %d %s", j.script, normal[i%len(normal)], next.Status, next.Body)
				}
			}
		}(c)
	}
	wg.Wait()
	t.Logf("%d malformed queries and as many normal ones in %v", len(jobs), time.Since(begin).Round(time.Millisecond))

	// The metrics saw every one of them fail the way it should.
	m := string(s.get(t, "/metrics").want(t, 200).Body)
	count := func(outcome string) int {
		total := 0
		re := regexp.MustCompile(`kg_queries_total\{outcome="` + outcome + `",query="(gizmo|cayley)"\} (\d+)`)
		for _, sm := range re.FindAllStringSubmatch(m, -1) {
			v, _ := strconv.Atoi(sm[2])
			total += v
		}
		return total
	}
	if got := count("crash"); got != 4*n {
		t.Errorf("%d crashes counted, want %d", got, 4*n)
	}
	if got := count("timeout"); got != n {
		t.Errorf("%d timeouts counted, want %d", got, n)
	}
	if !strings.Contains(m, fmt.Sprintf(`kg_queries_total{outcome="ok",query="timeline"} %d`, countOf(len(jobs), 0, len(normal)))) {
		t.Errorf("normal timeline queries not all ok:\n%s", grep(m, "kg_queries_total"))
	}
}

// countOf counts the i in [0, n) with i % mod == r.
func countOf(n, r, mod int) int { return (n - r + mod - 1) / mod }

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
