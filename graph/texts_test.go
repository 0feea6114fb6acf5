package graph

import (
	"errors"
	"testing"
)

// TestArticleTexts: a loaded article's text is kept beside the store and
// read back by a reader; an edited file loaded under a new id takes the
// old text's place; a removal removes it; an article without a text (N-
// Quads) says so.
func TestArticleTexts(t *testing.T) {
	s := openTemp(t, "bolt")
	a := article("a1", "/in/a.txt", "p1", "p2")
	a.Text = "पहला पाठ: किम ने पुतिन से बात की।"
	if _, err := s.Load(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ArticleText(a.IRI); err != nil || got != a.Text {
		t.Fatalf("ArticleText = %q, %v", got, err)
	}
	// Read by a reader of the same directory (as kg serve's handle is).
	s.Close()
	r, err := OpenReader(s.Dir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := r.ArticleText(a.IRI); err != nil || got != a.Text {
		t.Errorf("reader: ArticleText = %q, %v", got, err)
	}
	r.Close()
	s, err = Open(s.Dir(), &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The same file edited, under a new id: the old text goes.
	b := article("a2", "/in/a.txt", "p1", "p3")
	b.Text = "दूसरा पाठ"
	if _, err := s.Load(ctx, b); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ArticleText(b.IRI); err != nil || got != b.Text {
		t.Errorf("replacement: ArticleText = %q, %v", got, err)
	}
	if _, err := s.ArticleText(a.IRI); !errors.Is(err, ErrNoText) {
		t.Errorf("the replaced article's text is still there: %v", err)
	}
	if _, err := s.Retract(ctx, b.IRI); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ArticleText(b.IRI); !errors.Is(err, ErrNoText) {
		t.Errorf("a removed article's text is still there: %v", err)
	}
	c := article("c1", "", "p4")
	if _, err := s.Load(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ArticleText(c.IRI); !errors.Is(err, ErrNoText) {
		t.Errorf("an article loaded without a text: %v", err)
	}
}
