// Package csv writes a kg property graph as the two files neo4j-admin
// import reads: nodes.csv (id:ID, :LABEL and properties) and edges.csv
// (:START_ID, :END_ID, :TYPE and properties). Lists use neo4j's default
// array delimiter ';'; no field holds a line break, so the import needs no
// --multiline-fields.
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv neo4j
package csv

import (
	stdcsv "encoding/csv"
	"io"
	"strings"
	"unicode"

	"github.com/kgnews/kg/export/pg"
	"github.com/kgnews/kg/export/style"
)

// Files are the names Write creates, in the order it creates them.
var Files = []string{"nodes.csv", "edges.csv"}

// list attributes hold "; "-separated lists and are declared string[].
var lists = map[string]bool{"alt_labels": true, "article": true}

// Write writes nodes.csv and edges.csv through open, which names a file in
// the target directory.
func Write(open func(name string) (io.Writer, error), g *pg.Graph) error {
	w, err := open(Files[0])
	if err != nil {
		return err
	}
	if err := writeNodes(w, g); err != nil {
		return err
	}
	if w, err = open(Files[1]); err != nil {
		return err
	}
	return writeEdges(w, g)
}

// NodeHeader and EdgeHeader are the header rows, which the import reads
// as column names and types.
func NodeHeader() []string {
	h := []string{"id:ID", ":LABEL"}
	for _, a := range pg.NodeAttrs {
		h = append(h, column(a))
	}
	return h
}

func EdgeHeader() []string {
	h := []string{":START_ID", ":END_ID", ":TYPE", "id"}
	for _, a := range pg.EdgeAttrs {
		h = append(h, column(a))
	}
	return h
}

func column(a pg.Attr) string {
	switch {
	case a.Type == "long":
		return a.Name + ":long"
	case lists[a.Name]:
		return a.Name + ":string[]"
	}
	return a.Name
}

func writeNodes(w io.Writer, g *pg.Graph) error {
	cw := stdcsv.NewWriter(w)
	cw.Write(NodeHeader())
	for i := range g.Nodes {
		n := &g.Nodes[i]
		// Labels are Entity or Event plus every class, for MATCH (:Person).
		labels := []string{capital(string(n.Kind))}
		for _, c := range n.Classes {
			if c != labels[0] {
				labels = append(labels, c)
			}
		}
		if len(n.Classes) == 0 && n.Type != "" {
			labels = append(labels, n.Type)
		}
		row := []string{n.ID, strings.Join(labels, ";")}
		for _, a := range pg.NodeAttrs {
			row = append(row, field(a, n.Value(a.Name)))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func writeEdges(w io.Writer, g *pg.Graph) error {
	cw := stdcsv.NewWriter(w)
	cw.Write(EdgeHeader())
	for i := range g.Edges {
		e := &g.Edges[i]
		row := []string{e.Source, e.Target, relType(e), e.ID}
		for _, a := range pg.EdgeAttrs {
			row = append(row, field(a, e.Value(a.Name)))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

func field(a pg.Attr, v string) string {
	if lists[a.Name] {
		v = strings.ReplaceAll(v, "; ", ";")
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(v)
}

// relType is the relationship type: the predicate's name in neo4j's
// UPPER_SNAKE convention (SPOKE_WITH, AGENT, PHONE_CALL).
func relType(e *pg.Edge) string {
	name := e.Predicate
	if i := strings.LastIndexAny(name, "/#"); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToUpper(strings.ReplaceAll(style.Words(name), " ", "_"))
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return string(unicode.ToUpper(rune(s[0]))) + s[1:]
}
