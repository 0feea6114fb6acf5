package temporal

import "time"

// form is how a spec pins down its date.
type form uint8

const (
	fAbs     form = iota + 1 // y [m [d]] written out
	fYearRel                 // year = anchor year + off; m [d] written out
	fPartial                 // m [d] written out; the year from tense or dir
	fRel                     // anchor + off units
	fWeekday                 // a weekday near the anchor
	fDeictic                 // anchor + off (past clause) or fut (future clause) days
)

// spec is one end of a parsed expression, before resolution.
type spec struct {
	f       form
	y, m, d int
	off     int         // fYearRel, fRel, fDeictic (past)
	fut     int         // fDeictic in a future clause
	unit    Granularity // fRel
	wd      int         // fWeekday: ISO weekday; fRel with unit Week: a day of that week
	// dir is a direction forced by a modifier (पिछले जून, अगले शुक्रवार):
	// -1 strictly before the anchor, +1 strictly after, 0 by tense; for
	// weekdays thisWeek means the weekday of the anchor's own week (इस
	// शुक्रवार).
	dir int
}

const thisWeek = 2

// byTense reports whether the spec resolves by the tense of its clause.
func (s spec) byTense() bool {
	return s.dir == 0 && (s.f == fPartial || s.f == fWeekday || s.f == fDeictic)
}

// cand is an expression found in the tokens [i, j).
type cand struct {
	i, j    int
	kind    Kind
	a, b    spec // b: the end of a range
	rng     bool
	ordinal int
	amount  int
	unit    Granularity
	// later: "N unit बाद", which counts from the publication date in a
	// future clause and from the event told before in any other (a Sequel)
	later bool
}

// monthLevel reports whether the candidate is a single month without a day.
func (c *cand) monthLevel() bool {
	return !c.rng && c.a.m != 0 && c.a.d == 0 && (c.a.f == fAbs || c.a.f == fPartial || c.a.f == fYearRel)
}

type parser struct {
	lx   *lexicon
	f    *folded
	toks []token
}

func (p *parser) at(i int) *token {
	if i >= 0 && i < len(p.toks) {
		return &p.toks[i]
	}
	return nil
}

func (p *parser) look(i int, c cat) (*entry, int) { return p.lx.lookup(p.toks, i, c) }

func (p *parser) isPunct(i int, s string) bool {
	t := p.at(i)
	return t != nil && t.kind == tPunct && t.s == s
}

// glued reports whether token i follows the previous one with no space.
func (p *parser) glued(i int) bool {
	t := p.at(i)
	return t != nil && !t.space
}

// number returns the value of a plain (non-quantity) number token at i with
// at most maxDig digits, or -1.
func (p *parser) number(i, maxDig int) int {
	t := p.at(i)
	if t == nil || t.kind != tNum || t.qty || t.num < 0 || t.ndig > maxDig {
		return -1
	}
	// digits glued to letters (80वीं, 13th) are an ordinal, not a count
	if n := p.at(i + 1); n != nil && n.kind == tWord && !n.space {
		if _, k := p.look(i+1, cPost); k == 0 {
			return -1
		}
	}
	return t.num
}

// dayAt reads a day of the month at i: 1–31 in digits (with an English
// ordinal suffix: 13th) or a number word; it returns the day and the tokens
// it covers.
func (p *parser) dayAt(i int) (int, int) {
	if t := p.at(i); t != nil && t.kind == tNum && !t.qty && t.ndig <= 2 && t.num >= 1 && t.num <= 31 {
		if _, n := p.look(i+1, cOrdSuffix); n > 0 && p.glued(i+1) && isLatin([]rune(p.toks[i+1].s)[0]) {
			return t.num, 1 + n
		}
		if p.number(i, 2) > 0 {
			return t.num, 1
		}
		return 0, 0
	}
	if e, n := p.look(i, cCardinal); n > 0 && e.val <= 31 {
		return e.val, n
	}
	return 0, 0
}

// yearAt reads a four-digit year in [lo, hi] at i.
func (p *parser) yearAt(i, lo, hi int) (int, bool) {
	t := p.at(i)
	if t == nil || t.kind != tNum || t.ndig != 4 || t.num < lo || t.num > hi || p.number(i, 4) < 0 {
		return 0, false // a quantity, or glued to letters (1990s)
	}
	return t.num, true
}

