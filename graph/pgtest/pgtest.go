// Package pgtest gives tests a real PostgreSQL server: a fresh database
// for each test (Require), and throw-away clusters in directories of
// their own, with streaming replicas (Start, StartReplica).
//
// The server Require uses is $KG_TEST_PG, a connection string of a role
// that may create databases (.ci/run starts one), else a cluster the
// test process starts on a loopback port from Debian's PostgreSQL
// binaries and stops at its end (Main). Where there is neither, tests
// skip on a developer's machine and fail in CI (CI=true), as
// export/exporttest.Require does for readers.
package pgtest

import (
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	_ "github.com/lib/pq"
)

// Env names the server Require uses, when set.
const Env = "KG_TEST_PG"

var (
	mainRuns   bool // Main stops the shared cluster
	shared     *Cluster
	sharedErr  error
	sharedOnce sync.Once
	dbCount    atomic.Int64
)

// Main runs a package's tests and stops the cluster Require started, if
// it started one: call it from TestMain.
func Main(m *testing.M) int {
	mainRuns = true
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	return code
}

// Available reports whether tests can have a server, and why not.
func Available() (bool, string) {
	if os.Getenv(Env) != "" {
		return true, ""
	}
	if _, err := Bin("pg_ctl"); err != nil {
		return false, err.Error()
	}
	return true, ""
}

// Skip stops a test that needs PostgreSQL where there is none: a skip on
// a developer's machine, a failure under CI=true.
func Skip(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("PostgreSQL is needed: %s; .ci/run installs it and sets %s", why, Env)
	}
	t.Skipf("PostgreSQL is not available (%s): apt-get install postgresql, or set %s", why, Env)
}

// Require returns the connection string of a new, empty database for
// the test, dropped when it ends. Without $KG_TEST_PG the database is on
// a cluster shared by the package's tests when its TestMain calls Main,
// else on a cluster of the test's own.
func Require(t testing.TB) string {
	t.Helper()
	admin := os.Getenv(Env)
	if admin == "" {
		if ok, why := Available(); !ok {
			Skip(t, why)
		}
		if !mainRuns {
			c, err := Start(TempDir(t), nil)
			if err != nil {
				t.Fatalf("start a PostgreSQL cluster: %v", err)
			}
			t.Cleanup(func() { c.Stop() })
			admin = c.DSN("postgres")
			name := "kg_test"
			if err := CreateDatabase(admin, name, ""); err != nil {
				t.Fatal(err)
			}
			return WithDatabase(admin, name)
		}
		sharedOnce.Do(func() {
			dir, err := os.MkdirTemp("", "kg-pgtest-")
			if err != nil {
				sharedErr = err
				return
			}
			shared, sharedErr = Start(dir, nil)
		})
		if sharedErr != nil {
			t.Fatalf("start a PostgreSQL cluster: %v", sharedErr)
		}
		admin = shared.DSN("postgres")
	}
	name := fmt.Sprintf("kg_test_%d_%d", os.Getpid(), dbCount.Add(1))
	if err := CreateDatabase(admin, name, ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { DropDatabase(admin, name) })
	return WithDatabase(admin, name)
}

// CreateDatabase creates a database, owned by owner when given.
func CreateDatabase(admin, name, owner string) error {
	db, err := sql.Open("postgres", admin)
	if err != nil {
		return err
	}
	defer db.Close()
	stmt := "CREATE DATABASE " + quoteIdent(name)
	if owner != "" {
		stmt += " OWNER " + quoteIdent(owner)
	}
	if _, err := db.Exec(stmt); err != nil {
		return fmt.Errorf("%s: %w", stmt, err)
	}
	return nil
}

// DropDatabase drops a database, closing its connections.
func DropDatabase(admin, name string) error {
	db, err := sql.Open("postgres", admin)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("DROP DATABASE IF EXISTS " + quoteIdent(name) + " WITH (FORCE)")
	return err
}

// Exec runs statements on a database.
func Exec(dsn string, stmts ...string) error {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// WithDatabase is a URL connection string with another database (and
// user, if given as user@).
func WithDatabase(dsn, name string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		return dsn + " dbname=" + name
	}
	u.Path = "/" + name
	return u.String()
}

// WithUser is a URL connection string with another user.
func WithUser(dsn, user string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	u.User = url.User(user)
	return u.String()
}

