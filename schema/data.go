package schema

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// Data holds kg's language data: lexicons, patterns and frames. See
// data/README.md for the files and their columns.
//
//go:embed data
var Data embed.FS

// Row is one data line split on tabs, with its position for messages.
type Row struct {
	File   string
	Line   int
	Fields []string
}

// Field returns the i-th field, or "" if the row is shorter.
func (r Row) Field(i int) string {
	if i < len(r.Fields) {
		return strings.TrimSpace(r.Fields[i])
	}
	return ""
}

// List splits the i-th field on '|', dropping empty items.
func (r Row) List(i int) []string {
	var out []string
	for _, s := range strings.Split(r.Field(i), "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Errorf reports a problem with a row, naming the file and line.
func (r Row) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.File, r.Line, fmt.Sprintf(format, args...))
}

// ReadTSV reads a tab-separated data file under data/. Blank lines and
// lines starting with '#' are skipped. minFields rows shorter than that are
// an error, so a broken data file fails loudly at start-up (and in tests)
// rather than silently matching nothing.
func ReadTSV(name string, minFields int) ([]Row, error) {
	f, err := Data.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseTSV(name, f, minFields)
}

// ParseTSV reads tab-separated rows in the format of ReadTSV from r; name
// is used in messages. Tests use it to read fixture data.
func ParseTSV(name string, r io.Reader, minFields int) ([]Row, error) {
	var rows []Row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		r := Row{File: name, Line: n, Fields: strings.Split(line, "\t")}
		if len(r.Fields) < minFields {
			return nil, r.Errorf("%d fields, want at least %d (columns are tab-separated)", len(r.Fields), minFields)
		}
		rows = append(rows, r)
	}
	return rows, sc.Err()
}

// ReadLines reads a data file of one item per line (comments and blank
// lines skipped).
func ReadLines(name string) ([]string, error) {
	b, err := fs.ReadFile(Data, "data/"+name)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(strings.TrimRight(l, "\r"))
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, nil
}
