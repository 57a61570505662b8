package rules

import "testing"

// copulaPack: a part-of rule stated with a copula only, so a match in a
// sentence with a description verb comes from the "as" it reads as "is".
const copulaPack = `
lists:
  relation_anaphors: [it, "the group"]
rules:
  - id: t.units
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}]
    examples: {match: ["Kestrel Bear again."]}
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [{name: Harbor Directorate}]
    examples: {match: ["Harbor Directorate again."]}
  - id: t.unit-of
    kind: relation
    relation: part-of
    source: [threat-actor]
    target: [government]
    pattern:
      - {slot: source, or: [{entity: any}, {lower_in: $relation_anaphors}]}
      - lower: is
      - {lower_in: [a, an], optional: true}
      - {lower_in: [unit, arm]}
      - lower: of
      - {lower: the, optional: true}
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear is a unit of the Harbor Directorate."]}
`

func TestDescriptionVerbReadsAsCopula(t *testing.T) {
	p := packOf(t, copulaPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"describes X as",
			"Mandiant describes Kestrel Bear as a unit of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}},
		{"a pronoun object",
			"Kestrel Bear phished diplomats, and officials characterised it as an arm of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}},
		{"a naming verb is no description",
			"Mandiant tracks Kestrel Bear as a unit of the Harbor Directorate.",
			nil},
		{"a denied description states nothing",
			"No agency has described Kestrel Bear as a unit of the Harbor Directorate.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
