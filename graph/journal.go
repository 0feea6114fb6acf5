package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// The journal records a write made in two batches (see Store.apply): the
// quads the first batch adds ("A") and the second removes ("D"). It exists
// only between the two; finding it at the next opening means the process
// died in between.
//
// Each value is written in the store's own encoding (Cayley's kv store
// keeps values as pquads), base64 on the line: read back, a value is the
// very value the store holds. (N-Quads text would not do: reading
// "303"^^xsd:integer back gives an integer where the store holds a typed
// string, so the undo missed those quads and left them orphaned.)
const (
	journalName   = "kg.journal"
	journalHeader = "kg-journal 2 pquads"
)

func writeJournal(dir string, adds, dels []cgraph.Delta) error {
	var b bytes.Buffer
	b.WriteString(journalHeader + "\n")
	for _, set := range []struct {
		kind   string
		deltas []cgraph.Delta
	}{{"A", adds}, {"D", dels}} {
		for _, d := range set.deltas {
			line, err := journalLine(set.kind, d.Quad)
			if err != nil {
				return err
			}
			b.WriteString(line)
		}
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
	if err := syncFile(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(dir, journalName)); err != nil {
		return err
	}
	// and the rename on disk too, or after a crash the journal may not be
	// there while the first batch is
	return syncDir(dir)
}

// journalLine is "KIND S P O L" with each value base64 of its pquads
// encoding, "-" for none.
func journalLine(kind string, q quad.Quad) (string, error) {
	parts := []string{kind}
	for _, dir := range quad.Directions {
		v := q.Get(dir)
		if v == nil {
			parts = append(parts, "-")
			continue
		}
		b, err := pquads.MarshalValue(v)
		if err != nil {
			return "", fmt.Errorf("journal: %v: %w", v, err)
		}
		parts = append(parts, base64.StdEncoding.EncodeToString(b))
	}
	return strings.Join(parts, " ") + "\n", nil
}

func parseJournalLine(line string) (string, quad.Quad, error) {
	f := strings.Fields(line)
	if len(f) != 1+len(quad.Directions) {
		return "", quad.Quad{}, errTorn
	}
	var q quad.Quad
	for i, dir := range quad.Directions {
		if f[i+1] == "-" {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(f[i+1])
		if err != nil {
			return "", quad.Quad{}, errTorn
		}
		v, err := pquads.UnmarshalValue(b)
		if err != nil {
			return "", quad.Quad{}, errTorn
		}
		q.Set(dir, v)
	}
	return f[0], q, nil
}

var errTorn = errors.New("torn journal line")

func removeJournal(dir string) error {
	err := os.Remove(filepath.Join(dir, journalName))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return syncDir(dir)
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
	if !sc.Scan() || sc.Text() != journalHeader {
		return nil, nil, false, fmt.Errorf("%s: not a journal this version of kg wrote (first line %q); a kg of the version that wrote it must open the store first", journalName, sc.Text())
	}
	for n := 2; sc.Scan(); n++ {
		kind, q, err := parseJournalLine(sc.Text())
		if errors.Is(err, errTorn) {
			// Only the last line can be torn, and a journal that is not
			// whole was never renamed into place: this is damage.
			return nil, nil, false, fmt.Errorf("%s:%d: damaged line", journalName, n)
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
		// IgnoreMissing must not hide an undo that missed: every addition
		// is gone, or the journal stays for the next opening to retry
		for _, q := range adds {
			present, err := s.has(ctx, q)
			if err != nil {
				return err
			}
			if present {
				return fmt.Errorf("undo an interrupted write: %s is still in the store after its undo; the journal %s is kept", q.NQuad(), filepath.Join(s.dir, journalName))
			}
		}
	}
	return removeJournal(s.dir)
}

// JournalPending reports whether a write interrupted by a crash is waiting
// in dir to be undone: the next Acquire or Open undoes it, so a reader
// that opens the store without either should take the lease first.
func JournalPending(dir string) bool {
	if IsDatabase(dir) {
		return false // a PostgreSQL store writes each batch in one transaction
	}
	_, err := os.Stat(filepath.Join(dir, journalName))
	return err == nil
}

// syncFile makes a file's data durable (a hook for the crash tests counts
// the calls: see syncHook).
func syncFile(f *os.File) error {
	if err := syncPoint("journal file"); err != nil {
		return err
	}
	return f.Sync()
}

// syncDir makes the entries of a directory (a rename, a removal) durable.
func syncDir(dir string) error {
	if err := syncPoint("journal directory"); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
