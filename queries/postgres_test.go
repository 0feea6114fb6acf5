package queries

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kgnews/kg/graph"
	"github.com/kgnews/kg/graph/pgtest"
	"github.com/kgnews/kg/queries/fixture"
	"github.com/kgnews/kg/queries/runner"
)

// Every canned query gives the same rows, in the same order, on the
// fixture in PostgreSQL as in bolt (and so as its golden file).
func TestCannedQueriesOnPostgres(t *testing.T) {
	loc := pgtest.Require(t)
	if err := fixture.Write(loc, fixture.Seed()); err != nil {
		t.Fatal(err)
	}
	bolt := newEnv(t)
	p, err := runner.New(runner.SelfOptions(loc, 1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	st, err := graph.OpenReader(loc, 0)
	if err != nil {
		t.Fatal(err)
	}
	ents, err := st.Entities(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	pg := &env{dir: loc, pool: p, ents: ents}
	cases := append(cannedCases[:len(cannedCases):len(cannedCases)],
		struct {
			golden string
			argv   []string
		}{"entities", []string{"entities"}},
		struct {
			golden string
			argv   []string
		}{"discovered", []string{"entities", "--discovered"}})
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			want, _ := json.Marshal(bolt.run(t, c.argv[0], c.argv[1:]...))
			got, _ := json.Marshal(pg.run(t, c.argv[0], c.argv[1:]...))
			if string(got) != string(want) {
				t.Errorf("kg query %s: postgres gives\n%s\nbolt\n%s", strings.Join(c.argv, " "), got, want)
			}
		})
	}
}
