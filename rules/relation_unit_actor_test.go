package rules

import "testing"

// A numbered unit fills an actor slot: named directly, and through an
// anaphor when no threat actor is in reach. A named actor in reach keeps
// the anaphor, and a unit without a number is no actor.
func TestNumberedUnitIsActor(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it, its, "the unit", "the group", attackers]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Unit 48211, type: government}
      - {name: PLA Unit 61733, type: government}
      - {name: Cyber Crimes Unit, type: government}
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Corvane Labs, type: organization}
      - {name: Pellmark Systems, type: organization}
  - id: hit
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {lower: officers, optional: true}
      - lower_in: [hacked, breached]
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Unit 48211 hacked Corvane Labs.", []string{"Unit 48211 -targets-> Corvane Labs"}},
		{"PLA Unit 61733 was named in the filing. The unit breached Corvane Labs.",
			[]string{`PLA Unit 61733 -targets-> Corvane Labs @"The unit" → PLA Unit 61733`}},
		{"Unit 48211 ran the operation. Its officers hacked Pellmark Systems.",
			[]string{`Unit 48211 -targets-> Pellmark Systems @"Its" → Unit 48211`}},
		// A bare plural names whoever did it, not the unit.
		{"Unit 48211 ran the operation. Attackers hacked Pellmark Systems.", nil},
		// A threat actor in reach keeps the anaphor.
		{"Kestrel Bear, which analysts tie to Unit 48211, was busy. The group breached Corvane Labs.",
			[]string{`Kestrel Bear -targets-> Corvane Labs @"The group" → Kestrel Bear`}},
		// A unit beside an actor is no victim of it.
		{"Kestrel Bear hacked Unit 48211.", nil},
		// No number, no actor.
		{"The Cyber Crimes Unit hacked Corvane Labs.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
