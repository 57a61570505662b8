package rules

import "testing"

// "The Chinese defendants" stands for the people named just before, as
// "the defendants" does, but only with a pronoun's reach; a number
// ("the two Chinese nationals") leaves the phrase to the sets named after.
func TestPersonPhraseWithNationality(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: ["the defendants"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Li Wen, type: person}
      - {name: Zhao Ming, type: person}
      - {name: Kestrel Panda, type: threat-actor}
      - {name: China, type: location, aliases: [Chinese]}
  - id: tied
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [threat-actor]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {lower_in: [are, were]}
      - lower: tied
      - lower: to
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Prosecutors charged Li Wen and Zhao Ming. The Chinese defendants are tied to Kestrel Panda.",
			[]string{`Li Wen -affiliated-with-> Kestrel Panda @"The Chinese defendants" → Li Wen`,
				`Zhao Ming -affiliated-with-> Kestrel Panda @"The Chinese defendants" → Zhao Ming`}},
		// Named three sentences back: out of reach.
		{"Prosecutors charged Li Wen and Zhao Ming. The case took years. It was filed in May. The Chinese defendants are tied to Kestrel Panda.", nil},
		// A number: no anaphor by shape.
		{"Prosecutors charged Li Wen and Zhao Ming. The two Chinese defendants are tied to Kestrel Panda.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
