package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/kgnews/kg/schema"
)

// A store in PostgreSQL: Cayley's postgres backend (tables nodes and
// quads) plus what kg adds to it (README "kg on PostgreSQL"):
//
//   - indexes: quads by label (an article's quads, and the foreign-key
//     check when a node goes), and the nodes no quad uses any more (Cayley
//     deletes them with DELETE FROM nodes WHERE refs <= 0 in every
//     transaction that removes a quad: a scan of the nodes table without
//     it);
//   - kg_meta (the store's format), kg_texts (article texts, kept on disk
//     beside a bolt store) and kg_state (a generation counter every write
//     transaction bumps, through a statement trigger on quads, so that a
//     reader — a server's cache, a replica's lag — can tell it is behind);
//   - a write lock: a PostgreSQL advisory lock that every kg writer takes
//     around each batch, from reading the store to planning the batch to
//     committing it, so that writers from any number of processes and
//     machines take turns, and no two plan against the same state.
//
// Each batch is one ApplyDeltas, which Cayley's SQL backend runs in one
// database transaction: all of a batch or nothing, with no journal. (The
// kv backends' bug that needs bolt's two-phase write, in apply, is a bug
// of their reference counting; the SQL backend counts in the database.)
// Reads kg makes itself (lookups, an article's quads, the full scan) join
// the node values in one SQL statement; Cayley's iterators fetch each
// value with a query of its own.

const pgBackend = "postgres"

// pgSchemaVersion is the version of kg's additions to Cayley's tables.
const pgSchemaVersion = "1"

// The advisory locks kg takes, as (class, object) pairs: object is the
// oid of the store's quads table, so that stores in two schemas of one
// database do not share a lock.
const (
	pgLockWrite  = 0x6b67 // "kg": article writes
	pgLockSchema = 0x6b68 // creating the tables
)

// pgStore is kg's own access to a PostgreSQL store, beside Cayley's.
type pgStore struct {
	loc      string // as the user gave it, for messages (Redact it)
	db       *sql.DB
	lockObj  int64
	readOnly bool
	stmts    sync.Map // query -> *sql.Stmt
}

// pgUnsupportedEnv are libpq environment variables lib/pq panics on
// rather than ignoring; PGSYSCONFDIR and PGLOCALEDIR (set by
// pg_virtualenv) only tell libpq where its own files are, and are dropped.
var pgUnsupportedEnv = []string{"PGHOSTADDR", "PGSERVICE", "PGSERVICEFILE", "PGREALM", "PGREQUIRESSL", "PGSSLCRL", "PGREQUIREPEER", "PGKRBSRVNAME", "PGGSSLIB"}

func pgCheckEnv() error {
	for _, v := range []string{"PGSYSCONFDIR", "PGLOCALEDIR"} {
		os.Unsetenv(v)
	}
	for _, v := range pgUnsupportedEnv {
		if _, ok := os.LookupEnv(v); ok {
			return fmt.Errorf("%s is set, and kg's PostgreSQL driver (lib/pq) cannot use it: unset it and give the connection's settings in --db", v)
		}
	}
	return nil
}

// pgConnect opens a connection pool and checks that the server answers.
// It returns the connection string it used, for Cayley's own pool: the
// one given, read-only if asked, with sslmode settled. lib/pq knows only
// disable, require (its default), verify-ca and verify-full; kg reads no
// sslmode, "prefer" and "allow" as libpq does: TLS when the server offers
// it, else a plain connection.
func pgConnect(ctx context.Context, loc string, readOnly bool) (*sql.DB, string, error) {
	if err := pgCheckEnv(); err != nil {
		return nil, "", err
	}
	dsn := loc
	if readOnly {
		dsn = withParam(dsn, "default_transaction_read_only", "on")
	}
	modes := []string{""}
	switch sslMode(loc) {
	case "", "prefer":
		modes = []string{"require", "disable"}
	case "allow":
		modes = []string{"disable", "require"}
	}
	var err error
	for i, m := range modes {
		try := dsn
		if m != "" {
			try = withParam(dsn, "sslmode", m)
		}
		var db *sql.DB
		if db, err = pgOpen(ctx, try); err == nil {
			return db, try, nil
		}
		if i+1 < len(modes) && !sslRefused(err) {
			break
		}
	}
	return nil, "", pgError(loc, err)
}