// amountAt reads a count at i: digits or a number word.
func (p *parser) amountAt(i int) (int, int) {
	if n := p.number(i, 4); n > 0 {
		return n, 1
	}
	if e, n := p.look(i, cCardinal); n > 0 {
		return e.val, n
	}
	return 0, 0
}

// monthAt reads a month name at i, with the full stop of an abbreviation.
func (p *parser) monthAt(i int) (int, int) {
	e, n := p.look(i, cMonth)
	if n == 0 {
		return 0, 0
	}
	// "May" after another capitalised word is a name (Theresa May) unless
	// that word is one of ours (In May, Early May, Next May).
	if prev := p.at(i - 1); e.capOnly && prev != nil && prev.kind == tWord && prev.cap {
		ours := false
		for _, c := range []cat{cYearMark, cMonthPrefix, cRelative, cCardinal} {
			if _, k := p.look(i-1, c); k > 0 {
				ours = true
			}
		}
		if !ours {
			return 0, 0
		}
	}
	if p.isPunct(i+n, ".") && p.glued(i+n) && len([]rune(p.toks[i+n-1].s)) <= 4 {
		n++
	}
	return e.val, n
}

// Year bounds: a bare number counts as a year only in [bareLo, bareHi] and
// when its context says so; beside a month or a year word any four digits
// in [markedLo, markedHi] do.
const (
	bareLo, bareHi     = 1000, 2100
	markedLo, markedHi = 1000, 2999
)

// parseAt finds the longest expression starting at token i, with what may
// follow it (a part of the month or day, the other end of a range, a
// postposition).
func (p *parser) parseAt(i int) *cand {
	c := p.core(i)
	if c != nil {
		p.extend(c, true)
	}
	return c
}

// core tries every shape at i and keeps the longest (the earlier on ties).
func (p *parser) core(i int) *cand {
	var best *cand
	for _, try := range []func(int) *cand{
		p.numericDate, p.dayMonth, p.monthFirst, p.dayRange, p.relative,
		p.deictic, p.amount, p.weekday, p.anniversary, p.bareYear,
		p.sequel, p.clock,
	} {
		if c := try(i); c != nil && (best == nil || c.j > best.j) {
			best = c
		}
	}
	return best
}

func (p *parser) extend(c *cand, post bool) {
	if c.monthLevel() {
		if _, n := p.look(c.j, cMonthPart); n > 0 {
			c.j += n
		}
	}
	if !c.rng && (c.a.d != 0 || c.a.f == fWeekday || c.a.f == fDeictic || c.kind == Sequel && c.unit == Day) {
		if _, n := p.look(c.j, cDaypart); n > 0 {
			c.j += n
		}
		// "शनिवार सुबह नौ बजे के आसपास": the hour of that day
		if n := p.clockAt(c.j); n > 0 {
			c.j += n
		}
	}
	p.rangeExt(c)
	p.yearAfter(c)
	if post {
		if _, n := p.look(c.j, cPost); n > 0 {
			c.j += n
		}
	}
}

// numericDate reads 2025-08-13, and day-first 13/08/2025, 13.08.2025, 13-08-2025.
func (p *parser) numericDate(i int) *cand {
	three := func(sep string) (int, int, int, bool) {
		for k := 1; k <= 4; k++ {
			if !p.glued(i + k) {
				return 0, 0, 0, false
			}
		}
		if !p.isPunct(i+1, sep) || !p.isPunct(i+3, sep) {
			return 0, 0, 0, false
		}
		a, b, c := p.at(i), p.at(i+2), p.at(i+4)
		for _, t := range []*token{a, b, c} {
			if t.kind != tNum || t.qty || t.num < 0 {
				return 0, 0, 0, false
			}
		}
		if a.ndig == 4 && b.ndig <= 2 && c.ndig <= 2 && sep == "-" {
			return a.num, b.num, c.num, true
		}
		if a.ndig <= 2 && b.ndig <= 2 && c.ndig == 4 {
			return c.num, b.num, a.num, true
		}
		return 0, 0, 0, false
	}
	for _, sep := range []string{"-", "/", "."} {
		if y, m, d, ok := three(sep); ok && y >= markedLo && y <= markedHi && validDay(y, m, d) {
			return &cand{i: i, j: i + 5, kind: Explicit, a: spec{f: fAbs, y: y, m: m, d: d}}
		}
	}
	return nil
}

