package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/queries/runner"
)

// remote is a kg serve that a command sends its work to: the one --server
// names, or the one that holds the store (its address is in the lock).
type remote struct {
	base   *url.URL
	client *http.Client
	held   bool // found in the lock, not given: unreachable means stale
	token  string
}

// serverFor decides where a command's reads go: to --server when given,
// else to the kg serve holding the store, else nowhere (nil: open the
// store here). A note on stderr says when the work goes to a server kg
// found on its own.
func serverFor(c *cli.Context) (*remote, error) {
	if s := c.String("server"); s != "" {
		r, err := newRemote(s, false)
		if r != nil {
			r.token = c.String("token")
		}
		return r, err
	}
	o, ok := graph.ReadOwner(c.String("db"))
	if !ok || o.Addr == "" {
		return nil, nil
	}
	r, err := newRemote(o.Addr, true)
	if err != nil {
		return nil, nil // a lock kg cannot read is the store's business
	}
	logf(c, "kg: store %s is held by %s (pid %d): asking it at %s", c.String("db"), o.Command, o.PID, o.Addr)
	return r, nil
}

func newRemote(base string, held bool) (*remote, error) {
	u, err := url.Parse(strings.TrimSuffix(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, cli.Exit(fmt.Sprintf("--server %q is not a URL such as http://127.0.0.1:7070", base), 2)
	}
	return &remote{base: u, client: &http.Client{Timeout: 10 * time.Minute}, held: held}, nil
}

// unreachable reports whether err says that nothing listens at the
// server's address: a kg serve that died without letting go of its lock
// file's contents.
func unreachable(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// do sends one request and returns the body of a 2xx answer; an error
// answer becomes its message.
func (r *remote) do(ctx context.Context, method, path string, q url.Values, body io.Reader, contentType string) ([]byte, http.Header, error) {
	u := r.base.JoinPath(strings.Split(path, "/")...)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if r.token != "" && method != http.MethodGet {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, nil, &remoteError{r, err}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<30))
	if err != nil {
		return nil, nil, &remoteError{r, err}
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(b, &e) == nil && e.Error != "" {
			return nil, nil, fmt.Errorf("%s (server %s)", e.Error, r.base)
		}
		return nil, nil, fmt.Errorf("server %s answered %s", r.base, resp.Status)
	}
	return b, resp.Header, nil
}

// remoteError is a server kg could not talk to.
type remoteError struct {
	r   *remote
	err error
}

func (e *remoteError) Error() string { return fmt.Sprintf("server %s: %v", e.r.base, e.err) }
func (e *remoteError) Unwrap() error { return e.err }

func (r *remote) getJSON(ctx context.Context, path string, q url.Values, v any) error {
	b, _, err := r.do(ctx, http.MethodGet, path, q, nil, "")
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// queryAnswer is the server's answer to a query.
type remoteAnswer struct {
	Columns   []string          `json:"columns"`
	Rows      []json.RawMessage `json:"rows"`
	Truncated bool              `json:"truncated"`
	Note      string            `json:"note"`
}

func (a *remoteAnswer) answer(columns []string) *answer {
	if len(a.Columns) > 0 {
		columns = a.Columns
	}
	return &answer{res: &runner.Result{Rows: a.Rows, Truncated: a.Truncated, Note: a.Note}, columns: columns}
}

// canned runs a canned query on the server, its arguments by parameter
// name as GET /api/queries/NAME takes them.
func (r *remote) canned(ctx context.Context, c *queries.Canned, args queries.Args, set settings) (*answer, error) {
	q := url.Values{}
	for k, v := range args {
		q.Set(k, v)
	}
	page := set.page()
	q.Set("limit", fmt.Sprint(page.Limit))
	q.Set("offset", fmt.Sprint(page.Offset))
	q.Set("timeout", set.timeout.String())
	var a remoteAnswer
	if err := r.getJSON(ctx, "api/queries/"+c.Name, q, &a); err != nil {
		return nil, err
	}
	return a.answer(c.Columns), nil
}

// gizmo runs a raw script on the server, as POST /api/gizmo does.
func (r *remote) gizmo(ctx context.Context, script string, set settings) (*answer, error) {
	body, _ := json.Marshal(map[string]any{"script": script, "limit": set.limit, "timeout": set.timeout.String()})
	b, _, err := r.do(ctx, http.MethodPost, "api/gizmo", nil, bytes.NewReader(body), "application/json")
	if err != nil {
		return nil, err
	}
	var a remoteAnswer
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("server %s: unexpected answer: %v", r.base, err)
	}
	return a.answer(nil), nil
}

// entities lists the server's entities (for completion): those with a
// name that fits prefix, or the first ones the server gives.
func (r *remote) entities(ctx context.Context, prefix string) ([]graph.Entity, error) {
	var a struct {
		Entities []struct {
			Entity    string   `json:"entity"`
			LabelEN   string   `json:"label_en"`
			LabelHI   string   `json:"label_hi"`
			Types     []string `json:"types"`
			AltLabels []string `json:"alt_labels"`
		} `json:"entities"`
	}
	q := url.Values{}
	if prefix != "" {
		q.Set("match", prefix)
	}
	if err := r.getJSON(ctx, "api/entities", q, &a); err != nil {
		return nil, err
	}
	out := make([]graph.Entity, 0, len(a.Entities))
	for _, e := range a.Entities {
		out = append(out, graph.Entity{IRI: quad.IRI(e.Entity), LabelEN: e.LabelEN, LabelHI: e.LabelHI, Types: e.Types, AltLabels: e.AltLabels})
	}
	return out, nil
}

// export fetches an export and the counts the server reports for it; a
// format of several files comes as a zip (see unzip).
func (r *remote) export(ctx context.Context, q url.Values) ([]byte, string, error) {
	b, h, err := r.do(ctx, http.MethodGet, "api/export", q, nil, "")
	if err != nil {
		return nil, "", err
	}
	return b, h.Get("X-KG-Export"), nil
}

// unzip writes the files of a zip through create.
func unzip(b []byte, create func(string) (io.Writer, error)) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fmt.Errorf("the server's export is not a zip: %v", err)
	}
	for _, f := range zr.File {
		w, err := create(f.Name)
		if err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
