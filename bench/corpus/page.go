package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's Chromium (KG_CHROMIUM overrides), "" if none.
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

// pageTime opens the page on an entity's network at depth 2 in headless
// Chromium and returns how long the page took from asking for the network
// to having drawn it (the page measures it, in its data-drawn-ms).
func pageTime(chrome, srv, root string) (float64, error) {
	dir, err := os.MkdirTemp("", "kg-bench-chromium-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(dir), chromedp.WindowSize(1440, 900))
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv+"/#root="+url.QueryEscape(root)+"&depth=2"),
		chromedp.WaitReady(chromedp.CSS(`body[data-state="ready"]`)),
	); err != nil {
		return 0, fmt.Errorf("page: %w", err)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.dataset.drawnMs`))
	if err != nil {
		return 0, fmt.Errorf("page: %w", err)
	}
	return strconv.ParseFloat(drawn, 64)
}
