package rules

import "testing"

// "The activity, tracked as X," means X, not the actor named before.
func TestLabelledAnaphor(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [the activity, it]
  rel_naming_verbs: [tracked, dubbed]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Heron, type: threat-actor}
      - {name: Grey Moth, type: threat-actor}
      - {name: Kenya, type: location}
  - id: aimed
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [location]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-6"}
      - lower: aimed
      - lower: at
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Heron breached ports last year. The activity, tracked as Grey Moth, aimed at Kenya.",
			[]string{`Grey Moth -targets-> Kenya @"The activity" → Grey Moth`}},
		{"Amber Heron breached ports last year. The activity, which lasted months, aimed at Kenya.",
			[]string{`Amber Heron -targets-> Kenya @"The activity" → Amber Heron`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
