package rules

import "testing"

// The parent bodies named with an attribution's body are the actor's too:
// "tied to Center 9 of Ruritania's Security Service" puts the group under
// the service as well (not under the state); a campaign tied to the same
// body is not said to be the parent's, and a body named after "of" that is no government (a
// place, a company) is no parent.
func TestParentChain(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Lynx, type: threat-actor}
      - {name: Operation Dusk, type: campaign}
      - {name: Ruritania, type: location}
      - {name: Security Service, type: government}
      - {name: Center 9, type: government}
      - {name: Northwind Labs, type: organization}
      - {name: FBI, type: government}
      - {name: NSA, type: government}
  - id: tied
    kind: relation
    relation: attributed-to
    source: [threat-actor, campaign]
    target: [threat-actor, organization, government]
    pattern:
      - {slot: source, entity: any}
      - lower_in: ["is tied to", "was tied to"]
      - {lower: the, optional: true}
      - {seq: [{entity: location}, {text: "'s"}], optional: true}
      - {slot: target, entity: any}
`)
	checkRelations(t, p, []relationCase{
		{"Amber Lynx is tied to Center 9 of Ruritania's Security Service.",
			[]string{"Amber Lynx -attributed-to-> Center 9", "Amber Lynx -attributed-to-> Security Service"}},
		{"Amber Lynx is tied to Center 9 of the Security Service.",
			[]string{"Amber Lynx -attributed-to-> Center 9", "Amber Lynx -attributed-to-> Security Service"}},
		// The state is no parent body.
		{"Amber Lynx is tied to Ruritania's Security Service.",
			[]string{"Amber Lynx -attributed-to-> Security Service"}},
		// A campaign is the body's, not its parent's.
		{"Operation Dusk was tied to Ruritania's Security Service.",
			[]string{"Operation Dusk -attributed-to-> Security Service"}},
		// A bracketed short name after the body, and the parent described
		// in lower-case words before its name in an apposition.
		{"Amber Lynx is tied to Center 9 (C9) of Ruritania's state security service, the Security Service.",
			[]string{"Amber Lynx -attributed-to-> Center 9", "Amber Lynx -attributed-to-> Security Service"}},
		// ... but not a description naming no body.
		{"Amber Lynx is tied to Center 9 of the state security service, Ruritania.",
			[]string{"Amber Lynx -attributed-to-> Center 9"}},
		// A body named after the description but followed by a verb of
		// saying, or coordinated, reports the tie: it is no parent.
		{"Amber Lynx is tied to Center 9 of the intelligence service, the FBI said.",
			[]string{"Amber Lynx -attributed-to-> Center 9"}},
		{"Amber Lynx is tied to Center 9 (C9) of military intelligence, the NSA and the FBI said.",
			[]string{"Amber Lynx -attributed-to-> Center 9"}},
		// Only a government body after "of" is a parent.
		{"Amber Lynx is tied to Center 9 of Northwind Labs.",
			[]string{"Amber Lynx -attributed-to-> Center 9"}},
	})
}
