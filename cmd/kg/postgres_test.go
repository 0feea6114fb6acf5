package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kgnews/kg/bench/gen"
	"github.com/kgnews/kg/graph/pgtest"
)

// The PostgreSQL store as kg's users meet it: the same corpus loaded
// into bolt and into PostgreSQL dumps byte for byte alike and answers
// every canned query alike; loaders in several processes, and a third
// removing and reloading articles, end where a serial load ends; a
// kg serve reads from a streaming replica.

// cleanCorpus writes n generated articles into dir, leaving out those
// whose derived ids clash (two headlines that differ only past the
// slug's length on one day): the second of such a pair gets a hash in
// its id, and which is second depends on the order of the writes — with
// loaders in parallel, on timing. It returns the files.
func cleanCorpus(t *testing.T, dir string, n int) []string {
	t.Helper()
	writeCorpus(t, dir, 0, n)
	probe := filepath.Join(t.TempDir(), "probe.db")
	if _, errs, code := kgLong(t, probe, "load", "-q", "-j", "1", dir); code != 0 {
		t.Fatalf("load into bolt: %s", errs)
	}
	out, errs, code := kgLong(t, probe, "stats", "--articles", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var st struct {
		Articles []struct {
			IRI    string `json:"iri"`
			Source string `json:"source"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	hashed := regexp.MustCompile(`-[0-9a-f]{10}$`)
	bySource, byIRI := map[string]string{}, map[string]string{}
	for _, a := range st.Articles {
		bySource[a.Source], byIRI[a.IRI] = a.IRI, a.Source
	}
	drop := map[string]bool{}
	for _, a := range st.Articles {
		if hashed.MatchString(a.IRI) {
			drop[a.Source] = true
			drop[byIRI[hashed.ReplaceAllString(a.IRI, "")]] = true
		}
	}
	var files []string
	for i := 0; i < n; i++ {
		f := filepath.Join(dir, gen.Name(i))
		abs, _ := filepath.Abs(f)
		if drop[abs] {
			os.Remove(f)
			continue
		}
		files = append(files, f)
	}
	if len(files) < n*8/10 {
		t.Fatalf("%d of %d articles clash", n-len(files), n)
	}
	return files
}

// sortedDump is kg export --format nquads, sorted.
func sortedDump(t *testing.T, db string) []string {
	t.Helper()
	out, errs, code := kgLong(t, db, "-q", "export", "--format", "nquads")
	if code != 0 {
		t.Fatalf("export %s: %s", db, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(lines)
	return lines
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	in := map[string]bool{}
	for _, l := range want {
		in[l] = true
	}
	shown := 0
	for _, l := range got {
		if !in[l] && shown < 5 {
			t.Logf("  unexpected: %.300s", l)
			shown++
		}
	}
}

// cannedArgs are canned queries to compare, on the entities most
// articles of the store mention.
func cannedArgs(t *testing.T, db string) [][]string {
	t.Helper()
	out, errs, code := kgLong(t, db, "-q", "query", "entities", "--format", "json", "--limit", "100000")
	if code != 0 {
		t.Fatal(errs)
	}
	var ents []struct {
		Label    string  `json:"label_en"`
		Articles float64 `json:"articles"`
		Types    []any   `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &ents); err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].Articles > ents[j].Articles })
	// the two countries and the person most articles mention
	var top []string
	for _, want := range []string{"Country", "Country", "Person"} {
		for i, e := range ents {
			if e.Label != "" && fmt.Sprint(e.Types) == "["+want+"]" {
				top = append(top, e.Label)
				ents = append(ents[:i:i], ents[i+1:]...)
				break
			}
		}
	}
	if len(top) < 3 {
		t.Fatalf("entities: %s", out)
	}
	return [][]string{
		{"timeline"}, {"timeline", "--from", "2001", "--to", "2003"},
		{"entities"}, {"entities", "--type", "Person"}, {"entities", "--match", "an"}, {"entities", "--discovered"},
		{"timeline", top[0]}, {"relationships", top[0]}, {"relationships", top[1]},
		{"neighbours", top[1]}, {"neighbours", top[2], "--depth", "2"},
		{"evidence", top[0], top[1]}, {"path", top[1], top[2]}, {"claims", top[2]},
	}
}