// yearAfterMonth reads ", 2025" or " 2025" at i.
func (p *parser) yearAfterMonth(i int) (int, int) {
	k := i
	if p.isPunct(k, ",") {
		k++
	}
	if y, ok := p.yearAt(k, markedLo, markedHi); ok {
		return y, k + 1 - i
	}
	return 0, 0
}

// dayMonth reads "19 जून 2024", "15 अगस्त", "एक जनवरी", "13 August 2025".
func (p *parser) dayMonth(i int) *cand {
	d, n := p.dayAt(i)
	if n == 0 {
		return nil
	}
	m, mn := p.monthAt(i + n)
	if mn == 0 {
		return nil
	}
	j := i + n + mn
	c := &cand{i: i, kind: Partial, a: spec{f: fPartial, m: m, d: d}}
	if y, yn := p.yearAfterMonth(j); yn > 0 {
		c.kind, c.a.f, c.a.y = Explicit, fAbs, y
		j += yn
	}
	if !validDay(c.a.y, m, d) {
		return nil
	}
	c.j = j
	return c
}

// monthFirst reads "Aug 13, 2025", "August 2025", "दिसंबर 2001", "mid-August",
// and a month alone ("सितंबर में").
func (p *parser) monthFirst(i int) *cand {
	j := i
	if _, n := p.look(j, cMonthPrefix); n > 0 {
		j += n
		if p.isPunct(j, "-") {
			j++
		}
	}
	m, mn := p.monthAt(j)
	if mn == 0 {
		return nil
	}
	j += mn
	c := &cand{i: i, kind: Partial, a: spec{f: fPartial, m: m}}
	if d, dn := p.dayAt(j); dn > 0 && validDay(0, m, d) {
		c.a.d = d
		j += dn
	}
	if y, yn := p.yearAfterMonth(j); yn > 0 && (c.a.d == 0 || validDay(y, m, c.a.d)) {
		c.kind, c.a.f, c.a.y = Explicit, fAbs, y
		j += yn
	}
	c.j = j
	return c
}

// dayRange reads "13-15 अगस्त" and "13 से 15 अगस्त तक".
func (p *parser) dayRange(i int) *cand {
	d, n := p.dayAt(i)
	if n == 0 {
		return nil
	}
	_, sn := p.look(i+n, cRangeSep)
	if sn == 0 {
		return nil
	}
	end := p.dayMonth(i + n + sn)
	if end == nil || end.a.d <= d {
		return nil
	}
	a := end.a
	a.d = d
	c := &cand{i: i, j: end.j, kind: Range, a: a, b: end.a, rng: true}
	if _, k := p.look(c.j, cRangeEnd); k > 0 {
		c.j += k
	}
	return c
}

// bareYear reads a year on its own: "वर्ष 2001", "सन् 1947 ई.", "2002 में",
// "in 2002". Without a year word before it, a four-digit number is a year
// only if what follows says so (a postposition, के/का/की, punctuation, the
// end) and nothing makes it a quantity ("2000 से अधिक", "2000 सैनिक").
func (p *parser) bareYear(i int) *cand {
	j := i
	strong := false
	if e, n := p.look(i, cYearMark); n > 0 && e.val == 1 {
		j, strong = i+n, true
	}
	lo, hi := bareLo, bareHi
	if strong {
		lo, hi = markedLo, markedHi
	}
	y, ok := p.yearAt(j, lo, hi)
	if !ok {
		return nil
	}
	k := j + 1
	if _, n := p.look(k, cEra); n > 0 {
		k += n
	}
	if !strong && !p.yearLicensed(i, k) {
		return nil
	}
	return &cand{i: i, j: k, kind: Explicit, a: spec{f: fAbs, y: y}}
}

func (p *parser) yearLicensed(i, k int) bool {
	if _, n := p.look(k, cQuantNext); n > 0 {
		return false
	}
	if _, n := p.look(i-1, cYearMark); n > 0 {
		return true
	}
	t := p.at(k)
	if t == nil || t.kind == tPunct {
		return true
	}
	_, n1 := p.look(k, cPost)
	_, n2 := p.look(k, cYearNext)
	return n1 > 0 || n2 > 0
}

