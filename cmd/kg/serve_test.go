package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startServe runs kg serve on a free loopback port and returns its URL,
// read from the line it prints on standard output. The server is stopped
// with SIGTERM at the end of the test and must exit cleanly.
func startServe(t *testing.T, db string, args ...string) string {
	t.Helper()
	// a query deadline that only catches a hang (the default is 30 s): a
	// query of kg serve's past half a second runs at the least CPU
	// priority, and beside stress, over PostgreSQL, that can be slow
	cmd := exec.Command(kgBin, append([]string{"--db", db, "serve", "--addr", "127.0.0.1:0", "--workers", "2", "--timeout", "10m"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		urls <- strings.TrimSpace(line)
		io.Copy(io.Discard, out)
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(3 * time.Minute): // only catches a hang
		cmd.Process.Kill()
		t.Fatalf("kg serve printed no URL: %s", errb.String())
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		cmd.Process.Kill()
		t.Fatalf("kg serve printed %q: %s", url, errb.String())
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("kg serve after SIGTERM: %v: %s", err, errb.String())
			}
		case <-time.After(2 * time.Minute): // only catches a hang
			cmd.Process.Kill()
			t.Errorf("kg serve did not stop on SIGTERM")
		}
	})
	return url
}

// TestServeOwnsTheStore: while kg serve runs, kg load on its store fails
// at once naming the server, and kg load --server sends the article to it.
func TestServeOwnsTheStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errs, code := kg(t, db, "", "load", "testdata/seed.txt"); code != 0 {
		t.Fatalf("load: %s", errs)
	}
	url := startServe(t, db, "--token", "tok")

	_, errs, code := kg(t, db, "", "load", "testdata/second.txt")
	if code == 0 || !strings.Contains(errs, "kg serve") || !strings.Contains(errs, url) || !strings.Contains(errs, "--server") {
		t.Errorf("kg load on a served store: exit %d: %s", code, errs)
	}

	_, errs, code = kg(t, db, "", "load", "--server", url, "testdata/second.txt")
	if code == 0 || !strings.Contains(errs, "token") {
		t.Errorf("kg load --server without the token: exit %d: %s", code, errs)
	}
	_, errs, code = kg(t, db, "", "load", "--server", url, "--token", "tok", "testdata/second.txt", "testdata/missing.txt")
	if code != 1 || !strings.Contains(errs, "second.txt: loaded <https://kg.example.org/article/") || !strings.Contains(errs, "missing.txt: no such file") {
		t.Errorf("kg load --server: exit %d: %s", code, errs)
	}
	_, errs, code = kg(t, db, "", "load", "--server", url+"/", "--token", "tok", "testdata/second.txt")
	if code != 0 || !strings.Contains(errs, "second.txt: unchanged") {
		t.Errorf("kg load --server again: exit %d: %s", code, errs)
	}
	resp, err := http.Get(url + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Articles int }
	json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if st.Articles != 2 {
		t.Errorf("the server holds %d articles, want 2", st.Articles)
	}
	_, errs, code = kg(t, db, "", "load", "--server", "ftp://x", "testdata/second.txt")
	if code != 2 || !strings.Contains(errs, "not a URL") {
		t.Errorf("a bad --server: exit %d: %s", code, errs)
	}
}

func TestServeRefusesOpenWritesOffLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errs, code := kg(t, db, "", "serve", "--addr", "0.0.0.0:0", "--allow-writes-without-token")
	if code != 2 || !strings.Contains(errs, "loopback") {
		t.Errorf("exit %d: %s", code, errs)
	}
	_, errs, code = kg(t, db, "", "serve", "--max-body", "lots")
	if code != 2 || !strings.Contains(errs, "--max-body") {
		t.Errorf("bad --max-body: exit %d: %s", code, errs)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "8MiB": 8 << 20, "512KiB": 512 << 10, "1GiB": 1 << 30, "64mb": 64 << 20, "10 K": 10 << 10} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5", "lots", "8XB", "99999999GiB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) took it", in)
		}
	}
}
