package server

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/kgnews/kg/export"
	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/options"
	"github.com/kgnews/kg/queries"
	"github.com/kgnews/kg/schema"
)

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.statistics(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// articleInfo is a loaded article as the API shows it. The path it was
// loaded from stays on the server: it says nothing to a remote reader.
type articleInfo struct {
	IRI       string `json:"iri"`
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	Published string `json:"published"`
}

func (s *Server) articleList(w http.ResponseWriter, r *http.Request) {
	list, err := s.st.articleList(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	out := make([]articleInfo, 0, len(list))
	for _, a := range list {
		out = append(out, articleInfo{IRI: string(a.IRI), ID: schema.LocalName(a.IRI), Headline: a.Headline, Published: a.Published})
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": out})
}

// entityHit is one answer of GET /api/entities.
type entityHit struct {
	Entity    string   `json:"entity"`
	LabelEN   string   `json:"label_en"`
	LabelHI   string   `json:"label_hi"`
	Types     []string `json:"types"`
	AltLabels []string `json:"alt_labels"`
	// Matched is the label or alias the text was found in.
	Matched string `json:"matched,omitempty"`
}

// entities answers GET /api/entities?match=TEXT&type=CLASS&limit=N: the
// entities with a label or alias, Hindi or English, that is the text, starts
// with it (or has a word that does) or contains it, in that order; matching
// folds case, Unicode forms, hyphens and spaces as entity resolution does.
// When nothing matches, "suggestions" holds the closest names.
func (s *Server) entities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, timeout, err := s.limits(q, s.cfg.Limit)
	if err != nil {
		writeError(w, err)
		return
	}
	match := strings.TrimSpace(q.Get("match"))
	if err := queries.CheckName(match); err != nil {
		writeError(w, badRequest("match: %v", err))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	ents, err := s.st.entities(ctx)
	if err != nil {
		writeError(w, err)
		return
	}
	typ := strings.ToLower(strings.TrimSpace(q.Get("type")))
	key := queries.Normalize(match)
	type scored struct {
		e       graph.Entity
		score   int
		matched string
	}
	var hits []scored
	for i, e := range ents {
		if i%256 == 0 && ctx.Err() != nil {
			writeError(w, errorf(http.StatusGatewayTimeout, "lookup_timeout", "the entity search took longer than its timeout (%v)", timeout))
			return
		}
		if typ != "" && !hasType(e, typ) {
			continue
		}
		if key == "" {
			hits = append(hits, scored{e: e})
			continue
		}
		best, matched := -1, ""
		if string(e.IRI) == match {
			best = 0 // a link to #root=IRI on the page looks the entity up by IRI
		}
		for _, l := range append([]string{e.LabelEN, e.LabelHI}, e.AltLabels...) {
			if l == "" {
				continue
			}
			if sc := matchScore(queries.Normalize(l), key); sc >= 0 && (best < 0 || sc < best) {
				best, matched = sc, l
			}
		}
		if best >= 0 {
			hits = append(hits, scored{e, best, matched})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score < hits[j].score
		}
		return strings.ToLower(hits[i].e.Label()) < strings.ToLower(hits[j].e.Label())
	})
	truncated := len(hits) > limit
	if truncated {
		hits = hits[:limit]
	}
	out := make([]entityHit, 0, len(hits))
	for _, h := range hits {
		out = append(out, entityHit{Entity: string(h.e.IRI), LabelEN: h.e.LabelEN, LabelHI: h.e.LabelHI,
			Types: nonNil(h.e.Types), AltLabels: nonNil(h.e.AltLabels), Matched: h.matched})
	}
	resp := map[string]any{"entities": out, "truncated": truncated}
	if len(out) == 0 && key != "" {
		resp["suggestions"] = nonNil(queries.Suggest(ctx, ents, match, 5))
	}
	writeJSON(w, http.StatusOK, resp)
}

// matchScore ranks how a folded name matches a folded text: 0 equal,
// 1 a prefix of the name or of one of its words, 2 inside it, -1 not at all.
func matchScore(name, key string) int {
	switch {
	case name == key:
		return 0
	case strings.HasPrefix(name, key) || strings.Contains(name, " "+key):
		return 1
	case strings.Contains(name, key):
		return 2
	}
	return -1
}

func hasType(e graph.Entity, typ string) bool {
	for _, t := range e.Types {
		if strings.ToLower(t) == typ {
			return true
		}
	}
	return false
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// exportTypes are the Content-Types of the export formats.
var exportTypes = map[string]string{
	"graphml":     "application/graphml+xml",
	"graphml-yed": "application/graphml+xml",
	"gexf":        "application/gexf+xml",
	"dot":         "text/vnd.graphviz; charset=utf-8",
	"cyjs":        "application/json",
	"jsonld":      "application/ld+json",
	"nquads":      "application/n-quads",
	"csv":         "application/zip",
}

// export answers GET /api/export?format=F&root=NAME&depth=N&from=&to=&types=
// &lang=&events=&download=1, with the options of kg export. csv, which is
// two files, comes as a zip of nodes.csv and edges.csv.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		switch k {
		case "format", "root", "depth", "from", "to", "types", "lang", "events", "download":
		default:
			writeError(w, badRequest("export: unknown parameter %q (it takes format, root, depth, from, to, types, lang, events and download)", k))
			return
		}
	}
	plan, err := options.Export{
		Format: q.Get("format"), Roots: q["root"], Depth: q.Get("depth"), From: q.Get("from"), To: q.Get("to"),
		Types: q["types"], Lang: q.Get("lang"), Events: q.Get("events"), Zip: true,
	}.Check()
	if err != nil {
		writeError(w, badRequest("export: %v", err))
		return
	}
	f, sel, opts := plan.Format, plan.Selection, plan.Options
	roots, rootLabel := plan.Roots, ""
	// names are checked before any work: reading the entity list of a
	// large store after a write costs seconds, and a 40,000-character
	// root must not buy them
	for _, name := range roots {
		if err := queries.CheckName(strings.TrimSpace(name)); err != nil {
			writeError(w, badRequest("export: root: %v", err))
			return
		}
	}
	if len(roots) > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		ents, err := s.st.entities(ctx)
		if err != nil {
			writeError(w, err)
			return
		}
		for _, name := range roots {
			e, err := queries.Resolve(ctx, ents, name)
			if err != nil {
				writeError(w, bindError(err))
				return
			}
			sel.Roots = append(sel.Roots, e.IRI)
			if rootLabel == "" {
				rootLabel = e.LabelEN
			}
		}
	}
	all, err := s.st.allQuads(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	out, err := export.Build(all, f, sel, opts)
	if err != nil {
		writeError(w, badRequest("export: %v", err))
		return
	}
	// Written to memory first, so that a failure is a JSON error and not a
	// cut-off file.
	var b bytes.Buffer
	switch {
	case f.Graph != nil:
		err = f.Graph(&b, out.Graph)
	case f.Quads != nil:
		err = f.Quads(&b, out.Quads)
	default:
		zw := zip.NewWriter(&b)
		err = f.Files(func(name string) (io.Writer, error) { return zw.Create(name) }, out.Graph)
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", exportTypes[f.Name])
	w.Header().Set("X-KG-Export", out.Counts())
	if q.Get("download") != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+exportFileName(rootLabel, f)+`"`)
	}
	w.Write(b.Bytes())
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// exportFileName names a download: kg-ROOT.EXT after the first root's
// English label, in ASCII so that every browser keeps it.
func exportFileName(root string, f export.Format) string {
	name := "kg"
	if slug := strings.Trim(unsafeName.ReplaceAllString(root, "-"), "-"); slug != "" {
		name += "-" + strings.ToLower(slug)
	}
	ext := ".zip"
	if len(f.Exts) > 0 {
		ext = f.Exts[0]
	}
	return name + ext
}
