package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sort"
)

// The model's two big parts are kept in the byte layout the model file
// stores them in, so that loading the embedded model reads them in place:
// no gunzip, no varints, no 29 MB table to zero and fill, no map to build
// (issue 10: a one-article `kg load` paid 65–113 ms for that). Only the
// bitmap's running counts (a few thousand numbers) are computed at load.

// table holds the emission weights of the buckets that have any: a bitmap
// of the 2^bits buckets and, in bucket order, numTags little-endian int16
// weights for each bucket whose bit is set.
type table struct {
	present []byte   // 2^bits bits, as little-endian uint64 words
	rank    []uint32 // buckets present before each word of present
	w       []byte   // numTags × int16 per present bucket
}

const rowBytes = int(numTags) * 2

// newTable packs dense weights (numTags per bucket).
func newTable(dense []int16) table {
	T := int(numTags)
	n := len(dense) / T
	present := make([]byte, (n+63)/64*8)
	var w []byte
	for b := 0; b < n; b++ {
		row := dense[b*T : (b+1)*T]
		any := false
		for _, v := range row {
			any = any || v != 0
		}
		if !any {
			continue
		}
		present[b/8] |= 1 << (b % 8)
		for _, v := range row {
			w = binary.LittleEndian.AppendUint16(w, uint16(v))
		}
	}
	t, err := tableOf(present, w)
	if err != nil {
		panic(err) // built here: cannot be inconsistent
	}
	return t
}

// tableOf reads a table over its stored bytes (not copied) and checks that
// the weights are as many as the bitmap says.
func tableOf(present, w []byte) (table, error) {
	if len(present)%8 != 0 {
		return table{}, errors.New("model weights: bitmap not whole words")
	}
	t := table{present: present, w: w, rank: make([]uint32, len(present)/8)}
	n := 0
	for k := range t.rank {
		t.rank[k] = uint32(n)
		n += bits.OnesCount64(binary.LittleEndian.Uint64(present[k*8:]))
	}
	if n*rowBytes != len(w) {
		return table{}, fmt.Errorf("model weights: %d buckets in the bitmap, %d bytes of weights", n, len(w))
	}
	return t, nil
}

// buckets is the number of buckets with weights.
func (t *table) buckets() int { return len(t.w) / rowBytes }

// add adds bucket f's weights to e.
func (t *table) add(e *[numTags]int32, f uint32) {
	word := binary.LittleEndian.Uint64(t.present[(f>>6)*8:])
	bit := uint64(1) << (f & 63)
	if word&bit == 0 {
		return
	}
	k := int(t.rank[f>>6]) + bits.OnesCount64(word&(bit-1))
	row := t.w[k*rowBytes : (k+1)*rowBytes : (k+1)*rowBytes]
	for i := range e {
		e[i] += int32(int16(binary.LittleEndian.Uint16(row[2*i:])))
	}
}

// dense unpacks the table (for the trainer's ensemble sums).
func (t *table) dense() []int16 {
	T := int(numTags)
	out := make([]int16, len(t.present)*8*T)
	k := 0
	for b := 0; b < len(t.present)*8; b++ {
		if t.present[b/8]&(1<<(b%8)) == 0 {
			continue
		}
		for i := 0; i < T; i++ {
			out[b*T+i] = int16(binary.LittleEndian.Uint16(t.w[k*rowBytes+2*i:]))
		}
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
