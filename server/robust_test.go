package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kgnews/kg/server"
)

// Issue 11, reproduction 1: a name of 40,000 characters made the
// suggestions run an edit distance between it and every label in the store.
// Every endpoint that looks names up now refuses it before doing any work,
// with a message that says why.
func TestHugeNamesAreRefused(t *testing.T) {
	s := start(t, 1)
	long := strings.Repeat("a", 40000)
	for _, path := range []string{
		"/api/entities?match=" + long,
		"/api/queries/timeline?entity=" + long,
		"/api/queries/path?a=Kim&b=" + long,
		"/api/queries/entities?match=" + long,
		"/api/export?root=" + long,
	} {
		r := s.get(t, path).want(t, 400)
		if !strings.Contains(r.message(), "at most") {
			t.Errorf("%.60s: %s", path, r.Body)
		}
	}
	r := s.post(t, "/api/gizmo", `g.V(E("`+long+`")).All()`, "Content-Type", "application/javascript").want(t, 400)
	if !strings.Contains(r.message(), "at most 200") {
		t.Errorf("E(40,000 characters): %s", r.Body)
	}
	// a long name within the bound is looked up and gets a plain 404
	r = s.get(t, "/api/queries/timeline?entity="+url.QueryEscape(strings.Repeat("पुतिन", 40))).want(t, 404)
	if r.JSON["kind"] != "unknown_entity" {
		t.Errorf("200-character name: %s", r.Body)
	}
	r = s.get(t, "/api/entities?match="+url.QueryEscape(strings.Repeat("x", 200))).want(t, 200)
	if len(r.JSON["entities"].([]any)) != 0 {
		t.Errorf("200 x: %s", r.Body)
	}
}

func withExtractTimeout(d time.Duration) option {
	return func(c *server.Config) { c.ExtractTimeout = d }
}

// Issue 11 §2: the extraction of a posted article has a deadline.
func TestExtractionDeadline(t *testing.T) {
	s := start(t, 1, allowWrites(), withExtractTimeout(time.Nanosecond))
	body := "date 2025-08-13 x\n\nशीर्षक\n\n" + strings.Repeat("किम ने पुतिन से फोन पर बातचीत की ", 10000)
	r := s.post(t, "/api/articles?name=flood.txt", body, "Content-Type", "application/octet-stream").want(t, 422)
	if r.JSON["kind"] != "extract_timeout" || !strings.Contains(r.message(), "deadline") {
		t.Errorf("%s", r.Body)
	}
	stats := s.get(t, "/api/stats").want(t, 200)
	if stats.JSON["articles"] != 1.0 {
		t.Errorf("the store changed: %s", stats.Body)
	}
}
