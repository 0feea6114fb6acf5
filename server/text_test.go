package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestArticleText: GET /api/text gives the article's text and, for each of
// an event's evidence sentences, where it is in the text: the text between
// the offsets is the sentence the event stores, for every event of the
// seed. Unknown articles and parameters are errors.
func TestArticleText(t *testing.T) {
	s := start(t, 1)
	arts := s.get(t, "/api/articles").want(t, 200).JSON["articles"].([]any)
	id := arts[0].(map[string]any)["id"].(string)
	// Every event of the article, with its evidence sentences.
	res := s.post(t, "/api/gizmo", `g.V().Has("<rdf:type>", "<kg:Event>").Tag("event").Out("<kg:evidence>").Tag("sentence").All()`).want(t, 200)
	want := map[string][]string{}
	for _, row := range res.rows(t) {
		ev := row["event"].(map[string]any)["@id"].(string)
		want[ev] = append(want[ev], row["sentence"].(map[string]any)["@value"].(string))
	}
	if len(want) < 10 {
		t.Fatalf("only %d events with evidence in the seed", len(want))
	}
	var text string
	for ev, sentences := range want {
		r := s.get(t, "/api/text?article="+url.QueryEscape(id)+"&event="+url.QueryEscape(ev)).want(t, 200)
		var body struct {
			Text     string
			Headline string
			Evidence []struct {
				Start, End int
				Sentence   string
			}
		}
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		text = body.Text
		if !strings.Contains(body.Headline, "North Korea") || len(body.Evidence) != len(sentences) {
			t.Errorf("%s: headline %q, %d spans for %d sentences", ev, body.Headline, len(body.Evidence), len(sentences))
		}
		for _, sp := range body.Evidence {
			got := string([]rune(body.Text)[sp.Start:sp.End])
			if got != sp.Sentence || !contains(sentences, got) {
				t.Errorf("%s: text[%d:%d] = %q, not one of the event's sentences %q", ev, sp.Start, sp.End, got, sentences)
			}
		}
	}
	if !strings.Contains(text, "किम जोंग-उन") {
		t.Errorf("the article's text: %.200q", text)
	}
	s.get(t, "/api/text?article=no-such-article").want(t, 404)
	s.get(t, "/api/text").want(t, 400)
	s.get(t, "/api/text?article="+id+"&x=1").want(t, 400)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
