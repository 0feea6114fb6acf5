package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/queries/runner"
)

// apiError is what every failed request answers, as JSON:
//
//	{"error": "no entity is called \"Kimm\"; did you mean \"Kim Jong-un\"?",
//	 "kind": "unknown_entity", "status": 404, "suggestions": ["Kim Jong-un"]}
//
// "error" holds the message, as in Cayley's own API, so one client reads
// both.
type apiError struct {
	Message     string      `json:"error"`
	Kind        string      `json:"kind"`
	Status      int         `json:"status"`
	Suggestions []string    `json:"suggestions,omitempty"`
	Candidates  []candidate `json:"candidates,omitempty"`
}

type candidate struct {
	Entity  string `json:"entity"`
	LabelEN string `json:"label_en,omitempty"`
	LabelHI string `json:"label_hi,omitempty"`
}

func (e *apiError) Error() string { return e.Message }

func errorf(status int, kind, format string, args ...any) *apiError {
	return &apiError{Status: status, Kind: kind, Message: fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) *apiError {
	return errorf(http.StatusBadRequest, "bad_request", format, args...)
}

// errBusy is returned when a query waited for a free worker past its
// deadline: the pool is full of other queries.
var errBusy = errorf(http.StatusServiceUnavailable, "busy", "the server is busy: every query worker stayed taken until the deadline; try again")

// toAPIError gives any error its status code and kind.
func toAPIError(err error) *apiError {
	var (
		ae   *apiError
		qe   *runner.Error
		ue   *queries.UnknownEntityError
		am   *queries.AmbiguousEntityError
		mb   *http.MaxBytesError
		lock *graph.LockedError
	)
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &qe):
		return queryError(qe)
	case errors.As(err, &ue):
		return &apiError{Status: http.StatusNotFound, Kind: "unknown_entity", Message: ue.Error(), Suggestions: ue.Suggestions}
	case errors.As(err, &am):
		e := &apiError{Status: http.StatusBadRequest, Kind: "ambiguous_entity", Message: am.Error()}
		for _, c := range am.Candidates {
			e.Candidates = append(e.Candidates, candidate{Entity: string(c.IRI), LabelEN: c.LabelEN, LabelHI: c.LabelHI})
		}
		return e
	case errors.As(err, &mb):
		return errorf(http.StatusRequestEntityTooLarge, "too_large", "the request body is over this server's limit of %s", size(mb.Limit))
	case errors.As(err, &lock):
		return errorf(http.StatusServiceUnavailable, "store_locked", "%v", lock)
	case errors.Is(err, context.DeadlineExceeded):
		return errorf(http.StatusServiceUnavailable, "busy", "the server could not finish in time: %v", err)
	case errors.Is(err, context.Canceled):
		return errorf(499, "canceled", "the request was cancelled")
	}
	return errorf(http.StatusInternalServerError, "internal", "%v", err)
}

// queryError maps the failures of a query: the client's script is at fault
// (400), ran too long (504), or the server could not run it (503).
func queryError(qe *runner.Error) *apiError {
	status := http.StatusInternalServerError
	switch qe.Kind {
	case runner.Syntax, runner.Runtime, runner.Crash, runner.Output, runner.Memory:
		status = http.StatusBadRequest
	case runner.Timeout:
		status = http.StatusGatewayTimeout
	case runner.Canceled, runner.Store:
		status = http.StatusServiceUnavailable
	}
	return &apiError{Status: status, Kind: "query_" + string(qe.Kind), Message: qe.Message}
}

// writeJSON answers with a JSON body. HTML escaping is off: labels keep
// their "<" and "&", and IRIs their angle brackets.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, err error) {
	ae := toAPIError(err)
	if ae.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
	}
	writeJSON(w, ae.Status, ae)
}

func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
