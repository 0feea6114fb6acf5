package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// Training: an averaged structured perceptron (Collins 2002). Each pass
// over the training sentences, in an order shuffled by a fixed seed,
// decodes a sentence with the current weights and, where the best tag
// sequence differs from the gold one, adds the gold sequence's features
// and subtracts the predicted one's. The model keeps the weights averaged
// over every step, which generalises far better than the last ones.
// Everything is integer arithmetic, so training gives the same model on
// any machine.

// TrainOptions set up a training run. Zero values take the defaults.
type TrainOptions struct {
	Bits   uint   // the weight table has 2^Bits feature buckets (default 21)
	Epochs int    // passes over the training data (default 10)
	Seed   uint64 // of the shuffle between passes (default 1)
	Scale  int64  // averaged weights are stored × Scale as int16 (default 64)
	Prune  int    // stored weights below this magnitude are dropped (default 1: none)
	// Ensemble is how many perceptrons, trained on differently shuffled
	// passes, have their weights averaged (default 3): one run's F1 varies
	// by ±0.01 with the shuffle; their average is steadier.
	Ensemble int
	L2       float64
	Eta      float64
	// Progress, when set, gets a line per pass; with EvalEach the line
	// has the tuning set's F1 after that pass.
	Progress io.Writer
	EvalEach bool
}

func (o *TrainOptions) defaults() {
	if o.Bits == 0 {
		o.Bits = 21
	}
	if o.Epochs == 0 {
		o.Epochs = 10
	}
	if o.Ensemble == 0 {
		o.Ensemble = 3
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Scale == 0 {
		o.Scale = 64
	}
	if o.Prune == 0 {
		o.Prune = 1
	}
}

// example is one training sentence, featurised once.
type example struct {
	gold   []Tag
	joined []bool
	feats  []uint32 // features of every word, back to back
	off    []int32  // word i's features are feats[off[i]:off[i+1]]
}

// perceptron holds the weights being learnt: current (w) and the running
// sums that give their average (u: each update × the step it was made at).
type perceptron struct {
	w        []int32
	u        []int64
	tr       transitions
	tu       [len(transitions{}.from)]int64
	eu       [numTags]int64
	step     int64
	mistakes int
}

func (p *perceptron) add(i int, d int32) {
	p.w[i] += d
	p.u[i] += int64(d) * p.step
}

// Train learns a model from training sentences; tune (IL-NER dev)
// calibrates its scores and, with EvalEach, is scored after every pass.
func Train(train, tune []Sentence, corpora []string, opt TrainOptions) (*Model, error) {
	opt.defaults()
	if opt.Bits < 8 || opt.Bits > 26 {
		return nil, fmt.Errorf("bits %d: want 8 to 26", opt.Bits)
	}
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	vocab := countWords(train)
	exs, words := featurise(l, vocab, train, opt.Bits)
	info := Info{FeatureVersion: featureVersion, Bits: opt.Bits, Scale: opt.Scale, Prune: opt.Prune,
		Epochs: opt.Epochs, Seed: opt.Seed, Ensemble: opt.Ensemble, Corpora: corpora, Sentences: len(exs), Words: words,
		Tuning: "IL-NER dev"}
	// an ensemble averages the weights of perceptrons trained on
	// differently shuffled passes (seeds Seed, Seed+1 …); they train side
	// by side, one per core, and are summed in seed order, so the result
	// does not depend on which finishes first
	members := make([]*Model, max(opt.Ensemble, 1))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	progress := opt.Progress
	if progress != nil {
		progress = &lockedWriter{w: progress}
	}
	for r := range members {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			o := opt
			o.Progress = progress
			members[r] = trainPerceptron(l, vocab, exs, tune, opt.Seed+uint64(r), info, o)
		}()
	}
	wg.Wait()
	var sum []int64
	var sumTr [len(transitions{}.from)]int64
	var sumEnd [numTags]int64
	var m *Model
	for _, m = range members {
		if opt.Ensemble <= 1 {
			break
		}
		dense := m.tab.dense()
		if sum == nil {
			sum = make([]int64, len(dense))
		}
		for i, v := range dense {
			sum[i] += int64(v)
		}
		for i, v := range m.tr.from {
			sumTr[i] += int64(v)
		}
		for i, v := range m.tr.end {
			sumEnd[i] += int64(v)
		}
	}
	if opt.Ensemble > 1 {
		k := int64(opt.Ensemble)
		m.info.Buckets = 0
		T := int(numTags)
		weights := make([]int16, len(sum))
		for b := 0; b < len(sum)/T; b++ {
			any := false
			for t := 0; t < T; t++ {
				v := roundDiv(sum[b*T+t], k)
				if v < int64(opt.Prune) && v > -int64(opt.Prune) {
					v = 0
				}
				weights[b*T+t] = int16(v)
				any = any || v != 0
			}
			if any {
				m.info.Buckets++
			}
		}
		m.tab = newTable(weights)
		for i := range sumTr {
			m.tr.from[i] = int32(roundDiv(sumTr[i], k))
		}
		for i := range sumEnd {
			m.tr.end[i] = int32(roundDiv(sumEnd[i], k))
		}
	}
	if len(tune) > 0 {
		m.calibrate(tune)
		m.info.TuningF1 = round4(Evaluate(m, tune).Micro().F1())
	}
	return m, nil
}

