package rules

import "testing"

// An "it" that holds the place of a clause ("It was the first time ...",
// "It is likely that ...") has no antecedent and ends no relation.
func TestExpletiveIt(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it]
  rel_expletive_ordinals: [first]
  rel_expletive_adjectives: [likely, known, hard]
  rel_expletive_openers: [that, whether]
  rel_expletive_to_adjectives: [hard]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Heron, type: threat-actor}
      - {name: Kenya, type: location}
      - {name: Peru, type: location}
  - id: blamed
    kind: relation
    relation: located-in
    source: [threat-actor]
    target: [location]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-8"}
      - lower_in: [to, in]
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Heron hit ports in May. It was the first time Peru had ascribed an attack to Kenya.", nil},
		{"Amber Heron hit ports in May. It is not known whether the ports in Kenya paid.", nil},
		{"Amber Heron hit ports in May. It was likely that officials in Kenya knew.", nil},
		// An "it" with an antecedent still has one.
		{"Amber Heron hit ports in May. It was based in Kenya.",
			[]string{`Amber Heron -located-in-> Kenya @"It" → Amber Heron`}},
		{"Amber Heron hit ports in May. It is likely based in Kenya.",
			[]string{`Amber Heron -located-in-> Kenya @"It" → Amber Heron`}},
		// "to" after "known" or "likely" raises the actor; after "hard" it
		// opens the clause.
		{"Amber Heron hit ports in May. It is known to return to Kenya.",
			[]string{`Amber Heron -located-in-> Kenya @"It" → Amber Heron`}},
		{"Amber Heron hit ports in May. It is hard to trace ports in Kenya.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
