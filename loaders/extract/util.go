package extract

import (
	"sort"

	"github.com/kgnews/kg/loaders/hindi"
)

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedRoles(m map[string][]*Ent) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func splitSentences(s string) []Span { return hindi.Sentences(s) }
