// Command loadtest puts a running kg serve under load: CLIENTS concurrent
// clients run canned queries for DURATION, then (with -runaway) again
// while one more client keeps a runaway Gizmo query (while(true){}) in the
// server. It prints the latency percentiles of each run and fails on any
// error of a canned query. scripts/load-test.sh starts a server and runs it.
//
//	go run ./scripts/loadtest -url http://127.0.0.1:7070 -clients 50 -duration 20s -runaway
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// canned are the queries the clients take turns with, on the seed article.
var canned = []string{
	"/api/queries/timeline?entity=Kim",
	"/api/queries/relationships?entity=" + url.QueryEscape("पुतिन"),
	"/api/queries/path?a=" + url.QueryEscape("Donald Trump") + "&b=Kim",
	"/api/queries/neighbours?entity=Kim&depth=2",
	"/api/queries/evidence?a=Kim&b=Putin",
	"/api/queries/claims?source=KCNA",
	"/api/queries/entities?match=kim",
	"/api/queries/timeline",
}

type result struct {
	latencies []time.Duration
	errors    []string
	runaways  int // runaway queries answered (each with an error, by design)
}

func main() {
	base := flag.String("url", "http://127.0.0.1:7070", "the kg serve to load")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "length of each run")
	runaway := flag.Bool("runaway", false, "run again with one runaway query in parallel")
	flag.Parse()
	client := &http.Client{
		Timeout:   2 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: *clients + 1, MaxConnsPerHost: *clients + 1},
	}
	// Warm up: the first queries start the workers.
	for _, q := range canned {
		if err := get(client, *base+q); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest: warm-up:", err)
			os.Exit(1)
		}
	}
	base1 := run(client, *base, *clients, *duration, false)
	report("canned queries", *clients, *duration, base1)
	failed := len(base1.errors) > 0
	if *runaway {
		with := run(client, *base, *clients, *duration, true)
		report("canned queries + 1 runaway", *clients, *duration, with)
		failed = failed || len(with.errors) > 0
		p99a, p99b := pct(base1.latencies, 99), pct(with.latencies, 99)
		fmt.Printf("p99 with the runaway / without: %.2f\n", float64(p99b)/float64(p99a))
	}
	if failed {
		os.Exit(1)
	}
}

// run loads the server for d with n clients, and one runaway client.
func run(client *http.Client, base string, n int, d time.Duration, runaway bool) result {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var mu sync.Mutex
	var res result
	var wg sync.WaitGroup
	for c := 0; c < n; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; ctx.Err() == nil; i++ {
				start := time.Now()
				err := get(client, base+canned[i%len(canned)])
				took := time.Since(start)
				mu.Lock()
				if err != nil {
					res.errors = append(res.errors, err.Error())
				} else {
					res.latencies = append(res.latencies, took)
				}
				mu.Unlock()
			}
		}(c)
	}
	if runaway {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				resp, err := client.Post(base+"/api/gizmo", "application/javascript", strings.NewReader(`while(true){}`))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					mu.Lock()
					res.runaways++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return res
}

func get(client *http.Client, u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var body struct {
		Rows  []json.RawMessage `json:"rows"`
		Error string            `json:"error"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return fmt.Errorf("%s: %d, body not JSON: %v", u, resp.StatusCode, err)
	}
	if resp.StatusCode != 200 || body.Rows == nil {
		return fmt.Errorf("%s: %d %s", u, resp.StatusCode, body.Error)
	}
	return nil
}

func pct(ls []time.Duration, p float64) time.Duration {
	if len(ls) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ls...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

func report(name string, clients int, d time.Duration, r result) {
	ms := func(x time.Duration) string { return fmt.Sprintf("%.1f ms", float64(x.Microseconds())/1000) }
	fmt.Printf("%s: %d clients, %v: %d queries (%.0f/s), %d errors; p50 %s, p90 %s, p99 %s, max %s",
		name, clients, d, len(r.latencies), float64(len(r.latencies))/d.Seconds(), len(r.errors),
		ms(pct(r.latencies, 50)), ms(pct(r.latencies, 90)), ms(pct(r.latencies, 99)), ms(pct(r.latencies, 100)))
	if r.runaways > 0 {
		fmt.Printf("; the runaway query was stopped %d times", r.runaways)
	}
	fmt.Println()
	for i, e := range r.errors {
		if i == 5 {
			fmt.Printf("  ... and %d more\n", len(r.errors)-5)
			break
		}
		fmt.Println("  error:", e)
	}
}
