package loaders_test

import (
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/kgnews/kg/loaders"
)

// BenchmarkStartup times what a new kg process pays before and for its
// first article, without the store: it starts this test binary afresh
// (TestStartupChild), which reads extraction's data side by side as `kg
// load` does (the NER model, the lexicon, the frames, the word lists) and
// extracts the seed article. It reports the child's wall time and CPU
// time (user + system) per process; the machine is shared, so the CPU
// time says more than the wall time.
func BenchmarkStartup(b *testing.B) {
	var cpu time.Duration
	start := time.Now()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartupChild$", "-test.count=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	n := float64(b.N)
	b.ReportMetric(float64(time.Since(start).Milliseconds())/n, "wall-ms/process")
	b.ReportMetric(float64(cpu.Microseconds())/1e3/n, "cpu-ms/process")
}

// TestStartupChild is BenchmarkStartup's child process, and a test of its
// own: the data reads kg load starts side by side succeed together, and
// the seed article then extracts.
func TestStartupChild(t *testing.T) {
	var wg sync.WaitGroup
	reads := loaders.DataReads()
	errs := make([]error, len(reads))
	for k, f := range reads {
		wg.Add(1)
		go func() { defer wg.Done(); errs[k] = f() }()
	}
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			t.Fatalf("data read %d: %v", k, err)
		}
	}
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := loaders.Input{Name: "seed.txt", Data: data}
	f, _ := loaders.FormatFor(in)
	res, err := f.Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Facts == 0 {
		t.Fatalf("the seed article gave %d articles, %d facts", len(res.Articles), res.Facts)
	}
}
