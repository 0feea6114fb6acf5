package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/options"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/queries/output"
	"github.com/kgnews/kg/queries/runner"
)

// run runs one query in the worker pool. The query's own timeout bounds
// its run; the wait for a free worker gets about as long again, after
// which the request fails with 503 rather than queueing without end.
func (s *Server) run(ctx context.Context, name string, q runner.Query) (*runner.Result, error) {
	s.metrics.queriesActive.Inc()
	defer s.metrics.queriesActive.Dec()
	start := time.Now()
	rctx, cancel := context.WithTimeout(ctx, 2*q.Timeout+5*time.Second)
	defer cancel()
	res, err := s.cfg.Pool.Run(rctx, q)
	s.metrics.queryDuration.WithLabelValues(name).Observe(time.Since(start).Seconds())
	outcome := "ok"
	if err != nil {
		var qe *runner.Error
		if errors.As(err, &qe) {
			outcome = string(qe.Kind)
			if qe.Kind == runner.Canceled && ctx.Err() == nil {
				err, outcome = errBusy, "busy"
			}
		} else {
			outcome = "error"
		}
	}
	s.metrics.queries.WithLabelValues(name, outcome).Inc()
	return res, err
}

// limits reads a request's ?limit= and ?timeout=, within the server's caps:
// asking for more than the cap gets the cap.
func (s *Server) limits(q url.Values, defLimit int) (int, time.Duration, error) {
	limit := min(defLimit, s.cfg.Limit)
	if v := q.Get("limit"); v != "" {
		n, err := options.Limit(v)
		if err != nil {
			return 0, 0, badRequest("%v", err)
		}
		limit = min(n, s.cfg.Limit)
	}
	timeout := s.cfg.Timeout
	if v := q.Get("timeout"); v != "" {
		d, err := options.Timeout(v)
		if err != nil {
			return 0, 0, badRequest("%v", err)
		}
		timeout = min(d, s.cfg.Timeout)
	}
	return limit, timeout, nil
}

// queryInfo describes a canned query for GET /api/queries.
type queryInfo struct {
	Name    string      `json:"name"`
	Summary string      `json:"summary"`
	Usage   string      `json:"usage"`
	Params  []paramInfo `json:"params"`
	Columns []string    `json:"columns"`
	Returns string      `json:"returns"`
	URL     string      `json:"url"`
}

type paramInfo struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Help     string `json:"help"`
	Default  string `json:"default,omitempty"`
	Required bool   `json:"required"`
}

