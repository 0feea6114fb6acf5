package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sort"
)

// The model's big parts are stored in a fixed-width layout (see parse in
// model.go) and read without gunzip, varints or a 29 MB table to zero and
// fill, nor a map to build (issue 10: a one-article `kg load` paid 65–113
// ms for that): the weights are copied straight into their table (a few
// milliseconds), the vocabulary is searched in the file's own bytes.

// table holds the emission weights of the buckets that have any: for each
// run of 64 buckets a bitmap of those present and the count of present
// buckets before it (side by side: one cache line for both), and numTags
// weights per present bucket, in bucket order.
type table struct {
	blocks []block
	w      []int16
}

type block struct {
	bits uint64
	rank uint32
}

const rowBytes = int(numTags) * 2

// newTable packs dense weights (numTags per bucket).
func newTable(dense []int16) table {
	T := int(numTags)
	n := len(dense) / T
	t := table{blocks: make([]block, (n+63)/64)}
	for b := 0; b < n; b++ {
		row := dense[b*T : (b+1)*T]
		any := false
		for _, v := range row {
			any = any || v != 0
		}
		if !any {
			continue
		}
		t.blocks[b/64].bits |= 1 << (b % 64)
		t.w = append(t.w, row...)
	}
	t.count()
	return t
}

// count fills the blocks' ranks and returns the buckets present.
func (t *table) count() int {
	n := 0
	for k := range t.blocks {
		t.blocks[k].rank = uint32(n)
		n += bits.OnesCount64(t.blocks[k].bits)
	}
	return n
}

// tableOf reads a stored table: a bitmap of little-endian uint64 words and
// the present buckets' little-endian int16 weights, which must be as many
// as the bitmap says.
func tableOf(present, w []byte) (table, error) {
	if len(present)%8 != 0 {
		return table{}, errors.New("model weights: bitmap not whole words")
	}
	t := table{blocks: make([]block, len(present)/8)}
	for k := range t.blocks {
		t.blocks[k].bits = binary.LittleEndian.Uint64(present[k*8:])
	}
	if n := t.count(); n*rowBytes != len(w) {
		return table{}, fmt.Errorf("model weights: %d buckets in the bitmap, %d bytes of weights", n, len(w))
	}
	t.w = make([]int16, len(w)/2)
	for i := range t.w {
		t.w[i] = int16(binary.LittleEndian.Uint16(w[2*i:]))
	}
	return t, nil
}

// appendTo appends the stored form of the table: bitmap, then weights.
func (t *table) appendTo(out []byte) []byte {
	for _, b := range t.blocks {
		out = binary.LittleEndian.AppendUint64(out, b.bits)
	}
	for _, v := range t.w {
		out = binary.LittleEndian.AppendUint16(out, uint16(v))
	}
	return out
}

// buckets is the number of buckets with weights.
func (t *table) buckets() int { return len(t.w) / int(numTags) }

// add adds bucket f's weights to e.
func (t *table) add(e *[numTags]int32, f uint32) {
	b := &t.blocks[f>>6]
	bit := uint64(1) << (f & 63)
	if b.bits&bit == 0 {
		return
	}
	k := (int(b.rank) + bits.OnesCount64(b.bits&(bit-1))) * int(numTags)
	w := (*[numTags]int16)(t.w[k:])
	for i := range e {
		e[i] += int32(w[i])
	}
}

// dense unpacks the table (for the trainer's ensemble sums).
func (t *table) dense() []int16 {
	T := int(numTags)
	out := make([]int16, len(t.blocks)*64*T)
	k := 0
	for b := 0; b < len(t.blocks)*64; b++ {
		if t.blocks[b/64].bits&(1<<(b%64)) == 0 {
			continue
		}
		copy(out[b*T:(b+1)*T], t.w[k*T:(k+1)*T])
		k++
	}
	return out
}

// vocabulary holds the training words, sorted, with their counts (capped
// at maxCount), in the file's layout: each word's end offset in blob
// (uint32) and its count (uint16), little-endian; a word is found by
// binary search.
type vocabulary struct {
	n      int
	ends   []byte
	counts []byte
	blob   []byte
}

// newVocabulary lays out counted words.
func newVocabulary(counts map[string]int32) vocabulary {
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	v := vocabulary{n: len(words)}
	for _, w := range words {
		v.blob = append(v.blob, w...)
		v.ends = binary.LittleEndian.AppendUint32(v.ends, uint32(len(v.blob)))
		v.counts = binary.LittleEndian.AppendUint16(v.counts, uint16(min(max(counts[w], 0), maxCount)))
	}
	return v
}

// vocabularyOf reads a vocabulary over its stored bytes and checks it: the
// offsets rise to the blob's end, the words are sorted and distinct (the
// search needs it), the counts are at most maxCount.
func vocabularyOf(n int, ends, counts, blob []byte) (vocabulary, error) {
	v := vocabulary{n: n, ends: ends, counts: counts, blob: blob}
	if len(ends) != 4*n || len(counts) != 2*n {
		return vocabulary{}, errors.New("model vocabulary: bad size")
	}
	var prev []byte
	last := 0
	for i := 0; i < n; i++ {
		e := int(binary.LittleEndian.Uint32(ends[4*i:]))
		if e < last || e > len(blob) {
			return vocabulary{}, fmt.Errorf("model vocabulary: bad offset at %d", i)
		}
		w := blob[last:e]
		if i > 0 && bytes.Compare(w, prev) <= 0 {
			return vocabulary{}, fmt.Errorf("model vocabulary: word %d out of order", i)
		}
		if binary.LittleEndian.Uint16(counts[2*i:]) > maxCount {
			return vocabulary{}, fmt.Errorf("model vocabulary: bad count at %d", i)
		}
		prev, last = w, e
	}
	if last != len(blob) {
		return vocabulary{}, errors.New("model vocabulary: bytes after the last word")
	}
	return v, nil
}

func (v *vocabulary) word(i int) []byte {
	s := 0
	if i > 0 {
		s = int(binary.LittleEndian.Uint32(v.ends[4*(i-1):]))
	}
	return v.blob[s:binary.LittleEndian.Uint32(v.ends[4*i:])]
}

// count is how often w was seen in training (0 when never).
func (v *vocabulary) count(w string) int32 {
	i := sort.Search(v.n, func(i int) bool { return string(v.word(i)) >= w })
	if i < v.n && string(v.word(i)) == w {
		return int32(binary.LittleEndian.Uint16(v.counts[2*i:]))
	}
	return 0
}
