package rules

import "testing"

// A plural anaphor without a number ("the defendants") after a counted one
// ("the three men") means the counted set, not only the people of its
// nearest antecedent's sentence.
func TestUncountedAnaphorTakesTheCountedSetBefore(t *testing.T) {
	p := packOf(t, countedPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the counted set in between",
			"The first case named Li Wen. A second adds Zhang Min and Gao Feng. It says the three men wrote code. The defendants hit banks.",
			[]string{"Li Wen -targets-> banks [t.person-hit]", "Zhang Min -targets-> banks [t.person-hit]",
				"Gao Feng -targets-> banks [t.person-hit]"}},
		{"no counted anaphor: the people of the antecedent's sentence",
			"The first case named Li Wen. A second adds Zhang Min and Gao Feng. The defendants hit banks.",
			[]string{"Zhang Min -targets-> banks [t.person-hit]", "Gao Feng -targets-> banks [t.person-hit]"}},
		{"a counted set no larger changes nothing",
			"The first case named Li Wen. A second adds Zhang Min and Gao Feng. It says the two men wrote code. The defendants hit banks.",
			[]string{"Zhang Min -targets-> banks [t.person-hit]", "Gao Feng -targets-> banks [t.person-hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

const countedPack = `
lists:
  relation_anaphors: ["the defendants", "the three men", "the two men"]
rules:
  - id: t.people
    kind: gazetteer
    type: person
    entries: [{name: Li Wen}, {name: Zhang Min}, {name: Gao Feng}]
    examples: {match: ["Li Wen again."]}
  - id: t.sectors
    kind: gazetteer
    type: sector
    entries: [{name: banks}]
    examples: {match: ["banks again."]}
  - id: t.person-hit
    kind: relation
    relation: targets
    source: [person]
    target: [sector]
    pattern:
      - {slot: source, or: [{entity: any}, {lower_in: ["the defendants"]}]}
      - lower: hit
      - {slot: target, entity: any}
    examples: {match: ["Li Wen hit banks."]}
`
