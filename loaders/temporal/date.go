package temporal

import (
	"fmt"
	"time"
)

// Granularity is how precise a Date is.
type Granularity int

// Granularities, coarsest first.
const (
	// GranUnknown is the granularity of the zero Date.
	GranUnknown Granularity = iota
	// Year: 1910.
	Year
	// Month: 2024-06.
	Month
	// Week is only ever the unit of a Duration ("दो हफ्ते"); a week as a
	// point in time is given as a Monday-to-Sunday range of Days.
	Week
	// Day: 2025-08-15.
	Day
	// Hour is only ever a unit: of a Duration ("पिछले 24 घंटे") or of a
	// Sequel's offset ("सात घंटे बाद").
	Hour
)

var granNames = [...]string{"unknown", "year", "month", "week", "day", "hour"}

func (g Granularity) String() string {
	if g >= 0 && int(g) < len(granNames) {
		return granNames[g]
	}
	return fmt.Sprintf("Granularity(%d)", int(g))
}

// Date is a calendar date of some granularity: 2025-08-15, 2024-06, 1910.
// Fields finer than Gran are zero.
type Date struct {
	Year, Month, Day int
	Gran             Granularity
}

// String returns the ISO 8601 prefix of the date for its granularity:
// "2025-08-15", "2024-06" or "1910", which are also the lexical forms of
// xsd:date, xsd:gYearMonth and xsd:gYear. The zero Date gives "".
func (d Date) String() string {
	switch d.Gran {
	case Year:
		return fmt.Sprintf("%04d", d.Year)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Last returns the last day of the period d names, at noon UTC: 2024-06 →
// 30 June 2024. The zero Date gives the zero time.
func (d Date) Last() time.Time {
	switch d.Gran {
	case Year:
		return noon(d.Year, 12, 31)
	case Month:
		return noon(d.Year, d.Month, daysIn(d.Year, d.Month))
	case Day:
		return noon(d.Year, d.Month, d.Day)
	}
	return time.Time{}
}

// IsZero reports whether d is the zero Date, which stands for "no date".
func (d Date) IsZero() bool { return d == Date{} }

// mkDate builds a Date whose granularity is set by the finest non-zero part.
func mkDate(y, m, d int) Date {
	switch {
	case d != 0:
		return Date{Year: y, Month: m, Day: d, Gran: Day}
	case m != 0:
		return Date{Year: y, Month: m, Gran: Month}
	}
	return Date{Year: y, Gran: Year}
}

func dayDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: int(m), Day: d, Gran: Day}
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

// validDay reports whether d is a day of month m; with no year (y == 0) a
// leap year is assumed, so that "29 फरवरी" stays possible until resolved.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return d <= daysIn(y, m)
}

// noon is the civil date of t at noon UTC: day arithmetic on it never meets
// a daylight-saving jump.
func noon(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
}

// isoWeekday numbers Monday 1 … Sunday 7.
func isoWeekday(t time.Time) int {
	if w := int(t.Weekday()); w != 0 {
		return w
	}
	return 7
}

// Tense is the tense (with aspect folded in) of a clause, as far as dates
// care: does the clause report something done, or announce something to come?
type Tense int

// Tenses. Present perfect ("कही है", "has said") counts as Past.
const (
	Unknown Tense = iota
	Past
	Present
	Future
)

var tenseNames = [...]string{"unknown", "past", "present", "future"}

func (t Tense) String() string {
	if t >= 0 && int(t) < len(tenseNames) {
		return tenseNames[t]
	}
	return fmt.Sprintf("Tense(%d)", int(t))
}

// Kind says how a time expression is written, which decides how it resolves.
type Kind int

// Kinds of time expressions.
const (
	// Explicit: a date with its year ("19 जून 2024", "Aug 13, 2025",
	// "2025-08-13", "दिसंबर 2001", "वर्ष 2001", "सन् 1947").
	Explicit Kind = iota + 1
	// Partial: a month, or a day and month, without a year ("15 अगस्त को",
	// "सितंबर में"); the year comes from the anchor and the tense.
	Partial
	// Relative: counted from the anchor ("पिछले साल जून में", "अगले हफ्ते",
	// "आज", "कल", "दो साल पहले", "last year").
	Relative
	// Weekday: a day of the week ("बुधवार को", "मंगलवार रात", "अगले शुक्रवार").
	Weekday
	// Range: two ends written as a range ("1910-45", "1999 से 2004 तक",
	// "मई-जून"); Value is the start and EndDate the end.
	Range
	// Anniversary: an ordinal anniversary ("80वीं वर्षगांठ"); Ordinal holds
	// the number and Value is zero.
	Anniversary
	// Duration: a length of time ("13 साल से", "पिछले दो वर्षों में");
	// Amount and Unit hold it and Value is zero.
	Duration
	// Sequel: a time counted from the time of the event told before it, not
	// from the publication date: "दो दिन बाद" in a past clause, "अगले दिन",
	// "उसी दिन", a clock time with no day ("दोपहर 12 बजे"). Amount and Unit
	// hold the offset (0 for the same day); Value is zero until the caller,
	// who knows what was told before, resolves it with From.
	Sequel
)

