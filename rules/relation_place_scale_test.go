package rules

import (
	"strings"
	"testing"
)

// A country is never located in a town or a province: a misread district
// name gives no relation, while a town in a province and a province in a
// country still do.
func TestCountryNotInTown(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	has := func(got []string, want string) bool {
		for _, g := range got {
			if strings.HasPrefix(g, want) {
				return true
			}
		}
		return false
	}
	got := relations(t, p, "A grand jury in the Japanese District of Washington returned the indictment.")
	for _, g := range got {
		if strings.Contains(g, "-located-in-> Washington") {
			t.Errorf("a country in a town: %q", g)
		}
	}
	got = relations(t, p, "The firm is registered in the Hubei province of China.")
	if !has(got, "Hubei -located-in-> China") {
		t.Errorf("province in country lost: %q", got)
	}
	// a region of the world in a country: a run of places read backwards
	got = relations(t, p, "Kimsuky phished diplomats in Europe in Germany, officials said.")
	for _, g := range got {
		if strings.Contains(g, "Europe -located-in->") {
			t.Errorf("a region in a country: %q", g)
		}
	}
	// a country in a country: a list of places in capitals, not a dateline
	for _, text := range []string{"Targeted countries: USA, Canada - mostly banks and insurers.",
		"The victims: FRANCE, Germany (two firms each)."} {
		for _, g := range relations(t, p, text) {
			if strings.Contains(g, "-located-in->") {
				t.Errorf("%q: a country in a country: %q", text, g)
			}
		}
	}
	got = relations(t, p, "TARNOW, Poland - The firm denied it.")
	if !has(got, "TARNOW -located-in-> Poland") {
		t.Errorf("dateline town in country lost: %q", got)
	}
	got = relations(t, p, "A grand jury in Houston, Texas, charged the two men.")
	if !has(got, "Houston -located-in-> Texas") {
		t.Errorf("town in state lost: %q", got)
	}
}

// Two cities or two states side by side before a noun are a pair, not a
// place and the larger place it lies in; a city and its state still are.
func TestPlacesSideBySide(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"The Paris, Madrid route was cut during the attack.",
		"The Oregon, Nevada figures came late.",
	} {
		for _, g := range relations(t, p, text) {
			if strings.Contains(g, "-located-in->") {
				t.Errorf("%q: side-by-side places linked: %q", text, g)
			}
		}
	}
	got := relations(t, p, "Maria Ortiz, a Tacoma, Washington lawyer, filed the claim. The Reno, Nevada office closed.")
	for _, want := range []string{"Tacoma -located-in-> Washington", "Reno -located-in-> Nevada"} {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, want)
		}
		if !found {
			t.Errorf("%q missing: %q", want, got)
		}
	}
}

// A firm in "Shenzhen, China" is in Shenzhen, China holding Shenzhen (the
// gold's convention); a list of places of one level holds the firm in each,
// a later one too ("in Beijing, Shanghai and Chengdu").
func TestFirmNotInThePlaceThatHoldsItsCity(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text     string
		want, no []string
	}{
		{"Tollgate Labs has offices in Shenzhen, China, and in Vietnam.",
			[]string{"Tollgate Labs -located-in-> Shenzhen", "Tollgate Labs -located-in-> Vietnam", "Shenzhen -located-in-> China"},
			[]string{"Tollgate Labs -located-in-> China"}},
		{"Tollgate Labs has offices in Beijing, Shanghai and Chengdu.",
			[]string{"Tollgate Labs -located-in-> Beijing", "Tollgate Labs -located-in-> Shanghai", "Tollgate Labs -located-in-> Chengdu"}, nil},
		{"Copper Heron targeted telecoms and defense firms throughout the U.S., Europe, and Asia.",
			[]string{"-located-in-> Europe"}, nil},
		{"Tollgate Labs is based in Chengdu, Sichuan, and Hangzhou.",
			[]string{"Tollgate Labs -located-in-> Chengdu", "Tollgate Labs -located-in-> Hangzhou"},
			[]string{"Tollgate Labs -located-in-> Sichuan"}},
	}
	for _, c := range cases {
		got := strings.Join(relations(t, p, c.text), "\n")
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: %q missing from\n%s", c.text, w, got)
			}
		}
		for _, n := range c.no {
			if strings.Contains(got, n) {
				t.Errorf("%q: unexpected %q in\n%s", c.text, n, got)
			}
		}
	}
}
