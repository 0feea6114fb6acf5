package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph/pgtest"
	"github.com/kgnews/kg/schema"
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) != "" {
		crashChild()
		return
	}
	os.Exit(pgtest.Main(m))
}

// storeKinds are the stores the store-level tests run on: the embedded
// bolt store and PostgreSQL (a fresh database per test).
var storeKinds = []string{"bolt", "postgres"}

// openKind opens an empty store of a kind for the test.
func openKind(t *testing.T, kind string) *Store {
	t.Helper()
	if kind != "postgres" {
		return openTemp(t, kind)
	}
	s, err := Open(pgtest.Require(t), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// eachKind runs a test on every kind of store.
func eachKind(t *testing.T, fn func(t *testing.T, kind string)) {
	for _, k := range storeKinds {
		t.Run(k, func(t *testing.T) { fn(t, k) })
	}
}

// literals is an article whose values are of every kind kg writes: Hindi
// and English text, typed dates, numbers and booleans, IRIs with
// percent-escapes, text with quotes, backslashes, tabs and newlines, and
// a 5 KB evidence sentence.
func literals(id string) *Article {
	a := article(id, "/tmp/"+id+".txt", "kim", "putin")
	ev := schema.EventIRI(id, 1)
	long := strings.Repeat("किम जोंग-उन ने पुतिन से फ़ोन पर बात की। ", 90) // ~5 KB of UTF-8
	add := func(s, p, o quad.Value) { a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o}) }
	add(ev, schema.Evidence, quad.LangString{Value: quad.String(long), Lang: "hi"})
	add(ev, schema.Evidence, quad.LangString{Value: `"quoted" \ back\slash	tab
newline`, Lang: "en"})
	add(ev, schema.Date, quad.TypedString{Value: "2024-06", Type: schema.XSDGYearMonth})
	add(ev, schema.Date, quad.TypedString{Value: "2024-06-12", Type: schema.XSDDate})
	add(ev, schema.Quantity, quad.TypedString{Value: "1000", Type: schema.XSDInteger})
	add(ev, schema.Generic, quad.TypedString{Value: "true", Type: schema.XSDBoolean})
	add(ev, schema.DateText, quad.LangString{Value: "पिछले साल जून में", Lang: "hi"})
	add(ev, schema.Trigger, quad.String(`\x00 is text here, not a NUL`))
	add(ev, schema.Location, quad.IRI("https://kg.example.org/entity/S%C3%A3o_Paulo"))
	add(a.IRI, schema.DatePublished, quad.TypedString{Value: "2025-08-13", Type: schema.XSDDate})
	return a
}

