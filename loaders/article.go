package loaders

import (
	"fmt"
	"strings"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/extract"
)

// parseArticle extracts the facts of a news article.
func parseArticle(in Input) (*Result, error) {
	a, err := article.Parse(string(in.Data))
	if err != nil {
		return nil, err
	}
	r, err := extract.Extract(a, extract.Options{Published: in.Published, Deadline: in.Deadline})
	if err != nil {
		return nil, err
	}
	if a.Published.IsZero() && !in.Published.IsZero() {
		a.Published = in.Published
	}
	id := in.ID
	if id == "" {
		id = extract.ArticleID(r)
	}
	if err := checkID(id); err != nil {
		return nil, err
	}
	res := &Result{Warnings: append(append([]string(nil), a.Warnings...), r.Warnings...)}
	res.Facts = len(r.Events) + len(r.Relations)
	if res.Facts == 0 {
		res.Warnings = append(res.Warnings, "no facts found (no event or relation this version of kg can read); the article node and its entities are stored")
	}
	res.Articles = []*graph.Article{{
		IRI:        articleIRI(id),
		SourcePath: in.Path,
		Quads:      extract.Quads(r, id),
		Text:       a.Text,
	}}
	return res, nil
}

// maxIDBytes bounds an article id: a slug of a title is cut well below.
const maxIDBytes = 200

// checkID keeps article ids usable as one IRI path segment, and as a file
// name should anyone write one per article: letters, digits, '-', '_' and
// '.', not starting with a dot (so neither "." nor ".."), at most
// maxIDBytes.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("empty article id")
	}
	if strings.HasPrefix(id, ".") {
		return fmt.Errorf("article id %q may not start with a dot (\".\" and \"..\" name directories)", id)
	}
	if len(id) > maxIDBytes {
		return fmt.Errorf("article id is %d characters long; at most %d", len(id), maxIDBytes)
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.'
		if !ok {
			return fmt.Errorf("article id %q may hold only letters, digits, '-', '_' and '.'", id)
		}
	}
	return nil
}

// ContentHash is the kg:contentHash an input will be stored with, computed
// from its layout alone (no extraction), so that a load can tell an
// unchanged article before extracting it. ok is false for formats that
// have none (N-Quads) and for text kg cannot read.
func ContentHash(in Input) (hash string, ok bool) {
	if f, ok := FormatFor(in); !ok || f.Name != "article" {
		return "", false
	}
	a, err := article.Parse(string(in.Data))
	if err != nil {
		return "", false
	}
	return extract.ContentHash(a), true
}
