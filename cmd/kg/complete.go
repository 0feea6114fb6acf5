package main

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kgnews/kg/queries"
)

// gizmoSteps are the path steps and finals of Gizmo, completed after a dot.
var gizmoSteps = []string{
	"All()", "And(", "As(", "Back(", "Both(", "Count()", "Difference(", "Except(",
	"Filter(", "Follow(", "FollowR(", "FollowRecursive(", "ForEach(", "GetLimit(",
	"Has(", "HasR(", "In(", "InPredicates()", "Intersect(", "Is(", "LabelContext(",
	"Labels()", "Limit(", "Map(", "Or(", "Order()", "Out(", "OutPredicates()",
	"Save(", "SaveInPredicates(", "SaveOpt(", "SaveOptR(", "SaveOutPredicates(",
	"SaveR(", "Skip(", "Tag(", "TagArray()", "TagValue()", "ToArray()", "ToValue()",
	"Union(", "Unique()",
}

// graphSteps follow "g." or "graph.".
var graphSteps = []string{"V(", "Vertex(", "M()", "Morphism()", "Emit(", "IRI(", "AddNamespace(", "AddDefaultNamespaces()", "LoadNamespaces()"}

// globals start a statement or an argument.
var globals = []string{"g.", "graph.", "E(\"", "KG.", "iri(", "str(", "lang(", "typed(", "bnode(", "raw(",
	"regex(", "like(", "lt(", "lte(", "gt(", "gte(", "edges(", "labels(", "eventRows(", "var "}

var commands = []string{"help", "list", "format", "limit", "timeout", "reset", "save", "quit"}

// completer offers Gizmo steps, commands, canned queries and entity names.
type completer struct{ s *session }

// Do returns the endings that complete the word before pos, and the
// word's length in runes (readline's AutoCompleter).
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	before := string(line[:pos])
	if strings.HasPrefix(strings.TrimSpace(before), ":") {
		return c.command(strings.TrimLeft(before, " "))
	}
	// Inside E("...: entity names, closed with ").
	if i := strings.LastIndex(before, `E("`); i >= 0 && !strings.Contains(before[i+3:], `"`) {
		return c.entities(before[i+3:], `")`, false)
	}
	word := lastWord(before, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '$' })
	head := before[:len(before)-len(word)]
	var cands []string
	switch {
	case strings.HasSuffix(head, "g.") || strings.HasSuffix(head, "graph."):
		cands = graphSteps
	case strings.HasSuffix(head, "KG."):
		cands = kgKeys()
	case strings.HasSuffix(head, "."):
		cands = gizmoSteps
	default:
		cands = globals
	}
	return endings(cands, word, true), len([]rune(word))
}

// command completes ":name" and the entity arguments of canned queries.
func (c *completer) command(before string) ([][]rune, int) {
	if !strings.ContainsAny(before, " \t") {
		word := before[1:]
		var cands []string
		for _, n := range commands {
			cands = append(cands, n+" ")
		}
		for _, q := range queries.List() {
			cands = append(cands, q.Name+" ")
		}
		return endings(cands, word, false), len([]rune(word))
	}
	// An open quote: the name runs to the cursor, spaces and all.
	if n := strings.Count(before, `"`); n%2 == 1 {
		return c.entities(before[strings.LastIndex(before, `"`)+1:], `" `, false)
	}
	word := lastWord(before, func(r rune) bool { return !unicode.IsSpace(r) })
	if strings.HasPrefix(word, "-") {
		return nil, 0
	}
	return c.entities(word, " ", true)
}

// entities completes an entity name from any of its labels. Unquoted, the
// spaces of a name become underscores (which Resolve reads as spaces).
func (c *completer) entities(prefix, closing string, unquoted bool) ([][]rune, int) {
	ents, err := c.s.entities()
	if err != nil {
		return nil, 0
	}
	p := strings.ToLower(prefix)
	seen := map[string]bool{}
	var out []string
	for _, e := range ents {
		for _, l := range append([]string{e.LabelEN, e.LabelHI}, e.AltLabels...) {
			if l == "" || !strings.HasPrefix(strings.ToLower(l), p) || len(l) < len(prefix) {
				continue
			}
			if unquoted {
				l = strings.ReplaceAll(l, " ", "_")
			}
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	sort.Strings(out)
	res := make([][]rune, len(out))
	for i, l := range out {
		res[i] = []rune(string([]rune(l)[len([]rune(prefix)):]) + closing)
	}
	return res, len([]rune(prefix))
}

func lastWord(s string, in func(rune) bool) string {
	rs := []rune(s)
	i := len(rs)
	for i > 0 && in(rs[i-1]) {
		i--
	}
	return string(rs[i:])
}

// endings returns the rest of each candidate that starts with word.
func endings(cands []string, word string, caseFold bool) [][]rune {
	var out [][]rune
	for _, c := range cands {
		ok := strings.HasPrefix(c, word)
		if !ok && caseFold {
			ok = strings.HasPrefix(strings.ToLower(c), strings.ToLower(word))
		}
		if ok && len(c) >= len(word) {
			out = append(out, []rune(c[len(word):]))
		}
	}
	return out
}

func kgKeys() []string {
	return queries.VocabularyKeys()
}
