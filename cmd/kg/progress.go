package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	xterm "golang.org/x/term"
)

// progress shows how far a long load is: a bar on a terminal (files done
// of the total, files/s, time left), a plain line every few seconds
// otherwise (a log, a CI job), nothing when the load prints a line per
// file anyway or --quiet is given.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar
	plain bool
	total int
	done  int
	start time.Time
	last  time.Time
}

// plainEvery is how often a load that is not on a terminal says how far it is.
const plainEvery = 5 * time.Second

func newProgress(c *cli.Context, total int, show bool) *progress {
	p := &progress{w: c.App.ErrWriter, total: total, start: time.Now()}
	p.last = p.start
	if !show || c.Bool("quiet") {
		return p
	}
	if f := terminalFile(c.App.ErrWriter); f != nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionFullWidth(),
			progressbar.OptionClearOnFinish(),
		)
		return p
	}
	p.plain = true
	return p
}

// terminalFile is the terminal w writes to, or nil. kg's messages go
// through a writer that escapes control characters (termSafe): the bar,
// whose carriage returns and escape sequences are the point, is drawn on
// the terminal under it.
func terminalFile(w io.Writer) *os.File {
	if t, ok := w.(*termSafe); ok {
		w = t.w
	}
	if f, ok := w.(*os.File); ok && xterm.IsTerminal(int(f.Fd())) {
		return f
	}
	return nil
}

func (p *progress) add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	switch {
	case p.bar != nil:
		_ = p.bar.Add(n)
	case p.plain && time.Since(p.last) >= plainEvery:
		p.last = time.Now()
		el := time.Since(p.start)
		rate := float64(p.done) / el.Seconds()
		left := ""
		if rate > 0 && p.done < p.total {
			left = fmt.Sprintf(", about %v left", (time.Duration(float64(p.total-p.done) / rate * float64(time.Second))).Round(time.Second))
		}
		fmt.Fprintf(p.w, "kg: load: %s of %s files (%.0f/s%s)\n", thousands(p.done), thousands(p.total), rate, left)
	}
}

// println prints a line above the bar.
func (p *progress) println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
		fmt.Fprintln(p.w, line)
		_ = p.bar.RenderBlank()
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