func pgOpen(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	// A lost server is reported after 30 s rather than never.
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// sslRefused reports whether a connection failed on its TLS mode (the
// server has no TLS, or will only take TLS), so that the other may work.
func sslRefused(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SSL is not enabled on the server") || strings.Contains(s, "no encryption") || strings.Contains(s, "SSL off")
}

// sslMode is the sslmode a connection string gives, "" if none.
func sslMode(loc string) string {
	l := strings.TrimSpace(loc)
	if u, err := url.Parse(l); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		return u.Query().Get("sslmode")
	}
	if m := sslWord.FindAllStringSubmatch(l, -1); len(m) > 0 {
		return strings.Trim(m[len(m)-1][1], "'")
	}
	return ""
}

var sslWord = regexp.MustCompile(`\bsslmode\s*=\s*('[^']*'|\S+)`)

// withParam adds a run-time parameter to a connection string (lib/pq
// sends the keys it does not know to the server as settings).
func withParam(loc, key, val string) string {
	l := strings.TrimSpace(loc)
	if u, err := url.Parse(l); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set(key, val)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return l + " " + key + "=" + val
}

// pgError turns a driver error into one line that says what to do.
func pgError(loc string, err error) error {
	if err == nil {
		return nil
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3D000":
			return fmt.Errorf("store %s: %s (kg creates its tables, not the database: createdb it, or CREATE DATABASE, first)", Redact(loc), pe.Message)
		case "28P01", "28000":
			return fmt.Errorf("store %s: %s (check the user and password in --db, or PGPASSWORD / ~/.pgpass)", Redact(loc), pe.Message)
		case "42501":
			return fmt.Errorf("store %s: %s: %w", Redact(loc), pe.Message, errPGPermission)
		}
		return fmt.Errorf("store %s: %s (PostgreSQL error %s)", Redact(loc), pe.Message, pe.Code)
	}
	return fmt.Errorf("store %s: %w", Redact(loc), err)
}

var errPGPermission = errors.New("the role lacks a privilege kg needs (README \"PostgreSQL roles\" lists them)")

// errPGCreate explains why a role cannot create the tables.
func errPGCreate(loc, role, dbname, why string) error {
	return fmt.Errorf("store %s: role %q may not create kg's tables in database %q (%s). Since PostgreSQL 15 only the database's owner may create tables in schema public: create the store once as its owner (kg --db URL init), or run ALTER DATABASE %s OWNER TO %s, or GRANT CREATE ON SCHEMA public TO %s; README \"PostgreSQL roles\"",
		Redact(loc), role, dbname, why, pq.QuoteIdentifier(dbname), pq.QuoteIdentifier(role), pq.QuoteIdentifier(role))
}

// pgSchema is what kg adds to Cayley's tables. Every statement may run
// again on a store that has it.
var pgSchema = []string{
	`CREATE INDEX IF NOT EXISTS kg_quads_label ON quads (label_hash)`,
	`CREATE INDEX IF NOT EXISTS kg_nodes_released ON nodes (hash) WHERE refs <= 0`,
	`CREATE TABLE IF NOT EXISTS kg_meta (key text PRIMARY KEY, value text NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS kg_texts (article text PRIMARY KEY, body text NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS kg_state (id int PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL)`,
	`INSERT INTO kg_state VALUES (1, 0) ON CONFLICT DO NOTHING`,
	// once per transaction: a transaction-local setting remembers it
	`CREATE OR REPLACE FUNCTION kg_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('kg.bumped', true) IS DISTINCT FROM txid_current()::text THEN
		UPDATE kg_state SET generation = generation + 1 WHERE id = 1;
		PERFORM set_config('kg.bumped', txid_current()::text, true);
	END IF;
	RETURN NULL;
END $$`,
	`DROP TRIGGER IF EXISTS kg_quads_changed ON quads`,
	`CREATE TRIGGER kg_quads_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quads FOR EACH STATEMENT EXECUTE FUNCTION kg_bump_generation()`,
}

