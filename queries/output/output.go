// Package output prints query rows as a table, JSON or CSV. Rows are JSON
// values as the query runner returns them; nodes in raw Gizmo results are
// JSON-LD ({"@id"}, {"@value", "@language"}, {"@value", "@type"}), which a
// table shows compactly (ent:Q56226, "किम"@hi, 2024-06).
package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgnews/kg/schema"
)

// Formats lists the output formats by name.
var Formats = []string{"table", "json", "csv"}

// Options control Write.
type Options struct {
	// Format is table, json or csv.
	Format string
	// Columns orders the keys of object rows; nil derives them from the
	// rows ("id" first, then the rest sorted).
	Columns []string
	// Width is the terminal width: a table wider than this is printed one
	// record at a time instead (0: 160).
	Width int
	// MaxCell cuts table cells to this many characters (0: 80); records
	// and CSV are never cut.
	MaxCell int
}

// Write prints rows in the chosen format.
func Write(w io.Writer, rows []json.RawMessage, o Options) error {
	switch o.Format {
	case "json":
		return writeJSON(w, rows)
	case "csv", "table", "":
	default:
		return fmt.Errorf("unknown format %q (have %s)", o.Format, strings.Join(Formats, ", "))
	}
	cols, cells, err := grid(rows, o.Columns)
	if err != nil {
		return err
	}
	if o.Format == "csv" {
		cw := csv.NewWriter(w)
		if err := cw.Write(cols); err != nil {
			return err
		}
		for _, r := range cells {
			out := make([]string, len(r))
			for i, c := range r {
				out[i] = cell(c, "; ")
			}
			if err := cw.Write(out); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	return writeTable(w, cols, cells, o)
}

// writeJSON prints one JSON array, a row a line.
func writeJSON(w io.Writer, rows []json.RawMessage) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, r := range rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		b.Write(r)
	}
	if len(rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// grid decodes rows into columns and cells. Rows that are not objects make
// one column, "value".
func grid(rows []json.RawMessage, cols []string) ([]string, [][]any, error) {
	vals := make([]any, len(rows))
	objects := len(rows) > 0
	for i, r := range rows {
		d := json.NewDecoder(bytes.NewReader(r))
		d.UseNumber()
		if err := d.Decode(&vals[i]); err != nil {
			return nil, nil, fmt.Errorf("row %d: %w", i+1, err)
		}
		if _, ok := vals[i].(map[string]any); !ok || isNode(vals[i]) {
			objects = false
		}
	}
	if !objects {
		cells := make([][]any, len(vals))
		for i, v := range vals {
			cells[i] = []any{v}
		}
		return []string{"value"}, cells, nil
	}
	if cols == nil {
		seen := map[string]bool{}
		for _, v := range vals {
			for k := range v.(map[string]any) {
				if !seen[k] {
					seen[k] = true
					cols = append(cols, k)
				}
			}
		}
		sort.Slice(cols, func(i, j int) bool {
			if (cols[i] == "id") != (cols[j] == "id") {
				return cols[i] == "id"
			}
			return cols[i] < cols[j]
		})
	}
	cells := make([][]any, len(vals))
	for i, v := range vals {
		m := v.(map[string]any)
		cells[i] = make([]any, len(cols))
		for j, c := range cols {
			cells[i][j] = m[c]
		}
	}
	return cols, cells, nil
}

// isNode reports whether v is a JSON-LD node or literal rather than a row.
func isNode(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, id := m["@id"]
	_, val := m["@value"]
	return id || val
}

// cell renders a value for a table or CSV cell; lists are joined with sep.
func cell(v any, sep string) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = cell(x, sep)
		}
		return strings.Join(parts, sep)
	case map[string]any:
		if id, ok := v["@id"].(string); ok {
			return Compact(id)
		}
		if val, ok := v["@value"]; ok {
			s := cell(val, sep)
			if lang, ok := v["@language"].(string); ok && lang != "" {
				return fmt.Sprintf("%q@%s", s, lang)
			}
			return s
		}
		b, _ := json.Marshal(v)
		return string(b)
	}
	return fmt.Sprint(v)
}

// Compact writes an IRI with kg's prefixes (ent:Q56226), else in <>.
func Compact(iri string) string {
	if c, ok := schema.Compact(iri); ok {
		return c
	}
	return "<" + iri + ">"
}

func writeTable(w io.Writer, cols []string, cells [][]any, o Options) error {
	width, maxCell := o.Width, o.MaxCell
	if width <= 0 {
		width = 160
	}
	if maxCell <= 0 {
		maxCell = 80
	}
	text := make([][]string, len(cells))
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = Width(c)
	}
	for i, r := range cells {
		text[i] = make([]string, len(r))
		for j, c := range r {
			s := oneLine(cell(c, ", "))
			if str, ok := c.(string); ok && strings.HasPrefix(str, schema.Base) {
				s = Compact(str) // kg's own IRIs, in short
			}
			text[i][j] = s
			widths[j] = max(widths[j], min(Width(s), maxCell))
		}
	}
	total := 0
	for _, x := range widths {
		total += x + 2
	}
	var b strings.Builder
	if total > width && len(cols) > 1 {
		// Too wide for the terminal: one record at a time, nothing cut.
		keyw := 0
		for _, c := range cols {
			keyw = max(keyw, Width(c))
		}
		for i, r := range text {
			fmt.Fprintf(&b, "── %d %s\n", i+1, strings.Repeat("─", max(0, min(width, 60)-4-len(fmt.Sprint(i+1)))))
			for j, c := range cols {
				if r[j] == "" {
					continue
				}
				fmt.Fprintf(&b, "%s%s  %s\n", c, pad(keyw-Width(c)), r[j])
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	line := func(r []string) {
		for j, s := range r {
			s = cut(s, maxCell)
			b.WriteString(s)
			if j < len(r)-1 {
				b.WriteString(pad(widths[j] - Width(s) + 2))
			}
		}
		b.WriteString("\n")
	}
	line(cols)
	sep := make([]string, len(cols))
	for j := range cols {
		sep[j] = strings.Repeat("─", widths[j])
	}
	line(sep)
	for _, r := range text {
		line(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cut shortens s to at most n columns, ending it with "…".
func cut(s string, n int) string {
	if Width(s) <= n {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		rw := runeWidth(r)
		if w+rw > n-1 {
			break
		}
		b.WriteRune(r)
		w += rw
	}
	return b.String() + "…"
}

// Width is the number of terminal columns s takes, as wcwidth counts them:
// non-spacing marks (virama, most Devanagari vowel signs above and below)
// take none.
func Width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r == utf8.RuneError:
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	return 1
}
