package ner

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
)

// ModelFile is the embedded model's path in the repository, for the
// trainer that rebuilds it.
const ModelFile = "loaders/ner/model/hi.model"

// The model is stored uncompressed so that its tables are read in place
// (see table.go); git compresses it in the repository.
//
//go:embed model/hi.model
var embedded []byte

// Model is a trained tagger. It is read-only once loaded and safe for
// concurrent use.
type Model struct {
	bits    uint
	tab     table      // bucket × tag weights
	vocab   vocabulary // training words and their counts (capped at maxCount)
	tr      transitions
	info    Info
	lists   *lists
	scratch sync.Pool
}

// Info describes how a model was trained; the trainer fills it and the
// model file carries it.
type Info struct {
	FeatureVersion int      `json:"featureVersion"`
	Bits           uint     `json:"bits"`               // the weight table has 2^Bits buckets
	Scale          int64    `json:"scale"`              // weights are averaged perceptron weights × Scale
	Prune          int      `json:"prune"`              // quantised weights smaller than this in magnitude were dropped
	Epochs         int      `json:"epochs"`             // passes over the training data
	Seed           uint64   `json:"seed"`               // of the shuffle between passes
	Ensemble       int      `json:"ensemble,omitempty"` // perceptrons averaged (seeds Seed, Seed+1 …)
	Corpora        []string `json:"corpora"`            // what it was trained on
	Sentences      int      `json:"sentences"`          // training sentences
	Words          int      `json:"words"`              // training words
	Buckets        int      `json:"buckets"`            // buckets with a non-zero weight
	CalA           float64  `json:"calA"`               // Score = 1/(1+exp(-(CalA·margin+CalB)))
	CalB           float64  `json:"calB"`               // fitted on the tuning set
	Tuning         string   `json:"tuning"`             // the tuning set
	TuningF1       float64  `json:"tuningF1"`           // strict micro-F1 on it
}

// Info returns how the model was trained.
func (m *Model) Info() Info { return m.info }

// Default returns the model embedded in kg, loaded on first use (once per
// process) and shared.
func Default() (*Model, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := parse(embedded)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
})

// magic names the file format: "2" is the fixed-width layout below (the
// first format was gzipped varints).
const magic = "kg-ner-model 2\n"

// maxCount caps the stored word counts: the features only tell 50+ apart.
const maxCount = 1000

// maxModelBytes bounds a model file (the embedded one is a few megabytes),
// so a corrupt file cannot exhaust memory.
const maxModelBytes = 256 << 20

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxModelBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxModelBytes {
		return nil, errors.New("model over 256 MiB")
	}
	return parse(raw)
}

// parse reads a model file held in memory; the model's vocabulary points
// into raw, which must not change afterwards. The layout, little-endian:
//
//	magic
//	uint32 n, n bytes of JSON header (Info)
//	int32 × len(from), int32 × len(end): transitions
//	bitmap of the 2^Bits buckets, uint64 words (bit b of word b/64)
//	int16 × numTags for each bucket whose bit is set, in bucket order
//	uint32 n: words; uint32 × n: end offset of each word in the blob;
//	uint16 × n: counts; the blob: the words, sorted, concatenated
func parse(raw []byte) (*Model, error) {
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("not a kg NER model (format 2)")
	}
	d := &decoder{b: raw[len(magic):]}
	m := &Model{}
	hb := d.bytes(uint64(d.u32()))
	if d.err != nil {
		return nil, fmt.Errorf("model header: %w", d.err)
	}
	if err := json.Unmarshal(hb, &m.info); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	if m.info.FeatureVersion != featureVersion {
		return nil, fmt.Errorf("model built for features v%d, this kg computes v%d: retrain it", m.info.FeatureVersion, featureVersion)
	}
	if m.info.Bits < 8 || m.info.Bits > 26 {
		return nil, fmt.Errorf("model header: %d bits", m.info.Bits)
	}
	m.bits = m.info.Bits
	for i := range m.tr.from {
		m.tr.from[i] = int32(d.u32())
	}
	for i := range m.tr.end {
		m.tr.end[i] = int32(d.u32())
	}
	present := d.bytes(uint64(1) << m.bits / 8)
	if d.err != nil {
		return nil, fmt.Errorf("model weights: %w", d.err)
	}
	n := 0
	for k := 0; k < len(present); k += 8 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(present[k:]))
	}
	w := d.bytes(uint64(n * rowBytes))
	if d.err != nil {
		return nil, fmt.Errorf("model weights: %w", d.err)
	}
	var err error
	if m.tab, err = tableOf(present, w); err != nil {
		return nil, err
	}
	nw := uint64(d.u32())
	if nw > 1<<24 {
		return nil, errors.New("model vocabulary: bad count")
	}
	ends, counts := d.bytes(4*nw), d.bytes(2*nw)
	if d.err != nil {
		return nil, fmt.Errorf("model vocabulary: %w", d.err)
	}
	blob := d.b
	if len(ends) > 0 && uint64(binary.LittleEndian.Uint32(ends[len(ends)-4:])) != uint64(len(blob)) {
		return nil, errors.New("model vocabulary: truncated or bytes after the last word")
	}
	if m.vocab, err = vocabularyOf(int(nw), ends, counts, blob); err != nil {
		return nil, err
	}
	if m.lists, err = loadLists(); err != nil {
		return nil, err
	}
	return m, nil
}