func queryOut(t *testing.T, db string, argv []string) string {
	t.Helper()
	args := append([]string{"-q", "query"}, argv...)
	// kg's own deadline comes before the test's, so that a query too slow
	// for it ends in kg's message, not in a kill: both only catch a hang
	// (a whole-store timeline over PostgreSQL is a round trip a step)
	out, errs, code := kgWithin(t, db, 12*time.Minute, append(args, "--format", "json", "--limit", "100000", "--timeout", "10m")...)
	if code != 0 {
		t.Fatalf("kg query %v on %s: %s", argv, db, errs)
	}
	return out
}

func TestPostgresLikeBolt(t *testing.T) {
	loc := pgtest.Require(t)
	dir := t.TempDir()
	files := cleanCorpus(t, filepath.Join(dir, "corpus"), 30)
	bolt := filepath.Join(dir, "kg.db")
	for _, db := range []string{bolt, loc} {
		if _, errs, code := kgLong(t, db, "load", "-q", filepath.Join(dir, "corpus")); code != 0 {
			t.Fatalf("load into %s: %s", db, errs)
		}
	}
	sameLines(t, "PostgreSQL's dump against bolt's", sortedDump(t, loc), sortedDump(t, bolt))
	queries := cannedArgs(t, bolt)
	for _, q := range queries {
		b, p := queryOut(t, bolt, q), queryOut(t, loc, q)
		if b != p {
			t.Errorf("kg query %s: PostgreSQL answers %d bytes, bolt %d", strings.Join(q, " "), len(p), len(b))
		}
		if len(b) < 10 && q[0] != "entities" {
			t.Errorf("kg query %s: %q, nothing to compare", strings.Join(q, " "), b)
		}
	}
	// rm and reload, by path, on PostgreSQL as on bolt
	for _, db := range []string{bolt, loc} {
		for _, f := range files[:3] {
			if _, errs, code := kgLong(t, db, "-q", "rm", f); code != 0 {
				t.Fatalf("rm on %s: %s", db, errs)
			}
		}
		if _, errs, code := kgLong(t, db, "-q", "load", files[0]); code != 0 {
			t.Fatalf("reload on %s: %s", db, errs)
		}
	}
	sameLines(t, "after rm and reload", sortedDump(t, loc), sortedDump(t, bolt))
	out, errs, code := kgLong(t, loc, "stats")
	if code != 0 || !regexp.MustCompile(fmt.Sprintf(`(?m)^articles\s+%d$`, len(files)-2)).MatchString(out) {
		t.Errorf("stats: %s %s", out, errs)
	}
}

