package temporal

import "time"

// resolveCand resolves a candidate against the anchor in the given tense:
// its value and, for ranges and weeks, its end.
func resolveCand(c *cand, anchor time.Time, t Tense) (Date, Date) {
	v, end, ok := resolve(c.a, anchor, t)
	if !ok {
		return Date{}, Date{}
	}
	if !c.rng {
		return v, end
	}
	b := c.b
	if b.f == fPartial {
		// the end of "मई-जून" is the first such month from the start on
		b.f, b.y = fAbs, v.Year
		if b.m < v.Month || (b.m == v.Month && b.d < v.Day) {
			b.y++
		}
	}
	w, _, ok := resolve(b, anchor, t)
	if !ok {
		return Date{}, Date{}
	}
	return v, w
}

// direction turns a tense into a search direction: -1 back, +1 forward,
// 0 nearest.
func direction(t Tense) int {
	switch t {
	case Past:
		return -1
	case Future:
		return 1
	}
	return 0
}

// resolve resolves one spec; ok is false when it needs an anchor and has
// none, when its tense leaves it open (कल, no tense), or when the date does
// not exist (29 फरवरी of a common year).
func resolve(s spec, anchor time.Time, t Tense) (v, end Date, ok bool) {
	if s.f == fAbs {
		if s.d != 0 && !validDay(s.y, s.m, s.d) {
			return v, end, false
		}
		return mkDate(s.y, s.m, s.d), end, true
	}
	if anchor.IsZero() {
		return v, end, false
	}
	ay, amon, ad := anchor.Date()
	am := int(amon)
	a := noon(ay, am, ad)
	switch s.f {
	case fYearRel:
		y := ay + s.off
		if s.d != 0 && !validDay(y, s.m, s.d) {
			return v, end, false
		}
		return mkDate(y, s.m, s.d), end, true
	case fRel:
		switch s.unit {
		case Year:
			return mkDate(ay+s.off, 0, 0), end, true
		case Month:
			m := noon(ay, am+s.off, 1)
			return mkDate(m.Year(), int(m.Month()), 0), end, true
		case Week:
			monday := a.AddDate(0, 0, 1-isoWeekday(a)+7*s.off)
			if s.wd != 0 {
				return dayDate(monday.AddDate(0, 0, s.wd-1)), end, true
			}
			return dayDate(monday), dayDate(monday.AddDate(0, 0, 6)), true
		case Day:
			return dayDate(a.AddDate(0, 0, s.off)), end, true
		}
	case fDeictic:
		off := s.off
		switch {
		case t == Future:
			off = s.fut
		case t != Past && s.off != s.fut:
			return v, end, false
		}
		return dayDate(a.AddDate(0, 0, off)), end, true
	case fWeekday:
		return resolveWeekday(s, a, t), end, true
	case fPartial:
		if s.d == 0 {
			return resolveMonth(s, ay, am, t), end, true
		}
		if d, ok := resolveDayMonth(s, a, t); ok {
			return d, end, true
		}
	}
	return v, end, false
}

func resolveWeekday(s spec, a time.Time, t Tense) Date {
	aw := isoWeekday(a)
	if s.dir == thisWeek {
		return dayDate(a.AddDate(0, 0, s.wd-aw))
	}
	back := (aw - s.wd + 7) % 7 // days back to the latest such weekday, 0 = the anchor
	fwd := (s.wd - aw + 7) % 7  // days on to the next one
	dir := s.dir
	if dir == 0 {
		dir = direction(t)
		// a past "on Wednesday" in a Wednesday article is that day; a future
		// one is next week's (the article would say आज/today otherwise).
		if dir > 0 && fwd == 0 {
			fwd = 7
		}
	} else {
		// पिछले बुधवार / अगले शुक्रवार never mean the anchor's own day
		if back == 0 {
			back = 7
		}
		if fwd == 0 {
			fwd = 7
		}
	}
	switch {
	case dir < 0:
		return dayDate(a.AddDate(0, 0, -back))
	case dir > 0:
		return dayDate(a.AddDate(0, 0, fwd))
	case back <= fwd:
		return dayDate(a.AddDate(0, 0, -back))
	}
	return dayDate(a.AddDate(0, 0, fwd))
}

// resolveMonth places a month without a year: past → the latest one not
// after the anchor's month, future → the next one not before it, else the
// nearest (the earlier on a tie). A modifier (पिछले जून) excludes the
// anchor's own month.
func resolveMonth(s spec, ay, am int, t Tense) Date {
	dir, strict := s.dir, s.dir != 0
	if dir == 0 {
		dir = direction(t)
	}
	y := ay
	diff := s.m - am // months from the anchor's month to s.m in the anchor's year
	switch {
	case dir < 0:
		if diff > 0 || (strict && diff == 0) {
			y--
		}
	case dir > 0:
		if diff < 0 || (strict && diff == 0) {
			y++
		}
	case diff >= 6:
		y--
	case diff < -6:
		y++
	}
	return mkDate(y, s.m, 0)
}

// resolveDayMonth places a day and month without a year like resolveMonth,
// by days. Years from four before to four after the anchor are searched so
// that 29 February finds a leap year.
func resolveDayMonth(s spec, a time.Time, t Tense) (Date, bool) {
	dir, strict := s.dir, s.dir != 0
	if dir == 0 {
		dir = direction(t)
	}
	var best time.Time
	found := false
	abs := func(d time.Duration) time.Duration {
		if d < 0 {
			return -d
		}
		return d
	}
	for y := a.Year() - 4; y <= a.Year()+4; y++ {
		if !validDay(y, s.m, s.d) {
			continue
		}
		c := noon(y, s.m, s.d)
		switch {
		case dir < 0:
			if c.After(a) || (strict && c.Equal(a)) {
				continue
			}
			if !found || c.After(best) {
				best, found = c, true
			}
		case dir > 0:
			if c.Before(a) || (strict && c.Equal(a)) {
				continue
			}
			if !found || c.Before(best) {
				best, found = c, true
			}
		default:
			// the loop runs in date order, so a tie keeps the earlier date
			if !found || abs(c.Sub(a)) < abs(best.Sub(a)) {
				best, found = c, true
			}
		}
	}
	if !found {
		return Date{}, false
	}
	return dayDate(best), true
}