// pgInit creates the store's tables in loc's database where they are
// missing; an existing store is left as it is. Several processes may
// open a new store at once: the first creates it, the others wait.
func pgInit(ctx context.Context, loc string) error {
	db, dsn, err := pgConnect(ctx, loc, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if ok, err := pgReady(ctx, db); err != nil || ok {
		return pgError(loc, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return pgError(loc, err)
	}
	defer conn.Close()
	// The quads table may not exist yet: lock on the database instead.
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, 0)`, pgLockSchema); err != nil {
		return pgError(loc, err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, 0)`, pgLockSchema)
	if ok, err := pgReady(ctx, db); err != nil || ok {
		return pgError(loc, err)
	}
	var role, dbname string
	if err := conn.QueryRowContext(ctx, `SELECT current_user, current_database()`).Scan(&role, &dbname); err != nil {
		return pgError(loc, err)
	}
	var hasQuads bool
	if err := conn.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&hasQuads); err != nil {
		return pgError(loc, err)
	}
	if !hasQuads {
		var other bool
		if err := conn.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL OR to_regclass('nodes') IS NOT NULL`).Scan(&other); err != nil {
			return pgError(loc, err)
		}
		if other {
			return fmt.Errorf("store %s: the database has a table nodes or quads but not both: not a Cayley store kg can use", Redact(loc))
		}
		registerPG()
		if err := cgraph.InitQuadStore(pgFlavor, dsn, nil); err != nil {
			var pe *pq.Error
			if errors.As(err, &pe) && pe.Code == "42501" {
				return errPGCreate(loc, role, dbname, pe.Message)
			}
			return pgError(loc, err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return pgError(loc, err)
	}
	defer tx.Rollback()
	for _, stmt := range pgSchema {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			var pe *pq.Error
			if errors.As(err, &pe) && pe.Code == "42501" {
				return errPGCreate(loc, role, dbname, pe.Message)
			}
			return pgError(loc, fmt.Errorf("%w (in %s)", err, strings.SplitN(stmt, "\n", 2)[0]))
		}
	}
	for k, v := range map[string]string{
		"format": fmt.Sprint(formatVers), "schema": pgSchemaVersion, "backend": pgBackend,
	} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kg_meta VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, k, v); err != nil {
			return pgError(loc, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO kg_meta VALUES ('created', $1) ON CONFLICT DO NOTHING`, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return pgError(loc, err)
	}
	return pgError(loc, tx.Commit())
}

// pgReady reports whether the database holds a kg store of this kg's
// schema version; a store of another format is an error.
func pgReady(ctx context.Context, db *sql.DB) (bool, error) {
	var has bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('kg_meta') IS NOT NULL`).Scan(&has); err != nil || !has {
		return false, err
	}
	meta := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT key, value FROM kg_meta`)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return false, err
		}
		meta[k] = v
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	if f := meta["format"]; f != fmt.Sprint(formatVers) {
		return false, fmt.Errorf("format %s, this kg reads format %d (export it with the kg that wrote it and load the N-Quads into a new store)", f, formatVers)
	}
	return meta["schema"] == pgSchemaVersion, nil
}

// openPG opens the store in loc's database, which pgInit has created
// (readers do not create it: an empty database is "no kg store there").
func openPG(loc string, readOnly bool) (*Store, error) {
	ctx := context.Background()
	db, dsn, err := pgConnect(ctx, loc, readOnly)
	if err != nil {
		return nil, err
	}
	ok, err := pgReady(ctx, db)
	if err == nil && !ok {
		if readOnly {
			err = fmt.Errorf("no kg store there (load an article first)")
		} else {
			err = fmt.Errorf("kg's tables are missing or of an older kg: open the store with kg load, or as its owner")
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(loc), err)
	}
	p := &pgStore{loc: loc, db: db, readOnly: readOnly}
	if err := db.QueryRowContext(ctx, `SELECT 'quads'::regclass::oid::bigint`).Scan(&p.lockObj); err != nil {
		db.Close()
		return nil, pgError(loc, err)
	}
	registerPG()
	qs, err := cgraph.NewQuadStore(pgFlavor, dsn, nil)
	if err != nil {
		db.Close()
		return nil, pgError(loc, err)
	}
	return &Store{dir: loc, backend: pgBackend, qs: qs, pg: p, readOnly: readOnly}, nil
}

func (p *pgStore) close() error {
	p.stmts.Range(func(_, v any) bool { v.(*sql.Stmt).Close(); return true })
	return p.db.Close()
}

