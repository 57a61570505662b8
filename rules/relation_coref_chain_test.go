package rules

import "testing"

// A pronoun whose antecedent is out of its reach means what an actor
// phrase in its reach means.
func TestPronounTakesTheAntecedentOfAnActorPhrase(t *testing.T) {
	p := packOf(t, chainPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"through the group",
			"Kestrel Bear was named in 2021. The vendor renamed it. The vendor wrote twice. The group now buys access. Analysts say it hits banks.",
			[]string{`Kestrel Bear -targets-> banks @"it" → "The group" → Kestrel Bear`}},
		{"no actor phrase in reach: nothing",
			"Kestrel Bear was named in 2021. The vendor renamed it. The vendor wrote twice. The vendor buys access. Analysts say it hits banks.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}

const chainPack = `
lists:
  relation_anaphors: [it, "the group"]
rules:
  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}]
    examples: {match: ["Kestrel Bear again."]}
  - id: t.sectors
    kind: gazetteer
    type: sector
    entries: [{name: banks}]
    examples: {match: ["banks again."]}
  - id: t.it-hits
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector]
    pattern:
      - {slot: source, or: [{entity: any}, {lower_in: [it]}]}
      - lower: hits
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear hits banks."]}
`
