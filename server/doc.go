// Package server is kg serve's HTTP service: a JSON API over one store for
// everything the command line does (entities, canned and raw Gizmo
// queries, loading and removing articles, exports, statistics), Cayley's
// own query endpoints for existing Cayley clients, Prometheus metrics, and
// the web page of package web.
//
// The server holds the store's lease for its lifetime. Gizmo runs in the
// worker processes of a runner.Pool, so that a query that crashes Cayley or
// loops forever ends a worker, never the server; the server reads the
// store itself (entity names, exports, statistics) under a read lock, and
// writes one article at a time with the pool paused and every reader out.
package server