// prepared is a statement prepared once for the store: a lookup is
// planned in a millisecond and runs in a tenth of one, and kg makes
// thousands of them per batch of articles.
func (p *pgStore) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := p.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := p.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// hold takes the store's write lock, waiting for the writer that has it.
// The lock belongs to one connection, kept out of the pool until
// release: if the process dies, PostgreSQL drops the connection and the
// lock with it.
func (p *pgStore) hold(ctx context.Context, who string) (func(), error) {
	conn, err := p.db.Conn(ctx)
	if err != nil {
		return nil, pgError(p.loc, err)
	}
	discard := func() {
		// a connection whose lock state is unknown is closed, not pooled
		_ = conn.Raw(func(any) error { return errBadConn })
		conn.Close()
	}
	if who != "" {
		_, _ = conn.ExecContext(ctx, `SELECT set_config('application_name', $1, false)`, who)
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1, $2)`, pgLockWrite, p.lockObj); err != nil {
		discard()
		return nil, pgError(p.loc, fmt.Errorf("wait for the write lock: %w", err))
	}
	return func() {
		if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, $2)`, pgLockWrite, p.lockObj); err != nil {
			discard()
			return
		}
		conn.Close()
	}, nil
}

// applyDeltas writes one batch in one transaction. kg's writers take turns
// (hold), but another client of the tables, or a server under pressure,
// can still fail a transaction with a deadlock or a serialisation
// failure; the transaction was rolled back, so it is tried again, with
// backoff.
func (p *pgStore) applyDeltas(ctx context.Context, qs cgraph.QuadStore, deltas []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	wait := 20 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := qs.ApplyDeltas(deltas, opts)
		if err == nil || !pgRetryable(err) || attempt == pgRetries {
			return err
		}
		pgRetried.Add(1)
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait + rand.N(wait)):
		}
		wait = min(2*wait, 2*time.Second)
	}
}

const pgRetries = 8

// pgRetryable reports whether a failed transaction may simply run again.
func pgRetryable(err error) bool {
	var pe *pq.Error
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40P01", "40001": // deadlock_detected, serialization_failure
			return true
		}
	}
	// Cayley wraps some errors in text only
	s := err.Error()
	return strings.Contains(s, "deadlock detected") || strings.Contains(s, "could not serialize access")
}

