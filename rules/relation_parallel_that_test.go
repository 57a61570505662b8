package rules

import "testing"

// "it" in the second of two parallel that-clauses is the first clause's
// subject: not the reporter named before both, nor a name inside the first
// clause. A rule that does not take that subject finds nothing.
func TestParallelThatSubject(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it, they]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Heron Panda, type: threat-actor}
      - {name: Corvane Labs, type: organization}
      - {name: Pellmark Systems, type: organization}
      - {name: Ministry of Intelligence, type: government}
  - id: ties
    kind: relation
    relation: affiliated-with
    source: [threat-actor, organization]
    target: [threat-actor, government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {lower_in: [has, have, may, might], repeat: "0-2"}
      - lower_in: [ties, links]
      - lower: to
      - {slot: target, entity: any}
  - id: vendor-ties
    kind: relation
    relation: affiliated-with
    source: [organization]
    target: [threat-actor]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: works
      - lower: with
      - {slot: target, entity: any}
`)
	checkRelations(t, p, []relationCase{
		{"Corvane Labs said that Kestrel Bear is new and that it has ties to Heron Panda.",
			[]string{`Kestrel Bear -affiliated-with-> Heron Panda @"it" → Kestrel Bear`}},
		// A bare clause after a judging verb opens the first finding.
		{"Corvane Labs said it suspected Kestrel Bear works for Tehran and that it may have ties to Ministry of Intelligence.",
			[]string{`Kestrel Bear -affiliated-with-> Ministry of Intelligence @"it" → Kestrel Bear`}},
		// The rule takes no actor: "it" is still the actor, so nothing.
		{"Corvane Labs said that Kestrel Bear is new and that it works with Heron Panda.", nil},
		// One clause: the reporter may be "it" as before.
		{"Corvane Labs said it works with Heron Panda.", []string{`Corvane Labs -affiliated-with-> Heron Panda @"it" → Corvane Labs`}},
	})
}
