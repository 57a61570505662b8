package rules

import "testing"

// "They" and "them" in a rule that takes people only mean several people
// named together, and "him" the object of a description verb is the
// subject of its "as" clause.
func TestTheyMeansPeople(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [he, him, they, them]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Arvid Kallen, type: person}
      - {name: Tomas Vell, type: person}
      - {name: Corvane Labs, type: organization}
      - {name: Pellmark Systems, type: organization}
      - {name: Amber Heron, type: threat-actor}
  # A suppress rule's match occupies its span but is no mention: it is no
  # antecedent "they" may mean either.
  - id: button
    kind: pattern
    type: organization
    priority: 90
    suppress: true
    pattern:
      - {lower: follow}
      - {lower: us}
      - {lower: on}
      - {text: Quillbook, capture: true}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower_in: [worked, is, are, was, were]
      - lower_in: [for, "an officer of", "officers of"]
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Arvid Kallen and Tomas Vell were charged in March. They worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"They" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"They" → Tomas Vell`}},
		{"Arvid Kallen and Tomas Vell were charged in March. Prosecutors described them as officers of Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"them" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"them" → Tomas Vell`}},
		{"Arvid Kallen was charged in March. Prosecutors described him as an officer of Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"him" → Arvid Kallen`}},
		// One person is no antecedent of "they": the speaker is not the
		// people he speaks of.
		{"Arvid Kallen, who tracks the intrusions, was interviewed in March. He said they worked for Corvane Labs.", nil},
		// An actor named after the people is as near a plural antecedent:
		// the pronoun names nobody.
		{"Prosecutors named Arvid Kallen and Tomas Vell in March. Amber Heron was blamed in May. They worked for Corvane Labs.", nil},
		// A hidden match (a suppress rule's) between them is no such name.
		{"Arvid Kallen and Tomas Vell were charged in March. Follow us on Quillbook. They worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"They" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"They" → Tomas Vell`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