// relative reads expressions led by a modifier: "पिछले साल", "गत माह",
// "अगले हफ्ते", "पिछले साल जून में", "इस वर्ष मई-जून", "अगले शुक्रवार",
// "पिछले जून", "आगामी 15 अगस्त", "पिछले 13 साल" (a duration).
func (p *parser) relative(i int) *cand {
	e, n := p.look(i, cRelative)
	if n == 0 {
		return nil
	}
	off, j := e.val, i+n
	if u, un := p.look(j, cUnit); un > 0 {
		switch u.unit {
		case Day:
			// "अगले दिन" is the day after some narrated event, not after
			// the publication date: leave it alone.
			return nil
		case Year:
			c := &cand{i: i, j: j + un, kind: Relative, a: spec{f: fRel, unit: Year, off: off}}
			// "पिछले साल जून में", "इस वर्ष मई-जून": a month or a day and
			// month written without a year (or a range of them) takes this one
			if sub := p.core(j + un); sub != nil && (sub.kind == Partial || sub.kind == Range) {
				p.extend(sub, false)
				if sub.a.f == fPartial && (!sub.rng || sub.b.f == fPartial) {
					sub.i = i
					sub.a.f, sub.a.off = fYearRel, off
					if sub.rng {
						sub.b.f, sub.b.off = fYearRel, off
					} else {
						sub.kind = Relative
					}
					return sub
				}
			}
			return c
		case Week:
			c := &cand{i: i, j: j + un, kind: Relative, a: spec{f: fRel, unit: Week, off: off}}
			// "पिछले हफ्ते बुधवार को": the Wednesday of last week
			k := j + un
			if _, gn := p.look(k, cYearNext); gn > 0 { // के
				if _, wn := p.look(k+gn, cWeekday); wn > 0 {
					k += gn
				}
			}
			if w, wn := p.look(k, cWeekday); wn > 0 {
				c.a.wd, c.kind, c.j = w.val, Weekday, k+wn
			}
			return c
		default:
			return &cand{i: i, j: j + un, kind: Relative, a: spec{f: fRel, unit: u.unit, off: off}}
		}
	}
	if w, wn := p.look(j, cWeekday); wn > 0 {
		dir := off
		if off == 0 {
			dir = thisWeek
		}
		return &cand{i: i, j: j + wn, kind: Weekday, a: spec{f: fWeekday, wd: w.val, dir: dir}}
	}
	if c := p.amount(j); c != nil && c.kind == Duration {
		c.i = i
		return c
	}
	sub := p.dayMonth(j)
	if sub == nil {
		sub = p.monthFirst(j)
	}
	if sub != nil && sub.a.f == fPartial {
		sub.i, sub.kind = i, Relative
		if off == 0 {
			sub.a.f = fYearRel // "इस जून": June of the anchor's year
		} else {
			sub.a.dir = off
		}
		return sub
	}
	return nil
}

// deictic reads आज, कल, परसों, today, yesterday, tomorrow.
func (p *parser) deictic(i int) *cand {
	e, n := p.look(i, cDeictic)
	if n == 0 {
		return nil
	}
	return &cand{i: i, j: i + n, kind: Relative, a: spec{f: fDeictic, off: e.val, fut: e.val2}}
}

// amount reads "दो साल पहले", "3 days ago" (relative) and "13 साल",
// "दो हफ्तों" (durations).
func (p *parser) amount(i int) *cand {
	n, nn := p.amountAt(i)
	if nn == 0 {
		return nil
	}
	j := i + nn
	u, un := p.look(j, cUnit)
	if un == 0 {
		u, un = p.look(j, cUnitPlural)
	}
	if un == 0 {
		return nil
	}
	j += un
	if a, an := p.look(j, cAgo); an > 0 {
		if a.val > 0 && p.offsetOfNamed(i) {
			// "चुनाव के एक साल बाद", "हर तीन साल बाद": a length of time
			// after something named, or a period, not a date
			return &cand{i: i, j: j + an, kind: Duration, amount: n, unit: u.unit}
		}
		return &cand{i: i, j: j + an, kind: Relative, a: spec{f: fRel, unit: u.unit, off: a.val * n},
			later: a.val > 0, amount: n, unit: u.unit}
	}
	return &cand{i: i, j: j, kind: Duration, amount: n, unit: u.unit}
}

// sequel reads a day counted from the event told before: "उसी दिन",
// "अगले दिन", "अगली सुबह".
func (p *parser) sequel(i int) *cand {
	e, n := p.look(i, cSequel)
	if n == 0 {
		return nil
	}
	return &cand{i: i, j: i + n, kind: Sequel, amount: e.val, unit: Day}
}

