package rules

import "testing"

// packNotBefore has a pattern rule with not_before: the name may not end
// before "'s" or ":", and the matcher then tries a shorter name.
const packNotBefore = `
rules:
  - id: place
    kind: gazetteer
    entries:
      - {name: Norland, type: location}
  - id: unit-of-place
    kind: pattern
    type: government
    stage: 2
    description: "Unit N of <place>"
    not_before: ["'s", ":"]
    pattern:
      - text: Unit
      - regex: '\d+'
      - seq: [{text: of}, {entity: location}]
        optional: true
      - {regex: '\p{Lu}\p{Ll}+', optional: true}
`

func TestPatternNotBefore(t *testing.T) {
	p := packOf(t, packNotBefore)
	same(t, "name at the end of a sentence", found(t, p, "It was Unit 12 of Norland"),
		[]string{"Unit 12 of Norland/government/unit-of-place"})
	// The place owns what follows: the shorter match is the name.
	same(t, "before a possessive", found(t, p, "It was Unit 12 of Norland's army."),
		[]string{"Unit 12/government/unit-of-place", "Norland/location/place"})
	// The capitalised word before a colon is a label: the name ends before it.
	same(t, "before a colon", found(t, p, "Unit 12 Audience: all"),
		[]string{"Unit 12/government/unit-of-place"})
}

// packNotBeforeList takes the words of not_before from a pack list.
const packNotBeforeList = `
lists:
  tails: [Security, Labs]
rules:
  - id: two-words
    kind: pattern
    type: person
    not_before: [$tails]
    pattern:
      - text: Dr
      - {regex: '\p{Lu}\p{Ll}+', repeat: "1-2", capture: true, not: {text: [Security, Labs]}}
`

func TestPatternNotBeforeList(t *testing.T) {
	p := packOf(t, packNotBeforeList)
	same(t, "a name alone", found(t, p, "Dr Quill Moor spoke."), []string{"Quill Moor/person/two-words"})
	// Not before a word of the list: the matcher takes the shorter name.
	same(t, "a name a list word goes on", found(t, p, "Dr Quill Moor Security spoke."), []string{"Quill/person/two-words"})
}
