package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kgnews/kg/server/web"
)

// TestBundleIsFresh compares the sources the embedded bundle was built
// from (dist/build.json) with the sources on disk: an edit to src/ without
// go generate would otherwise ship the old page.
func TestBundleIsFresh(t *testing.T) {
	if !web.Built() {
		if os.Getenv("CI") != "" {
			t.Fatal("the page's script is not built: .ci/run should have run go generate ./server/web")
		}
		t.Skip("the page's script is not built: run go generate ./server/web")
	}
	b, err := web.Manifest()
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Sources map[string]string }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	files := []string{"build.mjs", "package-lock.json"}
	src, _ := filepath.Glob("src/*")
	files = append(files, src...)
	sort.Strings(files)
	var built []string
	for f := range m.Sources {
		built = append(built, f)
	}
	sort.Strings(built)
	if strings.Join(files, " ") != strings.Join(built, " ") {
		t.Fatalf("the bundle was built from %v, the sources are %v: run go generate ./server/web", built, files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != m.Sources[f] {
			t.Errorf("%s changed since the bundle was built: run go generate ./server/web", f)
		}
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	for path, ctype := range map[string]string{
		"/":          "text/html",
		"/style.css": "text/css",
		"/app.js":    "text/javascript",
	} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("%s: no Content-Security-Policy", path)
		}
	}
	for _, path := range []string{"/nothing.js", "/app.js.nothing", "/web.go", "/dist/build.json"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
}
