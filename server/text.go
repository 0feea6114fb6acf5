package server

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/schema"
)

// evidenceSpan is an evidence sentence's place in its article's text, in
// code points, and the sentence itself.
type evidenceSpan struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
}

// articleText answers GET /api/text?article=ID&event=IRI: the article's
// text as kg read it, its headline and date, and, for an event of the
// article, where its evidence sentences are in the text (kg:evidenceStart
// and kg:evidenceEnd, code points), so that a reader can show a sentence
// in its article.
func (s *Server) articleText(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if k != "article" && k != "event" {
			writeError(w, badRequest("text: unknown parameter %q (it takes article and event)", k))
			return
		}
	}
	id := strings.TrimPrefix(strings.TrimSpace(q.Get("article")), schema.ArticleNS)
	if id == "" {
		writeError(w, badRequest("text: give article=ID (GET /api/articles lists them)"))
		return
	}
	iri := schema.ArticleIRI(id)
	event := quad.IRI(strings.TrimSpace(q.Get("event")))
	var text, headline, published string
	var spans []evidenceSpan
	found := false
	_, err := s.st.read(r.Context(), func(st *graph.Store) error {
		arts, err := st.Articles(r.Context())
		if err != nil {
			return err
		}
		for _, a := range arts {
			if a.IRI == iri {
				found, headline, published = true, a.Headline, a.Published
			}
		}
		if !found {
			return nil
		}
		if text, err = st.ArticleText(iri); err != nil {
			return err
		}
		if event == "" {
			return nil
		}
		qs, err := st.ArticleQuads(r.Context(), iri)
		if err != nil {
			return err
		}
		var starts, ends []int
		var sentences []string
		for _, x := range qs {
			if x.Subject != event {
				continue
			}
			switch x.Predicate {
			case schema.EvidenceAt, schema.EvidenceEnd:
				n, err := strconv.Atoi(schema.Text(x.Object))
				if err != nil {
					continue
				}
				if x.Predicate == schema.EvidenceAt {
					starts = append(starts, n)
				} else {
					ends = append(ends, n)
				}
			case schema.Evidence:
				sentences = append(sentences, schema.Text(x.Object))
			}
		}
		// The i-th smallest start goes with the i-th smallest end (the
		// sentences do not overlap).
		sort.Ints(starts)
		sort.Ints(ends)
		runes := []rune(text)
		for i := 0; i < len(starts) && i < len(ends); i++ {
			if starts[i] < 0 || ends[i] > len(runes) || starts[i] >= ends[i] {
				continue
			}
			spans = append(spans, evidenceSpan{Start: starts[i], End: ends[i], Sentence: string(runes[starts[i]:ends[i]])})
		}
		return nil
	})
	switch {
	case err == nil && !found:
		writeError(w, errorf(http.StatusNotFound, "unknown_article", "text: no article %q in the store (GET /api/articles lists them)", id))
		return
	case errors.Is(err, graph.ErrNoText):
		writeError(w, errorf(http.StatusNotFound, "no_text", "text: %v", err))
		return
	case err != nil:
		writeError(w, err)
		return
	}
	if spans == nil {
		spans = []evidenceSpan{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"article": string(iri), "id": id, "headline": headline, "published": published, "text": text, "evidence": spans})
}
