package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/kgnews/kg/server/web"
)

// need skips a test whose tool is missing, except in CI (CI=true), where
// .ci/run has just installed it and a skip would hide a broken set-up.
func need(t *testing.T, ok bool, why string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// chromium finds Debian's Chromium (KG_CHROMIUM overrides).
func chromium() string {
	if p := os.Getenv("KG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifacts is where the browser test leaves its screenshots: KG_ARTIFACTS,
// else testdata-out/ at the top of the repository (ignored by git).
func artifacts(t *testing.T) string {
	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "testdata-out")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestPageInChromium drives the page as an analyst would, in headless
// Chromium: search किम, see Putin drawn in Kim's network, open the
// timeline (the June 2024 treaty signing before the August 2025 call),
// click the line between Kim and Putin and read its Hindi evidence.
func TestPageInChromium(t *testing.T) {
	chrome := chromium()
	need(t, chrome != "", "Chromium is not installed (Debian package chromium; .ci/run installs it)")
	need(t, web.Built(), "the page's script is not built: run go generate ./server/web")
	s := start(t, 2)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		// This machine's network is closed: without these Chromium keeps
		// trying to reach Google's services.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(alloc)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Every script error on the page fails the test. The listener only
	// records: it runs inside chromedp's event loop.
	var mu sync.Mutex
	var jsErrors []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			defer mu.Unlock()
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			jsErrors = append(jsErrors, msg)
		}
	}); err != nil {
		t.Fatalf("start Chromium (%s): %v", chrome, err)
	}
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range jsErrors {
			t.Errorf("script error on the page: %s", e)
		}
	}()

	// 1. Search किम and pick the suggestion.
	const option = chromedp.CSS(`#suggestions li[role=option]`)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`#q`)),
		chromedp.WaitReady(chromedp.CSS(`body[data-state="idle"]`)),
		chromedp.SendKeys(chromedp.CSS(`#q`), "किम"),
		chromedp.WaitVisible(option),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	suggestion, err := chromedp.Run(ctx, chromedp.Text(option))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(suggestion, "Kim Jong-un") || !strings.Contains(suggestion, "किम जोंग-उन") {
		t.Errorf("first suggestion for किम: %q, want Kim Jong-un in English and Hindi", suggestion)
	}
	shot(t, ctx, "kg-serve-search.png")
	if err := chromedp.Do(ctx,
		chromedp.Click(option),
		chromedp.WaitReady(chromedp.CSS(`body[data-state="ready"]`)),
	); err != nil {
		t.Fatalf("open Kim's network: %v", err)
	}

	// 2. Putin is drawn, inside the visible part of the network.
	type drawn struct {
		Found, Visible       bool
		X1, X2, Y1, Y2, W, H float64
		Root                 string
		Nodes, Edges         int
	}
	putin, err := chromedp.Run(ctx, chromedp.Evaluate[drawn](`(() => {
		const cy = kgPage.cy;
		const n = cy.nodes().filter(n => n.data('label_en') === 'Vladimir Putin');
		const out = {Found: n.nonempty(), Root: cy.nodes('.root').data('label_en'), Nodes: cy.nodes().length, Edges: cy.edges().length, W: cy.width(), H: cy.height()};
		if (n.empty()) return out;
		const bb = n.renderedBoundingBox();
		return Object.assign(out, {Visible: n.visible(), X1: bb.x1, X2: bb.x2, Y1: bb.y1, Y2: bb.y2});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if putin.Root != "Kim Jong-un" {
		t.Errorf("the network is centred on %q", putin.Root)
	}
	if !putin.Found || !putin.Visible || putin.X1 < 0 || putin.Y1 < 0 || putin.X2 > putin.W || putin.Y2 > putin.H {
		t.Errorf("Vladimir Putin is not drawn in view: %+v", putin)
	}

	// 3. The timeline, opened from its tab: the treaty signing of June 2024
	// before the phone call of August 2025.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#tab-timeline`)),
		chromedp.WaitVisible(chromedp.CSS(`#timeline-list`)),
	); err != nil {
		t.Fatalf("timeline: %v", err)
	}
	entries, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#timeline-list li.event')).map(li => li.dataset.date + ' ' + li.querySelector('.what').textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	timelineHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('timeline').hidden`))
	if err != nil {
		t.Fatal(err)
	}
	treaty, call := -1, -1
	for i, e := range entries {
		switch {
		case strings.HasPrefix(e, "2024-06 Treaty signing") && treaty < 0:
			treaty = i
		case strings.HasPrefix(e, "2025-08 Phone call") && call < 0:
			call = i
		}
	}
	if timelineHidden || treaty < 0 || call < 0 || treaty > call {
		t.Errorf("timeline (hidden %v): treaty signing at %d, phone call at %d in %q", timelineHidden, treaty, call, entries)
	}
	shot(t, ctx, "kg-serve-timeline.png")

	// 4. Click the line "Kim spoke with Putin" where it is drawn: the
	// evidence panel comes forward with its Hindi sentence.
	at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
		const cy = kgPage.cy;
		const e = cy.edges().filter(e => e.data('label') === 'spoke with' && e.source().data('label_en') === 'Kim Jong-un' && e.target().data('label_en') === 'Vladimir Putin');
		if (e.empty()) return [];
		const p = e.renderedMidpoint(), r = cy.container().getBoundingClientRect();
		return [r.left + p.x, r.top + p.y];
	})()`))
	if err != nil || len(at) != 2 {
		t.Fatalf("no drawn line 'Kim spoke with Putin' (%v)", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.MouseClickXY(at[0], at[1]),
		chromedp.WaitVisible(chromedp.CSS(`#evidence-sentences`)),
	); err != nil {
		t.Fatalf("click the line: %v", err)
	}
	claim, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#evidence-claim`)))
	if err != nil {
		t.Fatal(err)
	}
	evidence, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#evidence-sentences`)))
	if err != nil {
		t.Fatal(err)
	}
	evidenceHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('evidence').hidden`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(claim, "spoke with") || evidenceHidden {
		t.Errorf("after clicking the line the panel says %q (hidden %v)", claim, evidenceHidden)
	}
	if !strings.Contains(evidence, "पुतिन के साथ फोन पर बातचीत") {
		t.Errorf("evidence of Kim spoke with Putin: %q", evidence)
	}
	shot(t, ctx, "kg-serve-evidence.png")

	// 5. Events drawn as nodes: the phone call is a node of its own.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.getElementById('events'); s.value = 'nodes'; s.dispatchEvent(new Event('change')); return document.body.dataset.state === 'loading'; })()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(`body[data-state="ready"]`))); err != nil {
		t.Fatalf("events as nodes: %v", err)
	}
	calls, err := chromedp.Run(ctx, chromedp.Evaluate[int](`kgPage.cy.nodes('.event.PhoneCall').length`))
	if err != nil || calls != 1 {
		t.Errorf("events as nodes: %d phone call nodes (%v)", calls, err)
	}
	shot(t, ctx, "kg-serve-event-nodes.png")

	// 6. A link to a view opens it.
	if err := chromedp.Do(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(s.URL+"/#root="+putinIRI+"&depth=1"),
		chromedp.WaitReady(chromedp.CSS(`body[data-state="ready"]`)),
	); err != nil {
		t.Fatalf("open a link to Putin's network: %v", err)
	}
	root, err := chromedp.Run(ctx, chromedp.Evaluate[string](`kgPage.cy.nodes('.root').data('label_en') + ' ' + document.getElementById('depth').value`))
	if err != nil || root != "Vladimir Putin 1" {
		t.Errorf("a link to Putin's network at depth 1 opened %q (%v)", root, err)
	}
}

// shot saves a screenshot of the page as a test artifact.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	path := filepath.Join(artifacts(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Error(err)
		return
	}
	t.Logf("screenshot: %s", path)
}
