package rules

import "testing"

// "the Westmark office" after "the Westmark State Security Department" is
// the body's short form: a mention of the body, not of the place.
func TestSpreadBodyPlaceShort(t *testing.T) {
	p := packOf(t, `
lists:
  rel_name_place_branch_nouns: [office, bureau, workplace]
rules:
  - id: gaz.location.subnational
    kind: gazetteer
    type: location
    entries: [Westmark, Eastmark]
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [Westmark State Security Department, Eastmark Police Bureau, Eastmark Tax Bureau, Harbour Board]
  - id: t.spread
    kind: propagate
    types: [government]
`)
	cases := []struct {
		text string
		want []string
	}{
		{"The Westmark State Security Department ran it. The Westmark office hired the staff.",
			[]string{"Westmark State Security Department/government/t.bodies", "Westmark office/government/t.spread"}},
		// "of" and a body after: another body, not this one's short form
		{"The Westmark State Security Department ran it. The Westmark office of the Harbour Board paid.",
			[]string{"Westmark State Security Department/government/t.bodies", "Westmark/location/gaz.location.subnational",
				"Harbour Board/government/t.bodies"}},
		// the place on its own stays a place
		{"The Westmark State Security Department ran it from Westmark.",
			[]string{"Westmark State Security Department/government/t.bodies", "Westmark/location/gaz.location.subnational"}},
		// two bodies open with the place: which one is unknown
		{"The Eastmark Police Bureau and the Eastmark Tax Bureau met. The Eastmark bureau paid.",
			[]string{"Eastmark Police Bureau/government/t.bodies", "Eastmark Tax Bureau/government/t.bodies",
				"Eastmark/location/gaz.location.subnational"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}