// clock reads a clock time with no day: "दोपहर 12 बजे के आसपास", "रात
// साढ़े नौ बजे". News gives the hour of the day it told last, so it is a
// Sequel of that day.
func (p *parser) clock(i int) *cand {
	j := i
	if _, n := p.look(j, cApprox); n > 0 {
		j += n
	}
	if _, n := p.look(j, cDaypart); n > 0 {
		j += n
	}
	n := p.clockAt(j)
	if n == 0 {
		return nil
	}
	return &cand{i: i, j: j + n, kind: Sequel, unit: Day}
}

// clockAt reads "नौ बजे", "तक़रीबन 12 बजे के आसपास", "साढ़े चार बजे" at i
// and returns the tokens it covers, or 0.
func (p *parser) clockAt(i int) int {
	j := i
	for k := 0; k < 2; k++ { // तक़रीबन साढ़े …
		if _, n := p.look(j, cApprox); n > 0 {
			j += n
		}
	}
	if t := p.at(j); t != nil && t.kind == tNum && !t.qty && t.ndig <= 2 && t.num >= 0 && t.num <= 24 {
		j++
	} else if e, n := p.look(j, cCardinal); n > 0 && e.val <= 24 {
		j += n
	} else {
		return 0
	}
	_, n := p.look(j, cClock)
	if n == 0 {
		return 0
	}
	j += n
	if _, n := p.look(j, cApprox); n > 0 {
		j += n
	}
	return j - i
}

// offsetOfNamed reports whether the amount at i counts from a thing named
// right before it ("जन्म के एक महीने बाद": a genitive) or repeats ("हर दो
// या तीन साल बाद"): an every-word up to three tokens back.
func (p *parser) offsetOfNamed(i int) bool {
	if _, n := p.look(i-1, cOffsetOf); n > 0 {
		return true
	}
	for k := i - 1; k >= i-3 && k >= 0; k-- {
		if p.toks[k].kind == tPunct {
			break
		}
		if _, n := p.look(k, cEvery); n > 0 {
			return true
		}
	}
	return false
}

// weekday reads बुधवार, Friday.
func (p *parser) weekday(i int) *cand {
	e, n := p.look(i, cWeekday)
	if n == 0 {
		return nil
	}
	return &cand{i: i, j: i + n, kind: Weekday, a: spec{f: fWeekday, wd: e.val}}
}

// anniversary reads "80वीं वर्षगांठ", "पहली वर्षगांठ", "80वीं मुक्ति वर्षगांठ",
// "75th anniversary": an ordinal, up to two words, an anniversary word.
func (p *parser) anniversary(i int) *cand {
	ord, j := 0, i
	if t := p.at(i); t != nil && t.kind == tNum && !t.qty && t.num > 0 && t.ndig <= 4 {
		_, sn := p.look(i+1, cOrdSuffix)
		if sn == 0 {
			return nil
		}
		ord, j = t.num, i+1+sn
	} else if e, n := p.look(i, cOrdinal); n > 0 {
		ord, j = e.val, i+n
	} else {
		return nil
	}
	for k := j; k <= j+2; k++ {
		if _, an := p.look(k, cAnniversary); an > 0 {
			return &cand{i: i, j: k + an, kind: Anniversary, ordinal: ord}
		}
		if t := p.at(k); t == nil || t.kind != tWord {
			return nil
		}
	}
	return nil
}

