package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/runner"
	"github.com/kgnews/kg/server/web"
)

// Defaults of Config.
const (
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 1000
	DefaultMaxBody = 8 << 20
	// DefaultExtractTimeout bounds the extraction of one posted article:
	// the largest article the body limit lets through takes seconds.
	DefaultExtractTimeout = time.Minute
	maxScriptBytes        = 1 << 20 // a Gizmo script, as Cayley's own server allows
	shutdownTimeout       = 10 * time.Second
)

// Config configures a Server.
type Config struct {
	// Lease is the store, held by the caller for as long as the server runs.
	Lease *graph.Lease
	// Pool runs Gizmo in worker processes reading Lease's store; the server
	// pauses it while it writes.
	Pool *runner.Pool
	// Timeout is the longest a query may run (a request may ask for less).
	Timeout time.Duration
	// Limit is the most rows a query returns (a request may ask for fewer).
	Limit int
	// MaxBody caps a request body: an article or N-Quads to load.
	MaxBody int64
	// ExtractTimeout is the longest the extraction of one posted article
	// may take; past it the request fails with 422.
	ExtractTimeout time.Duration
	// Token, when set, is the bearer token write requests must carry.
	Token string
	// AllowWritesWithoutToken lets writes through without a token, but only
	// when the server listens on a loopback address.
	AllowWritesWithoutToken bool
	// Log receives one line per failed request and the server's notices;
	// nil discards them.
	Log *log.Logger
	// ReadDBs are read-only copies of the Lease's PostgreSQL store
	// (streaming replicas): queries and the server's own reads go to
	// them in turn, writes to the Lease's store. A replica that cannot be
	// reached, or misses writes older than MaxLag (default
	// DefaultMaxLag), is passed over until it catches up; /healthz says
	// how far behind each one is. Pool's Route should be ReadLocation.
	ReadDBs []string
	MaxLag  time.Duration
}

// DefaultMaxLag is how far behind the primary a replica may be and still
// take reads.
const DefaultMaxLag = 30 * time.Second

// Server is kg's HTTP service over one store.
type Server struct {
	cfg      Config
	st       *store
	metrics  *metrics
	handler  http.Handler
	loopback bool   // set by Serve from the listening address
	origin   string // the URL it serves, set by Serve
}

// New makes a server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Lease == nil || cfg.Pool == nil {
		return nil, errors.New("server: Config needs a Lease and a Pool")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Limit <= 0 {
		cfg.Limit = DefaultLimit
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.ExtractTimeout <= 0 {
		cfg.ExtractTimeout = DefaultExtractTimeout
	}
	if cfg.Log == nil {
		cfg.Log = log.New(discard{}, "", 0)
	}
	if cfg.MaxLag <= 0 {
		cfg.MaxLag = DefaultMaxLag
	}
	s := &Server{cfg: cfg, st: &store{lease: cfg.Lease, pool: cfg.Pool}, metrics: newMetrics()}
	if len(cfg.ReadDBs) > 0 {
		if !graph.IsDatabase(cfg.Lease.Dir()) {
			return nil, errors.New("server: read replicas are for a PostgreSQL store; the store is a directory")
		}
		for _, l := range cfg.ReadDBs {
			if !graph.IsDatabase(l) {
				return nil, fmt.Errorf("server: read replica %q is not a PostgreSQL connection string", graph.Redact(l))
			}
		}
		s.st.reps = newReplicas(cfg.Lease.Dir(), cfg.ReadDBs, cfg.MaxLag)
	}
	s.handler = s.routes()
	return s, nil
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// IsLoopback reports whether a listening address only accepts connections
// from this machine.
func IsLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// CheckAddr refuses settings that would expose writes: writes without a
// token are only allowed on loopback.
func CheckAddr(cfg Config, addr net.Addr) error {
	if cfg.Token == "" && cfg.AllowWritesWithoutToken && !IsLoopback(addr) {
		return fmt.Errorf("--allow-writes-without-token works only on a loopback address (127.0.0.1, ::1); %s is reachable from other machines: give --token or KG_TOKEN", addr)
	}
	return nil
}

// Serve answers requests on ln until ctx ends, then shuts down gracefully
// (requests in flight get a few seconds to finish).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if err := CheckAddr(s.cfg, ln.Addr()); err != nil {
		return err
	}
	s.loopback = IsLoopback(ln.Addr())
	s.origin = "http://" + ln.Addr().String()
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		// A body of MaxBody must arrive in a minute; the answer may take the
		// query timeout, the wait for a worker and an export's write.
		ReadTimeout:  time.Minute,
		WriteTimeout: 2*s.cfg.Timeout + time.Minute,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     s.cfg.Log,
	}
	if s.st.reps != nil {
		wctx, stop := context.WithCancel(ctx)
		defer stop()
		go s.st.reps.watch(wctx)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		s.st.close()
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	s.st.close()
	if errors.Is(err, context.DeadlineExceeded) {
		hs.Close()
		err = nil
	}
	return err
}

// URL is the address the server answers on, once Serve has started.
func (s *Server) URL() string { return s.origin }

// Handler is the server's HTTP handler (for tests that serve it themselves
// call Serve instead: the write rules depend on the listening address).
func (s *Server) Handler() http.Handler { return s.handler }

