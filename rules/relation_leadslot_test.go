package rules

import "testing"

// A shared pattern wrapped in a `seq` with one more element after it (a
// token that closes the phrase) still opens with its source: the members
// of a coordinated subject before an apposition share the relation.
func TestLeadSlotThroughSeq(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Grey Finch, type: malware}
      - {name: Pale Wren, type: malware}
      - {name: Orland, type: location}
  - id: traced
    kind: relation
    relation: attributed-to
    source: [malware]
    target: [location]
    apposition: true
    pattern:
      - seq:
          - seq:
              - {slot: source, entity: malware}
          - {text: ","}
          - lower_in: [two, both]
          - lower_in: [outbreaks, families]
          - lower: that
          - lower: researchers
          - lower: traced
          - lower: to
          - {slot: target, entity: location}
      - {any: true, not: {regex: '\p{Ll}.*'}}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Grey Finch and Pale Wren, two outbreaks that researchers traced to Orland, spread fast.",
			[]string{"Grey Finch -attributed-to-> Orland", "Pale Wren -attributed-to-> Orland"}},
		// the place describes the next noun
		{"Grey Finch and Pale Wren, two outbreaks that researchers traced to Orland servers, spread fast.", nil},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
