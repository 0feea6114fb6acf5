package loaders_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders"
)

func seedInput(b *testing.B, id string) loaders.Input {
	data, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	return loaders.Input{Name: "seed.txt", Data: data, ID: id}
}

func parse(b *testing.B, in loaders.Input) *graph.Article {
	f, _ := loaders.FormatFor(in)
	res, err := f.Parse(in)
	if err != nil {
		b.Fatal(err)
	}
	return res.Articles[0]
}

// BenchmarkExtractSeed times reading the seed article into quads, without
// the store.
func BenchmarkExtractSeed(b *testing.B) {
	in := seedInput(b, "")
	for i := 0; i < b.N; i++ {
		parse(b, in)
	}
}

// BenchmarkLoadSeed times extraction plus the store's transaction: into a
// fresh store, and into a store that already holds 1,000 articles which
// all mention the seed's entities (the worst case for the shared entity
// graph). Each iteration opens the store, loads and closes it, as `kg load`
// does; the 1,000-article iterations retract what they load so the store
// keeps its size.
func BenchmarkLoadSeed(b *testing.B) {
	b.Run("fresh", func(b *testing.B) {
		in := seedInput(b, "")
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			dir := b.TempDir()
			// creating the store happens once per store, not per load
			s, err := graph.Open(dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
			b.StartTimer()
			s, err = graph.Open(dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Load(context.Background(), parse(b, in)); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("store-1000", func(b *testing.B) {
		dir := b.TempDir()
		s, err := graph.Open(dir, &graph.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < 1000; i++ {
			if _, err := s.Load(context.Background(), parse(b, seedInput(b, fmt.Sprintf("filler-%04d", i)))); err != nil {
				b.Fatal(err)
			}
		}
		s.Close()
		in := seedInput(b, "")
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			s, err := graph.Open(dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			a := parse(b, in)
			if _, err := s.Load(context.Background(), a); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if _, err := s.Retract(context.Background(), a.IRI); err != nil {
				b.Fatal(err)
			}
			s.Close()
			b.StartTimer()
		}
	})
}