func (s *Server) queryList(w http.ResponseWriter, r *http.Request) {
	out := []queryInfo{}
	for _, c := range queries.List() {
		qi := queryInfo{Name: c.Name, Summary: c.Summary, Usage: c.Usage(), Columns: c.Columns, Returns: c.Returns, Params: []paramInfo{}}
		var example []string
		for _, p := range c.Params {
			qi.Params = append(qi.Params, paramInfo{Name: p.Name, Type: p.Type, Help: p.Help, Default: p.Default, Required: !p.Optional})
			if !p.Optional {
				example = append(example, p.Name+"="+strings.ToUpper(p.Name))
			}
		}
		qi.URL = "/api/queries/" + c.Name
		if len(example) > 0 {
			qi.URL += "?" + strings.Join(example, "&")
		}
		out = append(out, qi)
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": out})
}

// queryAnswer is the JSON answer of a canned query or a Gizmo script.
type queryAnswer struct {
	Query     string            `json:"query,omitempty"`
	Columns   []string          `json:"columns,omitempty"`
	Rows      []json.RawMessage `json:"rows"`
	Truncated bool              `json:"truncated"`
	Limit     int               `json:"limit"`
	// Offset is where a canned query's page starts; truncated says there
	// are rows after it (ask with offset = offset + limit).
	Offset    *int    `json:"offset,omitempty"`
	Note      string  `json:"note,omitempty"`
	ElapsedMS float64 `json:"elapsed_ms"`
}

func answer(name string, cols []string, res *runner.Result, limit int) queryAnswer {
	rows := res.Rows
	if rows == nil {
		rows = []json.RawMessage{}
	}
	return queryAnswer{Query: name, Columns: cols, Rows: rows, Truncated: res.Truncated, Limit: limit, Note: res.Note,
		ElapsedMS: float64(res.Elapsed.Microseconds()) / 1000}
}

// canned runs GET /api/queries/{name}?PARAM=VALUE...: parameters by the
// names GET /api/queries lists (entity, a, b, from, to, depth, max-hops),
// plus the page (limit, 100 rows unless given and at most the server's
// cap, and offset), timeout and format (json or csv).
func (s *Server) canned(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	c, ok := queries.Get(name)
	if !ok {
		writeError(w, errorf(http.StatusNotFound, "unknown_query", "no canned query %q (GET /api/queries lists them)", name))
		return
	}
	q := r.URL.Query()
	limit, timeout, err := s.limits(q, min(queries.DefaultPage, s.cfg.Limit))
	if err != nil {
		writeError(w, err)
		return
	}
	offset := 0
	if v := q.Get("offset"); v != "" {
		if offset, err = options.Offset(v); err != nil {
			writeError(w, badRequest("%v", err))
			return
		}
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		writeError(w, badRequest("format %q: want json or csv", format))
		return
	}
	argv, err := cannedArgv(c, q)
	if err != nil {
		writeError(w, err)
		return
	}
	args, _, err := c.ParseArgs(argv)
	if err != nil {
		writeError(w, badRequest("%v", err))
		return
	}
	lctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	b, err := c.BindCall(lctx, args, s.entitySource(r), queries.Page{Offset: offset, Limit: limit})
	if err != nil {
		writeError(w, bindError(err))
		return
	}
	// Shared, the query's function, is compiled once in each worker that
	// holds the store (runner.Query.Shared).
	res, err := s.run(r.Context(), c.Name, runner.Query{Shared: b.Shared, Script: b.Call, Timeout: timeout, Limit: limit})
	if err != nil {
		writeError(w, err)
		return
	}
	if format == "csv" {
		var b bytes.Buffer
		if err := output.Write(&b, res.Rows, output.Options{Format: "csv", Columns: c.Columns}); err != nil {
			writeError(w, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("X-KG-Truncated", strconv.FormatBool(res.Truncated))
		w.Write(b.Bytes())
		return
	}
	a := answer(c.Name, c.Columns, res, limit)
	a.Offset = &offset
	writeJSON(w, http.StatusOK, a)
}

// entitySource lists the entities a name may mean, for resolving it in a
// query: from the name index, else (for suggestions) every entity.
func (s *Server) entitySource(r *http.Request) queries.EntitySource {
	return func(name string) ([]graph.Entity, error) {
		var cands []graph.Entity
		_, err := s.st.read(r.Context(), func(st *graph.Store) (err error) {
			cands, err = st.Candidates(r.Context(), name)
			return err
		})
		if err != nil || len(cands) > 0 {
			return cands, err
		}
		return s.st.entities(r.Context())
	}
}

// bindError classifies a failure to prepare a script: an unknown or
// ambiguous entity keeps its own status, a lookup past the request's
// deadline is a timeout, anything else (a bad date, a number that is not
// one, a name too long to be one) is the request's fault.
func bindError(err error) error {
	var ue *queries.UnknownEntityError
	var am *queries.AmbiguousEntityError
	if errors.As(err, &ue) || errors.As(err, &am) {
		return err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return errorf(http.StatusGatewayTimeout, "lookup_timeout", "%v (the names of the query could not be looked up within its timeout)", err)
	}
	var ae *apiError
	if errors.As(err, &ae) {
		return err
	}
	return badRequest("%v", err)
}

// cannedArgv turns URL parameters into the command-line arguments the
// canned query's parser reads: flags first, then "--" and the positional
// arguments, so that a name starting with "--" stays a name.
func cannedArgv(c *queries.Canned, q url.Values) ([]string, error) {
	known := map[string]bool{"limit": true, "offset": true, "timeout": true, "format": true}
	var flags, pos []string
	missing := ""
	for _, p := range c.Params {
		known[p.Name], known[p.Key()] = true, true
		vals := q[p.Name]
		if len(vals) == 0 {
			vals = q[p.Key()]
		}
		if len(vals) > 1 {
			return nil, badRequest("%s: %s given %d times", c.Name, p.Name, len(vals))
		}
		if len(vals) == 0 {
			if !p.Flag && missing == "" {
				missing = p.Name
			}
			continue
		}
		if p.Flag {
			flags = append(flags, "--"+p.Name+"="+vals[0])
			continue
		}
		if missing != "" {
			return nil, badRequest("%s: %s is given but %s, before it, is not (usage: %s)", c.Name, p.Name, missing, c.Usage())
		}
		pos = append(pos, vals[0])
	}
	for k := range q {
		if !known[k] {
			var names []string
			for _, p := range c.Params {
				names = append(names, p.Name)
			}
			return nil, badRequest("%s: unknown parameter %q (it takes %s, limit, offset, timeout and format)", c.Name, k, strings.Join(names, ", "))
		}
	}
	return append(append(flags, "--"), pos...), nil
}

// gizmoRequest is the JSON form of POST /api/gizmo; a body of another
// content type is the script itself.
type gizmoRequest struct {
	Script  string `json:"script"`
	Limit   int    `json:"limit"`
	Timeout string `json:"timeout"`
}

// gizmo runs POST /api/gizmo: a raw script, with kg's vocabulary (KG),
// E("any alias") and the canned queries' helpers, as kg query --gizmo runs
// it. The value of the script's last expression is a row.
func (s *Server) gizmo(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(w, r, maxScriptBytes)
	if err != nil {
		writeError(w, err)
		return
	}
	q := r.URL.Query()
	script := string(body)
	if isJSON(r) {
		var req gizmoRequest
		if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, badRequest("the body is not a JSON object {\"script\": ..., \"limit\": N, \"timeout\": \"10s\"}: %v", err))
			return
		}
		script = req.Script
		if req.Limit != 0 {
			q.Set("limit", strconv.Itoa(req.Limit))
		}
		if req.Timeout != "" {
			q.Set("timeout", req.Timeout)
		}
	}
	if strings.TrimSpace(script) == "" {
		writeError(w, badRequest("no script: post a Gizmo script as the body, e.g. g.V(E(\"Kim\")).Out().All()"))
		return
	}
	limit, timeout, err := s.limits(q, s.cfg.Limit)
	if err != nil {
		writeError(w, err)
		return
	}
	lctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	prelude, err := queries.RawPrelude(lctx, script, s.entitySource(r))
	if err != nil {
		writeError(w, bindError(err))
		return
	}
	res, err := s.run(r.Context(), "gizmo", runner.Query{Script: queries.ExpandCompact(script), Prelude: prelude, Timeout: timeout, Limit: limit, Value: true})
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, answer("", nil, res, limit))
}

