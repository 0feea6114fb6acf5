package style

import (
	"flag"
	"os/exec"
	"strings"
	"testing"

	"github.com/kgnews/kg/schema"
)

// The golden files of the export tests are rewritten with
// `go test ./export/... -update`; this package has none, but must accept
// the flag for that command to run.
var _ = flag.Bool("update", false, "rewrite golden files (none here)")

// Every event class a frame can produce has a Hindi name: its row, or,
// for a class added to frames.tsv before styles.tsv, the class table's.
// Classes without a row draw in the default colour; the log names them.
func TestEveryClassHasAName(t *testing.T) {
	frames, err := schema.ReadTSV("hi/frames.tsv", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		c := f.Field(0)
		if s := For(Event, c); s.HI == "" || s.EN == "" {
			t.Errorf("event class %s (frames.tsv:%d) has no name: %+v", c, f.Line, s)
		}
		if _, ok := byClass[c]; !ok {
			t.Logf("event class %s has no row in styles.tsv: default colour", c)
		}
	}
	for _, c := range schema.EntityClasses {
		if s, ok := byClass[c]; !ok || s.Kind != Entity {
			t.Errorf("entity class %s has no entity row", c)
		}
	}
	if s := For(Event, "Statement"); s.HI != "बयान" {
		t.Errorf("a row's name gives way to a trigger: %+v", s)
	}
}

func TestTitlesAreSpecificPositions(t *testing.T) {
	if got := Primary(Event, []string{"Position", "President"}); got != "President" {
		t.Errorf("Primary(Position, President) = %s, want the title", got)
	}
	p := For(Event, "President")
	if p.HI != "राष्ट्रपति" || p.EN != "president" || p.Shape != For(Event, "Position").Shape {
		t.Errorf("President = %+v", p)
	}
	if got := Primary(Entity, []string{"Place", "City"}); got != "City" {
		t.Errorf("Primary(Place, City) = %s", got)
	}
	if got := For(Event, "BrandNewThing"); got.EN != "brand new thing" || got.Fill != defaultEvent.Fill {
		t.Errorf("unknown class = %+v", got)
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"PhoneCall": "phone call", "spoke_with": "spoke with", "NATO": "nato",
		"SanctionLifting": "sanction lifting", "minister_of_state": "minister of state",
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every shape is one Graphviz knows: dot warns about unknown shapes.
func TestShapesAreGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("graphviz is not installed")
	}
	var src strings.Builder
	src.WriteString("digraph { ")
	for i, r := range rows {
		src.WriteString("n" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + " [shape=" + r.Shape + "]; ")
	}
	src.WriteString("}")
	cmd := exec.Command("dot", "-Tsvg", "-o", "/dev/null")
	cmd.Stdin = strings.NewReader(src.String())
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("dot: %v %s", err, out)
	}
}

func TestTitle(t *testing.T) {
	for trigger, want := range map[string][2]string{
		"नेता": {"leader", "नेता"}, "सर्वोच्च नेता": {"supreme leader", "सर्वोच्च नेता"}, "पीएम": {"prime minister", "प्रधानमंत्री"},
	} {
		en, hi, ok := Title(trigger)
		if !ok || en != want[0] || hi != want[1] {
			t.Errorf("Title(%s) = %s, %s, %v; want %v", trigger, en, hi, ok, want)
		}
	}
	if l := For(Event, "Leader"); l.EN != "leader" || l.HI != "नेता" {
		t.Errorf("Leader = %+v", l)
	}
}

// A class styles.tsv has no row for takes its names from the class table
// (schema/data/events.tsv) and the default look.
func TestClassTableNamesAClassWithoutARow(t *testing.T) {
	saved := byClass["PhoneCall"]
	delete(byClass, "PhoneCall")
	defer func() { byClass["PhoneCall"] = saved }()
	if s := For(Event, "PhoneCall"); s.HI != "फ़ोन पर बातचीत" || s.EN != "phone call" || s.Fill != defaultEvent.Fill {
		t.Errorf("PhoneCall without its row = %+v", s)
	}
}
