package rules

import (
	"testing"
)

// A past tense right after a comma opens a predicate of its own sharing
// the clause's subject (coordinatedPredicate): the denial before the comma
// is that predicate's only. A participle with "by" goes on the clause.
func TestCoordinatedPredicate(t *testing.T) {
	cases := []struct {
		text, word string
		want       bool
	}{
		{"Copper Heron did not target the port, attacked the airport instead.", "attacked", true},
		{"Copper Heron did not use the loader, dropped by another crew.", "dropped", false},
		{"Copper Heron did not target the port, airports or stations.", "airports", false},
	}
	for _, c := range cases {
		d, done := docFor(t, c.text)
		i := tokenOf(t, d, c.word)
		if got := d.coordinatedPredicate(i-1, i+1); got != c.want {
			t.Errorf("%q at %q: got %v, want %v", c.text, c.word, got, c.want)
		}
		done()
	}
	// Without a tagger the clause stays whole.
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	text := cases[0].text
	d := docPool.Get().(*docState)
	d.init(p, text, an.Analyze(text), nil, nil)
	i := tokenOf(t, d, "attacked")
	if d.coordinatedPredicate(i-1, i+1) {
		t.Errorf("without a tagger: a predicate of its own")
	}
	d.reset()
	docPool.Put(d)
}
