package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Sentence is one sentence of a CoNLL file: its tokens and their gold tags
// as written (any of the tag sets TagOf reads).
type Sentence struct {
	Tokens []string
	Tags   []string
	Line   int // line of the first token, for messages
}

// Gold returns the sentence's gold tags in kg's tag set.
func (s Sentence) Gold() []Tag {
	out := make([]Tag, len(s.Tags))
	prev := O
	for i, t := range s.Tags {
		out[i] = TagOf(t, prev)
		prev = out[i]
	}
	return out
}

// maxLine bounds one CoNLL line; a longer one is not a token line.
const maxLine = 64 * 1024

// ReadCoNLL reads token<TAB>tag lines, a blank line between sentences. A
// line of more columns takes its first as the token and its last as the
// tag; a line of one column is a token without a tag (O); -DOCSTART-
// lines are skipped. Text that is not UTF-8 is an error naming its line.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("line %d: not UTF-8", n)
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "-DOCSTART-") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) == 1 {
			fields = strings.Fields(line)
		}
		tok, tag := strings.TrimSpace(fields[0]), "O"
		if len(fields) > 1 {
			tag = strings.TrimSpace(fields[len(fields)-1])
		}
		if tok == "" {
			return nil, fmt.Errorf("line %d: empty token", n)
		}
		if len(cur.Tokens) == 0 {
			cur.Line = n
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return nil, fmt.Errorf("line %d: longer than %d bytes: not a CoNLL token line", n+1, maxLine)
		}
		return nil, err
	}
	flush()
	return out, nil
}
