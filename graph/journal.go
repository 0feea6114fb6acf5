package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// The journal records a write made in two batches (see Store.apply): the
// quads the first batch adds ("A") and the second removes ("D"). It exists
// only between the two; finding it at the next opening means the process
// died in between.
const journalName = "kg.journal"

func writeJournal(dir string, adds, dels []cgraph.Delta) error {
	var b bytes.Buffer
	for _, d := range adds {
		b.WriteString("A " + d.Quad.NQuad() + "\n")
	}
	for _, d := range dels {
		b.WriteString("D " + d.Quad.NQuad() + "\n")
	}
	tmp := filepath.Join(dir, journalName+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return err
	}
	// on disk before the first batch, or a crash could leave additions
	// that nothing records
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, journalName))
}

func removeJournal(dir string) error {
	err := os.Remove(filepath.Join(dir, journalName))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

func readJournal(dir string) (adds, dels []quad.Quad, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, journalName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		kind, text, found := strings.Cut(line, " ")
		if !found {
			continue // a torn last line: the journal was not complete, so no batch ran
		}
		q, err := nquads.Parse(text)
		if err != nil {
			return nil, nil, false, fmt.Errorf("%s:%d: %w", journalName, n, err)
		}
		switch kind {
		case "A":
			adds = append(adds, q)
		case "D":
			dels = append(dels, q)
		}
	}
	return adds, dels, true, sc.Err()
}

// recoverJournal finishes what a process that died mid-write left: if the
// removals of the second batch did not happen, it takes back the first
// batch's additions, so the store is as it was before that write; if they
// did, the write was whole and only the journal is left to remove.
func (s *Store) recoverJournal(ctx context.Context) error {
	adds, dels, ok, err := readJournal(s.dir)
	if err != nil || !ok {
		return err
	}
	secondDone := true
	for _, q := range dels {
		present, err := s.has(ctx, q)
		if err != nil {
			return err
		}
		if present {
			secondDone = false
			break
		}
	}
	if !secondDone {
		rm := make([]cgraph.Delta, len(adds))
		for i, q := range adds {
			rm[i] = cgraph.Delta{Action: cgraph.Delete, Quad: q}
		}
		if err := s.qs.ApplyDeltas(rm, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return fmt.Errorf("undo an interrupted write: %w", err)
		}
	}
	return removeJournal(s.dir)
}

// JournalPending reports whether a write interrupted by a crash is waiting
// in dir to be undone: the next Acquire or Open undoes it, so a reader
// that opens the store without either should take the lease first.
func JournalPending(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, journalName))
	return err == nil
}
