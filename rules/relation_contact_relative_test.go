package rules

import "testing"

// A pronoun that opens a relative clause without "that" after a noun is
// not the one the clause links: "Amber Heron, a crew it ties to Corvane
// Labs" says nothing of the vendor that did the tying.
func TestContactRelative(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it, they]
  rel_contact_time_nouns: [year, years]
  rel_contact_verbs: [ties, tied, linked, described]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Pellmark Systems, type: organization}
      - {name: Corvane Labs, type: organization}
      - {name: Amber Heron, type: threat-actor}
      - {name: Kenya, type: location}
      - {name: Grey Moth, type: malware}
  - id: ties
    kind: relation
    relation: affiliated-with
    source: [organization, threat-actor]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-6"}
      - lower_in: [ties, tied, linked]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-3"}
      - lower: to
      - {slot: target, entity: any}
  - id: uses
    kind: relation
    relation: uses
    source: [threat-actor]
    target: [malware]
    pattern:
      - {slot: source, lower_in: $relation_anaphors}
      - lower_in: [uses, planted]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-3"}
      - {slot: target, entity: any}
  - id: hits
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [location]
    pattern:
      - {slot: target, entity: any}
      - lower_in: [is, was]
      - lower: among
      - lower: the
      - lower: places
      - {slot: source, lower_in: $relation_anaphors}
      - lower_in: [hits, hit]
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		// The vendor ties the crew, not itself, to the company.
		{"Pellmark Systems wrote about the lure. The report names Amber Heron, a crew it ties to Corvane Labs.",
			[]string{`Amber Heron -affiliated-with-> Corvane Labs`}},
		{"Amber Heron was named in May. It tied the lure to Corvane Labs.",
			[]string{`Amber Heron -affiliated-with-> Corvane Labs @"It" → Amber Heron`}},
		{"Pellmark Systems wrote about the lure. The report named five nationals it linked to Corvane Labs.", nil},
		// A pronoun after a time noun, or one that opens its sentence after an
		// adverbial, is the subject.
		{"Pellmark Systems wrote about Amber Heron in May. Last year it tied the lure to Corvane Labs.",
			[]string{`Pellmark Systems -affiliated-with-> Corvane Labs @"it" → Pellmark Systems`}},
		// The noun before the pronoun is the relation's other end: it stays.
		{"Amber Heron was named in May. Kenya is among the places it hits.",
			[]string{`Amber Heron -targets-> Kenya @"it" → Amber Heron`}},
		// A verb that neither links nor names: the pronoun is the actor.
		{"Amber Heron is a crew from Kenya. Analysts found a loader it uses to deploy Grey Moth.",
			[]string{`Amber Heron -uses-> Grey Moth @"it" → Amber Heron`}},
		{"Amber Heron is a crew from Kenya. Analysts described a backdoor it planted with Grey Moth.",
			[]string{`Amber Heron -uses-> Grey Moth @"it" → Amber Heron`}},
		{"Amber Heron was named in May. After infection it linked the hosts to Corvane Labs.",
			[]string{`Amber Heron -affiliated-with-> Corvane Labs @"it" → Amber Heron`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
