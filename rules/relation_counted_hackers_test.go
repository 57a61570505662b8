package rules

import "testing"

// A counted plural of a people noun ("two hackers") is that many people: an
// actor slot does not take it for the actor in focus, a person slot still
// takes the people.
func TestCountedHackersArePeople(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [hackers, they]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Heron Panda, type: threat-actor}
      - {name: Ana Torres, type: person}
      - {name: Li Wen, type: person}
  - id: actor-linked
    kind: relation
    relation: attributed-to
    source: [threat-actor]
    target: [threat-actor]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {any: true, not: [{text: [".", ";"]}, {entity: any}], repeat: "0-6"}
      - lower: linked
      - lower: to
      - {slot: target, entity: any}
`)
	checkRelations(t, p, []relationCase{
		{"Kestrel Bear hit ports. Prosecutors named Ana Torres and Li Wen, two hackers that officials linked to Heron Panda.", nil},
		// Without a number the noun may still mean the actor.
		{"Kestrel Bear hit ports. The hackers were later linked to Heron Panda.",
			[]string{`Kestrel Bear -attributed-to-> Heron Panda @"hackers" → Kestrel Bear`}},
	})
}
