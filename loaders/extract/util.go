package extract

import (
	"sort"

	"github.com/kgnews/kg/schema"
)

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedRoles(m map[schema.Role][]*Ent) []schema.Role {
	out := make([]schema.Role, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
