package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"
)

// Article texts are kept in DIR/texts, one file an article, so that a
// reader can show an evidence sentence in its article (the offsets the
// events store count code points in that text). They are files, not
// quads: the graph, its counts and its exports stay as they were. A text
// is written after its article's transaction and removed after the
// article's removal; a crash in between leaves a text without an article
// (never read) or an article without its text (ArticleText says so).
const textsDir = "texts"

func textPath(dir string, iri quad.IRI) string {
	sum := sha256.Sum256([]byte(iri))
	return filepath.Join(dir, textsDir, hex.EncodeToString(sum[:12])+".txt")
}

// keepTexts brings the texts in line with a write that replaced targets
// with a (nil for a removal): a's text is written, the others' removed.
func (s *Store) keepTexts(targets []quad.IRI, a *Article) {
	if s.pg != nil {
		_ = s.pg.keepTexts(context.Background(), targets, a)
		return
	}
	for _, t := range targets {
		if a == nil || t != a.IRI {
			_ = os.Remove(textPath(s.dir, t))
		}
	}
	if a == nil {
		return
	}
	path := textPath(s.dir, a.IRI)
	if a.Text == "" {
		_ = os.Remove(path)
		return
	}
	if b, err := os.ReadFile(path); err == nil && string(b) == a.Text {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(a.Text), 0o644); err != nil {
		return
	}
	_ = os.Rename(tmp, path)
}

// ErrNoText is returned by ArticleText for an article whose text is not
// kept (loaded as N-Quads, or by a kg before texts were kept).
var ErrNoText = errors.New("the article's text is not kept (load it again to keep it)")

// ArticleText returns the text of an article, as its evidence offsets
// count in it.
func (s *Store) ArticleText(iri quad.IRI) (string, error) {
	if s.pg != nil {
		return s.pg.text(context.Background(), iri)
	}
	b, err := os.ReadFile(textPath(s.dir, iri))
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrNoText
	}
	return string(b), err
}
