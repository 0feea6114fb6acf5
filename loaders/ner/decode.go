package ner

import "math"

// Decoding: a linear-chain model scores a tag sequence as the sum of its
// words' emission weights (features × tag) and its transition weights
// (tag before × tag, from the start and to the end). Viterbi finds the
// best sequence among the well-formed ones (I-X only after B-X or I-X).

const start = numTags // the "tag" before the first word

// transitions are the weights of tag pairs: from[p*numTags+t] for p a tag
// or start, and end[t] for the last tag.
type transitions struct {
	from [(numTags + 1) * numTags]int32
	end  [numTags]int32
}

// allowed reports whether t may follow p (p may be start).
func allowed(p, t Tag) bool {
	if !t.Inside() {
		return true
	}
	return p != start && p.Type() == t.Type()
}

// allowedJoined reports whether t may follow p on a word that a hyphen
// joins to the one before (the उन of जोंग-उन, split off as extraction
// splits it): the parts of a token are in a name together or not at all,
// as every token of the training data is, even where a part alone is a
// common word (उन "those").
func allowedJoined(p, t Tag) bool {
	if p == O || p == start {
		return t == O
	}
	return t == inside(p.Type())
}

func (l *lattice) allowedAt(i int, p, t Tag) bool {
	if l.joined[i] {
		return allowedJoined(p, t)
	}
	return allowed(p, t)
}

const negInf = math.MinInt64 / 4

// lattice holds one sentence's scores; reused between sentences.
type lattice struct {
	n      int
	joined []bool  // word i is joined by a hyphen to word i-1
	em     []int32 // n × numTags emission scores
	alpha  []int64 // best score of a prefix ending in each tag
	beta   []int64 // best score of the rest after each tag (without its emission)
	back   []Tag
}

func (l *lattice) reset(n int) {
	l.n = n
	l.em = resize(l.em, n*int(numTags))
	l.alpha = resize(l.alpha, n*int(numTags))
	l.beta = resize(l.beta, n*int(numTags))
	l.back = resize(l.back, n*int(numTags))
	l.joined = resize(l.joined, n)
}

// addEmissions adds the weights of one word's features.
func addEmissions[W int16 | int32](em []int32, weights []W, feats []uint32) {
	e := (*[numTags]int32)(em)
	for _, f := range feats {
		w := (*[numTags]W)(weights[int(f)*int(numTags):])
		for t := range e {
			e[t] += int32(w[t])
		}
	}
}

// viterbi writes the best well-formed tag sequence into out and returns
// its score. It fills alpha; margins needs beta too (see backward).
func (l *lattice) viterbi(tr *transitions, out []Tag) int64 {
	n := l.n
	if n == 0 {
		return 0
	}
	const T = int(numTags)
	for t := 0; t < T; t++ {
		if allowed(start, Tag(t)) {
			l.alpha[t] = int64(tr.from[int(start)*T+t]) + int64(l.em[t])
		} else {
			l.alpha[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev, cur := l.alpha[(i-1)*T:i*T], l.alpha[i*T:(i+1)*T]
		for t := 0; t < T; t++ {
			best, arg := int64(negInf), Tag(O)
			for p := 0; p < T; p++ {
				if prev[p] == negInf || !l.allowedAt(i, Tag(p), Tag(t)) {
					continue
				}
				if s := prev[p] + int64(tr.from[p*T+t]); s > best {
					best, arg = s, Tag(p)
				}
			}
			if best == negInf {
				cur[t] = negInf
			} else {
				cur[t] = best + int64(l.em[i*T+t])
			}
			l.back[i*T+t] = arg
		}
	}
	best, arg := int64(negInf), Tag(O)
	last := l.alpha[(n-1)*T:]
	for t := 0; t < T; t++ {
		if last[t] == negInf {
			continue
		}
		if s := last[t] + int64(tr.end[t]); s > best {
			best, arg = s, Tag(t)
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = l.back[i*T+int(out[i])]
	}
	return best
}

// backward fills beta, so that alpha+beta at (i, t) is the score of the
// best sequence with tag t at word i (a max-marginal).
func (l *lattice) backward(tr *transitions) {
	n := l.n
	const T = int(numTags)
	for t := 0; t < T; t++ {
		l.beta[(n-1)*T+t] = int64(tr.end[t])
	}
	for i := n - 2; i >= 0; i-- {
		for t := 0; t < T; t++ {
			best := int64(negInf)
			for u := 0; u < T; u++ {
				nb := l.beta[(i+1)*T+u]
				if nb == negInf || !l.allowedAt(i+1, Tag(t), Tag(u)) {
					continue
				}
				if s := int64(tr.from[t*T+u]) + int64(l.em[(i+1)*T+u]) + nb; s > best {
					best = s
				}
			}
			l.beta[i*T+t] = best
		}
	}
}

// maxMarginal is the score of the best sequence with tag t at word i.
func (l *lattice) maxMarginal(i int, t Tag) int64 {
	a, b := l.alpha[i*int(numTags)+int(t)], l.beta[i*int(numTags)+int(t)]
	if a == negInf || b == negInf {
		return negInf
	}
	return a + b
}

// margin is how much better the best sequence is than the best one that
// does not contain span s exactly: one of its words tagged otherwise, or
// the word after it continuing it. 0 when some other reading scores the
// same.
func (l *lattice) margin(tags []Tag, s Span) int64 {
	best := l.maxMarginal(s.Start, tags[s.Start])
	m := int64(math.MaxInt64)
	for i := s.Start; i < s.End; i++ {
		for t := Tag(0); t < numTags; t++ {
			if t == tags[i] {
				continue
			}
			if alt := l.maxMarginal(i, t); alt != negInf && best-alt < m {
				m = best - alt
			}
		}
	}
	if s.End < l.n {
		if alt := l.maxMarginal(s.End, inside(s.Type)); alt != negInf && best-alt < m {
			m = best - alt
		}
	}
	if m < 0 {
		m = 0
	}
	return m
}
