package rules

import "testing"

// A multi-word name whose later words the text writes in lower case
// ("Kestrel typhoon", "Harlow Know-how group") is the entry when the
// document also writes the entry in its own case; alone it is no name, and
// an actor's name before a lower-case head noun stays the bare name.
func TestCaseBrokenGazetteerName(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_actor_heads: [group]
rules:
  - id: g.actor
    kind: gazetteer
    type: threat-actor
    priority: 70
    entries:
      - {name: Kestrel Typhoon}
      - {name: Ossory Group, aliases: [Ossory]}
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Harlow Technology Group}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Kestrel Typhoon hit carriers. Later Kestrel typhoon hit more.",
			[]string{"Kestrel Typhoon/threat-actor/g.actor", "Kestrel typhoon/threat-actor/g.actor"}},
		{"Later Kestrel typhoon hit more.", nil},
		{"Harlow Technology Group ran it. Harlow Technology group denied it.",
			[]string{"Harlow Technology Group/organization/g.org", "Harlow Technology group/organization/g.org"}},
		{"Ossory Group struck. The Ossory group struck again.",
			[]string{"Ossory Group/threat-actor/g.actor", "Ossory/threat-actor/g.actor"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}
