package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
	"github.com/kgnews/kg/loaders/extract"
	"github.com/kgnews/kg/loaders/input"
	"github.com/kgnews/kg/schema"
)

// LoadResult is what POST /api/articles did to one article; kg load
// --server prints it.
type LoadResult struct {
	// Status is loaded (new), replaced, unchanged or failed.
	Status    string   `json:"status"`
	Article   string   `json:"article"`
	ID        string   `json:"id"`
	Quads     int      `json:"quads"`
	Added     int      `json:"added"`
	Removed   int      `json:"removed"`
	Replaced  []string `json:"replaced,omitempty"`
	ElapsedMS float64  `json:"elapsed_ms"`
	Error     string   `json:"error,omitempty"`
}

// LoadResponse is the answer of POST /api/articles.
type LoadResponse struct {
	Articles []LoadResult `json:"articles"`
	// Facts counts the events and relations extracted (0 for N-Quads).
	Facts    int      `json:"facts"`
	Warnings []string `json:"warnings"`
}

// loadArticle answers POST /api/articles?id=&date=&format=&name=&source=:
// the body is an article (or N-Quads), read as kg load reads a file. name
// is the file name the body had (its extension chooses the format, as for
// kg load), source where it came from: an article loaded again from the
// same source replaces the earlier one even when its title, and so its id,
// changed. The server never opens source; kg load --server sends the
// file's absolute path on the client.
func (s *Server) loadArticle(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "id", "date", "format", "name", "source":
		default:
			writeError(w, badRequest("load: unknown parameter %q (it takes id, date, format, name and source)", k))
			return
		}
	}
	in := loaders.Input{Name: q.Get("name"), Format: q.Get("format"), ID: q.Get("id"), Path: q.Get("source")}
	if in.Name == "" {
		in.Name = "article.txt"
	}
	if d := q.Get("date"); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			writeError(w, badRequest("load: date %q is not YYYY-MM-DD", d))
			return
		}
		in.Published = t
	}
	if len(in.Path) > 4096 || strings.IndexFunc(in.Path, unicode.IsControl) >= 0 {
		writeError(w, badRequest("load: source must be a file path or name of at most 4096 characters, without control characters"))
		return
	}
	body, err := readBody(w, r, s.cfg.MaxBody)
	if err != nil {
		writeError(w, err)
		return
	}
	if err := checkText(body); err != nil {
		writeError(w, err)
		return
	}
	in.Data = body
	f, ok := loaders.FormatFor(in)
	if !ok {
		writeError(w, badRequest("load: unknown format %q (article or nquads)", in.Format))
		return
	}
	in.Deadline = time.Now().Add(s.cfg.ExtractTimeout)
	res, err := f.Parse(in)
	if err != nil {
		kind := "bad_article"
		var de *extract.DeadlineError
		if errors.As(err, &de) {
			kind = "extract_timeout"
		}
		writeError(w, errorf(http.StatusUnprocessableEntity, kind, "load %s: %v", in.Name, err))
		return
	}
	resp := LoadResponse{Articles: []LoadResult{}, Facts: res.Facts, Warnings: nonNil(res.Warnings)}
	ctx, cancel := context.WithTimeout(r.Context(), 2*s.cfg.Timeout+10*time.Second)
	defer cancel()
	err = s.st.write(ctx, func(st *graph.Store) error {
		// the graphs of one N-Quads body stand or fall together
		var chs []graph.Change
		var allErr error
		start := time.Now()
		if len(res.Articles) > 1 {
			chs, allErr = st.LoadAll(ctx, res.Articles)
		}
		for i, a := range res.Articles {
			var ch graph.Change
			var err error
			switch {
			case len(res.Articles) == 1:
				start = time.Now()
				ch, err = st.Load(ctx, a)
			case allErr != nil:
				err = allErr
			default:
				ch = chs[i]
			}
			lr := LoadResult{Article: string(a.IRI), ID: schema.LocalName(a.IRI), Quads: len(a.Quads),
				Added: ch.Added, Removed: ch.Removed, ElapsedMS: float64(time.Since(start).Microseconds()) / 1000}
			for _, p := range ch.Replaced {
				lr.Replaced = append(lr.Replaced, string(p))
			}
			switch {
			case err != nil:
				lr.Status, lr.Error = "failed", err.Error()
			case ch.Unchanged():
				lr.Status = "unchanged"
			case len(ch.Replaced) > 0:
				lr.Status = "replaced"
			default:
				lr.Status = "loaded"
			}
			s.metrics.writes.WithLabelValues(lr.Status).Inc()
			resp.Articles = append(resp.Articles, lr)
		}
		return nil
	})
	if err != nil {
		s.metrics.writes.WithLabelValues("failed").Inc()
		writeError(w, fmt.Errorf("load: %w", err))
		return
	}
	status := http.StatusOK
	for _, a := range resp.Articles {
		switch a.Status {
		case "failed":
			writeJSON(w, http.StatusInternalServerError, map[string]any{"error": "load: " + a.Error, "kind": "store", "status": 500, "articles": resp.Articles})
			return
		case "loaded":
			status = http.StatusCreated
		}
	}
	writeJSON(w, status, resp)
}

// checkText refuses what cannot be an article, with kg load's messages.
func checkText(b []byte) error {
	if err := input.CheckText(b); err != nil {
		return errorf(http.StatusBadRequest, "bad_article", "load: %v", err)
	}
	return nil
}

// removeArticle answers DELETE /api/articles/{id}: the article's id, or its
// IRI (URL-encoded). Paths are not accepted: the server's files are not
// the client's.
func (s *Server) removeArticle(w http.ResponseWriter, r *http.Request) {
	ref := r.PathValue("id")
	iri := schema.ArticleIRI(ref)
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "<") {
		iri = quad.IRI(strings.TrimSuffix(strings.TrimPrefix(ref, "<"), ">"))
	}
	list, err := s.st.articleList(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	found := false
	for _, a := range list {
		found = found || a.IRI == iri
	}
	if !found {
		writeError(w, errorf(http.StatusNotFound, "unknown_article", "no article %q in the store (GET /api/articles lists them)", ref))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*s.cfg.Timeout+10*time.Second)
	defer cancel()
	var ch graph.Change
	err = s.st.write(ctx, func(st *graph.Store) (err error) {
		ch, err = st.Retract(ctx, iri)
		return err
	})
	if err != nil {
		s.metrics.writes.WithLabelValues("failed").Inc()
		writeError(w, fmt.Errorf("remove %s: %w", ref, err))
		return
	}
	s.metrics.writes.WithLabelValues("removed").Inc()
	writeJSON(w, http.StatusOK, map[string]any{"removed": string(iri), "id": schema.LocalName(iri), "quads": ch.Removed})
}
