// Package article reads the layout of a news article: the optional
// "date YYYY-MM-DD section" header, the title, an optional summary and
// timestamp line, the dateline that opens the first paragraph, and the
// paragraphs. It finds where things are; it does not interpret the words.
package article

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/kgnews/kg/loaders/hindi"
	"github.com/kgnews/kg/schema"
)

// Span is a part of Article.Text by byte offsets.
type Span = hindi.Span

// Article is the layout of one article. All spans index Text.
type Article struct {
	// Text is the article as kg stores and counts offsets in it: the
	// input after hindi.Clean (NFC, LF line ends, no BOM or zero-width
	// characters).
	Text string

	Published time.Time // zero if the article has no date header
	Section   string

	Title     Span // zero if the text has no recognisable title
	Summary   Span // zero if none
	Timestamp time.Time
	HasTime   bool

	// Dateline is the place (and agency) that opens the first paragraph:
	// "इस्लामाबाद (भाषा):". DatelinePlace and DatelineAgency are the words
	// as written; Dateline spans the whole dateline including its colon.
	Dateline       Span
	DatelinePlace  string
	DatelineAgency string

	// Body is the text after the dateline, to the end.
	Body Span

	// Warnings are doubts about the layout worth telling the user: a
	// publication date far in the past or after tomorrow.
	Warnings []string
}

// ErrEmpty is returned for a text with nothing but white space.
var ErrEmpty = errors.New("no text")

var (
	headerRE = regexp.MustCompile(`^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*?))?[ \t]*$`)
	// A line that means to be the header but whose date is not one:
	// "date 2025-13-45", "date 2025-2-30".
	badHeaderRE = regexp.MustCompile(`^[ \t]*date[ \t]+(\d[\d./-]*)(?:[ \t]|$)`)
	// Timestamp lines as news sites print them: "Aug 13, 2025, 11:03 AM",
	// "13 Aug 2025 11:03 AM", "Updated: Aug 13, 2025 11:03 IST".
	stampRE = regexp.MustCompile(`^(?i)(?:updated:?\s*|published:?\s*)?` +
		`(?:([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Z][a-z]{2,8})\.?,? (\d{4}))` +
		`(?:,? (\d{1,2}):(\d{2})(?: ?([AP]M))?)?(?: ?[A-Z]{2,4})?$`)
	// A dateline: one to four words naming a place, an optional bracketed
	// agency, then a colon or a (double) danda.
	datelineRE = regexp.MustCompile(`^([^\s:।()]+(?: [^\s:।()]+){0,3})\s*(?:\(([^)]{1,40})\))?\s*(?::|।।|॥)\s*`)
)

