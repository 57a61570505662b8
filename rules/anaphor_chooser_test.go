package rules

import (
	"fmt"
	"slices"
	"testing"
)

// withoutChooser takes the chooser called name out of antecedentChoosers
// until the test ends.
func withoutChooser(t *testing.T, name string) {
	t.Helper()
	saved := antecedentChoosers
	i := slices.IndexFunc(saved, func(c antecedentChooser) bool { return c.name() == name })
	if i < 0 {
		t.Fatalf("no chooser %q", name)
	}
	antecedentChoosers = slices.Delete(slices.Clone(saved), i, i+1)
	t.Cleanup(func() { antecedentChoosers = saved })
}

// chooserCase is a text, the relation the choosers give (written as for
// corefHas: "A -type-> B | note"), and the relation the text gives
// without the chooser under test. Either may be "" for none; each is
// absent where the other is expected.
type chooserCase struct {
	name    string
	text    string
	want    string // with every chooser
	without string // without the chooser under test
}

// checkChooser checks each case with every chooser, then without the
// chooser called name: each chooser changes what its cases resolve to.
// get runs a pack on a text (corefRelations for the default pack).
func checkChooser(t *testing.T, name string, get func(*testing.T, string) []string, cases []chooserCase) {
	t.Helper()
	check := func(what string, got []string, want, not string) {
		t.Helper()
		if want != "" && !corefHas(got, want) {
			t.Errorf("%s: want %q in %q", what, want, got)
		}
		if not != "" && corefHas(got, not) {
			t.Errorf("%s: %q in %q", what, not, got)
		}
	}
	for _, c := range cases {
		check(c.name, get(t, c.text), c.want, c.without)
	}
	withoutChooser(t, name)
	for _, c := range cases {
		check(c.name+" without "+name, get(t, c.text), c.without, c.want)
	}
}

// packCoref returns a function that runs the pack p on a text and gives
// its relations as corefRelations does.
func packCoref(p *Pack) func(*testing.T, string) []string {
	return func(t *testing.T, text string) []string {
		t.Helper()
		an := testAnalyzer(t)
		res := p.Match(text, an.Analyze(text), an)
		var out []string
		for _, r := range res.Relations {
			out = append(out, fmt.Sprintf("%s -%s-> %s | %s", text[r.Source.Start:r.Source.End], r.Type,
				text[r.Target.Start:r.Target.End], r.Coref))
		}
		return out
	}
}

// The choosers are one list with one chooser of each name.
func TestAntecedentChoosersAreOneList(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range antecedentChoosers {
		if seen[c.name()] {
			t.Errorf("chooser %q twice", c.name())
		}
		seen[c.name()] = true
	}
}
