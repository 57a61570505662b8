package rules

import "testing"

// "It" takes the one mention before it in its sentence as its referent,
// but not a name inside a fronted prepositional phrase: that is a
// circumstance, and "it" goes back to the actor named before.
func TestItSkipsFrontedPhrase(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Panda, type: threat-actor}
      - {name: Operation Silver Wolf, type: campaign}
      - {name: Corvane Labs, type: organization}
  - id: hit
    kind: relation
    relation: targets
    source: [threat-actor, campaign]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: hit
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Kestrel Panda returned in 2015. A year later, in Operation Silver Wolf, it hit Corvane Labs.",
			[]string{`Kestrel Panda -targets-> Corvane Labs @"it" → Kestrel Panda`}},
		{"Kestrel Panda returned in 2015. During the Operation Silver Wolf, it hit Corvane Labs.",
			[]string{`Kestrel Panda -targets-> Corvane Labs @"it" → Kestrel Panda`}},
		// The subject of its own clause still counts.
		{"Kestrel Panda returned in 2015. Operation Silver Wolf was larger because it hit Corvane Labs.",
			[]string{`Operation Silver Wolf -targets-> Corvane Labs @"it" → Operation Silver Wolf`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
