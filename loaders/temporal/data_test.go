package temporal

import (
	"strings"
	"testing"

	"github.com/kgnews/kg/schema"
)

func TestEmbeddedDataIsValid(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
}

// Every month and weekday has a Hindi and an English spelling.
func TestDataCoverage(t *testing.T) {
	lx := load()
	for _, c := range []struct {
		cat cat
		n   int
	}{{cMonth, 12}, {cWeekday, 7}} {
		seen := map[int]map[bool]bool{}
		for _, es := range lx.byFirst {
			for _, e := range es {
				if e.cat != c.cat {
					continue
				}
				if seen[e.val] == nil {
					seen[e.val] = map[bool]bool{}
				}
				seen[e.val][isLatin([]rune(e.words[0])[0])] = true
			}
		}
		for v := 1; v <= c.n; v++ {
			if !seen[v][true] || !seen[v][false] {
				t.Errorf("category %d value %d: Hindi %v, English %v", c.cat, v, seen[v][false], seen[v][true])
			}
		}
	}
}

func rows(file string, lines ...string) []schema.Row {
	var rs []schema.Row
	for i, l := range lines {
		rs = append(rs, schema.Row{File: file, Line: i + 1, Fields: strings.Split(l, "\t")})
	}
	return rs
}

// Broken data fails loudly, naming the file and line.
func TestBuildLexiconErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string][]schema.Row
		want  string
	}{
		{"month out of range", map[string][]schema.Row{"hi/dates/months.tsv": rows("hi/dates/months.tsv", "1\tजनवरी", "13\tतेरहवां")},
			"hi/dates/months.tsv:2: first column"},
		{"no spellings", map[string][]schema.Row{"hi/dates/weekdays.tsv": rows("hi/dates/weekdays.tsv", "1\t")},
			"hi/dates/weekdays.tsv:1: no spellings"},
		{"one spelling two months", map[string][]schema.Row{"hi/dates/months.tsv": rows("hi/dates/months.tsv", "6\tजून", "7\tजून")},
			"hi/dates/months.tsv:2: \"जून\" has two values"},
		{"unknown category", map[string][]schema.Row{"hi/dates/words.tsv": rows("hi/dates/words.tsv", "season\t-\tबरसात")},
			"hi/dates/words.tsv:1: unknown category"},
		{"bad relative value", map[string][]schema.Row{"hi/dates/words.tsv": rows("hi/dates/words.tsv", "relative\t2\tपिछले")},
			"hi/dates/words.tsv:1: value \"2\""},
		{"bad deictic value", map[string][]schema.Row{"hi/dates/words.tsv": rows("hi/dates/words.tsv", "deictic\t-1\tकल")},
			"hi/dates/words.tsv:1: value \"-1\""},
		{"bad unit", map[string][]schema.Row{"hi/dates/words.tsv": rows("hi/dates/words.tsv", "unit\tfortnight\tपखवाड़ा")},
			"hi/dates/words.tsv:1: value \"fortnight\""},
		{"bad number", map[string][]schema.Row{"hi/dates/numbers.tsv": rows("hi/dates/numbers.tsv", "zero\tशून्य")},
			"hi/dates/numbers.tsv:1: first column"},
		{"unknown tense", map[string][]schema.Row{"hi/dates/tense.tsv": rows("hi/dates/tense.tsv", "perfect\t1\tथा")},
			"hi/dates/tense.tsv:1: unknown tense"},
		{"bad rank", map[string][]schema.Row{"hi/dates/tense.tsv": rows("hi/dates/tense.tsv", "past\t3\tथा")},
			"hi/dates/tense.tsv:1: rank"},
		{"undefined class", map[string][]schema.Row{"hi/dates/tense.tsv": rows("hi/dates/tense.tsv", "past\t1\t@perfect है")},
			"hi/dates/tense.tsv:1: pattern \"@perfect है\": no class"},
		{"dollar not last", map[string][]schema.Row{"hi/dates/tense.tsv": rows("hi/dates/tense.tsv", "past\t1\tकी $ है")},
			"hi/dates/tense.tsv:1: pattern \"की $ है\""},
		{"unknown file", map[string][]schema.Row{"hi/dates/seasons.tsv": nil},
			"unknown date data file"},
	} {
		_, err := buildLexicon(tc.files)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}