// lockedWriter lets the ensemble's members report progress together.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func roundDiv(a, b int64) int64 {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}

// trainPerceptron runs the passes of one averaged perceptron.
func trainPerceptron(l *lists, vocab map[string]int32, exs []example, tune []Sentence, seed uint64, info Info, opt TrainOptions) *Model {
	T := int(numTags)
	p := &perceptron{w: make([]int32, (1<<opt.Bits)*T), u: make([]int64, (1<<opt.Bits)*T), step: 1}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b67206e6572)) // "kg ner"
	var lat lattice
	var pred []Tag
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		p.mistakes = 0
		for _, k := range order {
			pred = p.learn(&exs[k], &lat, pred)
			p.step++
		}
		if opt.Progress != nil {
			line := fmt.Sprintf("seed %d pass %d/%d: %d of %d sentences wrong", seed, ep, opt.Epochs, p.mistakes, len(exs))
			if opt.EvalEach && len(tune) > 0 {
				m := p.model(l, info)
				m.vocab = newVocabulary(vocab)
				line += fmt.Sprintf(", tuning F1 %.4f", Evaluate(m, tune).Micro().F1())
			}
			fmt.Fprintln(opt.Progress, line)
		}
	}
	m := p.model(l, info)
	m.vocab = newVocabulary(vocab)
	return m
}

// countWords counts the folded words of the training sentences.
func countWords(sents []Sentence) map[string]int32 {
	v := map[string]int32{}
	for _, s := range sents {
		ws, _ := unitWords(s.Tokens)
		for _, w := range ws {
			v[w.norm]++
		}
	}
	return v
}

func featurise(l *lists, vocab map[string]int32, sents []Sentence, bits uint) ([]example, int) {
	var ctx context
	here := map[string]int32{}
	exs := make([]example, 0, len(sents))
	words := 0
	for _, s := range sents {
		ws, owner := unitWords(s.Tokens)
		if len(ws) == 0 {
			continue
		}
		ex := example{gold: unitGold(ws, owner, s.Gold()), off: make([]int32, 1, len(ws)+1), joined: make([]bool, len(ws))}
		ctx.fill(l, ws)
		clear(here)
		for _, w := range ws {
			here[w.norm]++
		}
		for i, w := range ws {
			ctx.freq[i] = freqBucket(int(vocab[w.norm] - here[w.norm]))
		}
		for i := range ws {
			ex.joined[i] = ws[i].joined
			ex.feats = ctx.features(ws, i, bits, ex.feats)
			ex.off = append(ex.off, int32(len(ex.feats)))
		}
		exs = append(exs, ex)
		words += len(ws)
	}
	return exs, words
}

