package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// clashCorpus writes, into dir, three pairs of texts whose derived ids
// clash (a running story's updates: the titles differ only past the
// slug's length, on one day) and two texts that clash with nothing. In
// the walk's order each pair is adjacent, "a" before "b": inputs 0-1,
// 2-3 and 4-5 are the pairs.
func clashCorpus(t *testing.T, dir string) {
	t.Helper()
	stems := []string{
		"नगर परिषद ने नदी पुल के नए बजट पर मतदान किया और शहर के लोगों ने अपनी राय रखी",
		"राज्य के किसानों ने नई सिंचाई योजना के विरोध में राजधानी तक लंबी पैदल यात्रा शुरू की",
		"विश्वविद्यालय के छात्रों ने परीक्षा की तारीखें बदलने की मांग को लेकर धरना जारी रखा",
	}
	write := func(name, title, body string) {
		text := fmt.Sprintf("date 2025-03-04 देश\n\n%s\n\n%s\n", title, body)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for k, stem := range stems {
		for _, part := range []string{"a", "b"} {
			write(fmt.Sprintf("p%d%s.txt", k+1, part), stem+" भाग "+part,
				fmt.Sprintf("भोपाल: नगर के अध्यक्ष रमेश कुमार ने सोमवार को भोपाल में इस मामले पर बयान दिया। अपडेट %d%s में विपक्ष के नेता सुरेश वर्मा ने विरोध किया।", k+1, part))
		}
	}
	write("q1.txt", "इंदौर में नए अस्पताल का उद्घाटन हुआ", "इंदौर: स्वास्थ्य मंत्री अनिल शर्मा ने मंगलवार को इंदौर में नए अस्पताल का उद्घाटन किया।")
	write("q2.txt", "पटना में पुस्तक मेला शुरू हुआ", "पटना: लेखिका मीना सिंह ने बुधवार को पटना में पुस्तक मेले का उद्घाटन किया।")
}

// loadInProcess runs `kg --db db load -j jobs dir` in this process (so that
// testHookSend reaches its workers) and fails the test if it fails.
func loadInProcess(t *testing.T, db, dir string, jobs int) string {
	t.Helper()
	app := newApp()
	var errb bytes.Buffer
	app.Writer, app.ErrWriter = io.Discard, &errb
	if err := app.Run([]string{"kg", "--db", db, "load", "-j", fmt.Sprint(jobs), dir}); err != nil {
		t.Fatalf("load -j %d: %v\n%s", jobs, err, errb.String())
	}
	return errb.String()
}

// sortedExport is the store's N-Quads export, its lines sorted.
func sortedExport(t *testing.T, db string) string {
	t.Helper()
	out, errs, code := kg(t, db, "", "export", "--format", "nquads")
	if code != 0 {
		t.Fatal(errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// A corpus load gives the same store whatever the number of workers and
// the order they finish in: of two texts with one derived id, the one
// first in the input order keeps the plain id. The hook makes the workers
// finish each pair out of order (the second text's result reaches the
// writer first), deterministically, by a channel: a writer that took the
// results as they came gave the plain id to the second text.
func TestCorpusLoadClashIdsIndependentOfWorkerOrder(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	clashCorpus(t, corpus)

	serialDB := filepath.Join(dir, "serial.db")
	loadInProcess(t, serialDB, corpus, 1)
	want := sortedExport(t, serialDB)
	// the serial load is the reference: the first of each pair keeps the
	// plain id, the second's id ends with a hash of its text
	for k := 1; k <= 3; k++ {
		for _, part := range []string{"a", "b"} {
			src := filepath.Join(corpus, fmt.Sprintf("p%d%s.txt", k, part))
			n := strings.Count(want, `"`+src+`"`)
			if n == 0 {
				t.Fatalf("the serial load's export names no article from %s", src)
			}
		}
	}
	if got := strings.Count(want, "-matdan-kiya-aur>"); got == 0 {
		t.Fatalf("no article has pair 1's plain id:\n%.2000s", want)
	}

	for _, c := range []struct {
		jobs     int
		reversed bool
	}{{4, false}, {2, true}, {4, true}} {
		db := filepath.Join(dir, fmt.Sprintf("j%d-%v.db", c.jobs, c.reversed))
		var mu sync.Mutex
		var order []int // the order the results reached the writer's channel
		if c.reversed {
			done := []chan struct{}{make(chan struct{}), make(chan struct{}), make(chan struct{})}
			testHookSend = func(i int, send func()) {
				switch {
				case i < 6 && i%2 == 0: // the first of a pair waits for the second
					<-done[i/2]
					mu.Lock()
					order = append(order, i)
					mu.Unlock()
					send()
				case i < 6:
					mu.Lock()
					order = append(order, i)
					mu.Unlock()
					send()
					close(done[i/2])
				default:
					send()
				}
			}
		}
		errs := loadInProcess(t, db, corpus, c.jobs)
		testHookSend = nil
		if c.reversed {
			// the hook did reverse each pair
			pos := map[int]int{}
			for p, i := range order {
				pos[i] = p
			}
			for k := 0; k < 6; k += 2 {
				if pos[k] < pos[k+1] {
					t.Fatalf("-j %d: input %d reached the writer before %d (order %v): the hook did not reverse the pair", c.jobs, k, k+1, order)
				}
			}
		}
		if got := sortedExport(t, db); got != want {
			t.Errorf("-j %d (pairs finished out of order: %v): the export differs from the serial load's\n%s", c.jobs, c.reversed, firstDiff(want, got))
			t.Logf("load output:\n%s", errs)
		}
	}
}

// firstDiff shows the first line where two sorted dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  serial: %s\n  this:   %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}
