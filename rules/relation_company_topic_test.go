package rules

import "testing"

// companyTopicPack: a report about a hacking company, whose victims the
// topic rule gives to the company.
const companyTopicPack = `
lists:
  rel_company_staff_nouns: [employees, staff]
rules:
  - id: t.names
    kind: gazetteer
    entries:
      - {name: Quarry Labs, type: organization}
      - {name: Harbor Analytics, type: organization}
      - {name: Gannet News, type: organization}
      - {name: Ministry of Public Security, type: government}
      - {name: Norway, type: location}
  - id: t.contract
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - {slot: source, entity: any}
      - lower: served
      - {lower: the, optional: true}
      - {slot: target, entity: any}
  - id: t.topic
    kind: topic
    relation: targets
    source: [threat-actor, organization]
    target: [location]
    cues: [victims]
`

func TestCompanyTopicLeadsByMentionsAndCharges(t *testing.T) {
	p := packOf(t, companyTopicPack)
	// Quarry Labs is named three times, each other firm once: short of the
	// share an actor needs, but twice as often as any other.
	base := "Quarry Labs sold hacking tools, Gannet News reported. Quarry Labs is in Chengdu. " +
		"Harbor Analytics studied the files. Quarry Labs is small. "
	cases := []struct {
		name, text string
		want       []string
	}{
		{"charges against its staff make it a hacking company",
			base + "Prosecutors charged eight Quarry Labs employees. The victims were in Norway.",
			[]string{"Quarry Labs -targets-> Norway [t.topic]"}},
		{"a relation that has it work for a government does too",
			base + "Quarry Labs served the Ministry of Public Security. The victims were in Norway.",
			[]string{"Quarry Labs -contractor-of-> Ministry of Public Security [t.contract]", "Quarry Labs -targets-> Norway [t.topic]"}},
		{"neither: no topic company",
			base + "Eight Quarry Labs employees spoke to us. The victims were in Norway.",
			nil},
		{"named as often as another firm: no topic company",
			base + "Harbor Analytics charged nobody. Harbor Analytics is big. Prosecutors charged eight Quarry Labs employees. The victims were in Norway.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
