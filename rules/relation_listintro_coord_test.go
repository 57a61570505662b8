package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// mentionAt returns the index in d.acc of the mention whose text is s.
func mentionAt(t *testing.T, d *docState, s string) int {
	t.Helper()
	for k := range d.acc {
		if d.text[d.acc[k].start:d.acc[k].end] == s {
			return k
		}
	}
	t.Fatalf("no mention %q", s)
	return -1
}

// A comma alone between two places is a coordination when the names go on
// to "and" and one more ("Norway, Peru, Chile and Ghana"); "Paris, France"
// is a city and its country. The names are read up to the bound given (a
// list item's end), not past it.
func TestCoordinationGoesOn(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	loc := maskOf(extractor.Location)
	run := func(text, name string, bound func(d *docState) int, want bool) {
		t.Helper()
		d := docPool.Get().(*docState)
		defer docPool.Put(d)
		d.init(p, text, an.Analyze(text), an, nil)
		defer d.reset()
		p.stages(d)
		k := mentionAt(t, d, name)
		if got := d.coordinationGoesOn(k, loc, bound(d)); got != want {
			t.Errorf("%q from %q: got %v, want %v", text, name, got, want)
		}
	}
	all := func(d *docState) int { return len(d.fold) }
	run("The crew hit Norway, Peru, Chile and Ghana last year.", "Peru", all, true)
	run("The crew hit offices in Paris, France last year.", "France", all, false)
	run("The crew hit Norway, Peru, Chile and Ghana last year.", "Peru",
		func(d *docState) int { return tokenOf(t, d, "and") }, false)
}