// Bin finds one of PostgreSQL's programs: on PATH, else in Debian's
// /usr/lib/postgresql/VERSION/bin (the newest).
func Bin(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found (on PATH or in /usr/lib/postgresql/*/bin)", name)
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Cluster is a PostgreSQL server of its own: a data directory, a loopback
// port, trust authentication for the superuser "kg", no Unix socket.
type Cluster struct {
	Dir  string // the data directory is Dir/data
	Port int
	cred *syscall.Credential
}

// DSN is the connection string of one of the cluster's databases.
func (c *Cluster) DSN(db string) string {
	return fmt.Sprintf("postgres://kg@127.0.0.1:%d/%s?sslmode=disable", c.Port, db)
}

// Data is the cluster's data directory.
func (c *Cluster) Data() string { return filepath.Join(c.Dir, "data") }

// Start creates a cluster in dir (which it owns: Stop removes it) and
// starts it on a free loopback port, with settings added to its
// configuration. PostgreSQL refuses to run as root: as root, the
// cluster runs as the user postgres (or nobody).
func Start(dir string, settings map[string]string) (*Cluster, error) {
	c := &Cluster{Dir: dir}
	cred, err := serverUser()
	if err != nil {
		return nil, err
	}
	c.cred = cred
	if err := c.own(); err != nil {
		return nil, err
	}
	initdb, err := Bin("initdb")
	if err != nil {
		return nil, err
	}
	if out, err := c.run(initdb, "-D", c.Data(), "-U", "kg", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	if err := c.configure(settings); err != nil {
		return nil, err
	}
	return c, c.start()
}

// StartReplica makes a streaming replica of a running cluster in dir
// (pg_basebackup -R: standby.signal and primary_conninfo) and starts it
// on a port of its own.
func StartReplica(primary *Cluster, dir string) (*Cluster, error) {
	c := &Cluster{Dir: dir, cred: primary.cred}
	if err := c.own(); err != nil {
		return nil, err
	}
	bb, err := Bin("pg_basebackup")
	if err != nil {
		return nil, err
	}
	if out, err := c.run(bb, "-h", "127.0.0.1", "-p", strconv.Itoa(primary.Port), "-U", "kg", "-D", c.Data(), "-R", "-X", "stream", "--no-sync"); err != nil {
		return nil, fmt.Errorf("pg_basebackup: %v: %s", err, out)
	}
	return c, c.start()
}

// configure appends settings to postgresql.conf: a free port, loopback
// only, no socket, and no fsync (a test's cluster does not outlive a
// power cut).
func (c *Cluster) configure(settings map[string]string) error {
	conf := map[string]string{
		"listen_addresses":        "'127.0.0.1'",
		"unix_socket_directories": "''",
		"fsync":                   "off",
		"synchronous_commit":      "off",
		"full_page_writes":        "off",
		"max_connections":         "200",
		"log_min_messages":        "warning",
	}
	for k, v := range settings {
		conf[k] = v
	}
	var b strings.Builder
	b.WriteString("\n# pgtest\n")
	keys := make([]string, 0, len(conf))
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s = %s\n", k, conf[k])
	}
	f, err := os.OpenFile(filepath.Join(c.Data(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(b.String())
	return err
}

func (c *Cluster) start() error {
	pgctl, err := Bin("pg_ctl")
	if err != nil {
		return err
	}
	for attempt := 0; ; attempt++ {
		port, err := freePort()
		if err != nil {
			return err
		}
		c.Port = port
		out, err := c.run(pgctl, "start", "-w", "-t", "300", "-D", c.Data(), "-l", filepath.Join(c.Dir, "log"),
			"-o", fmt.Sprintf("-p %d", port))
		if err == nil {
			return nil
		}
		if attempt == 2 {
			log, _ := os.ReadFile(filepath.Join(c.Dir, "log"))
			return fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log)
		}
	}
}

// Stop stops the cluster and removes its directory.
func (c *Cluster) Stop() error {
	err := c.Halt()
	if rerr := os.RemoveAll(c.Dir); err == nil {
		err = rerr
	}
	return err
}

// Halt stops the server, keeping its directory.
func (c *Cluster) Halt() error {
	pgctl, err := Bin("pg_ctl")
	if err != nil {
		return err
	}
	if out, err := c.run(pgctl, "stop", "-w", "-t", "300", "-m", "fast", "-D", c.Data()); err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// run runs one of PostgreSQL's programs as the server's user.
func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
		return out, err
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		<-done
		return out, errors.New("timed out")
	}
}

// own makes dir the server user's.
func (c *Cluster) own() error {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return err
	}
	if c.cred != nil {
		return os.Chown(c.Dir, int(c.cred.Uid), int(c.cred.Gid))
	}
	return nil
}

// serverUser is the user the server runs as: this process's, unless it
// is root.
func serverUser() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
	}
	return nil, errors.New("running as root, and there is no user postgres or nobody to run the server as")
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// TempDir is a directory for a cluster the server's user can reach
// (a test's own TempDir sits under directories only its user may enter),
// removed when the test ends.
func TempDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "kg-pgtest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
