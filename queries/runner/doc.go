// Package runner runs Gizmo queries in worker processes, so that a query
// that panics inside Cayley, loops forever or eats memory ends that worker
// and never the process that asked: Cayley's gizmo panics in a goroutine of
// its own, where no caller can recover.
//
// A Pool (the parent side) keeps up to N workers, each a child process that
// serves one query at a time over JSON on its stdin and stdout (Serve, the
// child side). A worker opens the store read-only for each query and closes
// it after, so the process holding the store's lease can pause the pool,
// write, and resume.
package runner
