package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// assets holds static/ and dist/; dist/README.md is committed so that the
// pattern always matches, built or not.
//
//go:embed static dist
var assets embed.FS

// bundle is the script the page loads, built into dist/.
const bundle = "dist/app.js"

// Built reports whether the JavaScript bundle was built into the binary.
func Built() bool {
	_, err := fs.Stat(assets, bundle)
	return err == nil
}

// Manifest is dist/build.json, which the build writes: the SHA-256 of each
// source file it bundled, so a test can tell a stale bundle.
func Manifest() ([]byte, error) { return assets.ReadFile("dist/build.json") }

// Handler serves the page: / is static/index.html, /app.js the bundle,
// other names files of static/. Nothing is read from the disk at run time.
func Handler() http.Handler {
	static, _ := fs.Sub(assets, "static")
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		// The page loads only its own script and style, and talks only to
		// its own server.
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		switch {
		case r.URL.Path == "/app.js":
			b, err := assets.ReadFile(bundle)
			if err != nil {
				b = []byte(notBuilt)
			}
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b)
		case strings.HasPrefix(r.URL.Path, "/app.js."): // the source map and the licences of the bundled packages
			b, err := assets.ReadFile("dist" + r.URL.Path)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			ct := "text/plain; charset=utf-8"
			if strings.HasSuffix(r.URL.Path, ".map") {
				ct = "application/json"
			}
			w.Header().Set("Content-Type", ct)
			w.Write(b)
		default:
			files.ServeHTTP(w, r)
		}
	})
}

// notBuilt stands in for the bundle in a binary built without it: the page
// says how to build it instead of failing silently.
const notBuilt = `document.addEventListener("DOMContentLoaded", function () {
  var m = document.getElementById("status");
  if (m) { m.textContent = "This kg was built without its web page's script: run go generate ./server/web (needs Node.js and npm), then rebuild kg. The JSON API works meanwhile."; m.className = "status error"; }
});`
