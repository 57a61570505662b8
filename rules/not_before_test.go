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
