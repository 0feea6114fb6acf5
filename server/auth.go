package server

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
)

// writes guards an endpoint that changes the store. With a token, the
// request must carry it as "Authorization: Bearer TOKEN". Without one,
// writes are refused unless the server listens on loopback and was started
// with AllowWritesWithoutToken. Either way a browser request from another
// origin is refused: a page on some web site must not be able to post
// articles to a server on the reader's own machine (a plain-text POST
// needs no CORS preflight).
func (s *Server) writes(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r) {
			writeError(w, errorf(http.StatusForbidden, "cross_origin", "writes from another origin (%s) are refused", o))
			return
		}
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

// sameOrigin reports whether an Origin header names the host the request
// was sent to.
func sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host)
}
