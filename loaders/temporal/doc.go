// Package temporal finds time expressions in Hindi and English news text and
// resolves them to calendar dates against the article's publication date and
// the tense of the clause they stand in ("बुधवार को ... दी" is the Wednesday
// before publication, "शुक्रवार को ... होगी" the Friday after).
//
// It follows HeidelTime's split of rules as data and a small engine: the
// words (months, weekdays, number words, relative and deictic words, units,
// tense markers, cue words) live in schema/data/hi/dates and
// schema/data/en/dates, described in schema/data/README.md; this package
// only knows the shapes of expressions. Unlike HeidelTime's Hindi resources
// it reads oblique forms (पिछले साल, not only पिछला साल), resolves कल by
// tense instead of guessing, and reads year ranges (1910-45).
package temporal
