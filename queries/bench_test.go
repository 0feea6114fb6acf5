package queries

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/queries/runner"
)

// benchStore is a generated store of 250 synthetic articles (over 100k
// quads), made once per test binary run.
var benchStore struct {
	once sync.Once
	dir  string
	err  error
}

func bigStore(b *testing.B) string { return bigStoreT(b) }

func bigStoreT(b testing.TB) string {
	benchStore.once.Do(func() {
		dir, err := os.MkdirTemp("", "kg-bench-")
		if err != nil {
			benchStore.err = err
			return
		}
		benchStore.dir = filepath.Join(dir, "db")
		benchStore.err = fixture.Write(benchStore.dir, fixture.Synthetic(250))
	})
	if benchStore.err != nil {
		b.Fatal(benchStore.err)
	}
	return benchStore.dir
}

// BenchmarkCanned times each canned query end to end through a worker
// (store opened per query, as kg query and kg repl run them) on the
// generated store, and reports the median as well as the mean.
func BenchmarkCanned(b *testing.B) {
	dir := bigStore(b)
	st, err := graph.OpenReader(dir, time.Second)
	if err != nil {
		b.Fatal(err)
	}
	ents, err := st.Entities(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var quads int
	st.Each(ctx, func(quad.Quad) error { quads++; return nil })
	st.Close()
	if quads < 100000 {
		b.Fatalf("generated store has %d quads, want at least 100k", quads)
	}
	b.Logf("store: %d quads, %d entities", quads, len(ents))
	pool, err := runner.New(runner.SelfOptions(dir, 1))
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	cases := []struct {
		name string
		argv []string
	}{
		{"relationships", []string{"relationships", fixture.SynthLabel(11)}},
		{"relationships-hub", []string{"relationships", fixture.SynthLabel(0)}}, // in all 250 articles
		{"timeline", []string{"timeline"}},
		{"timeline-entity", []string{"timeline", fixture.SynthLabel(0), "--from", "2020"}},
		{"path", []string{"path", fixture.SynthLabel(11), fixture.SynthLabel(1500)}},
		{"neighbours", []string{"neighbours", fixture.SynthLabel(11), "--depth", "2"}},
		{"evidence", []string{"evidence", fixture.SynthLabel(0), fixture.SynthLabel(11)}},
		{"claims", []string{"claims", fixture.SynthLabel(1)}},
		{"entities", []string{"entities", "--match", "entity 1"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			q, _ := Get(c.argv[0])
			args, _, err := q.ParseArgs(c.argv[1:])
			if err != nil {
				b.Fatal(err)
			}
			script, err := q.Bind(context.Background(), args, AllEntities(ents), Page{})
			if err != nil {
				b.Fatal(err)
			}
			var times []time.Duration
			rows := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				res, err := pool.Run(ctx, runner.Query{Script: script, Limit: 1000, Timeout: time.Minute})
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				rows = len(res.Rows)
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