// decoder reads the fixed-width fields of a model file; the first error
// sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or corrupt (%s at byte %d from the end)", what, len(d.b))
	}
}

func (d *decoder) u32() uint32 {
	if len(d.b) < 4 {
		d.fail("uint32")
		d.b = nil
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.fail("bytes")
		d.b = nil
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	return out
}

// WriteTo writes the model in the layout parse reads. The output depends
// only on the model (no time stamps), so one training run gives one file.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	u32 := func(v uint32) { bw.Write(binary.LittleEndian.AppendUint32(nil, v)) }
	bw.WriteString(magic)
	hb, err := json.Marshal(m.info)
	if err != nil {
		return 0, err
	}
	u32(uint32(len(hb)))
	bw.Write(hb)
	for _, v := range m.tr.from {
		u32(uint32(v))
	}
	for _, v := range m.tr.end {
		u32(uint32(v))
	}
	bw.Write(m.tab.appendTo(nil))
	u32(uint32(m.vocab.n))
	bw.Write(m.vocab.ends)
	bw.Write(m.vocab.counts)
	bw.Write(m.vocab.blob)
	err = bw.Flush()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// scratch is what one tagging call needs; pooled.
type scratch struct {
	ctx   context
	feats []uint32
	lat   lattice
	tags  []Tag
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.scratch.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// decode tags model words and leaves the lattice (with max-marginals when
// margins is set) in s.
func (m *Model) decode(s *scratch, ws []word, margins bool) []Tag {
	n := len(ws)
	s.lat.reset(n)
	s.ctx.fill(m.lists, ws)
	for i, w := range ws {
		s.ctx.freq[i] = freqBucket(int(m.vocab.count(w.norm)))
	}
	for i := range ws {
		s.lat.joined[i] = ws[i].joined
		s.feats = s.ctx.features(ws, i, m.bits, s.feats[:0])
		e := (*[numTags]int32)(s.lat.em[i*int(numTags):])
		for _, f := range s.feats {
			m.tab.add(e, f)
		}
	}
	s.tags = resize(s.tags, n)
	if n == 0 {
		return s.tags
	}
	s.lat.viterbi(&m.tr, s.tags)
	if margins {
		s.lat.backward(&m.tr)
	}
	return s.tags
}

// Tag labels the words of one sentence. Words may be kg's folded words
// (extraction's, from hindi.Tokenize and hindi.Fold) or words as written:
// each is tokenised and folded again (folding is idempotent), and a word
// that folds into several ("जोंग-उन") is tagged as its parts are and
// given the tag of its first part that is in a name. Written words tag a
// little better than folded ones: folding drops the nukta and Latin
// capitals the script-shape features read.
func (m *Model) Tag(words []string) []Tag {
	ws, owner := unitWords(words)
	s := m.getScratch()
	defer m.scratch.Put(s)
	return projectTags(m.decode(s, ws, false), owner, len(words))
}

// Spans finds the names in the words of one sentence (as Tag reads them),
// each with a confidence Score; Start and End index words.
func (m *Model) Spans(words []string) []Span {
	ws, owner := unitWords(words)
	s := m.getScratch()
	defer m.scratch.Put(s)
	inner := m.scored(s, ws)
	tags := projectTags(s.tags, owner, len(words))
	out := Spans(tags)
	for k := range out {
		out[k].Score = 1
		for _, in := range inner {
			if u := owner[in.Start]; u >= out[k].Start && u < out[k].End && in.Score < out[k].Score {
				out[k].Score = in.Score
			}
		}
	}
	return out
}

// TokenSpans finds the names in a tokenised sentence (hindi.Tokenize).
// Start and End index the words entity.Words(toks) makes of the tokens —
// the words extraction matches on — so a hyphenated token (जोंग-उन) is two
// words here as there. The tokens' written text feeds the script-shape
// features.
func (m *Model) TokenSpans(toks []hindi.Token) []Span {
	var ws []word
	for _, t := range toks {
		ws = tokenWords(t, ws)
	}
	s := m.getScratch()
	defer m.scratch.Put(s)
	return m.scored(s, ws)
}

// scored decodes model words and returns their spans with scores.
func (m *Model) scored(s *scratch, ws []word) []Span {
	tags := m.decode(s, ws, true)
	out := Spans(tags)
	for k := range out {
		mg := float64(s.lat.margin(tags, out[k]))
		out[k].Score = 1 / (1 + math.Exp(-(m.info.CalA*mg + m.info.CalB)))
	}
	return out
}
