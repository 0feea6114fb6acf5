package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/kgnews/kg/loaders/entity"
	"github.com/kgnews/kg/schema"
)

// The tagger's features read some of kg's shared word lists (titles and
// honorifics, case markers, stop words, the entity lexicon), which other
// parts of kg edit for their own rules. A model is only right for the
// lists it was trained with, so the tagger never reads them directly: it
// reads a copy of them, data/shared/, refreshed deliberately, before a
// retraining, by
//
//	go run ./cmd/nertrain -refresh
//
// An edit to a shared list therefore changes nothing in the tagger until
// someone refreshes the copy and retrains. This file is the only one of the
// package that reads the shared lists (TestOnlySnapshotReadsSharedLists).

// SharedDir is where the copy of the shared lists lives, relative to the
// module root.
const SharedDir = "loaders/ner/data/shared"

// The files of the copy.
const (
	sharedCues  = "cues.txt"          // titles.tsv (the first column's forms) and honorifics.txt
	sharedMarks = "postpositions.txt" // postpositions.txt
	sharedStop  = "stopwords.txt"     // stopwords.txt
	sharedLex   = "lexicon.tsv"       // entities.tsv, countries.tsv and CLDR, as the matcher folds them
)

// Snapshot returns the copy of the shared lists as the tagger would read
// it now: file name (in SharedDir) → contents. The contents are sorted and
// deduplicated, so a list that only moved rows gives the same copy.
func Snapshot() (map[string][]byte, error) {
	var cues []string
	titles, err := schema.ReadTSV("hi/titles.tsv", 1)
	if err != nil {
		return nil, err
	}
	for _, r := range titles {
		cues = append(cues, r.List(0)...)
	}
	hon, err := schema.ReadLines("hi/honorifics.txt")
	if err != nil {
		return nil, err
	}
	cues = append(cues, hon...)
	marks, err := schema.ReadLines("hi/postpositions.txt")
	if err != nil {
		return nil, err
	}
	stop, err := schema.ReadLines("hi/stopwords.txt")
	if err != nil {
		return nil, err
	}
	lex, err := entity.Default()
	if err != nil {
		return nil, err
	}
	var rows []string
	lex.Walk(func(words []string, forms []entity.Form) {
		typ, kind := lexClass(forms)
		rows = append(rows, strings.Join(words, " ")+"\t"+typ+"\t"+kind)
	})
	const from = "Written by go run ./cmd/nertrain -refresh from "
	return map[string][]byte{
		sharedCues:  listFile(from+"schema/data/hi/titles.tsv (first column) and honorifics.txt:\n# words and phrases before a person's name.", cues),
		sharedMarks: listFile(from+"schema/data/hi/postpositions.txt:\n# case markers that close a noun phrase.", marks),
		sharedStop:  listFile(from+"schema/data/hi/stopwords.txt:\n# words that are no part of a name.", stop),
		sharedLex: listFile(from+"kg's lexicon (schema/data/entities.tsv, countries.tsv, CLDR):\n"+
			"# every form, as folded words<TAB>type (PER LOC ORG, DEM a demonym, MISC another class)<TAB>kind (full, short, demonym, dateline).", rows),
	}, nil
}

// lexClass says what a lexicon phrase is to the features: the type of its
// first form of a person, place or organisation (DEM for a demonym), and
// that form's kind; MISC and the first form's kind when it has none.
func lexClass(forms []entity.Form) (typ, kind string) {
	typ, kind = "MISC", forms[0].Kind.String()
	for _, f := range forms {
		if f.Kind == entity.Demonym {
			typ = "DEM"
		} else {
			typ = lexType(f.Entity.Type)
		}
		if typ != "MISC" {
			return typ, f.Kind.String()
		}
	}
	return typ, kind
}

func listFile(header string, lines []string) []byte {
	sort.Strings(lines)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n# Do not edit: the tagger's model is trained with exactly these lines.\n", header)
	prev := ""
	for i, l := range lines {
		if i > 0 && l == prev {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
		prev = l
	}
	return b.Bytes()
}

// WriteSnapshot refreshes the copy of the shared lists in a checkout of kg
// at root and returns the names of the files that changed. Each file is
// replaced atomically.
func WriteSnapshot(root string) ([]string, error) {
	files, err := Snapshot()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, SharedDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var changed []string
	for _, name := range names {
		path := filepath.Join(dir, name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, files[name], 0o644); err != nil {
			return changed, err
		}
		if err := os.Rename(tmp, path); err != nil {
			return changed, err
		}
		changed = append(changed, name)
	}
	return changed, nil
}

// SnapshotStale returns the names of the files of the embedded copy that
// differ from what Snapshot gives now: shared lists edited since the model
// was trained. It is for telling, never for failing.
func SnapshotStale() ([]string, error) {
	files, err := Snapshot()
	if err != nil {
		return nil, err
	}
	var stale []string
	for name, b := range files {
		old, err := dataFS.ReadFile("data/shared/" + name)
		if err != nil || !bytes.Equal(old, b) {
			stale = append(stale, name)
		}
	}
	sort.Strings(stale)
	return stale, nil
}
