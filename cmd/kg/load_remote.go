package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgnews/kg/server"
)

// loadRemote is kg load --server: each file is read and checked here, as a
// local load does, then posted to the server, which extracts and writes it
// in one transaction. The store is never opened.
func loadRemote(c *cli.Context, base string, pub time.Time, inputs []input) error {
	u, err := url.Parse(strings.TrimSuffix(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return cli.Exit(fmt.Sprintf("load: --server %q is not a URL such as http://127.0.0.1:7070", base), 2)
	}
	client := &http.Client{Timeout: 5 * time.Minute}
	failed := 0
	for _, in := range inputs {
		err := in.err
		if err == nil {
			err = postArticle(c, client, u, in.name, pub)
		}
		if err != nil {
			fmt.Fprintf(c.App.ErrWriter, "kg: load %s: %v\n", in.name, err)
			failed++
		}
	}
	if failed > 0 {
		return cli.Exit(fmt.Sprintf("load: %d of %d file(s) failed; the store holds none of their facts", failed, len(inputs)), 1)
	}
	return nil
}

func postArticle(c *cli.Context, client *http.Client, base *url.URL, name string, pub time.Time) error {
	in, err := readInput(name, c.String("format"))
	if err != nil {
		return err
	}
	q := url.Values{}
	q.Set("name", filepath.Base(name))
	if name == "-" {
		q.Set("name", "stdin")
	}
	// The absolute path lets the server replace what an earlier version of
	// this file loaded, as a local load does; it never opens it.
	if in.Path != "" {
		q.Set("source", in.Path)
	}
	if id := c.String("id"); id != "" {
		q.Set("id", id)
	}
	if !pub.IsZero() {
		q.Set("date", pub.Format("2006-01-02"))
	}
	if f := c.String("format"); f != "" {
		q.Set("format", f)
	}
	target := base.JoinPath("api", "articles")
	target.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(c.Context, http.MethodPost, target.String(), bytes.NewReader(in.Data))
	if err != nil {
		return err
	}
	// not text/plain: the server refuses the types a web form could send
	req.Header.Set("Content-Type", "application/octet-stream")
	if t := c.String("token"); t != "" {
		req.Header.Set("Authorization", "Bearer "+t)
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("server %s: %w", base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("server %s: %w", base, err)
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			return fmt.Errorf("server %s: %s", base, strings.TrimPrefix(e.Error, "load: "))
		}
		return fmt.Errorf("server %s answered %s", base, resp.Status)
	}
	var lr server.LoadResponse
	if err := json.Unmarshal(body, &lr); err != nil {
		return fmt.Errorf("server %s: unexpected answer: %v", base, err)
	}
	for _, w := range lr.Warnings {
		fmt.Fprintf(c.App.ErrWriter, "kg: load %s: warning: %s\n", name, w)
	}
	elapsed := time.Since(start).Round(time.Millisecond)
	facts := ""
	if lr.Facts > 0 {
		facts = fmt.Sprintf("%d facts, ", lr.Facts)
	}
	for _, a := range lr.Articles {
		switch a.Status {
		case "unchanged":
			logf(c, "%s: unchanged (%salready in the store) as <%s> (server %s)", name, facts, a.Article, base)
		case "replaced":
			logf(c, "%s: replaced <%s>: %s+%d -%d quads in %v (server %s)", name, a.Article, facts, a.Added, a.Removed, elapsed, base)
		default:
			logf(c, "%s: loaded <%s>: %s%d quads in %v (server %s)", name, a.Article, facts, a.Added, elapsed, base)
		}
	}
	return nil
}
