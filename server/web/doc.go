// Package web is kg serve's page: entity search, the entity's network
// drawn with Cytoscape.js, its timeline and the evidence behind whatever is
// selected. The page talks only to kg's public JSON API.
//
// static/ holds the hand-written HTML and CSS; dist/ the JavaScript bundle
// that `go generate ./server/web` builds from src/ with esbuild, from the
// npm packages package-lock.json pins. Both are embedded in the binary.
// dist/ is not committed: a fresh clone compiles without it (the page then
// says how to build it), and .ci/run builds it before the tests.
package web

//go:generate npm ci --no-audit --no-fund --loglevel=error
//go:generate npm run --silent build
