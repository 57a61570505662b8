package rules

import "testing"

// "The company, i-Soon, did work for Y": the noun phrase is the name beside
// it, not an earlier company; without the name it is still an anaphor.
func TestApposedAnaphor(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: ["the company"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Works, type: organization}
      - {name: Kestrel Labs, type: organization}
      - {name: Pine Harbor, type: organization}
      - {name: Ministry of Ports, type: government}
  - id: worked
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - seq: [{text: ","}, {slot: source, entity: any}]
        repeat: "0-3"
      - {text: ",", optional: true}
      - lower_in: ["did work for"]
      - {lower: the, optional: true}
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Works sold tools. The company, Kestrel Labs, did work for the Ministry of Ports.",
			[]string{"Kestrel Labs -contractor-of-> Ministry of Ports"}},
		// Without the name beside it the phrase is an anaphor.
		{"Amber Works sold tools. The company did work for the Ministry of Ports.",
			[]string{`Amber Works -contractor-of-> Ministry of Ports @"The company" → Amber Works`}},
		// A list of names stays a list.
		{"Amber Works, Kestrel Labs, Pine Harbor did work for the Ministry of Ports.",
			[]string{"Amber Works -contractor-of-> Ministry of Ports", "Kestrel Labs -contractor-of-> Ministry of Ports",
				"Pine Harbor -contractor-of-> Ministry of Ports"}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
