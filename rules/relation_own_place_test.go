package rules

import "testing"

// A body whose name opens with a state's name or adjective is that state's:
// a possessive carried along a list does not reach it, while a body named
// after its place keeps that place.
func TestOwnPlaceStopsAPossessiveList(t *testing.T) {
	p := packOf(t, `
rules:
  - id: t.places
    kind: gazetteer
    type: location
    entries:
      - {name: Ruritania, aliases: [Ruritanian]}
      - {name: Osterlich, aliases: [Osterlichian]}
      - Strelsau
  - id: t.bodies
    kind: gazetteer
    type: government
    entries: [Signals Office, Ruritanian Cyber Bureau, Osterlich Police Board, Harbour Office]
  - id: t.poss
    kind: relation
    apposition: true
    relation: part-of
    source: [government]
    target: [location]
    pattern:
      - {slot: target, entity: any}
      - text: "'s"
      - {slot: source, entity: any}
      - seq:
          - or: [{text: ","}, {lower_in: [and]}, [{text: ","}, {lower: and}]]
          - {lower: the, optional: true}
          - {slot: source, entity: government}
        repeat: "0-4"
    examples: {match: ["Osterlich's Signals Office agreed."]}
  - id: t.in
    kind: relation
    relation: located-in
    source: [government]
    target: [location]
    pattern:
      - {slot: source, entity: any}
      - lower: in
      - {slot: target, entity: any}
    examples: {match: ["The Signals Office in Strelsau agreed."]}
`)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a member named after another state",
			"Osterlich's Signals Office, the Ruritanian Cyber Bureau and the Harbour Office signed.",
			[]string{"Signals Office -part-of-> Osterlich [t.poss]", "Harbour Office -part-of-> Osterlich [t.poss]"}},
		{"a member named after the same state",
			"Osterlich's Signals Office and the Osterlich Police Board signed.",
			[]string{"Signals Office -part-of-> Osterlich [t.poss]", "Osterlich Police Board -part-of-> Osterlich [t.poss]"}},
		{"a place after the body is not a possessive",
			"The Ruritanian Cyber Bureau in Strelsau signed.",
			[]string{"Ruritanian Cyber Bureau -located-in-> Strelsau [t.in]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
