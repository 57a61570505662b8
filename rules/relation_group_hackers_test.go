package rules

import "testing"

// packHackers is a small pack for "the hackers" meaning the people an
// indictment named just before.
const packHackers = `
lists:
  relation_anaphors: ["the hackers"]
  rel_person_anaphors: ["the hackers"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Li Wenbo, type: person}
      - {name: Gao Feng, type: person}
      - {name: John Baker, type: person}
      - {name: APT99, type: threat-actor}
      - {name: Pellmark Systems, type: organization}
  - id: broke-into
    kind: relation
    relation: targets
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $rel_person_anaphors}]
      - lower: hacked
      - {slot: target, entity: any}
`

func TestRelationHackersArePeopleNamedBefore(t *testing.T) {
	p := packOf(t, packHackers)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"two people charged in the sentence before",
			"A court charged Li Wenbo and Gao Feng. Prosecutors said the hackers hacked Pellmark Systems.",
			[]string{`Gao Feng -targets-> Pellmark Systems @"the hackers" → Gao Feng`,
				`Li Wenbo -targets-> Pellmark Systems @"the hackers" → Li Wenbo`}},
		// An actor named after the people: the hackers are the actor's.
		{"an actor named since",
			"A court charged Li Wenbo and Gao Feng of APT99. Prosecutors said the hackers hacked Pellmark Systems.",
			nil},
		// One person is no set of hackers.
		{"one person",
			"A court charged Li Wenbo. Prosecutors said the hackers hacked Pellmark Systems.",
			nil},
		// Two sentences back is too far.
		{"people two sentences back",
			"A court charged Li Wenbo and Gao Feng. The case is old. Prosecutors said the hackers hacked Pellmark Systems.",
			nil},
		// A quoted speaker is not one of them, nor described by the
		// anaphor after its comma.
		{"according to a speaker",
			"According to John Baker, the hackers hacked Pellmark Systems.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}
