package graph

import (
	"net/url"
	"regexp"
	"strings"
)

// A store's location is what --db names: a directory (an embedded bolt
// store) or a PostgreSQL database, as a URL (postgres://user:pass@host:5432/db?sslmode=require,
// postgresql://… too) or in libpq's keyword form
// ("host=db1 dbname=kg user=kg sslmode=require"). Every function of this
// package that takes a dir takes either.

// IsDatabase reports whether a store location names a PostgreSQL database
// rather than a directory. A directory whose name looks like a connection
// string ("host=x") can still be named as ./host=x.
func IsDatabase(loc string) bool {
	l := strings.TrimSpace(loc)
	if strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") {
		return true
	}
	return keywordForm.MatchString(l)
}

// keywordForm is libpq's keyword=value connection string: the first word
// one of its connection keywords.
var keywordForm = regexp.MustCompile(`^(host|hostaddr|port|dbname|user|password|sslmode|service|application_name|connect_timeout)\s*=`)

// Redact is a location fit for messages and logs: a PostgreSQL password
// is replaced by "xxxxx".
func Redact(loc string) string {
	if !IsDatabase(loc) {
		return loc
	}
	if u, err := url.Parse(strings.TrimSpace(loc)); err == nil && u.Scheme != "" {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	return passwordWord.ReplaceAllString(loc, "${1}xxxxx")
}

var passwordWord = regexp.MustCompile(`(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)
