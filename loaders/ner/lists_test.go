package ner

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kgnews/kg/loaders/hindi"
)

// The tagger's features depend on its own files only: no file of the
// package but snapshot.go (which writes the copy) reads kg's shared lists
// or its lexicon, so an edit there cannot change the model's features.
func TestOnlySnapshotReadsSharedLists(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	shared := map[string]bool{"github.com/kgnews/kg/schema": true, "github.com/kgnews/kg/loaders/entity": true}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "snapshot.go" {
			continue
		}
		pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pf.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); shared[p] {
				t.Errorf("%s imports %s: the tagger's features must read only its own lists (data/), the shared ones through the copy in data/shared", f, p)
			}
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("checked only %d files", checked)
	}
}

// The lists are read from the filesystem they are given, nothing else: a
// copy of data/ with one more title gives the cue to a word the embedded
// lists do not know, and a different fingerprint.
func TestListsComeFromTheirFiles(t *testing.T) {
	mem := fstest.MapFS{}
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := dataFS.ReadFile(path)
		mem[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	base, err := readLists(mem)
	if err != nil {
		t.Fatal(err)
	}
	emb, _ := loadLists()
	if base.fingerprint != emb.fingerprint {
		t.Fatalf("a copy of data/ fingerprints %s, the embedded lists %s", base.fingerprint, emb.fingerprint)
	}
	cue := "data/shared/" + sharedCues
	mem[cue] = &fstest.MapFile{Data: append(append([]byte{}, mem[cue].Data...), "महापरीक्षक\n"...)}
	more, err := readLists(mem)
	if err != nil {
		t.Fatal(err)
	}
	ws := []word{{raw: "महापरीक्षक", norm: hindi.Fold("महापरीक्षक")}, {raw: "गोपाल", norm: hindi.Fold("गोपाल")}}
	if base.cues.at(ws, 0) != 0 || more.cues.at(ws, 0) != 1 {
		t.Errorf("cue महापरीक्षक: %d words in the embedded lists, %d with it added; want 0 and 1", base.cues.at(ws, 0), more.cues.at(ws, 0))
	}
	if more.fingerprint == base.fingerprint {
		t.Errorf("adding a cue left the fingerprint %s unchanged", base.fingerprint)
	}
}

// The copy of the shared lists is what Snapshot writes: refreshing it twice
// gives the same files, and each parses. (Whether it is up to date with
// kg's lists is not tested: it need not be until the next retraining.)
func TestSnapshotIsStable(t *testing.T) {
	a, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range a {
		if string(b[name]) != string(data) {
			t.Errorf("%s differs between two snapshots", name)
		}
		if !strings.HasPrefix(string(data), "# ") {
			t.Errorf("%s has no header", name)
		}
	}
	if len(a) != 4 {
		t.Errorf("snapshot has %d files, want 4", len(a))
	}
	dir := t.TempDir()
	changed, err := WriteSnapshot(dir)
	if err != nil || len(changed) != 4 {
		t.Fatalf("first WriteSnapshot: changed %v, %v", changed, err)
	}
	if changed, err = WriteSnapshot(dir); err != nil || len(changed) != 0 {
		t.Errorf("second WriteSnapshot: changed %v, %v; want none", changed, err)
	}
	if _, err := os.Stat(filepath.Join(dir, SharedDir, sharedLex)); err != nil {
		t.Error(err)
	}
	stale, err := SnapshotStale()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("files of the copy that kg's shared lists have moved past: %v", stale)
}
