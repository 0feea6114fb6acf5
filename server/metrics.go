package server

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (not the global one) so that two servers in one test binary do not
// collide.
type metrics struct {
	reg           *prometheus.Registry
	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	queries       *prometheus.CounterVec
	queryDuration *prometheus.HistogramVec
	queriesActive prometheus.Gauge
	writes        *prometheus.CounterVec
	refusedWrites prometheus.Counter
	handler       http.Handler
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kg_http_requests_total", Help: "HTTP requests by route, method and status code.",
	}, []string{"route", "method", "code"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kg_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12),
	}, []string{"route"})
	m.queries = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kg_queries_total", Help: "Gizmo queries by query (a canned query's name, gizmo or cayley) and outcome (ok or the error kind: syntax, runtime, crash, timeout, ...).",
	}, []string{"query", "outcome"})
	m.queryDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "kg_query_duration_seconds", Help: "Time from asking the worker pool to its answer, waiting for a free worker included.",
		Buckets: prometheus.ExponentialBuckets(0.001, 2.5, 12),
	}, []string{"query"})
	m.queriesActive = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "kg_queries_in_flight", Help: "Queries running or waiting for a worker.",
	})
	m.writes = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "kg_store_writes_total", Help: "Article writes by result: loaded, replaced, unchanged, removed or failed.",
	}, []string{"result"})
	m.refusedWrites = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "kg_refused_writes_total", Help: "Write requests refused for want of a valid token.",
	})
	m.reg.MustRegister(m.requests, m.duration, m.queries, m.queryDuration, m.queriesActive, m.writes, m.refusedWrites,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return m
}

func (m *metrics) serve(w http.ResponseWriter, r *http.Request) { m.handler.ServeHTTP(w, r) }

func (m *metrics) observeRequest(route, method string, code int, d time.Duration) {
	switch method {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS":
	default:
		method = "other" // any token is a method: keep the label set bounded
	}
	m.requests.WithLabelValues(route, method, strconv.Itoa(code)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

func sortedStrings(ss []string) []string {
	sort.Strings(ss)
	return ss
}
