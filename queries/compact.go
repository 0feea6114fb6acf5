package queries

import (
	"regexp"
	"strings"

	"github.com/kgnews/kg/schema"
)

// compactNode is a string literal's value that names a node in Gizmo's
// way, with a compact IRI inside: "<kg:PhoneCall>", "<rdf:type>".
var compactNode = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9_-]*:[^<>\s"{}|\\^` + "`" + `]*)>$`)

// ExpandCompact rewrites the string literals of a Gizmo script that name a
// node by a compact IRI kg prints ("<kg:PhoneCall>", "<ent:Q56226>",
// "<rel:spoke_with>") into the full IRI, so that a script may use the names
// kg's tables show: Gizmo reads "<kg:PhoneCall>" as an IRI that no quad
// has. Only whole literals of that form change, in place and on their own
// line, so error positions stay the script's own; comments, other strings
// and prefixes kg does not know are left alone. Names built at run time
// go through iri(), which RawPrelude makes expand them too.
func ExpandCompact(src string) string {
	var b strings.Builder
	rs := []rune(src)
	last := 0 // rs[last:] is not yet copied
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '/' && next == '/':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		case r == '/' && next == '*':
			i += 2
			for i+1 < len(rs) && !(rs[i] == '*' && rs[i+1] == '/') {
				i++
			}
			i++
		case r == '"' || r == '\'' || r == '`':
			end := literalEnd(rs, i)
			if end < 0 {
				i = len(rs)
				break
			}
			if full, ok := expandLiteral(string(rs[i : end+1])); ok {
				b.WriteString(string(rs[last:i]))
				b.WriteString(full)
				last = end + 1
			}
			i = end
		}
	}
	if last == 0 {
		return src
	}
	b.WriteString(string(rs[last:]))
	return b.String()
}

// literalEnd finds the closing quote of the string literal opening at i,
// or -1 when it is not closed on its line (a template literal may span
// lines).
func literalEnd(rs []rune, i int) int {
	q := rs[i]
	for j := i + 1; j < len(rs); j++ {
		switch {
		case rs[j] == '\\':
			j++
		case rs[j] == q:
			return j
		case rs[j] == '\n' && q != '`':
			return -1
		}
	}
	return -1
}

// expandLiteral returns the expanded literal, double-quoted, when lit names
// a node by one of kg's prefixes.
func expandLiteral(lit string) (string, bool) {
	body := lit[1 : len(lit)-1]
	if strings.ContainsAny(body, "\\\n") || lit[0] == '`' && strings.Contains(body, "${") {
		return "", false // escapes or interpolation: not a plain name
	}
	m := compactNode.FindStringSubmatch(body)
	if m == nil {
		return "", false
	}
	full, ok := schema.Expand(m[1])
	if !ok {
		return "", false
	}
	// compactNode admits no quote, backslash or line break, so the plain
	// double-quoted form is a valid literal.
	return `"<` + full + `>"`, true
}
