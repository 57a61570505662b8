package rules

import "testing"

// synonym_tail: a capitalised run may end in the lower-case rest of a
// multi-word synonym of the name-word table; another lower-case word, or
// the rest written after a word that does not open the synonym, is no
// part of the name. (The table is read when a gazetteer name may vary.)
func TestSynonymTailConstraint(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms:
    - "technologies: applied sciences"
rules:
  # (the table is read when some gazetteer name of two words may vary)
  - id: t.gaz
    kind: gazetteer
    type: organization
    entries: [Harwick Technologies]
    examples: {match: ["Harwick Technologies again."]}
  - id: t.name
    kind: pattern
    type: organization
    pattern:
      - {regex: '\p{Lu}\p{L}*', repeat: "1-3"}
      - {synonym_tail: true, repeat: "0-2"}
      - {text: ran}
    examples: {match: ["Quillfern Applied sciences ran it."]}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Quillfern Applied sciences ran it.", []string{"Quillfern Applied sciences ran/organization/t.name"}},
		{"Quillfern Applied ran it.", []string{"Quillfern Applied ran/organization/t.name"}},
		{"Quillfern Applied methods ran it.", nil},
		{"Quillfern Basic sciences ran it.", nil},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}
