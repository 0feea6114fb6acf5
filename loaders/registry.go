package loaders

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/loaders/nquads"
	"github.com/kgnews/kg/schema"
)

// Input is one file to load.
type Input struct {
	// Name is the path the data came from ("-" for standard input). It picks
	// the format and becomes the article's source path.
	Name string
	// Path is the absolute path of the file, empty for standard input.
	Path string
	Data []byte
	// Published is the publication date to use when the article has no
	// date header (zero: none; relative dates then stay unresolved).
	Published time.Time
	// ID overrides the article id derived from the article itself.
	ID string
	// Format forces a format by name instead of the extension.
	Format string
	// Deadline, when set, bounds the time extraction may take (see
	// extract.Options.Deadline).
	Deadline time.Time
}

// Result is what a loader made of an input.
type Result struct {
	Articles []*graph.Article
	Warnings []string
	// Facts counts the extracted facts (events and direct relations); zero
	// for formats that are not extracted.
	Facts int
}

// Format is one input format.
type Format struct {
	Name       string
	Extensions []string
	Parse      func(Input) (*Result, error)
}

// Formats lists the input formats, the default (plain-text articles) last.
var Formats = []Format{
	{Name: "nquads", Extensions: []string{".nq", ".nquads"}, Parse: parseNQuads},
	{Name: "article", Extensions: nil, Parse: parseArticle},
}

// FormatFor returns the format for an input: by name if in.Format is set,
// else by extension, else the article format.
func FormatFor(in Input) (Format, bool) {
	if in.Format != "" {
		for _, f := range Formats {
			if f.Name == in.Format {
				return f, true
			}
		}
		return Format{}, false
	}
	ext := strings.ToLower(filepath.Ext(in.Name))
	for _, f := range Formats {
		for _, e := range f.Extensions {
			if e == ext {
				return f, true
			}
		}
	}
	return Formats[len(Formats)-1], true
}

func parseNQuads(in Input) (*Result, error) {
	arts, warns, err := nquads.Parse(in.Name, in.Path, in.Data)
	if err != nil {
		return nil, err
	}
	return &Result{Articles: arts, Warnings: warns}, nil
}

func articleIRI(id string) quad.IRI { return schema.ArticleIRI(id) }
