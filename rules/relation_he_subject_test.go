package rules

import "testing"

// "He" means the person the sentence before is about, gives up when two
// people are equally near, and is not the speaker of "According to B,".
func TestHeMeansTheSubject(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [he, she]
  person_male_given_names: [mr, arvid]
  person_female_given_names: [ms, greta]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Arvid Kallen, type: person}
      - {name: Greta Moll, type: person}
      - {name: Tomas Vell, type: person}
      - {name: Corvane Labs, type: organization}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: worked
      - lower: for
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Arvid Kallen met Tomas Vell in 2019. He worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"He" → Arvid Kallen`}},
		{"Prosecutors charged Arvid Kallen in March. He worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"He" → Arvid Kallen`}},
		{"Arvid Kallen was charged in March. According to Tomas Vell of the court, he worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"he" → Arvid Kallen`}},
		// A list's comma opens no subject: with no person as the subject,
		// the nearest person named.
		{"The charges name Arvid Kallen, a broker, and Tomas Vell. He worked for Corvane Labs.",
			[]string{`Tomas Vell -employed-by-> Corvane Labs @"He" → Tomas Vell`}},
		// An apposition's comma after the subject opens no subject.
		{"Arvid Kallen, a former officer, met Tomas Vell in 2019. He worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"He" → Arvid Kallen`}},
		// A subject whose given name does not fit the pronoun: the nearest.
		{"Arvid Kallen met Greta Moll in Vienna in 2019. She worked for Corvane Labs.",
			[]string{`Greta Moll -employed-by-> Corvane Labs @"She" → Greta Moll`}},
		{"Arvid Kallen met Greta Moll in Vienna in 2019. He worked for Corvane Labs.",
			[]string{`Arvid Kallen -employed-by-> Corvane Labs @"He" → Arvid Kallen`}},
		// Two people equally near: nobody.
		{"Arvid Kallen was charged in March. He is accused of helping Tomas Vell. He worked for Corvane Labs.", nil},
		{"Arvid Kallen and Tomas Vell were charged in March. He worked for Corvane Labs.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