// rangeExt joins a second end to c: "1910-45", "1999 से 2004 तक", "मई-जून",
// "15 जून से 20 जुलाई 2024 तक". A year followed by a two-digit number with
// a leading zero that cannot end a range is a year and month (2025-08).
func (p *parser) rangeExt(c *cand) {
	if c.rng || (c.kind != Explicit && c.kind != Partial) {
		return
	}
	j := c.j
	_, sn := p.look(j, cRangeSep)
	if sn == 0 {
		return
	}
	k := j + sn
	a := c.a
	yearOnly := a.f == fAbs && a.m == 0
	if yearOnly && p.isPunct(j, "-") {
		if t := p.at(k); t != nil && t.kind == tNum && !t.qty && t.ndig == 2 {
			end := a.y - a.y%100 + t.num
			if end <= a.y {
				end += 100
			}
			leadingZero := t.s[0] == '0'
			switch {
			case leadingZero && t.num >= 1 && t.num <= 12 && end != a.y+1 && p.glued(j) && p.glued(k):
				c.a.m, c.j = t.num, k+1 // 2025-08
			case !leadingZero || end == a.y+1:
				c.b, c.rng, c.kind, c.j = spec{f: fAbs, y: end}, true, Range, k+1
				p.rangeClose(c)
			}
			return
		}
	}
	var b *cand
	switch {
	case yearOnly:
		if b = p.bareYear(k); b == nil {
			if y, ok := p.yearAt(k, markedLo, markedHi); ok {
				b = &cand{i: k, j: k + 1, kind: Explicit, a: spec{f: fAbs, y: y}}
			}
		}
		if b != nil && (b.a.m != 0 || b.a.y < a.y) {
			b = nil
		}
	case a.d == 0:
		if b = p.monthFirst(k); b != nil && b.a.d != 0 {
			b = nil
		}
	default:
		if b = p.dayMonth(k); b == nil {
			if b = p.monthFirst(k); b != nil && b.a.d == 0 {
				b = nil
			}
		}
	}
	if b == nil {
		return
	}
	ea, eb, ok := joinEnds(a, b.a)
	if !ok {
		return
	}
	c.a, c.b, c.rng, c.kind, c.j = ea, eb, true, Range, b.j
	p.rangeClose(c)
}

func (p *parser) rangeClose(c *cand) {
	if _, n := p.look(c.j, cRangeEnd); n > 0 {
		c.j += n
	}
}

// joinEnds gives a range's ends a common year where one end has it.
func joinEnds(a, b spec) (spec, spec, bool) {
	before := func(x, y spec) bool { return x.m < y.m || (x.m == y.m && x.d < y.d) }
	switch {
	case a.f == fPartial && b.f == fAbs:
		a.f, a.y = fAbs, b.y
		if before(b, a) {
			a.y--
		}
	case a.f == fAbs && b.f == fPartial:
		b.f, b.y = fAbs, a.y
		if before(b, a) {
			b.y++
		}
	case a.f == fAbs && b.f == fAbs:
		if mkDate(b.y, b.m, b.d).String() < mkDate(a.y, a.m, a.d).String() {
			return a, b, false
		}
	case a.f != fPartial || b.f != fPartial:
		return a, b, false
	}
	return a, b, true
}

// yearAfter reads "June last year": a month followed by a relative year.
func (p *parser) yearAfter(c *cand) {
	if c.rng || c.a.f != fPartial {
		return
	}
	e, n := p.look(c.j, cRelative)
	if n == 0 {
		return
	}
	if u, un := p.look(c.j+n, cUnit); un > 0 && u.unit == Year {
		c.a.f, c.a.off, c.kind, c.j = fYearRel, e.val, Relative, c.j+n+un
	}
}

// clauses numbers the clause of every token: a clause ends at , ; : । ॥ ?
// ! ( ) and before a clause-opening word (कि, जब, जो, that, when).
func (p *parser) clauses() []int {
	ids := make([]int, len(p.toks))
	id := 0
	for i, t := range p.toks {
		if _, n := p.look(i, cClause); n > 0 && i > 0 {
			id++
		}
		ids[i] = id
		if t.kind == tPunct {
			switch t.s {
			case ",", ";", ":", "।", "॥", "?", "!", "(", ")", "|":
				id++
			}
		}
	}
	return ids
}

// clauseTense is the tense of the clause holding token i; a clause with no
// verb (a comma inside a date or a list) borrows the tense of the clauses
// after it, where Hindi puts the verb, then of those before it.
func (p *parser) clauseTense(ids []int, i int) Tense {
	lo, hi := i, i
	for lo > 0 && ids[lo-1] == ids[i] {
		lo--
	}
	for hi < len(ids) && ids[hi] == ids[i] {
		hi++
	}
	if t := p.lx.tense(wordsOf(p.toks, lo, hi)); t != Unknown {
		return t
	}
	for end := hi; end < len(ids); {
		id := ids[end]
		for end < len(ids) && ids[end] == id {
			end++
		}
		if t := p.lx.tense(wordsOf(p.toks, lo, end)); t != Unknown {
			return t
		}
	}
	return p.lx.tense(wordsOf(p.toks, 0, len(p.toks)))
}

