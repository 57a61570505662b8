package rules

import "testing"

// descriptorTail takes the capitalised company descriptors after a
// company's name ("Tarnwell Communications"), but none when another
// capitalised word follows them: "Tarnwell Software Defender" is a
// product's name.
func TestDescriptorTail(t *testing.T) {
	cases := []struct {
		text string
		want int // tokens after "Tarnwell" taken
	}{
		{"Tarnwell Communications said the outage was over.", 1},
		{"Tarnwell Software Engineering said the outage was over.", 2},
		{"Tarnwell Software Defender blocked the file.", 0},
		{"Tarnwell said the outage was over.", 0},
		{"Tarnwell software was patched.", 0},
	}
	for _, c := range cases {
		d, done := docFor(t, c.text)
		if got := d.descriptorTail(1, len(d.fold)) - 1; got != c.want {
			t.Errorf("%q: took %d tokens, want %d", c.text, got, c.want)
		}
		done()
	}
}