// Two kg load processes of disjoint halves of a corpus and a third that
// loads, removes and loads again articles of both halves, all at once:
// no error, every article there once, the store as a serial load leaves it.
func TestPostgresConcurrentLoads(t *testing.T) {
	dir := t.TempDir()
	files := cleanCorpus(t, filepath.Join(dir, "corpus"), 40)
	serial := pgtest.Require(t)
	if _, errs, code := kgLong(t, serial, "load", "-q", filepath.Join(dir, "corpus")); code != 0 {
		t.Fatal(errs)
	}
	want := sortedDump(t, serial)

	loc := pgtest.Require(t)
	half := len(files) / 2
	var churn []string
	for i := 0; i < len(files); i += 4 {
		churn = append(churn, files[i])
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	fail := func(what, errs string) {
		mu.Lock()
		failures = append(failures, what+": "+errs)
		mu.Unlock()
	}
	for _, part := range [][]string{files[:half], files[half:]} {
		wg.Add(1)
		go func(part []string) {
			defer wg.Done()
			if _, errs, code := kgLong(t, loc, append([]string{"load", "-q"}, part...)...); code != 0 {
				fail("kg load", errs)
			}
		}(part)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, f := range churn {
			for _, cmd := range [][]string{{"load", "-q", f}, {"rm", "-q", f}, {"load", "-q", f}} {
				if _, errs, code := kgLong(t, loc, cmd...); code != 0 {
					fail("kg "+strings.Join(cmd, " "), errs)
				}
			}
		}
	}()
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	out, errs, code := kgLong(t, loc, "stats", "--articles", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var st struct {
		Articles []struct {
			Source string `json:"source"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, a := range st.Articles {
		seen[a.Source]++
	}
	for _, f := range files {
		abs, _ := filepath.Abs(f)
		if seen[abs] != 1 {
			t.Errorf("%s is in the store %d times", filepath.Base(f), seen[abs])
		}
	}
	if len(st.Articles) != len(files) {
		t.Errorf("%d articles, want %d", len(st.Articles), len(files))
	}
	sameLines(t, "concurrent loads against a serial load", sortedDump(t, loc), want)
}

// kgLong is kg with a deadline for a corpus load, or a query over one in
// PostgreSQL, on a busy machine (kg's 60 s caught a whole-store timeline
// at a load average of 45; 5 minutes caught a 40-article load into bolt,
// 8 s on its own, beside other engineers' loads at a load average of 35,
// when an fsync can wait for everything the machine has written).
func kgLong(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	return kgWithin(t, db, 15*time.Minute, args...)
}

// kgWithin runs kg on a store, as kg does, with a deadline that only
// catches a hang. It may run on any goroutine: a hang is an error.
func kgWithin(t *testing.T, db string, limit time.Duration, args ...string) (string, string, int) {
	cmd := exec.Command(kgBin, append([]string{"--db", db}, args...)...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		return "", err.Error(), -1
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(limit):
		// SIGQUIT first: the Go runtime writes every goroutine's stack,
		// which tells a hang from a slow machine
		cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		stacks := errb.String()
		if len(stacks) > 32<<10 {
			stacks = stacks[:32<<10] + "\n[…]"
		}
		return out.String(), fmt.Sprintf("kg %v hung for %v: %s", args, limit, stacks), -1
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// A kg serve whose reads go to a streaming replica: a query sees what
// the replica has replayed (with replay paused, not the primary's newest
// article), /healthz says how far behind it is, a replica behind past
// --max-lag is passed over for the primary, and the canned queries answer
// while a loader writes to the primary.
func TestServeReadsFromReplica(t *testing.T) {
	if _, err := pgtest.Bin("pg_basebackup"); err != nil {
		pgtest.Skip(t, err.Error())
	}
	primary, err := pgtest.Start(pgtest.TempDir(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer primary.Stop()
	if err := pgtest.CreateDatabase(primary.DSN("postgres"), "kg", ""); err != nil {
		t.Fatal(err)
	}
	ploc := primary.DSN("kg")
	if _, errs, code := kgLong(t, ploc, "load", "-q", "testdata/seed.txt"); code != 0 {
		t.Fatal(errs)
	}
	replica, err := pgtest.StartReplica(primary, pgtest.TempDir(t))
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Stop()
	rloc := replica.DSN("kg")
	// one server that lets the replica lag (for an hour), one that
	// passes it over after a second
	srv := startServe(t, ploc, "--read-db", rloc, "--max-lag", "1h", "--token", "tok")
	strict := startServe(t, ploc, "--read-db", rloc, "--max-lag", "1s")

	health := func(srv string) map[string]any {
		var h map[string]any
		getJSON(t, srv+"/healthz", &h)
		return h
	}
	replicaState := func(srv string) map[string]any {
		reps, _ := health(srv)["store"].(map[string]any)["replicas"].([]any)
		if len(reps) != 1 {
			t.Fatalf("healthz replicas: %v", health(srv))
		}
		return reps[0].(map[string]any)
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Minute) // only catches a hang
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("waited five minutes for %s: %v", what, health(srv))
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	articles := func(srv string) float64 {
		var st map[string]any
		getJSON(t, srv+"/api/stats", &st)
		return st["articles"].(float64)
	}
	entities := func(srv string) int {
		var rows map[string]any
		getJSON(t, srv+"/api/queries/entities?limit=100000", &rows)
		return len(rows["rows"].([]any))
	}
	for _, s := range []string{srv, strict} {
		waitFor("the replica to be watched", func() bool { return replicaState(s)["status"] == "ok" })
	}
	if n := articles(srv); n != 1 {
		t.Fatalf("articles through the replica: %v", n)
	}
	before := entities(srv)

	// Replay paused: the primary takes an article the replica does not
	// have, and what the server answers is the replica's.
	if err := pgtest.Exec(rloc, "SELECT pg_wal_replay_pause()"); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := kgLong(t, ploc, "load", "-q", "testdata/second.txt"); code != 0 {
		t.Fatal(errs)
	}
	waitFor("healthz to see the replica behind", func() bool {
		l, _ := replicaState(srv)["lag"].(map[string]any)
		return l["behind_writes"].(float64) >= 1
	})
	if n := articles(srv); n != 1 {
		t.Errorf("with replay paused the server counts %v articles: it did not read the replica", n)
	}
	if n := entities(srv); n != before {
		t.Errorf("with replay paused a canned query lists %d entities, the replica has %d: the worker did not read the replica", n, before)
	}
	if h := health(srv); h["status"] != "ok" {
		t.Errorf("healthz of a replica within its lag: %v", h)
	}
	// Past --max-lag the replica is passed over: reads see the primary.
	waitFor("the replica to be called lagging", func() bool { return replicaState(strict)["status"] == "lagging" })
	if h := health(strict); h["status"] != "degraded" || !strings.Contains(fmt.Sprint(h["store"]), "primary (no replica fit)") {
		t.Errorf("healthz with a lagging replica: %v", h)
	}
	if n := articles(strict); n != 2 {
		t.Errorf("reads with the replica lagging: %v articles, want the primary's 2", n)
	}
	after := entities(strict)
	if after <= before {
		t.Errorf("the primary's entities: %d, the replica's %d", after, before)
	}
	if err := pgtest.Exec(rloc, "SELECT pg_wal_replay_resume()"); err != nil {
		t.Fatal(err)
	}
	waitFor("the replica to catch up", func() bool { return replicaState(strict)["status"] == "ok" })
	if n := entities(srv); n != after {
		t.Errorf("caught up, the replica lists %d entities, want %d", n, after)
	}

	// A loader writes to the primary while the server answers canned
	// queries from the replica.
	corpus := filepath.Join(t.TempDir(), "corpus")
	writeCorpus(t, corpus, 0, 20)
	done := make(chan string, 1)
	go func() {
		_, errs, code := kgWithin(t, ploc, 5*time.Minute, "load", "-q", corpus)
		if code != 0 {
			done <- errs
		}
		done <- ""
	}()
	asked := 0
	for loading := true; loading; {
		select {
		case errs := <-done:
			if errs != "" {
				t.Fatalf("load into the primary: %s", errs)
			}
			loading = false
		default:
		}
		for _, q := range []string{"timeline?entity=Kim", "relationships?entity=Putin", "neighbours?entity=Kim", "entities", "claims?source=KCNA", "evidence?a=Trump&b=Putin", "path?a=Trump&b=Kim"} {
			var res map[string]any
			getJSON(t, srv+"/api/queries/"+q, &res)
			if replicaState(srv)["status"] != "ok" {
				t.Errorf("the replica: %v", replicaState(srv))
			}
			if _, ok := res["rows"].([]any); !ok {
				t.Fatalf("%s: %v", q, res)
			}
			asked++
		}
	}
	if asked < 7 {
		t.Errorf("asked %d queries during the load", asked)
	}
	waitFor("the replica to hold the corpus", func() bool { return articles(srv) >= 20 })
}

// getJSON GETs a URL and decodes its JSON answer, which must be 200.
func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	pu, _ := url.Parse(u)
	q := pu.Query()
	pu.RawQuery = q.Encode()
	resp, err := http.Get(pu.String())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("GET %s: %v: %s", u, err, b)
	}
}
