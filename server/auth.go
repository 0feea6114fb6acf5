package server

import (
	"crypto/subtle"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// writes guards an endpoint that changes the store. With a token, the
// request must carry it as "Authorization: Bearer TOKEN". Without one,
// writes are refused unless the server listens on loopback and was started
// with AllowWritesWithoutToken. (Requests from another origin never get
// this far: guard refuses them on every endpoint.)
func (s *Server) writes(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.authorize(r); err != nil {
			s.metrics.refusedWrites.Inc()
			writeError(w, err)
			return
		}
		h(w, r)
	}
}

func (s *Server) authorize(r *http.Request) *apiError {
	if s.cfg.Token == "" {
		if s.cfg.AllowWritesWithoutToken && s.loopback {
			return nil
		}
		return errorf(http.StatusForbidden, "writes_disabled", "this server takes no writes: start kg serve with --token TOKEN (or KG_TOKEN), or on a loopback address with --allow-writes-without-token")
	}
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if auth == "" || !ok || !strings.EqualFold(scheme, "Bearer") {
		return errorf(http.StatusUnauthorized, "unauthorized", "writes need the server's token: send \"Authorization: Bearer TOKEN\" (kg load --server URL reads it from --token or KG_TOKEN)")
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.cfg.Token)) != 1 {
		return errorf(http.StatusUnauthorized, "unauthorized", "the bearer token is not this server's")
	}
	return nil
}

// crossSite refuses a request a browser sends for a page of another site:
// one whose Origin is not the server's, or whose Sec-Fetch-Site says it
// comes from elsewhere. A page can make a browser send a GET (an <img>) or
// a simple POST (a form, fetch with text/plain) to any address without
// asking, and the server must not run work for it: a search that costs
// seconds, a query, a write. Clients that are not browsers send neither
// header.
func crossSite(r *http.Request) *apiError {
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r) {
		return errorf(http.StatusForbidden, "cross_origin", "requests from another origin (%s) are refused: kg serve answers its own page and programs, not other web sites", o)
	}
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
	default:
		return errorf(http.StatusForbidden, "cross_origin", "requests from another site (Sec-Fetch-Site: %s) are refused: kg serve answers its own page and programs, not other web sites", site)
	}
	return nil
}

// formTypes are the content types a web page may POST to any address
// without the browser asking the server first (a CORS "simple request").
var formTypes = map[string]bool{"text/plain": true, "application/x-www-form-urlencoded": true, "multipart/form-data": true}

// formContentType refuses a POST whose body comes as one of formTypes, or
// with no type: a browser sends those to another site's server without a
// preflight, and a browser that sends no Origin header would not be caught
// by crossSite. Programs name what they send.
func formContentType(r *http.Request) *apiError {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct != "" && err == nil && !formTypes[mt] {
		return nil
	}
	what := "no Content-Type"
	if ct != "" {
		what = fmt.Sprintf("Content-Type %q", ct)
	}
	return errorf(http.StatusUnsupportedMediaType, "unsupported_media_type",
		"POST with %s is refused, as a web form could send it from any site: send a script as application/javascript (or {\"script\": ...} as application/json), an article as application/octet-stream, N-Quads as application/n-quads (curl: -H 'Content-Type: application/javascript')", what)
}

// sameOrigin reports whether an Origin header names the host the request
// was sent to.
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host)
}
