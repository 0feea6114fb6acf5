// Package xmltext escapes text for XML attributes and character data, the
// one thing the GraphML and GEXF writers share.
package xmltext

import (
	"encoding/xml"
	"strings"
)

// Escape returns s safe inside an XML attribute value or element: markup
// characters and quotes become entities, and characters XML 1.0 forbids
// become U+FFFD. Devanagari and every other UTF-8 text pass unchanged.
func Escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}