// learn decodes one example with the current weights and updates them
// where the prediction is wrong.
func (p *perceptron) learn(ex *example, lat *lattice, pred []Tag) []Tag {
	n := len(ex.gold)
	T := int(numTags)
	lat.reset(n)
	copy(lat.joined, ex.joined)
	for i := 0; i < n; i++ {
		addEmissions(lat.em[i*T:(i+1)*T], p.w, ex.feats[ex.off[i]:ex.off[i+1]])
	}
	pred = resize(pred, n)
	lat.viterbi(&p.tr, pred)
	wrong := false
	for i := 0; i < n; i++ {
		if pred[i] == ex.gold[i] {
			continue
		}
		wrong = true
		g, q := int(ex.gold[i]), int(pred[i])
		for _, f := range ex.feats[ex.off[i]:ex.off[i+1]] {
			p.add(int(f)*T+g, 1)
			p.add(int(f)*T+q, -1)
		}
	}
	if !wrong {
		return pred
	}
	p.mistakes++
	prevG, prevP := start, start
	for i := 0; i < n; i++ {
		g, q := ex.gold[i], pred[i]
		if prevG != prevP || g != q {
			p.addTr(int(prevG)*T+int(g), 1)
			p.addTr(int(prevP)*T+int(q), -1)
		}
		prevG, prevP = g, q
	}
	if prevG != prevP {
		p.tr.end[prevG]++
		p.eu[prevG] += p.step
		p.tr.end[prevP]--
		p.eu[prevP] -= p.step
	}
	return pred
}

func (p *perceptron) addTr(i int, d int32) {
	p.tr.from[i] += d
	p.tu[i] += int64(d) * p.step
}

// average returns a weight averaged over all steps so far, × scale,
// rounded: (w·step − u)·scale / step.
func average(w int64, u int64, step, scale int64) int64 {
	num := (w*step - u) * scale
	if num >= 0 {
		return (num + step/2) / step
	}
	return -((-num + step/2) / step)
}

// model freezes the averaged weights into a Model.
func (p *perceptron) model(l *lists, info Info) *Model {
	m := &Model{bits: info.Bits, info: info, lists: l}
	weights := make([]int16, len(p.w))
	buckets := 0
	T := int(numTags)
	for b := 0; b < len(p.w)/T; b++ {
		any := false
		for t := 0; t < T; t++ {
			i := b*T + t
			q := average(int64(p.w[i]), p.u[i], p.step, info.Scale)
			if q < int64(info.Prune) && q > -int64(info.Prune) {
				continue
			}
			weights[i] = int16(max(math.MinInt16, min(math.MaxInt16, q)))
			any = true
		}
		if any {
			buckets++
		}
	}
	for i := range p.tr.from {
		m.tr.from[i] = int32(average(int64(p.tr.from[i]), p.tu[i], p.step, info.Scale))
	}
	for i := range p.tr.end {
		m.tr.end[i] = int32(average(int64(p.tr.end[i]), p.eu[i], p.step, info.Scale))
	}
	m.tab = newTable(weights)
	m.info.Buckets = buckets
	return m
}

// calibrate fits Score = 1/(1+exp(-(a·margin+b))) to whether each span the
// model finds in the tuning sentences is exactly right (logistic
// regression by Newton's method, a little L2 for stability).
func (m *Model) calibrate(tune []Sentence) {
	var xs, ys []float64
	s := &scratch{}
	for _, st := range tune {
		ws, owner := unitWords(st.Tokens)
		if len(ws) == 0 {
			continue
		}
		gold := map[[2]int]string{}
		for _, sp := range Spans(unitGold(ws, owner, st.Gold())) {
			gold[[2]int{sp.Start, sp.End}] = sp.Type
		}
		tags := m.decode(s, ws, true)
		for _, sp := range Spans(tags) {
			xs = append(xs, float64(s.lat.margin(tags, sp))/float64(m.info.Scale))
			y := 0.0
			if gold[[2]int{sp.Start, sp.End}] == sp.Type {
				y = 1
			}
			ys = append(ys, y)
		}
	}
	a, b := 0.0, 0.0
	const l2 = 1e-3
	for it := 0; it < 50; it++ {
		var ga, gb, haa, hab, hbb float64
		for k, x := range xs {
			pr := 1 / (1 + math.Exp(-(a*x + b)))
			d := pr - ys[k]
			ga += d * x
			gb += d
			w := pr * (1 - pr)
			haa += w * x * x
			hab += w * x
			hbb += w
		}
		ga += l2 * a
		haa += l2
		hbb += l2
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		a -= (hbb*ga - hab*gb) / det
		b -= (haa*gb - hab*ga) / det
	}
	// a per margin unit of the stored weights; rounded so the file does
	// not carry floating-point noise
	m.info.CalA = math.Round(a/float64(m.info.Scale)*1e6) / 1e6
	m.info.CalB = round4(b)
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
