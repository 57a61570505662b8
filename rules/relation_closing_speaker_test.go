package rules

import "testing"

// A name that closes the sentence before a verb of saying is its speaker,
// not one more member of the victim list before it.
func TestClosingSpeakerIsNoTarget(t *testing.T) {
	p := packOf(t, `
lists:
  rel_closing_speaker_verbs: [said, reported, alleged, confirmed]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Kestrel Bear, type: threat-actor}
      - {name: Corvane Labs, type: organization}
      - {name: Pellmark Systems, type: organization}
      - {name: Harlow Bank, type: organization}
      - {name: Northwind, type: organization}
  - id: hit
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [organization]
    pattern:
      - {slot: source, entity: any}
      - lower_in: [hacked, breached]
      - {slot: target, entity: any}
      - seq:
          - {lower_in: [",", and], repeat: "1-2"}
          - {lower: the, optional: true}
          - {slot: target, entity: any}
        repeat: "0-6"
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Kestrel Bear breached Corvane Labs, Northwind said.", []string{"Kestrel Bear -targets-> Corvane Labs"}},
		{"Kestrel Bear breached Corvane Labs, Northwind and Harlow Bank reported on Monday.",
			[]string{"Kestrel Bear -targets-> Corvane Labs"}},
		{"Kestrel Bear breached Corvane Labs and Pellmark Systems, Northwind said.",
			[]string{"Kestrel Bear -targets-> Corvane Labs", "Kestrel Bear -targets-> Pellmark Systems"}},
		// A list with no verb of saying after it keeps every member.
		{"Kestrel Bear breached Corvane Labs, Pellmark Systems and Harlow Bank.",
			[]string{"Kestrel Bear -targets-> Corvane Labs", "Kestrel Bear -targets-> Harlow Bank", "Kestrel Bear -targets-> Pellmark Systems"}},
		// A speaker who says what follows opens a clause: not the closing one.
		{"Kestrel Bear breached Corvane Labs, Northwind confirmed that the bank had been hit.",
			[]string{"Kestrel Bear -targets-> Corvane Labs", "Kestrel Bear -targets-> Northwind"}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
