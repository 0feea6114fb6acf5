package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/kgnews/kg/loaders/hindi"
)

// ModelFile is the embedded model's path in the repository, for the
// trainer that rebuilds it.
const ModelFile = "loaders/ner/model/hi.model.gz"

//go:embed model/hi.model.gz
var embedded []byte

// Model is a trained tagger. It is read-only once loaded and safe for
// concurrent use.
type Model struct {
	bits    uint
	weights []int16          // bucket × tag, dense
	vocab   map[string]int32 // training words and their counts (capped at maxCount)
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
	m, err := Load(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
})

const magic = "kg-ner-model\n"

// maxCount caps the stored word counts: the features only tell 50+ apart.
const maxCount = 1000

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxModelBytes {
		return nil, errors.New("model over 256 MiB uncompressed")
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("not a kg NER model")
	}
	d := &decoder{b: raw[len(magic):]}
	m := &Model{}
	hb := d.bytes(d.uvarint())
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
		m.tr.from[i] = int32(d.varint(math.MinInt32, math.MaxInt32))
	}
	for i := range m.tr.end {
		m.tr.end[i] = int32(d.varint(math.MinInt32, math.MaxInt32))
	}
	size := 1 << m.bits
	m.weights = make([]int16, size*int(numTags))
	count := d.uvarint()
	if count > uint64(size) {
		return nil, errors.New("model weights: bad count")
	}
	b := -1
	for k := uint64(0); k < count && d.err == nil; k++ {
		gap := d.uvarint()
		if gap == 0 || gap > uint64(size) || b+int(gap) >= size {
			return nil, fmt.Errorf("model weights: bad bucket at %d", k)
		}
		b += int(gap)
		for t := 0; t < int(numTags); t++ {
			m.weights[b*int(numTags)+t] = int16(d.varint(math.MinInt16, math.MaxInt16))
		}
	}
	nw := d.uvarint()
	if nw > 1<<24 {
		return nil, errors.New("model vocabulary: bad count")
	}
	m.vocab = make(map[string]int32, nw)
	for k := uint64(0); k < nw && d.err == nil; k++ {
		w := d.bytes(d.uvarint())
		c := d.uvarint()
		if c > maxCount {
			return nil, fmt.Errorf("model vocabulary: bad count at %d", k)
		}
		m.vocab[string(w)] = int32(c)
	}
	if d.err != nil {
		return nil, fmt.Errorf("model: %w", d.err)
	}
	if m.lists, err = loadLists(); err != nil {
		return nil, err
	}
	return m, nil
}

// maxModelBytes bounds an uncompressed model (the embedded one is tens of
// megabytes at most), so a corrupt file cannot exhaust memory.
const maxModelBytes = 256 << 20

// decoder reads the varints of a model payload; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or corrupt (%s at byte %d from the end)", what, len(d.b))
	}
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("uvarint")
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varint reads a signed varint that must lie in [lo, hi].
func (d *decoder) varint(lo, hi int64) int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 || v < lo || v > hi {
		d.fail("varint")
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64) []byte {
	if n > uint64(len(d.b)) || n > 1<<20 {
		d.fail("bytes")
		d.b = nil
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

// WriteTo writes the model, gzip-compressed. The output depends only on
// the model (no time stamps), so one training run gives one file.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if err := m.writePayload(zw); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

// writePayload writes the uncompressed model: magic, JSON header,
// transitions, then the buckets with a non-zero weight as (gap, weights).
func (m *Model) writePayload(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	sv := func(v int64) { bw.Write(buf[:binary.PutVarint(buf[:], v)]) }
	bw.WriteString(magic)
	hb, err := json.Marshal(m.info)
	if err != nil {
		return err
	}
	uv(uint64(len(hb)))
	bw.Write(hb)
	for _, v := range m.tr.from {
		sv(int64(v))
	}
	for _, v := range m.tr.end {
		sv(int64(v))
	}
	T := int(numTags)
	nonzero := func(b int) bool {
		for _, v := range m.weights[b*T : (b+1)*T] {
			if v != 0 {
				return true
			}
		}
		return false
	}
	count := 0
	for b := 0; b < len(m.weights)/T; b++ {
		if nonzero(b) {
			count++
		}
	}
	uv(uint64(count))
	last := -1
	for b := 0; b < len(m.weights)/T; b++ {
		if !nonzero(b) {
			continue
		}
		uv(uint64(b - last))
		last = b
		for _, v := range m.weights[b*T : (b+1)*T] {
			sv(int64(v))
		}
	}
	// the training vocabulary, sorted
	words := make([]string, 0, len(m.vocab))
	for w := range m.vocab {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		uv(uint64(len(w)))
		bw.WriteString(w)
		uv(uint64(min(m.vocab[w], maxCount)))
	}
	return bw.Flush()
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
		s.ctx.freq[i] = freqBucket(int(m.vocab[w.norm]))
	}
	for i := range ws {
		s.lat.joined[i] = ws[i].joined
		s.feats = s.ctx.features(ws, i, m.bits, s.feats[:0])
		addEmissions(s.lat.em[i*int(numTags):(i+1)*int(numTags)], m.weights, s.feats)
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