// Parse reads the layout of an article.
func Parse(raw string) (*Article, error) {
	a := &Article{Text: hindi.Clean(raw)}
	text := a.Text
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	lines := splitLines(text)
	i := 0
	skipBlank := func() {
		for i < len(lines) && strings.TrimSpace(lines[i].text(text)) == "" {
			i++
		}
	}
	skipBlank()
	if i < len(lines) {
		line := lines[i].text(text)
		if m := headerRE.FindStringSubmatch(line); m != nil {
			t, err := time.Parse("2006-01-02", m[1])
			if err != nil {
				return nil, &HeaderError{Line: lineNumber(text, lines[i].Start), Date: m[1], Reason: dateReason(m[1])}
			}
			a.Published = t
			a.Section = strings.TrimSpace(m[2])
			a.Warnings = append(a.Warnings, checkYear(t, lineNumber(text, lines[i].Start))...)
			i++
			skipBlank()
		} else if m := badHeaderRE.FindStringSubmatch(line); m != nil {
			return nil, &HeaderError{Line: lineNumber(text, lines[i].Start), Date: m[1], Reason: "want YYYY-MM-DD"}
		}
	}
	// Title: the first line, unless it already reads as a paragraph.
	if i < len(lines) && looksLikeTitle(lines, i, text) {
		a.Title = trim(text, lines[i].Span)
		i++
		skipBlank()
	}
	// Up to two short lines before the body: a summary and a timestamp.
	for k := 0; k < 3 && i < len(lines); k++ {
		l := lines[i].text(text)
		if t, ok := parseStamp(strings.TrimSpace(l)); ok {
			a.Timestamp, a.HasTime = t, true
			i++
			skipBlank()
			continue
		}
		if a.Summary == (Span{}) && a.Title != (Span{}) && !startsWithDateline(l) && isShortLine(lines, i, text) {
			a.Summary = trim(text, lines[i].Span)
			i++
			skipBlank()
			continue
		}
		break
	}
	if i >= len(lines) {
		// Only a title (and header): the title is the whole text to read.
		a.Body = Span{Start: len(text), End: len(text)}
		return a, nil
	}
	start := lines[i].Start
	rest := text[start:]
	if m := datelineRE.FindStringSubmatchIndex(rest); m != nil && plausibleDateline(rest[m[2]:m[3]]) {
		a.Dateline = Span{Start: start + m[0], End: start + m[1]}
		a.DatelinePlace = strings.TrimSpace(rest[m[2]:m[3]])
		if m[4] >= 0 {
			a.DatelineAgency = strings.TrimSpace(rest[m[4]:m[5]])
		}
		start += m[1]
	}
	a.Body = trim(text, Span{Start: start, End: len(text)})
	return a, nil
}

// HeaderError says that the "date" header holds no calendar date.
type HeaderError struct {
	Line   int
	Date   string
	Reason string
}

func (e *HeaderError) Error() string {
	return fmt.Sprintf("line %d: the date header %q is not a date (%s); write it as YYYY-MM-DD, or drop the header and give --date", e.Line, e.Date, e.Reason)
}

// dateReason says what is wrong with a YYYY-MM-DD string time.Parse
// refused.
func dateReason(d string) string {
	var y, m, day int
	if _, err := fmt.Sscanf(d, "%4d-%2d-%2d", &y, &m, &day); err != nil {
		return "want YYYY-MM-DD"
	}
	switch {
	case m < 1 || m > 12:
		return fmt.Sprintf("there is no month %d", m)
	case day < 1:
		return "there is no day 0"
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("%s %d has %d days", time.Month(m), y, last)
}

// checkYear warns of a publication date no news article has: before 1800
// or after tomorrow (a typo, or a placeholder such as 9999-01-01).
func checkYear(t time.Time, line int) []string {
	tomorrow := time.Now().UTC().AddDate(0, 0, 1)
	switch {
	case t.Year() < 1800:
		return []string{fmt.Sprintf("line %d: the publication date %s is before 1800; relative dates are resolved against it", line, t.Format("2006-01-02"))}
	case t.After(tomorrow):
		return []string{fmt.Sprintf("line %d: the publication date %s is after tomorrow; relative dates are resolved against it", line, t.Format("2006-01-02"))}
	}
	return nil
}

// lineNumber is the 1-based line of a byte offset.
func lineNumber(text string, off int) int { return strings.Count(text[:off], "\n") + 1 }

// Segments returns the spans to read for facts, in order: title, summary,
// body. (The dateline is not a sentence.)
func (a *Article) Segments() []Span {
	var out []Span
	for _, s := range []Span{a.Title, a.Summary, a.Body} {
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}

// Headline is the title text, or the first sentence of the body when the
// article has no title.
func (a *Article) Headline() string {
	if a.Title.End > a.Title.Start {
		return a.Text[a.Title.Start:a.Title.End]
	}
	b := a.Text[a.Body.Start:a.Body.End]
	if ss := hindi.Sentences(b); len(ss) > 0 {
		b = b[ss[0].Start:ss[0].End]
	}
	if r := []rune(b); len(r) > 120 {
		b = string(r[:120]) + "…"
	}
	return b
}

type line struct{ Span }

func (l line) text(s string) string { return s[l.Start:l.End] }

func splitLines(text string) []line {
	var out []line
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			out = append(out, line{Span{Start: start, End: i}})
			start = i + 1
		}
	}
	return out
}