// The same writes on every kind of store leave the same quads, step by
// step: load, reload unchanged, a second article sharing an entity, an
// edited file under a new id (the write that needs two phases on bolt),
// removals, and values of every kind.
func TestStoresAgree(t *testing.T) {
	steps := []struct {
		name string
		do   func(*Store) (Change, error)
	}{
		{"load", func(s *Store) (Change, error) { return s.Load(ctx, literals("a")) }},
		{"reload", func(s *Store) (Change, error) { return s.Load(ctx, literals("a")) }},
		{"second", func(s *Store) (Change, error) { return s.Load(ctx, article("b", "/tmp/b.txt", "kim", "trump", "xi")) }},
		{"edited under a new id", func(s *Store) (Change, error) { return s.Load(ctx, article("b2", "/tmp/b.txt", "kim")) }},
		{"rm a", func(s *Store) (Change, error) { return s.Retract(ctx, schema.ArticleIRI("a")) }},
		{"batch", func(s *Store) (Change, error) {
			res, err := s.LoadBatch(ctx, []*Article{literals("c"), article("d", "/tmp/d.txt", "putin", "kim"), literals("a")})
			for _, r := range res {
				if r.Err != nil {
					return Change{}, r.Err
				}
			}
			return Change{}, err
		}},
		{"rm b2", func(s *Store) (Change, error) { return s.Retract(ctx, schema.ArticleIRI("b2")) }},
		{"load all", func(s *Store) (Change, error) {
			_, err := s.LoadAll(ctx, []*Article{article("e", "", "xi", "kim"), article("f", "", "xi", "modi")})
			return Change{}, err
		}},
		{"rm e, f", func(s *Store) (Change, error) {
			if _, err := s.Retract(ctx, schema.ArticleIRI("e")); err != nil {
				return Change{}, err
			}
			return s.Retract(ctx, schema.ArticleIRI("f"))
		}},
	}
	stores := map[string]*Store{}
	for _, k := range storeKinds {
		if k == "postgres" {
			if ok, why := pgtest.Available(); !ok {
				pgtest.Skip(t, why)
			}
		}
		stores[k] = openKind(t, k)
	}
	for _, st := range steps {
		dumps := map[string][]string{}
		changes := map[string]Change{}
		for _, k := range storeKinds {
			ch, err := st.do(stores[k])
			if err != nil {
				t.Fatalf("%s on %s: %v", st.name, k, err)
			}
			changes[k] = ch
			dumps[k] = dump(t, stores[k])
			if n := brokenQuads(t, stores[k]); n != 0 {
				t.Fatalf("%s on %s: %d quads lost a value", st.name, k, n)
			}
		}
		if st.name == "reload" && !changes["postgres"].Unchanged() {
			t.Errorf("reload changed the postgres store: %+v", changes["postgres"])
		}
		if changes["bolt"].Added != changes["postgres"].Added || changes["bolt"].Removed != changes["postgres"].Removed {
			t.Errorf("%s: bolt reports %+v, postgres %+v", st.name, changes["bolt"], changes["postgres"])
		}
		b, p := dumps["bolt"], dumps["postgres"]
		if strings.Join(b, "\n") != strings.Join(p, "\n") {
			t.Errorf("%s: bolt holds %d quads, postgres %d", st.name, len(b), len(p))
			showDiff(t, b, p)
		}
	}
	// what every reader of the store sees
	for _, k := range storeKinds {
		s := stores[k]
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Articles != 3 {
			t.Errorf("%s: %d articles, want 3", k, st.Articles)
		}
		arts, err := s.Articles(ctx)
		if err != nil || len(arts) != 3 {
			t.Errorf("%s: articles %v, %v", k, arts, err)
		}
		ents, err := s.Entities(ctx)
		if err != nil || len(ents) != 2 {
			t.Errorf("%s: entities %v, %v", k, ents, err)
		}
		if iri, err := s.FindArticle(ctx, "/tmp/d.txt"); err != nil || iri != schema.ArticleIRI("d") {
			t.Errorf("%s: FindArticle = %v, %v", k, iri, err)
		}
	}
	// and back to nothing
	for _, k := range storeKinds {
		for _, id := range []string{"a", "c", "d"} {
			if _, err := stores[k].Retract(ctx, schema.ArticleIRI(id)); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(dump(t, stores[k])); n != 0 {
			t.Errorf("%s: %d quads left after removing every article", k, n)
		}
	}
	if n := pgNodesLeft(t, stores["postgres"]); n != 0 {
		t.Errorf("postgres: %d nodes left that no quad uses", n)
	}
}

// pgNodesLeft counts the node rows of a PostgreSQL store that no quad uses
// (Cayley keeps a node while its count of uses is above zero).
func pgNodesLeft(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.pg.db.QueryRow(`SELECT count(*) FROM nodes n WHERE NOT EXISTS (SELECT 1 FROM quads q WHERE n.hash IN (q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash))`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func showDiff(t *testing.T, a, b []string) {
	t.Helper()
	in := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range l {
			m[s] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	shown := 0
	for _, s := range a {
		if !mb[s] && shown < 5 {
			t.Logf("  only in the first: %.300s", s)
			shown++
		}
	}
	for _, s := range b {
		if !ma[s] && shown < 10 {
			t.Logf("  only in the second: %.300s", s)
			shown++
		}
	}
}

func TestPostgresTexts(t *testing.T) {
	s := openKind(t, "postgres")
	a := article("t", "/tmp/t.txt", "kim")
	a.Text = "किम ने कहा।"
	if _, err := s.Load(ctx, a); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(s.Dir(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got, err := r.ArticleText(a.IRI); err != nil || got != a.Text {
		t.Errorf("text = %q, %v", got, err)
	}
	if _, err := s.Retract(ctx, a.IRI); err != nil {
		t.Fatal(err)
	}
	if _, err := r.ArticleText(a.IRI); !errors.Is(err, ErrNoText) {
		t.Errorf("text after removal: %v", err)
	}
}

// A store is created once, by whoever opens it first (several at once
// wait for each other), and reused after: Cayley alone answers "database
// already exists".
func TestPostgresCreatedOnce(t *testing.T) {
	loc := pgtest.Require(t)
	if _, err := OpenReader(loc, time.Second); err == nil || !strings.Contains(err.Error(), "no kg store there") {
		t.Errorf("reader of an empty database: %v", err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s, err := Open(loc, nil)
			if err == nil {
				_, err = s.Load(ctx, article(fmt.Sprintf("x%d", i), "", "kim"))
				s.Close()
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(loc, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if st, err := s.Stats(ctx); err != nil || st.Articles != 4 {
		t.Errorf("stats %+v, %v", st, err)
	}
	// kg's indexes are there
	var n int
	if err := s.pg.db.QueryRow(`SELECT count(*) FROM pg_indexes WHERE indexname IN ('kg_quads_label', 'kg_nodes_released')`).Scan(&n); err != nil || n != 2 {
		t.Errorf("kg's indexes: %d, %v", n, err)
	}
}

// Roles: the owner creates the store; a role granted the rights the README
// lists loads into it; a role with none cannot create it, and is told why.
func TestPostgresRoles(t *testing.T) {
	loc := pgtest.Require(t)
	suffix := fmt.Sprint(time.Now().UnixNano())
	writer, stranger := "kg_writer_"+suffix, "kg_stranger_"+suffix
	if err := pgtest.Exec(loc, "CREATE ROLE "+writer+" LOGIN", "CREATE ROLE "+stranger+" LOGIN", "REVOKE CREATE ON SCHEMA public FROM PUBLIC"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		pgtest.Exec(loc, "DROP OWNED BY "+writer, "DROP OWNED BY "+stranger, "DROP ROLE "+writer, "DROP ROLE "+stranger)
	})
	_, err := Open(pgtest.WithUser(loc, stranger), nil)
	if err == nil || !strings.Contains(err.Error(), "may not create kg's tables") || !strings.Contains(err.Error(), `GRANT CREATE ON SCHEMA public TO "`+stranger+`"`) {
		t.Fatalf("a role that may not create tables: %v", err)
	}
	owner, err := Open(loc, nil)
	if err != nil {
		t.Fatal(err)
	}
	owner.Close()
	if err := Grant(loc, writer, true); err != nil {
		t.Fatal(err)
	}
	s, err := Open(pgtest.WithUser(loc, writer), nil)
	if err != nil {
		t.Fatalf("writer role: %v", err)
	}
	defer s.Close()
	if _, err := s.Load(ctx, article("w", "/tmp/w.txt", "kim", "putin")); err != nil {
		t.Fatalf("writer role loads: %v", err)
	}
	if _, err := s.Load(ctx, article("v", "/tmp/v.txt", "kim", "xi")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retract(ctx, schema.ArticleIRI("w")); err != nil {
		t.Fatalf("writer role removes: %v", err)
	}
	// a reader reads, and cannot write
	if err := Grant(loc, stranger, false); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReader(pgtest.WithUser(loc, stranger), time.Second)
	if err != nil {
		t.Fatalf("reader role: %v", err)
	}
	defer r.Close()
	if arts, err := r.Articles(ctx); err != nil || len(arts) != 1 {
		t.Errorf("reader role reads %v, %v", arts, err)
	}
	if _, err := r.Load(ctx, article("x", "", "kim")); err == nil {
		t.Error("a reader wrote")
	}
	rw, err := Open(pgtest.WithUser(loc, stranger), nil)
	if err != nil {
		t.Fatalf("reader role opening to write: %v", err)
	}
	defer rw.Close()
	if _, err := rw.Load(ctx, article("x", "", "kim")); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("a reader role's write: %v", err)
	}
	if n := len(dump(t, r)); n != len(dump(t, s)) {
		t.Errorf("the refused write changed the store")
	}
}

// Writers in several processes take turns: here several Stores (each its
// own connections, as separate processes have) load disjoint sets while
// another removes and reloads articles of both, and the store ends as a
// serial load leaves it.
func TestPostgresConcurrentWriters(t *testing.T) {
	var all []*Article
	people := []string{"kim", "putin", "trump", "xi", "modi", "lula", "ruto"}
	for i := 0; i < 40; i++ {
		id := fmt.Sprintf("c%02d", i)
		all = append(all, report(id, "/tmp/"+id, "text "+id, fmt.Sprintf("2024-%02d-0%d", 1+i%4, 1+i%3),
			people[i%7], people[(i+2)%7], []string{"", "kcna", "yonhap"}[i%3]))
	}
	fresh := func(a *Article) *Article { c := *a; c.prep = nil; return &c }
	serial := openKind(t, "postgres")
	for _, a := range all {
		if _, err := serial.Load(ctx, fresh(a)); err != nil {
			t.Fatal(err)
		}
	}
	want := dump(t, serial)

	loc := pgtest.Require(t)
	open := func() *Store {
		s, err := Open(loc, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	w1, w2, w3 := open(), open(), open()
	before := pgRetried.Load()
	var wg sync.WaitGroup
	errc := make(chan error, 100)
	load := func(s *Store, arts []*Article, batch int) {
		defer wg.Done()
		for i := 0; i < len(arts); i += batch {
			var b []*Article
			for _, a := range arts[i:min(i+batch, len(arts))] {
				b = append(b, fresh(a))
			}
			res, err := s.LoadBatch(ctx, b)
			if err != nil {
				errc <- err
				return
			}
			for _, r := range res {
				if r.Err != nil {
					errc <- r.Err
				}
			}
		}
	}
	wg.Add(3)
	go load(w1, all[:20], 3)
	go load(w2, all[20:], 4)
	go func() {
		defer wg.Done()
		for round := 0; round < 3; round++ {
			for _, i := range []int{1, 5, 18, 22, 27, 39} {
				if _, err := w3.Retract(ctx, all[i].IRI); err != nil {
					errc <- err
					return
				}
				if _, err := w3.Load(ctx, fresh(all[i])); err != nil {
					errc <- err
					return
				}
			}
		}
	}()
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	got := dump(t, w1)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("concurrent writers: %d quads, a serial load %d", len(got), len(want))
		showDiff(t, got, want)
	}
	if n := pgRetried.Load() - before; n != 0 {
		t.Logf("%d transactions were retried", n)
	}
}

// A writer killed in the middle of a batch leaves nothing of the batch:
// the store holds whole articles only, those of the batches committed
// before.
func TestPostgresCrashMidBatch(t *testing.T) {
	loc := pgtest.Require(t)
	s, err := Open(loc, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+loc)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// wait until two batches are in, then kill during a later one
	deadline := time.Now().Add(2 * time.Minute)
	for {
		g, err := s.pg.generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if g >= 3 {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("the writer ended before it was killed: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the writer wrote nothing in two minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	<-done
	got := dump(t, s)
	arts, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 || len(arts) == crashArticles {
		t.Fatalf("%d articles after the crash: the kill did not land mid-load", len(arts))
	}
	// a serial load of exactly the articles present
	ref := openKind(t, "postgres")
	present := map[quad.IRI]bool{}
	for _, a := range arts {
		present[a.IRI] = true
	}
	for i := 0; i < crashArticles; i++ {
		if a := crashArticle(i); present[a.IRI] {
			if _, err := ref.Load(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	if want := dump(t, ref); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after the crash: %d quads; the %d whole articles alone make %d", len(got), len(arts), len(want))
		showDiff(t, got, want)
	}
}

const (
	crashChildEnv = "KG_TEST_PG_CRASH_CHILD"
	crashArticles = 400
)

func crashArticle(i int) *Article {
	id := fmt.Sprintf("k%03d", i)
	people := []string{"kim", "putin", "trump", "xi", "modi"}
	return report(id, "/tmp/"+id, "text "+id, fmt.Sprintf("2023-%02d-01", 1+i%12), people[i%5], people[(i+1)%5], "kcna")
}

// crashChild loads articles in batches of 5 until it is killed.
func crashChild() {
	s, err := Open(os.Getenv(crashChildEnv), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < crashArticles; i += 5 {
		var b []*Article
		for j := i; j < i+5; j++ {
			b = append(b, crashArticle(j))
		}
		if _, err := s.LoadBatch(context.Background(), b); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	os.Exit(0)
}