// cue looks beside an expression for a word that fixes its direction
// whatever the clause's tense says: आगामी, आने वाले, अगले → Future; पिछले,
// गत, बीते → Past. It looks up to two tokens before and five after, within
// the clause, skipping tokens of other expressions.
func (p *parser) cue(c *cand, ids []int, covered []bool) Tense {
	// check reports the cue at token k, and whether to look further.
	check := func(k, clause int) (Tense, bool) {
		if k < 0 || k >= len(p.toks) || ids[k] != clause {
			return Unknown, false
		}
		if covered[k] {
			return Unknown, true
		}
		if e, n := p.look(k, cRelative); n > 0 && e.val != 0 {
			if e.val < 0 {
				return Past, false
			}
			return Future, false
		}
		return Unknown, true
	}
	for k := c.j; k < c.j+5; k++ {
		t, more := check(k, ids[c.j-1])
		if t != Unknown {
			return t
		}
		if !more {
			break
		}
	}
	for k := c.i - 1; k >= c.i-2; k-- {
		t, more := check(k, ids[c.i])
		if t != Unknown {
			return t
		}
		if !more {
			break
		}
	}
	return Unknown
}

// Find returns the time expressions in text, in order, resolved against
// anchor (the publication date; the zero time means no anchor, and then
// only expressions that carry their year are resolved).
//
// text is one sentence or clause; it may be NFC or NFD, with Devanagari or
// ASCII digits, no-break spaces, zero-width joiners, nukta and chandrabindu
// variants, mixed Hindi and English. Offsets are into text as given.
//
// Bare months, days and weekdays, and कल/परसों, resolve by tense: Past → the
// latest such date on or before the anchor; Future → the next one on or
// after it (for a weekday, strictly after: a future "on Friday" in a Friday
// article is next week's); Present or Unknown → the nearest (the earlier on
// a tie; कल stays unresolved). With tense Unknown, Find reads the tense of
// the clause holding each expression with DetectTense. A cue word beside an
// expression (आगामी, आने वाले, पिछले, गत...) overrides either.
//
// A week ("अगले हफ्ते", "this week") resolves to its Monday as Value and its
// Sunday as EndDate. "दिसंबर के पहले सप्ताह में" resolves to the month.
func Find(text string, anchor time.Time, tense Tense) []Expr {
	return NewText(text).Find(anchor, tense)
}

// Find is Find of the text.
func (t Text) Find(anchor time.Time, tense Tense) []Expr {
	if t.f == nil {
		return nil
	}
	lx := load()
	f := t.f
	text := f.src
	p := &parser{lx: lx, f: f, toks: f.toks}
	var cands []*cand
	covered := make([]bool, len(p.toks))
	for i := 0; i < len(p.toks); {
		c := p.parseAt(i)
		if c == nil {
			i++
			continue
		}
		cands = append(cands, c)
		for k := c.i; k < c.j; k++ {
			covered[k] = true
		}
		i = c.j
	}
	if len(cands) == 0 {
		return nil
	}
	ids := p.clauses()
	out := make([]Expr, 0, len(cands))
	for _, c := range cands {
		t := tense
		if c.later {
			// "दो दिन बाद बैठक होगी" counts from today; "दो दिन बाद उसे
			// छोड़ दिया गया" from the arrest told before
			if t == Unknown {
				t = p.clauseTense(ids, c.i)
			}
			if t != Future {
				c.kind = Sequel
			} else {
				c.amount, c.unit = 0, 0
			}
		}
		if c.a.byTense() {
			if t == Unknown {
				t = p.clauseTense(ids, c.i)
			}
			if cue := p.cue(c, ids, covered); cue != Unknown {
				t = cue
			}
		}
		start, end := f.span(c.i, c.j)
		e := Expr{
			Text: text[start:end], Start: start, End: end, Kind: c.kind,
			Ordinal: c.ordinal, Amount: c.amount, Unit: c.unit,
		}
		if c.kind != Anniversary && c.kind != Duration && c.kind != Sequel {
			e.Value, e.EndDate = resolveCand(c, anchor, t)
			e.Resolved = !e.Value.IsZero()
		}
		out = append(out, e)
	}
	return out
}

// IsMonth reports whether word is a month name ("फ़रवरी", "Feb"): a comma
// after it and before a year is inside a date ("23 फ़रवरी, 1969"), not
// between clauses.
func IsMonth(word string) bool {
	lx := load()
	f := fold(word)
	if len(f.toks) != 1 {
		return false
	}
	_, n := lx.lookup(f.toks, 0, cMonth)
	return n == 1
}