// routes wires every endpoint. Each route lists its methods, so that a
// wrong method gets a JSON 405 with an Allow header.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	route := func(pattern string, methods map[string]http.HandlerFunc) {
		mux.Handle(pattern, s.dispatch(pattern, methods))
	}
	get := func(h http.HandlerFunc) map[string]http.HandlerFunc { return map[string]http.HandlerFunc{"GET": h} }

	route("/healthz", get(s.health))
	route("/metrics", get(s.metrics.serve))
	route("/api/stats", get(s.stats))
	route("/api/entities", get(s.entities))
	route("/api/queries", get(s.queryList))
	route("/api/queries/{name}", get(s.canned))
	route("/api/gizmo", map[string]http.HandlerFunc{"POST": s.gizmo})
	route("/api/articles", map[string]http.HandlerFunc{"GET": s.articleList, "POST": s.writes(s.loadArticle)})
	route("/api/text", get(s.articleText))
	route("/api/articles/{id...}", map[string]http.HandlerFunc{"DELETE": s.writes(s.removeArticle)})
	route("/api/export", get(s.export))
	route("/api/style", get(s.style))
	// Cayley's own query endpoints, in Cayley's request and answer shapes.
	route("/api/v1/query/{lang}", map[string]http.HandlerFunc{"POST": s.cayleyV1})
	route("/api/v2/query", map[string]http.HandlerFunc{"GET": s.cayleyV2, "POST": s.cayleyV2})
	mux.Handle("/api/", s.dispatch("/api/", map[string]http.HandlerFunc{"*": func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(http.StatusNotFound, "not_found", "no endpoint %s (GET /api/queries lists the queries; the README lists the endpoints)", r.URL.Path))
	}}))
	page := web.Handler()
	mux.Handle("/", s.dispatch("/", map[string]http.HandlerFunc{"GET": page.ServeHTTP, "HEAD": page.ServeHTTP}))
	return s.guard(mux)
}

// dispatch picks the handler for the request's method, counts the request
// in the metrics under its route, and answers a wrong method with 405.
func (s *Server) dispatch(pattern string, methods map[string]http.HandlerFunc) http.Handler {
	var allow []string
	for m := range methods {
		allow = append(allow, m)
	}
	allowed := strings.Join(sortedStrings(allow), ", ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() { s.metrics.observeRequest(pattern, r.Method, rec.status, time.Since(start)) }()
		h, ok := methods[r.Method]
		if !ok {
			h, ok = methods["*"]
		}
		if !ok && r.Method == "HEAD" {
			h, ok = methods["GET"]
		}
		if !ok {
			rec.Header().Set("Allow", allowed)
			writeError(rec, errorf(http.StatusMethodNotAllowed, "method_not_allowed", "%s does not take %s (it takes %s)", r.URL.Path, r.Method, allowed))
			return
		}
		h(rec, r)
		if rec.status >= 500 {
			s.cfg.Log.Printf("%s %s: %d", r.Method, r.URL.Path, rec.status)
		}
	})
}

// guard is the outermost layer: it turns a panic in any handler into a 500
// (a malformed request must never end the server); on loopback it refuses
// Host names other than loopback ones, so that a web page cannot reach the
// server through DNS rebinding; and every endpoint under /api/, which all
// run work, refuses requests a page of another site makes (see crossSite
// and formContentType).
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.cfg.Log.Printf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, p, debug.Stack())
				writeError(w, errorf(http.StatusInternalServerError, "internal", "internal error while serving %s: %v", r.URL.Path, p))
			}
		}()
		if s.loopback && !loopbackHost(r.Host) {
			writeError(w, errorf(http.StatusMisdirectedRequest, "bad_host", "this server answers only to localhost, 127.0.0.1 or [::1], not %q", r.Host))
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			if err := crossSite(r); err != nil {
				writeError(w, err)
				return
			}
			if r.Method == http.MethodPost {
				if err := formContentType(r); err != nil {
					writeError(w, err)
					return
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// statusRecorder remembers the status code a handler answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// ReadLocation is the store the next query reads: a replica in turn, when
// the server has them and one is fit, else the Lease's store.
func (s *Server) ReadLocation() string { return s.st.readLoc() }

// health answers while the server can serve. With read replicas it says
// how far behind each is; "degraded" when one is down or lags past
// MaxLag (reads then go to the others, or to the primary).
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	out := map[string]any{"status": "ok", "web_page": web.Built()}
	st := map[string]any{"location": graph.Redact(s.cfg.Lease.Dir())}
	if graph.IsDatabase(s.cfg.Lease.Dir()) {
		st["backend"] = "postgres"
	} else {
		st["backend"] = "bolt"
	}
	if s.st.reps != nil {
		reps, fit := s.st.reps.health()
		st["replicas"] = reps
		st["max_lag_seconds"] = s.cfg.MaxLag.Seconds()
		if !fit {
			out["status"] = "degraded"
		}
		st["reads"] = "replicas"
		if s.st.reps.pick() == s.cfg.Lease.Dir() {
			st["reads"] = "primary (no replica fit)"
		}
	}
	out["store"] = st
	writeJSON(w, http.StatusOK, out)
}
