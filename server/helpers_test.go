package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
	"github.com/kgnews/kg/queries/runner"
	"github.com/kgnews/kg/server"
)

// The test binary is its own query worker: the pool re-executes it.
func TestMain(m *testing.M) {
	runner.ServeIfWorker()
	os.Exit(m.Run())
}

// seedOnce builds one bolt store holding the seed article; each test
// copies it, so that writes in one test do not leak into another.
var seedOnce struct {
	sync.Once
	dir string
	err error
}

func seedTemplate(t *testing.T) string {
	t.Helper()
	seedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kg-serve-seed-")
		if err != nil {
			seedOnce.err = err
			return
		}
		seedOnce.dir = filepath.Join(dir, "kg.db")
		seedOnce.err = loadFile(seedOnce.dir, "../examples/article.txt")
	})
	if seedOnce.err != nil {
		t.Fatal(seedOnce.err)
	}
	return seedOnce.dir
}

// loadFile loads an article file into the store at dir, as kg load does.
func loadFile(dir, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	in := loaders.Input{Name: filepath.Base(path), Data: data}
	f, _ := loaders.FormatFor(in)
	res, err := f.Parse(in)
	if err != nil {
		return err
	}
	st, err := graph.Open(dir, &graph.Options{NoSync: true})
	if err != nil {
		return err
	}
	defer st.Close()
	for _, a := range res.Articles {
		if _, err := st.Load(context.Background(), a); err != nil {
			return err
		}
	}
	return nil
}

// copyStore copies a store directory (kg.json and the bolt file) without
// its lock file.
func copyStore(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "kg.db")
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if info.Name() == "kg.lock" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// testServer is a kg server on a random loopback port over a copy of the
// seed store.
type testServer struct {
	URL   string
	Dir   string
	Token string
}

type option func(*server.Config)

func withToken(tok string) option { return func(c *server.Config) { c.Token = tok } }
func withTimeout(d time.Duration) option {
	return func(c *server.Config) { c.Timeout = d }
}
func withMaxBody(n int64) option { return func(c *server.Config) { c.MaxBody = n } }
func allowWrites() option        { return func(c *server.Config) { c.AllowWritesWithoutToken = true } }

func start(t *testing.T, workers int, opts ...option) *testServer {
	t.Helper()
	dir := copyStore(t, seedTemplate(t))
	lease, err := graph.Acquire(dir, &graph.Options{Owner: graph.Owner{Command: "kg serve"}})
	if err != nil {
		t.Fatal(err)
	}
	pool, err := runner.New(runner.SelfOptions(dir, workers))
	if err != nil {
		t.Fatal(err)
	}
	// Deadlines that only catch hangs, so that a query or a posted
	// article is not cut short because the machine is busy; a test of the
	// deadlines themselves sets its own (withTimeout, withExtractTimeout).
	cfg := server.Config{Lease: lease, Pool: pool, Log: log.New(testLog{t}, "server: ", 0),
		Timeout: 10 * time.Minute, ExtractTimeout: 10 * time.Minute}
	for _, o := range opts {
		o(&cfg)
	}
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	if err := lease.SetAddr(url); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
		cfg.Pool.Close() // an option may have replaced the pool
		lease.Release()
	})
	return &testServer{URL: url, Dir: dir, Token: cfg.Token}
}

// testLog sends the server's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// reply is an HTTP answer with its body, decoded when it is JSON.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
	JSON   map[string]any
}

// a hang catch, longer than the servers' query deadline (start)
var client = &http.Client{Timeout: 12 * time.Minute}

func (s *testServer) do(t *testing.T, method, path string, body io.Reader, header ...string) reply {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	// a POST goes as application/octet-stream unless header names another
	// type: the server refuses the types a web form can send
	if method == "POST" {
		req.Header.Set("Content-Type", "application/octet-stream")
	}
	for i := 0; i+1 < len(header); i += 2 {
		if strings.EqualFold(header[i], "Host") {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := reply{Status: resp.StatusCode, Header: resp.Header, Body: b}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &r.JSON); err != nil {
			t.Fatalf("%s %s: answer is not a JSON object: %v\n%s", method, path, err, b)
		}
	}
	return r
}

func (s *testServer) get(t *testing.T, path string, header ...string) reply {
	t.Helper()
	return s.do(t, "GET", path, nil, header...)
}

func (s *testServer) post(t *testing.T, path, body string, header ...string) reply {
	t.Helper()
	return s.do(t, "POST", path, strings.NewReader(body), header...)
}

// want fails the test unless the reply has the status; an error reply must
// be JSON with a message.
func (r reply) want(t *testing.T, status int) reply {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	if status >= 400 {
		if msg, _ := r.JSON["error"].(string); msg == "" {
			t.Fatalf("error answer without a JSON message: %s", r.Body)
		}
	}
	return r
}

// rows decodes the "rows" of a query answer.
func (r reply) rows(t *testing.T) []map[string]any {
	t.Helper()
	var a struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(r.Body, &a); err != nil {
		t.Fatalf("rows: %v\n%s", err, r.Body)
	}
	return a.Rows
}

func (r reply) message() string { s, _ := r.JSON["error"].(string); return s }

func jsonBody(t *testing.T, v any) *bytes.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(b)
}
