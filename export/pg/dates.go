package pg

import (
	"regexp"
	"strconv"
	"time"
)

var datePat = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$`)

// Span turns a kg date (xsd:date, gYearMonth, gYear or a dateTime) and an
// optional end date into the calendar days it covers: "2024-06" is
// 2024-06-01 to 2024-06-30, "1910" with end "1945" is 1910-01-01 to
// 1945-12-31. ok is false when date is not one of these forms.
func Span(date, end string) (first, last string, ok bool) {
	f, l, ok := days(date)
	if !ok {
		return "", "", false
	}
	if end != "" {
		if _, el, ok := days(end); ok && el >= f {
			l = el
		}
	}
	return f, l, true
}

// days gives the first and last day of one date of any granularity.
func days(s string) (string, string, bool) {
	m := datePat.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	y, _ := strconv.Atoi(m[1])
	switch {
	case m[3] != "":
		d := m[1] + "-" + m[2] + "-" + m[3]
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return "", "", false
		}
		return d, d, true
	case m[2] != "":
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return "", "", false
		}
		first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		return first.Format("2006-01-02"), last.Format("2006-01-02"), true
	}
	return m[1] + "-01-01", m[1] + "-12-31", true
}