var kindNames = [...]string{"", "explicit", "partial", "relative", "weekday", "range", "anniversary", "duration", "sequel"}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Expr is one time expression found in a text.
type Expr struct {
	// Text is the expression as written in the input, including a Hindi
	// postposition that directly follows it (को, में, तक, से, पर: "पिछले
	// साल जून में", "15 अगस्त को"), a year marker before a year ("वर्ष
	// 2001") and a part of the day after a day ("मंगलवार रात"). English
	// prepositions before an expression ("on Friday") are not included.
	Text string
	// Start and End are the byte offsets of Text in the input: Text ==
	// input[Start:End], whatever normalisation matching needed.
	Start, End int
	// Kind says how the expression is written.
	Kind Kind
	// Value is the resolved date, or the start of a range or week; zero when
	// it cannot be resolved (no anchor, or कल with no tense).
	Value Date
	// EndDate is the end of a range ("1910-45" → 1945) or of a week ("अगले
	// हफ्ते" → Monday to Sunday); zero if none.
	EndDate Date
	// Ordinal is the number of an anniversary: 80 in "80वीं वर्षगांठ".
	Ordinal int
	// Amount and Unit measure a Duration: 13 and Year in "13 साल से".
	Amount int
	Unit   Granularity
	// Resolved reports whether Value holds a date.
	Resolved bool
}

// From resolves a Sequel against the date of the event told before it
// (ref): "दो दिन बाद" after a day is that day plus two; "अगले साल" after a
// year is the year after; "उसी दिन" is ref itself. The result is never
// finer than ref ("दो दिन बाद" after a month is unknown) nor than the unit
// (two weeks after a day is a day, but an approximate one: given as its
// month). ok is false for other kinds, a zero ref, or an offset in hours
// (seven hours after an evening may be the next day).
func (e Expr) From(ref Date) (Date, bool) {
	if e.Kind != Sequel || ref.IsZero() {
		return Date{}, false
	}
	n := e.Amount
	switch e.Unit {
	case Year:
		return Date{Year: ref.Year + n, Gran: Year}, true
	case Month:
		if ref.Gran < Month {
			return Date{}, false
		}
		m := noon(ref.Year, ref.Month+n, 1)
		return Date{Year: m.Year(), Month: int(m.Month()), Gran: Month}, true
	case Week:
		if ref.Gran < Day {
			return Date{}, false
		}
		d := noon(ref.Year, ref.Month, ref.Day).AddDate(0, 0, 7*n)
		return Date{Year: d.Year(), Month: int(d.Month()), Gran: Month}, true
	case Day:
		if n == 0 {
			return ref, true
		}
		if ref.Gran < Day {
			return Date{}, false
		}
		return dayDate(noon(ref.Year, ref.Month, ref.Day).AddDate(0, 0, n)), true
	case Hour:
		if n == 0 {
			return ref, true
		}
	}
	return Date{}, false
}

// ISODuration writes a Duration's or a Sequel's amount as an ISO 8601
// duration (P2D, PT7H, P3Y, P2W), the lexical form of xsd:duration; "" when
// it has none.
func (e Expr) ISODuration() string {
	if (e.Kind != Duration && e.Kind != Sequel) || e.Amount <= 0 {
		return ""
	}
	switch e.Unit {
	case Year:
		return fmt.Sprintf("P%dY", e.Amount)
	case Month:
		return fmt.Sprintf("P%dM", e.Amount)
	case Week:
		return fmt.Sprintf("P%dW", e.Amount)
	case Day:
		return fmt.Sprintf("P%dD", e.Amount)
	case Hour:
		return fmt.Sprintf("PT%dH", e.Amount)
	}
	return ""
}
