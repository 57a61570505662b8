package rules

import (
	"strings"
	"testing"
)

// personItemName reads a bullet's opening words as a person's full name:
// two to four words, an initial in the middle, and the capitals of
// "O'Neill", "Al-Amin" and "McCarthy"; not one word, a word in capitals
// or a lower-case word, nor a company's name (its last word a company
// word of the pack's lists).
func TestPersonItemName(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	cases := []struct {
		name string
		want bool
	}{
		{"Ivan Petrov", true},
		{"Sean O'Neill", true},
		{"Dara O’Brien", true},
		{"Karim Al-Amin", true},
		{"Ryan McCarthy", true},
		{"Fiona MacLeod", true},
		{"John A. Smith", true},
		{"John A Smith", true},
		{"Maria Elena Ruiz Torres", true},
		{"Reuters", false},
		{"FSB officers", false},
		{"Ivan petrov", false},
		{"Ivan PETROV", false},
		{"A. Smith", false},
		{"John Smith A.", false},
		{"Ana Maria Ruiz Torres Vega", false},
		{"Ivan Petr0v", false},
		{"Northwind Harbor Trading", false},
		{"Quillon Data Systems", false},
		{"Global Trade Solutions", false},
		{"Kelmaro Holdings", false},
		{"Harbor Crest Logistics", false},
		{"Kelmaro Shipping Services", false},
		{"Harbor Point Studios", false},
		{"Samantha Power", true},
	}
	for _, c := range cases {
		text := "- " + c.name + " of the unit"
		sents := an.Analyze(text)
		d := docPool.Get().(*docState)
		d.init(p, text, sents, an, nil)
		a, b := -1, -1
		end := 2 + len(c.name)
		for i := range d.tokText {
			if a < 0 && d.tokStart[i] >= 2 {
				a = i
			}
			if d.tokEnd[i] <= end {
				b = i + 1
			}
		}
		if got := d.personItemName(a, b); got != c.want {
			t.Errorf("%q (tokens %q): got %v, want %v", c.name, strings.Join(d.tokText[a:b], "|"), got, c.want)
		}
		d.reset()
		docPool.Put(d)
	}
}
