package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/loaders/article"
	"github.com/kgnews/kg/loaders/entity"
)

// floods are inputs that once made extraction quadratic or worse (issue
// 11 §2): one clause repeated 10,000 times in a sentence took 131 s. Each
// must now be read within a deadline a hundred times what it needs (well
// under a second each on this machine), and give the facts it states.
type flood struct {
	name, unit string
	n          int
	want       string // an event describe() prints
}

var floods = []flood{
	{"clauses of one sentence", "किम ने पुतिन से फोन पर बातचीत की ", 10000, "PhoneCall agent=Kim Jong-un participant=Vladimir Putin"},
	{"sentences", "किम ने पुतिन से फोन पर बातचीत की। ", 5000, "PhoneCall agent=Kim Jong-un participant=Vladimir Putin"},
	{"statements", "उन्होंने कहा कि ", 5000, ""},
	{"one name", "किम ", 20000, ""},
	{"dated events", "", 0, ""},
}

func TestFloodsAreReadInTime(t *testing.T) {
	lex := fixtureLexicon(t)
	for _, f := range floods {
		t.Run(f.name, func(t *testing.T) { f.read(t, lex) })
	}
}

func (f flood) read(t *testing.T, lex *entity.Lexicon) {
	body := strings.Repeat(f.unit, f.n)
	if f.name == "dated events" {
		var b strings.Builder
		for i := 0; i < 3000; i++ {
			fmt.Fprintf(&b, "किम ने %d में पुतिन से बातचीत की। ", 1000+i)
		}
		body = b.String()
	}
	a, err := article.Parse("date 2025-08-13 x\n\nशीर्षक\n\n" + body)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2025, 8, 13, 0, 0, 0, 0, time.UTC)
	r, err := Extract(a, Options{Lexicon: lex, Published: pub, Deadline: time.Now().Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if f.want == "" {
		return
	}
	found := false
	for _, ev := range r.Events {
		found = found || strings.HasPrefix(describe(ev), f.want)
	}
	if !found || len(r.Events) > 10 {
		t.Errorf("%d events, want one %q among a few", len(r.Events), f.want)
	}
}

// A sentence of thousands of words is read in pieces of at most
// maxSentenceWords, which together cover it.
func TestLongSentenceIsReadInPieces(t *testing.T) {
	a, err := article.Parse("date 2025-08-13 x\n\nशीर्षक\n\n" + strings.Repeat("किम ने पुतिन से फोन पर बातचीत की ", 1000))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract(a, Options{Lexicon: fixtureLexicon(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sentences) < 7000/maxSentenceWords {
		t.Fatalf("%d sentences for 7,000 words", len(r.Sentences))
	}
	for i, sp := range r.Sentences {
		if n := len(strings.Fields(a.Text[sp.Start:sp.End])); n > maxSentenceWords {
			t.Errorf("sentence %d has %d words", i, n)
		}
		if i > 0 && sp.Start < r.Sentences[i-1].End {
			t.Errorf("sentence %d overlaps the one before", i)
		}
	}
	last := r.Sentences[len(r.Sentences)-1]
	if rest := strings.TrimSpace(a.Text[last.End:]); rest != "" {
		t.Errorf("the pieces leave %q unread", rest)
	}
}

func TestDeadline(t *testing.T) {
	a, err := article.Parse("date 2025-08-13 x\n\nशीर्षक\n\n" + strings.Repeat("किम ने पुतिन से फोन पर बातचीत की। ", 100))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Extract(a, Options{Lexicon: fixtureLexicon(t), Deadline: time.Now().Add(-time.Second)})
	var de *DeadlineError
	if !errors.As(err, &de) || de.Sentences < 100 || !strings.Contains(err.Error(), "deadline") {
		t.Fatalf("a deadline in the past: %v", err)
	}
}

// BenchmarkFlood prints the cost of one clause repeated n times in one
// sentence: linear in n since issue 11 (it was 5.8 s at 2,000, 23.5 s at
// 4,000 and 131 s at 10,000).
func BenchmarkFlood(b *testing.B) {
	lex := fixtureLexicon(b)
	for _, n := range []int{2000, 4000, 10000} {
		a, err := article.Parse("date 2025-08-13 x\n\nशीर्षक\n\n" + strings.Repeat("किम ने पुतिन से फोन पर बातचीत की ", n))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := Extract(a, Options{Lexicon: lex}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