func trim(text string, s Span) Span {
	for s.Start < s.End && (text[s.Start] == ' ' || text[s.Start] == '\n') {
		s.Start++
	}
	for s.End > s.Start && (text[s.End-1] == ' ' || text[s.End-1] == '\n') {
		s.End--
	}
	return s
}

// looksLikeTitle: a single line, not too long, not ending a sentence with a
// danda or full stop, followed by more text, and not itself opening with a
// dateline.
func looksLikeTitle(lines []line, i int, text string) bool {
	l := strings.TrimSpace(lines[i].text(text))
	if len([]rune(l)) > 250 || startsWithDateline(l) {
		return false
	}
	if strings.HasSuffix(l, "।") || strings.HasSuffix(l, ".") {
		// A line ending like a sentence is a title only if a blank line
		// separates it from what follows.
		return i+1 < len(lines) && strings.TrimSpace(lines[i+1].text(text)) == ""
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j].text(text)) != "" {
			return true
		}
	}
	return false
}

// isShortLine: a one-line summary (followed by more lines) rather than the
// first paragraph.
func isShortLine(lines []line, i int, text string) bool {
	l := strings.TrimSpace(lines[i].text(text))
	if len([]rune(l)) > 400 {
		return false
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j].text(text)) != "" {
			return true
		}
	}
	return false
}

func startsWithDateline(l string) bool {
	m := datelineRE.FindStringSubmatch(strings.TrimSpace(l))
	return m != nil && plausibleDateline(m[1])
}

// plausibleDateline rejects a "dateline" that is really the start of a
// sentence with a colon in it: place names do not contain digits or the
// words that open sentences.
func plausibleDateline(place string) bool {
	if strings.ContainsAny(place, "0123456789'\"‘’“”,") {
		return false
	}
	for _, w := range strings.Fields(hindi.Fold(place)) {
		if notPlaceWords[w] {
			return false
		}
	}
	return true
}

// notPlaceWords are words that cannot be part of a dateline place: function
// words, verbs and English title words that precede a colon in headlines
// ("North Korea Russia Support: ..."): the not-place kind of
// schema/data/hi/function.tsv.
var notPlaceWords = func() map[string]bool {
	m := map[string]bool{}
	rows, err := schema.ReadTSV("hi/function.tsv", 2)
	if err != nil {
		panic(err) // embedded data, read by the tests
	}
	for _, r := range rows {
		if r.Field(0) == "not-place" {
			for _, w := range r.List(1) {
				m[hindi.Fold(w)] = true
			}
		}
	}
	if len(m) == 0 {
		panic("hi/function.tsv: no not-place words")
	}
	return m
}()

// months maps English month names and abbreviations, for timestamp lines.
var months = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		m[strings.ToLower(mo.String())] = mo
		m[strings.ToLower(mo.String()[:3])] = mo
	}
	return m
}()

func parseStamp(l string) (time.Time, bool) {
	m := stampRE.FindStringSubmatch(l)
	if m == nil {
		return time.Time{}, false
	}
	mon, day, year := m[1], m[2], m[3]
	if mon == "" {
		day, mon, year = m[4], m[5], m[6]
	}
	mo, ok := months[strings.ToLower(mon)]
	if !ok {
		return time.Time{}, false
	}
	var y, d, hh, mm int
	atoi(year, &y)
	atoi(day, &d)
	atoi(m[7], &hh)
	atoi(m[8], &mm)
	switch strings.ToUpper(m[9]) {
	case "PM":
		if hh < 12 {
			hh += 12
		}
	case "AM":
		if hh == 12 {
			hh = 0
		}
	}
	if d < 1 || d > 31 || hh > 23 || mm > 59 {
		return time.Time{}, false
	}
	return time.Date(y, mo, d, hh, mm, 0, 0, time.UTC), true
}

func atoi(s string, v *int) {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	*v = n
}
