package ner

import (
	"math"
)

// crf learns the same linear-chain model as a conditional random field:
// stochastic gradient ascent on the log-likelihood of each training
// sentence, with L2 regularisation (weights stored divided by a running
// scale factor, so that shrinking all of them costs one multiplication —
// Bottou's crfsgd) and a learning rate decaying as eta0/(1+eta0·λ·t).
type crf struct {
	w      []float64 // emission weights / scale
	scale  float64
	tr     [(numTags + 1) * numTags]float64 // transitions, start row last
	end    [numTags]float64
	lambda float64
	eta0   float64
	t      float64
	// scratch
	em, alpha, beta []float64
	norm            []float64
}

func newCRF(size int, lambda, eta0 float64) *crf {
	return &crf{w: make([]float64, size*int(numTags)), scale: 1, lambda: lambda, eta0: eta0}
}

// step does one gradient step on one example and returns its
// log-likelihood under the weights before the step.
func (c *crf) step(ex *example) float64 {
	n := len(ex.gold)
	T := int(numTags)
	c.em = resize(c.em, n*T)
	c.alpha = resize(c.alpha, n*T)
	c.beta = resize(c.beta, n*T)
	c.norm = resize(c.norm, n)
	// emission scores, then exp(score - max) row by row (the shift cancels
	// in the normalisation but is kept for the likelihood)
	goldScore := 0.0
	shift := 0.0
	for i := 0; i < n; i++ {
		row := c.em[i*T : (i+1)*T]
		for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
			w := c.w[int(f)*T : int(f)*T+T]
			for t := range row {
				row[t] += w[t]
			}
		}
		mx := math.Inf(-1)
		for t := range row {
			row[t] *= c.scale
			if row[t] > mx {
				mx = row[t]
			}
		}
		goldScore += row[ex.gold[i]]
		shift += mx
		for t := range row {
			row[t] = math.Exp(row[t] - mx)
		}
	}
	var etr [(numTags + 1) * numTags]float64
	for p := 0; p <= T; p++ {
		for t := 0; t < T; t++ {
			etr[p*T+t] = math.Exp(c.tr[p*T+t])
		}
	}
	var eend [numTags]float64
	for t := 0; t < T; t++ {
		eend[t] = math.Exp(c.end[t])
	}
	ok := func(i int, p, t Tag) bool {
		if ex.joined[i] {
			return allowedJoined(p, t)
		}
		return allowed(p, t)
	}
	// forward, each row normalised to sum 1 (norm[i] is the factor)
	for i := 0; i < n; i++ {
		a := c.alpha[i*T : (i+1)*T]
		sum := 0.0
		for t := 0; t < T; t++ {
			v := 0.0
			if i == 0 {
				if ok(0, start, Tag(t)) {
					v = etr[int(start)*T+t]
				}
			} else {
				prev := c.alpha[(i-1)*T : i*T]
				for p := 0; p < T; p++ {
					if prev[p] != 0 && ok(i, Tag(p), Tag(t)) {
						v += prev[p] * etr[p*T+t]
					}
				}
			}
			v *= c.em[i*T+t]
			a[t] = v
			sum += v
		}
		c.norm[i] = sum
		for t := range a {
			a[t] /= sum
		}
	}
	// backward, normalised with the same factors
	z := 0.0
	for t := 0; t < T; t++ {
		c.beta[(n-1)*T+t] = eend[t]
		z += c.alpha[(n-1)*T+t] * eend[t]
	}
	for i := n - 2; i >= 0; i-- {
		for t := 0; t < T; t++ {
			v := 0.0
			for u := 0; u < T; u++ {
				if ok(i+1, Tag(t), Tag(u)) {
					v += etr[t*T+u] * c.em[(i+1)*T+u] * c.beta[(i+1)*T+u]
				}
			}
			c.beta[i*T+t] = v / c.norm[i+1]
		}
	}
	// log Z = shift + Σ log norm + log z
	logZ := shift + math.Log(z)
	for i := 0; i < n; i++ {
		logZ += math.Log(c.norm[i])
	}
	// gold path's score
	prev := start
	for i := 0; i < n; i++ {
		goldScore += c.tr[int(prev)*T+int(ex.gold[i])]
		prev = ex.gold[i]
	}
	goldScore += c.end[prev]
	ll := goldScore - logZ

	// gradient step
	eta := c.eta0 / (1 + c.eta0*c.lambda*c.t)
	c.t++
	// regularise: shrink every weight (through the scale)
	c.scale *= 1 - eta*c.lambda
	if c.scale < 1e-6 {
		for i := range c.w {
			c.w[i] *= c.scale
		}
		c.scale = 1
	}
	g := eta / c.scale
	var marg [numTags]float64
	for i := 0; i < n; i++ {
		// p(t at i) = alpha·beta (both normalised consistently)
		s := 0.0
		for t := 0; t < T; t++ {
			marg[t] = c.alpha[i*T+t] * c.beta[i*T+t]
			s += marg[t]
		}
		for t := range marg {
			marg[t] /= s
		}
		marg[ex.gold[i]] -= 1 // expected − empirical
		for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
			w := c.w[int(f)*T : int(f)*T+T]
			for t := 0; t < T; t++ {
				if marg[t] != 0 {
					w[t] -= g * marg[t]
				}
			}
		}
	}
	// transitions: expected pair counts
	var dtr [(numTags + 1) * numTags]float64
	for t := 0; t < T; t++ {
		// start → t at word 0
		dtr[int(start)*T+t] += c.alpha[t] * c.beta[t] / rowMass(c.alpha[:T], c.beta[:T])
	}
	for i := 1; i < n; i++ {
		// p(p at i-1, t at i) ∝ alpha[i-1][p]·etr[p][t]·em[i][t]·beta[i][t] / norm[i]
		tot := 0.0
		var pm [numTags * numTags]float64
		for p := 0; p < T; p++ {
			ap := c.alpha[(i-1)*T+p]
			if ap == 0 {
				continue
			}
			for t := 0; t < T; t++ {
				if !ok(i, Tag(p), Tag(t)) {
					continue
				}
				v := ap * etr[p*T+t] * c.em[i*T+t] * c.beta[i*T+t]
				pm[p*T+t] = v
				tot += v
			}
		}
		for k := range pm {
			dtr[k] += pm[k] / tot
		}
	}
	var dend [numTags]float64
	last := rowMass(c.alpha[(n-1)*T:], c.beta[(n-1)*T:])
	for t := 0; t < T; t++ {
		dend[t] = c.alpha[(n-1)*T+t] * c.beta[(n-1)*T+t] / last
	}
	prev = start
	for i := 0; i < n; i++ {
		dtr[int(prev)*T+int(ex.gold[i])]--
		prev = ex.gold[i]
	}
	dend[prev]--
	for k := range c.tr {
		c.tr[k] -= eta * dtr[k]
	}
	for k := range c.end {
		c.end[k] -= eta * dend[k]
	}
	return ll
}

func rowMass(a, b []float64) float64 {
	s := 0.0
	for t := range a {
		s += a[t] * b[t]
	}
	return s
}

// model quantises the weights: stored = round(weight × scale).
func (c *crf) model(l *lists, info Info) *Model {
	m := &Model{bits: info.Bits, weights: make([]int16, len(c.w)), info: info, lists: l}
	q := float64(info.Scale)
	T := int(numTags)
	buckets := 0
	for b := 0; b < len(c.w)/T; b++ {
		any := false
		for t := 0; t < T; t++ {
			v := math.Round(c.w[b*T+t] * c.scale * q)
			if math.Abs(v) < float64(info.Prune) {
				continue
			}
			m.weights[b*T+t] = int16(max(math.MinInt16, min(math.MaxInt16, v)))
			any = true
		}
		if any {
			buckets++
		}
	}
	for k := range c.tr {
		m.tr.from[k] = int32(math.Round(c.tr[k] * q))
	}
	for k := range c.end {
		m.tr.end[k] = int32(math.Round(c.end[k] * q))
	}
	m.info.Buckets = buckets
	return m
}
