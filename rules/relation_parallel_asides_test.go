package rules

import "testing"

// parallelAsidesPack ties people to a body with an ecosystem relation whose
// pattern opens with its source (the coordinated subject is shared), and
// reads a tie stated inside an apposition.
const parallelAsidesPack = `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Ana Torres, type: person}
      - {name: Li Wen, type: person}
      - {name: Harbin State Security Bureau, type: government}
  - id: recruited
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [government]
    pattern:
      - {slot: source, entity: any}
      - {any: true, not: [{text: "."}, {entity: any}], repeat: "0-12"}
      - lower: recruited
      - lower: by
      - {lower: the, optional: true}
      - {slot: target, entity: any}
  - id: appos
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [government]
    apposition: true
    pattern:
      - {slot: source, entity: any}
      - {text: ","}
      - lower: a
      - lower: hacker
      - lower: linked
      - lower: to
      - {lower: the, optional: true}
      - {slot: target, entity: any}
`

// Every member of a coordinated subject with an aside of its own shares the
// relation stated after the last aside closes; a tie stated inside the last
// member's apposition stays that member's.
func TestRelationCoordinatedSubjectParallelAsides(t *testing.T) {
	p := packOf(t, parallelAsidesPack)
	text := "Ana Torres, the manager of the office, and Li Wen, an engineer at the same office, were recruited by the Harbin State Security Bureau."
	same(t, text, relations(t, p, text), []string{
		"Ana Torres -affiliated-with-> Harbin State Security Bureau",
		"Li Wen -affiliated-with-> Harbin State Security Bureau"})
	// Only the last member has an aside: it describes that member alone.
	text = "Ana Torres and Li Wen, an engineer at the office, were recruited by the Harbin State Security Bureau."
	same(t, text, relations(t, p, text), []string{"Li Wen -affiliated-with-> Harbin State Security Bureau"})
	// The tie is inside the aside: not shared.
	text = "Prosecutors named Ana Torres and Li Wen, a hacker linked to the Harbin State Security Bureau."
	same(t, text, relations(t, p, text), []string{"Li Wen -affiliated-with-> Harbin State Security Bureau"})
}
