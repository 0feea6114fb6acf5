package ner

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
)

// A packed table gives back the dense weights it was built from, and adds
// a bucket's weights as the dense table would (absent buckets add nothing).
func TestTableKeepsWeights(t *testing.T) {
	T := int(numTags)
	dense := make([]int16, 256*T)
	for _, b := range []int{0, 1, 63, 64, 65, 200, 255} {
		for i := 0; i < T; i++ {
			dense[b*T+i] = int16((b+1)*(i+1)) * int16(1-2*(b%2)) // signed values
		}
	}
	tab := newTable(dense)
	if tab.buckets() != 7 {
		t.Errorf("%d buckets, want 7", tab.buckets())
	}
	if got := tab.dense(); !reflect.DeepEqual(got, dense) {
		t.Fatal("dense() differs from the weights the table was built from")
	}
	for b := 0; b < 256; b++ {
		var e, want [numTags]int32
		tab.add(&e, uint32(b))
		for i := 0; i < T; i++ {
			want[i] = int32(dense[b*T+i])
		}
		if e != want {
			t.Errorf("bucket %d: added %v, want %v", b, e, want)
		}
	}
}

func TestVocabularyCounts(t *testing.T) {
	v := newVocabulary(map[string]int32{"भारत": 12, "नेपाल": 3, "a": 1, "": 2, "zz": 5000})
	for w, want := range map[string]int32{"भारत": 12, "नेपाल": 3, "a": 1, "": 2, "zz": maxCount, "b": 0, "भार": 0} {
		if got := v.count(w); got != want {
			t.Errorf("count(%q) = %d, want %d", w, got, want)
		}
	}
	if _, err := vocabularyOf(v.n, v.ends, v.counts, v.blob); err != nil {
		t.Errorf("a laid-out vocabulary does not read back: %v", err)
	}
	// two words swapped: the binary search would miss words, so reading
	// refuses it
	bad := newVocabulary(map[string]int32{"b": 1, "a": 1})
	bad.blob = []byte("ba")
	if _, err := vocabularyOf(bad.n, bad.ends, bad.counts, bad.blob); err == nil {
		t.Error("a vocabulary out of order was read")
	}
}

// A model written and read back tags as the one written, and a model file
// whose weight bitmap promises more buckets than it carries is refused.
func TestWrittenModelReadsBack(t *testing.T) {
	m := defaultModel(t)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Error("writing the embedded model does not give the embedded file")
	}
	back, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"प्रधानमंत्री", "नरेंद्र", "मोदी", "ने", "दिल्ली", "में", "कहा"}
	if a, b := m.Spans(words), back.Spans(words); !reflect.DeepEqual(a, b) {
		t.Errorf("read back: %v, written: %v", b, a)
	}
	raw := bytes.Clone(buf.Bytes())
	// the bitmap starts after magic, header and transitions
	at := len(magic) + 4 + int(binary.LittleEndian.Uint32(raw[len(magic):])) + 4*(len(m.tr.from)+len(m.tr.end))
	for k := at; k < at+8*len(m.tab.blocks); k++ {
		if raw[k] != 0xff {
			raw[k] |= ^raw[k] & -^raw[k] // set one more bucket's bit
			break
		}
	}
	if _, err := Load(bytes.NewReader(raw)); err == nil {
		t.Error("a model with more buckets in its bitmap than weights was read")
	}
}