// pgWhere builds the WHERE clause of a lookup, with its arguments.
func pgWhere(m match) (string, []any) {
	var conds []string
	var args []any
	for _, f := range []struct {
		col string
		v   quad.Value
	}{{"subject_hash", m.s}, {"predicate_hash", m.p}, {"object_hash", m.o}, {"label_hash", m.label}} {
		if f.v == nil {
			continue
		}
		h := refs.HashOf(f.v)
		args = append(args, h[:])
		conds = append(conds, fmt.Sprintf("q.%s = $%d", f.col, len(args)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// pgNodeCols are the columns of a node value, as Cayley stores it.
const pgNodeCols = `%[1]s.value, %[1]s.value_string, %[1]s.datatype, %[1]s.language, %[1]s.iri, %[1]s.bnode, %[1]s.value_int, %[1]s.value_bool, %[1]s.value_float, %[1]s.value_time`

var pgSelectCols = `SELECT ` + fmt.Sprintf(pgNodeCols, "s") + `, ` + fmt.Sprintf(pgNodeCols, "p") + `, ` + fmt.Sprintf(pgNodeCols, "o") + `, ` + fmt.Sprintf(pgNodeCols, "l")

// pgScanAll reads every quad: hash joins, one pass over each table.
var pgScanAll = pgSelectCols + `
FROM quads q
JOIN nodes s ON s.hash = q.subject_hash
JOIN nodes p ON p.hash = q.predicate_hash
JOIN nodes o ON o.hash = q.object_hash
LEFT JOIN nodes l ON l.hash = q.label_hash`

// pgLookup reads the few quads of a lookup, each value through the
// nodes' primary key. Left to itself the planner estimates a lookup's
// rows from the table's statistics and may hash the whole nodes table
// to join a handful of quads (8 ms at 30k nodes, and growing with them);
// a LIMIT keeps each subquery a lookup of its own.
var pgLookup = pgSelectCols + `
FROM quads q
CROSS JOIN LATERAL (SELECT * FROM nodes WHERE hash = q.subject_hash LIMIT 1) s
CROSS JOIN LATERAL (SELECT * FROM nodes WHERE hash = q.predicate_hash LIMIT 1) p
CROSS JOIN LATERAL (SELECT * FROM nodes WHERE hash = q.object_hash LIMIT 1) o
LEFT JOIN LATERAL (SELECT * FROM nodes WHERE hash = q.label_hash LIMIT 1) l ON true`

// scan calls fn for each quad of m, in the order they were written (the
// order the kv stores' indexes keep).
func (p *pgStore) scan(ctx context.Context, m match, fn func(quad.Quad) error) error {
	where, args := pgWhere(m)
	query := pgLookup
	if where == "" {
		query = pgScanAll
	}
	stmt, err := p.prepared(ctx, query+where+` ORDER BY q.horizon`)
	if err != nil {
		return pgError(p.loc, err)
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return pgError(p.loc, err)
	}
	defer rows.Close()
	var ns [4]pgNode
	ptrs := make([]any, 0, 40)
	for i := range ns {
		ptrs = append(ptrs, ns[i].fields()...)
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		var q quad.Quad
		var err error
		for i, d := range quad.Directions {
			v, derr := ns[i].value()
			if derr != nil {
				err = derr
				break
			}
			q.Set(d, v)
		}
		if err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgNode is one node row; value decodes it as Cayley's NameOf does.
type pgNode struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

func (n *pgNode) fields() []any {
	return []any{&n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

func (n *pgNode) value() (quad.Value, error) {
	switch {
	case n.str.Valid:
		s := strings.ReplaceAll(n.str.String, `\x00`, "\u0000") // Cayley's escape of NUL
		switch {
		case n.iri.Bool:
			return quad.IRI(s), nil
		case n.bnode.Bool:
			return quad.BNode(s), nil
		case n.lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(n.typ.String)}, nil
		}
		return quad.String(s), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time.UTC()), nil
	case n.data == nil:
		return nil, nil // no label
	}
	return pquads.UnmarshalValue(n.data)
}

// Texts, in kg_texts.

func (p *pgStore) keepTexts(ctx context.Context, targets []quad.IRI, a *Article) error {
	for _, t := range targets {
		if a == nil || t != a.IRI {
			if _, err := p.db.ExecContext(ctx, `DELETE FROM kg_texts WHERE article = $1`, string(t)); err != nil {
				return err
			}
		}
	}
	if a == nil {
		return nil
	}
	if a.Text == "" {
		_, err := p.db.ExecContext(ctx, `DELETE FROM kg_texts WHERE article = $1`, string(a.IRI))
		return err
	}
	_, err := p.db.ExecContext(ctx, `INSERT INTO kg_texts VALUES ($1, $2) ON CONFLICT (article) DO UPDATE SET body = EXCLUDED.body WHERE kg_texts.body <> EXCLUDED.body`,
		string(a.IRI), strings.ReplaceAll(a.Text, "\u0000", ""))
	return err
}

func (p *pgStore) text(ctx context.Context, iri quad.IRI) (string, error) {
	var body string
	err := p.db.QueryRowContext(ctx, `SELECT body FROM kg_texts WHERE article = $1`, string(iri)).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNoText
	}
	return body, err
}

// generation counts the write transactions the store has seen.
func (p *pgStore) generation(ctx context.Context) (int64, error) {
	var g int64
	err := p.db.QueryRowContext(ctx, `SELECT generation FROM kg_state WHERE id = 1`).Scan(&g)
	return g, err
}

// articleQuads returns the quads labelled with an article IRI, through
// the label index, in the order ArticleQuads gives them on a kv store:
// the article node's, then each node of its kg:nodes list, then its
// kg:quads lines; quads the manifest does not account for come last, so
// that a removal takes them too.
func (p *pgStore) articleQuads(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	bySubject := map[quad.Value][]quad.Quad{}
	var order []quad.Value
	err := p.scan(ctx, match{label: iri}, func(q quad.Quad) error {
		if _, ok := bySubject[q.Subject]; !ok {
			order = append(order, q.Subject)
		}
		bySubject[q.Subject] = append(bySubject[q.Subject], q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	top := bySubject[iri]
	if len(top) == 0 {
		return nil, nil
	}
	out := append([]quad.Quad(nil), top...)
	done := map[quad.Value]bool{iri: true}
	listed := map[qkey]bool{}
	for _, q := range top {
		switch q.Predicate {
		case schema.NodeList:
			for _, n := range strings.Fields(schema.Text(q.Object)) {
				if v := quad.IRI(n); !done[v] {
					done[v] = true
					out = append(out, bySubject[v]...)
				}
			}
		case schema.QuadList:
			for _, line := range strings.Split(schema.Text(q.Object), "\n") {
				t, err := nquads.Parse(line)
				if err != nil {
					return nil, fmt.Errorf("%s: kg:quads line %q: %w", iri, line, err)
				}
				t.Label = iri
				listed[quadKey(t)] = true
				out = append(out, t)
			}
		}
	}
	for _, sub := range order {
		if done[sub] {
			continue
		}
		for _, q := range bySubject[sub] {
			if !listed[quadKey(q)] {
				out = append(out, q)
			}
		}
	}
	return out, nil
}

// Generation counts the write transactions a PostgreSQL store has seen
// (a replica: those it has replayed), so that a reader can tell whether
// what it read before is still current; ok is false for a directory
// store, whose only writer is the process holding it.
func (s *Store) Generation(ctx context.Context) (n int64, ok bool, err error) {
	if s.pg == nil {
		return 0, false, nil
	}
	n, err = s.pg.generation(ctx)
	return n, err == nil, err
}

// Lag is how far a read-only copy of a PostgreSQL store (a streaming
// replica) is behind its primary.
type Lag struct {
	// Replica says the server is in recovery (a standby); a read
	// endpoint that is not cannot lag in WAL, only in Writes.
	Replica bool `json:"replica"`
	// Writes are kg write transactions the primary has committed and the
	// replica not yet replayed.
	Writes int64 `json:"behind_writes"`
	// Bytes is the WAL between the primary's position and the replica's
	// replay position (any write to the primary's cluster counts).
	Bytes int64 `json:"behind_bytes"`
	// ReplayAge is how long ago the last transaction the replica replayed
	// was committed, while it misses kg writes (0 when it has them all):
	// an upper bound of how stale its answers are.
	ReplayAge float64 `json:"replay_age_seconds"`
}

// LagBehind measures how far s, a reader of a replica, is behind
// primary, a reader of the store it copies.
func (s *Store) LagBehind(ctx context.Context, primary *Store) (Lag, error) {
	var l Lag
	if s.pg == nil || primary.pg == nil {
		return l, errors.New("lag: not PostgreSQL stores")
	}
	var lsn string
	var pgen int64
	if err := primary.pg.db.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text, (SELECT generation FROM kg_state WHERE id = 1)`).Scan(&lsn, &pgen); err != nil {
		return l, pgError(primary.pg.loc, err)
	}
	var gen int64
	var secs sql.NullFloat64
	var bytes sql.NullInt64
	err := s.pg.db.QueryRowContext(ctx, `SELECT pg_is_in_recovery(),
		(SELECT generation FROM kg_state WHERE id = 1),
		pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())::bigint,
		EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8`, lsn).Scan(&l.Replica, &gen, &bytes, &secs)
	if err != nil {
		return l, pgError(s.pg.loc, err)
	}
	l.Writes = max(0, pgen-gen)
	if l.Replica {
		l.Bytes = max(0, bytes.Int64)
		// WAL of other databases or of checkpoints says nothing of kg's
		// data: while the replica has every kg write, it has not lagged
		if l.Writes > 0 {
			l.ReplayAge = max(0, secs.Float64)
		}
	}
	return l, nil
}

// Grant gives a role what it needs in a PostgreSQL store another role
// owns (whoever runs it must own the tables or be a superuser): a
// reader may read every table; a writer may also load and remove
// articles, which changes rows of every table but kg_meta. Neither may
// change the tables themselves.
func Grant(loc, role string, write bool) error {
	ctx := context.Background()
	db, _, err := pgConnect(ctx, loc, false)
	if err != nil {
		return err
	}
	defer db.Close()
	r := pq.QuoteIdentifier(role)
	stmts := []string{`GRANT SELECT ON nodes, quads, kg_meta, kg_texts, kg_state TO ` + r}
	if write {
		stmts = append(stmts,
			`GRANT INSERT, UPDATE, DELETE ON nodes, quads, kg_texts, kg_state TO `+r,
			`GRANT USAGE ON SEQUENCE quads_horizon_seq TO `+r)
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return pgError(loc, fmt.Errorf("%s: %w", s, err))
		}
	}
	return nil
}
