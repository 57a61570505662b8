package rules

import (
	"testing"
)

// A hedged participle between commas after the subject ("X, believed to
// work for Y, deployed Z") is an aside: its hedge is not the main verb's,
// while a match that ends inside it keeps the hedge.
func TestParticipleAside(t *testing.T) {
	cases := []struct {
		text string
		want bool // an aside opens at the first comma and closes before the end
	}{
		{"The hackers, believed to work for the MSS, deployed ShadowPad.", true},
		{"Sandworm, widely thought to be part of the GRU, unleashed NotPetya.", true},
		{"Sandworm, linked to GRU Unit 74455, attacked banks.", true},
		{"Sandworm, believed to work for the GRU.", false},           // no closing comma
		{"Sandworm, believed the report, deployed NotPetya.", false}, // no "to"/"of"
		{"Sandworm, APT28 and Turla deployed NotPetya.", false},
	}
	for _, c := range cases {
		d, done := docFor(t, c.text)
		i := tokenOf(t, d, ",")
		got := d.participleAsideEnd(i, len(d.fold)) > 0
		if got != c.want {
			t.Errorf("%q: aside %v, want %v", c.text, got, c.want)
		}
		done()
	}
}
