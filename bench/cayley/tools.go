//go:build tools

// Package cayley pins Cayley's command-line tool at the version kg's own
// go.mod uses, so that bench/run compares kg with `cayley load` built from
// the same module and writing the same bolt backend.
package cayley

import _ "github.com/cayleygraph/cayley/cmd/cayley"