// cayleyLimit is the row limit of Cayley's HTTP API when none is given.
const cayleyLimit = 100

// cayleyV1 answers POST /api/v1/query/gizmo as Cayley's v1 API does: the
// body is the script, ?limit= caps the results (100 by default), and the
// answer is {"result": [...]} (null when there are none) or {"error": "..."}.
// Values come in Cayley's JSON collation. kg's status codes are finer than
// Cayley's (which answers 400 to everything): 504 for a timeout, 503 when
// every worker is busy.
func (s *Server) cayleyV1(w http.ResponseWriter, r *http.Request) {
	if lang := r.PathValue("lang"); lang != "gizmo" {
		cayleyError(w, http.StatusBadRequest, "Unknown query language.")
		return
	}
	limit := cayleyLimit
	if n, _ := strconv.Atoi(r.URL.Query().Get("limit")); n > 0 {
		limit = n
	}
	body, err := readBody(w, r, maxScriptBytes)
	if err != nil {
		ae := toAPIError(err)
		cayleyError(w, ae.Status, ae.Message)
		return
	}
	s.cayleyRun(w, r, string(body), limit, false)
}

// cayleyV2 answers Cayley's v2 query endpoint, /api/v2/query?lang=gizmo:
// the script is the POST body or ?qu=; "Accept: application/ld+json" asks
// for JSON-LD values.
func (s *Server) cayleyV2(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch lang := q.Get("lang"); lang {
	case "":
		cayleyError(w, http.StatusBadRequest, "query language not specified")
		return
	case "gizmo":
	default:
		cayleyError(w, http.StatusBadRequest, "unknown query language")
		return
	}
	script := q.Get("qu")
	if r.Method == http.MethodPost {
		body, err := readBody(w, r, maxScriptBytes)
		if err != nil {
			ae := toAPIError(err)
			cayleyError(w, ae.Status, ae.Message)
			return
		}
		script = string(body)
	}
	if script == "" {
		cayleyError(w, http.StatusBadRequest, "query is empty")
		return
	}
	limit := cayleyLimit
	if n, _ := strconv.Atoi(q.Get("limit")); n > 0 {
		limit = n
	}
	accept, _, _ := strings.Cut(r.Header.Get("Accept"), ",")
	mt, _, _ := mime.ParseMediaType(accept)
	s.cayleyRun(w, r, script, limit, mt == "application/ld+json")
}

func (s *Server) cayleyRun(w http.ResponseWriter, r *http.Request, script string, limit int, jsonld bool) {
	res, err := s.run(r.Context(), "cayley", runner.Query{Script: script, Timeout: s.cfg.Timeout, Limit: min(limit, s.cfg.Limit), CayleyJSON: !jsonld})
	if err != nil {
		ae := toAPIError(err)
		cayleyError(w, ae.Status, ae.Message)
		return
	}
	ct := "application/json"
	if jsonld {
		ct = "application/ld+json"
	}
	var rows []json.RawMessage // Cayley answers null, not [], when nothing matched
	if len(res.Rows) > 0 {
		rows = res.Rows
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{"result": rows})
}

// cayleyError writes Cayley's error shape, {"error": "message"}.
func cayleyError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// readBody reads a request body of at most max bytes.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, err
		}
		return nil, badRequest("reading the request body: %v", err)
	}
	return b, nil
}

func isJSON(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/json"
}
