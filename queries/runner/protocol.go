package runner

import (
	"encoding/json"
	"fmt"
	"time"
)

// request is one query sent to a worker, one JSON object a line.
type request struct {
	ID     uint64 `json:"id"`
	Dir    string `json:"dir"`
	Script string `json:"script"`
	// Prelude runs before Script, outside the value wrapper.
	Prelude string `json:"prelude,omitempty"`
	// Shared runs before both: definitions that Script uses and that are
	// the same text for many queries (Query.Shared).
	Shared string `json:"shared,omitempty"`
	// SharedKey names Shared (sharedKey). A worker remembers the Shared
	// texts it was sent by their keys, and the pool sends a text to a
	// worker once: later requests bring the key alone. A canned query's
	// Shared is some 50 KB, which each request would otherwise carry, and
	// the worker decode.
	SharedKey string `json:"shared_key,omitempty"`
	// TimeoutMS bounds the query inside the worker; the pool kills a worker
	// that has not answered shortly after.
	TimeoutMS int64 `json:"timeout_ms"`
	Limit     int   `json:"limit"`
	// Value asks for the value of the script's last expression as a row,
	// the way a REPL shows it.
	Value bool `json:"value,omitempty"`
	// CayleyJSON asks for Cayley's JSON collation instead of JSON-LD.
	CayleyJSON bool `json:"cayley_json,omitempty"`
	// Keep runs the script in the worker's kept session, whose JavaScript
	// state outlives it; Reset drops that session first (and runs nothing).
	Keep  bool `json:"keep,omitempty"`
	Reset bool `json:"reset,omitempty"`
	// Hold keeps the bolt store open after the query, for the next; a
	// Release request (which runs nothing) closes what the worker holds.
	// See Options.HoldStore.
	Hold    bool `json:"hold,omitempty"`
	Release bool `json:"release,omitempty"`
	// Cancel, when set, is no query but the caller giving up on request
	// Cancel of the kept session (a REPL's Ctrl-C): the worker stops it if
	// it runs, or answers it at once if it has not started yet, and keeps
	// the session. A cancel for a request that has ended is ignored.
	Cancel uint64 `json:"cancel,omitempty"`
	// KeepPriority: the query keeps the worker's CPU priority however long
	// it runs (Options.KeepPriority).
	KeepPriority bool `json:"keep_priority,omitempty"`
}

// response is a worker's answer to one request.
type response struct {
	ID        uint64            `json:"id"`
	Rows      []json.RawMessage `json:"rows"`
	Truncated bool              `json:"truncated,omitempty"`
	Note      string            `json:"note,omitempty"`
	Err       *Error            `json:"error,omitempty"`
	// Retiring says the worker exits after this answer (it lowered its
	// priority during a long query); the pool starts a fresh one.
	Retiring  bool  `json:"retiring,omitempty"`
	ElapsedNS int64 `json:"elapsed_ns"`
	// NeedShared says the worker knows no Shared text by the request's
	// SharedKey (it forgot it): the pool sends the request again with
	// the text.
	NeedShared bool `json:"need_shared,omitempty"`
	// Session names the kept session a Keep request ran in: a new name
	// means the state of the old one is gone (its worker died).
	Session string `json:"session,omitempty"`
}

// Kind classifies a query error.
type Kind string

const (
	// Syntax: the script is not valid JavaScript.
	Syntax Kind = "syntax"
	// Runtime: the script threw, or a Gizmo step refused its arguments.
	Runtime Kind = "runtime"
	// Timeout: the query ran past its deadline and was stopped.
	Timeout Kind = "timeout"
	// Crash: the query killed its worker (a panic inside Cayley, a stack
	// overflow, out of memory). The pool starts a fresh worker.
	Crash Kind = "crash"
	// Canceled: the caller gave up (Ctrl-C, a closed HTTP request).
	Canceled Kind = "canceled"
	// Store: the worker could not open or read the store.
	Store Kind = "store"
	// Output: the result cannot be encoded (a function, NaN) or is too big.
	Output Kind = "output"
	// Memory: the query was stopped because the workers together passed
	// their memory budget and its worker held the most.
	Memory Kind = "memory"
)

// Error is a failed query. Message says what was wrong in words a user of
// kg query or the REPL can act on.
type Error struct {
	Kind    Kind   `json:"kind"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

func errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Message: fmt.Sprintf(format, args...)}
}

func timeoutError(d time.Duration) *Error {
	return errorf(Timeout, "query timed out after %v and was stopped (raise the timeout, or narrow the query with .Limit(n))", d)
}
