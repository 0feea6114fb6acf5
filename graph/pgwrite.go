package graph

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// kg writes through Cayley's SQL quad store with the postgres dialect —
// its tables, its transactions, its reference counts, its query
// optimizer — registered under a name of kg's own with one difference:
// how a transaction inserts (Registration.RunTx, the hook Cayley gives
// each SQL flavour).
//
//   - Cayley's postgres flavour runs one INSERT per node and per quad: a
//     batch of 96 articles is 60,000 statements, each a round trip to the
//     server. Here they go 500 rows to a statement.
//   - Cayley stores a string with NUL escaped as the four characters
//     `\x00`, and turns every `\x00` back into NUL when it reads one, so a
//     text that holds those four characters comes back changed. Here such
//     a string is stored in the node's binary column (Cayley's encoding
//     of values it has no column for), which Cayley reads back exactly.
//
// Deletions are Cayley's own.
const pgFlavor = "kg-postgres"

var registerPG = sync.OnceFunc(func() {
	csql.Register(pgFlavor, csql.Registration{
		Driver:             "postgres",
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		Error:              postgres.ConvError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: pgRunTx,
	})
})

// pgRows is the most rows one INSERT carries.
const pgRows = 500

func pgRunTx(tx *sql.Tx, nodes []graphlog.NodeUpdate, quads []graphlog.QuadUpdate, opts cgraph.IgnoreOpts) error {
	// Nodes, by the columns their type fills, each group in hash order
	// (Cayley's), the groups in a fixed order.
	groups := map[csql.ValueType][][]any{}
	for _, n := range nodes {
		if n.RefInc < 0 {
			return fmt.Errorf("unexpected node update: %d", n.RefInc)
		}
		typ, vals, err := pgNodeValues(n)
		if err != nil {
			return err
		}
		groups[typ] = append(groups[typ], append([]any{n.RefInc}, vals...))
	}
	types := make([]csql.ValueType, 0, len(groups))
	for t := range groups {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	for _, t := range types {
		cols := append([]string{"refs", "hash"}, t.Columns()...)
		rows := groups[t]
		for i := 0; i < len(rows); i += pgRows {
			chunk := rows[i:min(i+pgRows, len(rows))]
			q := `INSERT INTO nodes(` + strings.Join(cols, ", ") + `) VALUES ` + pgPlaceholders(len(chunk), len(cols), "") +
				` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`
			if _, err := tx.Exec(q, flatten(chunk)...); err != nil {
				return err
			}
		}
	}
	var adds [][]any
	for _, d := range quads {
		if d.Del {
			return errors.New("unexpected quad delete")
		}
		row := make([]any, 0, 4)
		for _, h := range d.Quad.Dirs() {
			row = append(row, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		adds = append(adds, row)
	}
	end := ""
	if opts.IgnoreDup {
		end = ` ON CONFLICT DO NOTHING`
	}
	for i := 0; i < len(adds); i += pgRows {
		chunk := adds[i:min(i+pgRows, len(adds))]
		q := `INSERT INTO quads(subject_hash, predicate_hash, object_hash, label_hash, ts) VALUES ` + pgPlaceholders(len(chunk), 4, "now()") + end
		if _, err := tx.Exec(q, flatten(chunk)...); err != nil {
			var pe *pq.Error
			if errors.As(err, &pe) && pe.Code == "23505" {
				return &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
			}
			return err
		}
	}
	return nil
}

// pgNodeValues are a node's columns as Cayley's NodeValues gives them,
// except for text that Cayley's NUL escape would not give back.
func pgNodeValues(n graphlog.NodeUpdate) (csql.ValueType, []any, error) {
	h := csql.NodeHash{ValueHash: n.Hash}
	if s, ok := valueText(n.Val); ok && (strings.Contains(s, "\x00") || strings.Contains(s, `\x00`)) {
		b, err := pquads.MarshalValue(n.Val)
		if err != nil {
			return 0, nil, err
		}
		return 0, []any{h.SQLValue(), b}, nil
	}
	return csql.NodeValues(h, n.Val)
}

func valueText(v quad.Value) (string, bool) {
	switch v := v.(type) {
	case quad.IRI:
		return string(v), true
	case quad.BNode:
		return string(v), true
	case quad.String:
		return string(v), true
	case quad.TypedString:
		return string(v.Value) + string(v.Type), true
	case quad.LangString:
		return string(v.Value) + v.Lang, true
	}
	return "", false
}

// pgPlaceholders is "($1, $2), ($3, $4)" for rows of cols values, each row
// ending in extra when given.
func pgPlaceholders(rows, cols int, extra string) string {
	var b strings.Builder
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", n)
			n++
		}
		if extra != "" {
			b.WriteString(", " + extra)
		}
		b.WriteByte(')')
	}
	return b.String()
}

func flatten(rows [][]any) []any {
	var out []any
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
