package rules

import "testing"

// A name after a preposition and a title in capitals ("an aide to New
// York Governor A") is the preposition's object: a relation rule that opens
// with its source does not read it as the subject of the verb after it.
func TestTitledPrepositionObjectIsNoSubject(t *testing.T) {
	p := packOf(t, `
lists:
  rel_title_words: [governor, senator, director]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Ana Torres, type: person}
      - {name: Li Wen, type: person}
      - {name: Harwick Labs, type: organization}
      - {name: Lima, type: location}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - {slot: source, entity: any}
      - {any: true, not: [{text: [".", ";"]}, {entity: any}], repeat: "0-6"}
      - lower_in: [worked for, works for]
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"A former aide to Lima Governor Ana Torres worked for Harwick Labs.", nil},
		{"A spokesman for Senator Ana Torres worked for Harwick Labs.", nil},
		{"An adviser to the Director Ana Torres works for Harwick Labs.", nil},
		// a title without a preposition before it, or a preposition without
		// a title, leaves the subject alone
		{"Governor Ana Torres worked for Harwick Labs.", []string{"Ana Torres -employed-by-> Harwick Labs"}},
		{"In 2019 Senator Ana Torres worked for Harwick Labs.", []string{"Ana Torres -employed-by-> Harwick Labs"}},
		{"According to Director Ana Torres, Li Wen worked for Harwick Labs.", []string{"Li Wen -employed-by-> Harwick Labs"}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
