package rules

import "testing"

// "Both" alone as a clause's subject stands for the two people named
// before; as a determiner or a conjunction it stands for nobody.
func TestBothAlone(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [he, both, "both men"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Arvid Kallen, type: person}
      - {name: Tomas Vell, type: person}
      - {name: Corvane Labs, type: organization}
      - {name: Pellmark Systems, type: organization}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {lower_in: [also, later], optional: true}
      - lower_in: [worked, work]
      - lower: for
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Prosecutors charged Arvid Kallen and Tomas Vell. Both worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"Both" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"Both" → Tomas Vell`}},
		{"Prosecutors charged Arvid Kallen and Tomas Vell; both later worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"both" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"both" → Tomas Vell`}},
		// after a relative pronoun: the pair the clause is about
		{"Prosecutors charged Arvid Kallen and Tomas Vell, who both worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"both" → Arvid Kallen`,
				`Tomas Vell -employed-by-> Corvane Labs @"both" → Tomas Vell`}},
		// A determiner or a conjunction: no anaphor.
		{"Prosecutors charged Arvid Kallen and Tomas Vell. Staff at both Pellmark Systems and firms that work for Corvane Labs were hit.", nil},
		{"Arvid Kallen and Tomas Vell were named, and analysts of both work for Corvane Labs.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}

// A person slot never makes a new person of lower-case words: "both" of
// "the men both worked for Y" is no anaphor there, and no name either.
func TestPersonSlotLowerCaseNoNewPerson(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [he, both]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Corvane Labs, type: organization}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        type: person
        or: [{entity: any}, {lower_in: $relation_anaphors}, {regex: '\p{Lu}\p{Ll}+', repeat: "2"}]
      - lower_in: [worked, work]
      - lower: for
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The men both worked for Corvane Labs.", nil},
		{"Later Arvid Kallen worked for Corvane Labs.", []string{"Arvid Kallen -employed-by-> Corvane Labs"}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
