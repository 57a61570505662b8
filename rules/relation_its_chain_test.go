package rules

import "testing"

// packItsChain is a small pack for "its" after a definite anaphor of its
// own sentence, and for numbered names ("Unit 41822") as what "the unit"
// means.
const packItsChain = `
lists:
  relation_anaphors: ["the unit", "the company", its, it]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Unit 41822, type: government}
      - {name: Harlow Military Region, type: government}
      - {name: Brindle Analytics, type: organization}
      - {name: Pavel Osokin, type: person}
  - id: officer-of
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization, government]
    pattern:
      - {slot: target, lower_in: [its]}
      - lower: officers
      - {text: ","}
      - {slot: source, entity: any}
`

func TestRelationItsFollowsSentenceAnaphor(t *testing.T) {
	p := packOf(t, packItsChain)
	cases := []struct {
		name, text string
		want       []string
	}{
		// The organisation of the sentence before is nearer by type order,
		// but "its" goes with "the unit" of its own sentence, and "the
		// unit" means the numbered unit, not the region named after it.
		{"its after the unit",
			"Brindle Analytics tied the crew to Unit 41822, a bureau of the Harlow Military Region. The unit spied on navies, and the report named one of its officers, Pavel Osokin.",
			[]string{`Pavel Osokin -employed-by-> Unit 41822 @"its" → Unit 41822`}},
		// A mention of an allowed type before "its" in the sentence keeps
		// the ordinary choice.
		{"a named owner in the sentence comes first",
			"Unit 41822 ran servers. Brindle Analytics said the unit spied, and named one of its officers, Pavel Osokin.",
			[]string{`Pavel Osokin -employed-by-> Brindle Analytics @"its" → Brindle Analytics`}},
		// ... but not a mention that acts on the anaphor as its object:
		// the officers are the sanctioned unit's.
		{"the agent of a verb on the anaphor does not block",
			"Unit 41822 ran servers. Brindle Analytics exposed the unit in May, and named one of its officers, Pavel Osokin.",
			[]string{`Pavel Osokin -employed-by-> Unit 41822 @"its" → Unit 41822`}},
		// A verb of saying opens a clause: the ordinary choice again.
		{"a verb of saying blocks",
			"Unit 41822 ran servers. Brindle Analytics said the unit spied, and named one of its officers, Pavel Osokin.",
			[]string{`Pavel Osokin -employed-by-> Brindle Analytics @"its" → Brindle Analytics`}},
		// An anaphor that names nothing the slot takes: nor does "its".
		{"a refused anaphor refuses its",
			"Brindle Analytics ran servers. Brindle Analytics exposed the unit in May, and named one of its officers, Pavel Osokin.",
			nil},
		// A noun anaphor whose referent is beyond a pronoun's reach is no
		// link for "its".
		{"a far referent does not chain",
			"Brindle Analytics ran servers. One. Two. Three. The company grew, and the report named one of its officers, Pavel Osokin.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}
