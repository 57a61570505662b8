package rules

import "testing"

// packDescribed is a small pack for the described-antecedent, people-set
// and "the charged hackers" tests.
const packDescribed = `
lists:
  relation_anaphors: ["the bureau", "the group", "the operation", "the defendants", "the charged hackers", "the hackers"]
  person_speech_verbs: [said, commented]
  rel_naming_participles: [called, dubbed, named, known, tracked]
  rel_naming_clause_words: [that, which, who, is, are, was, were, later]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Fujian State Security Department, type: government}
      - {name: Ministry of State Security, type: government}
      - {name: Xiamen State Security Bureau, type: government}
      - {name: Fuzhou Lattice Technology, type: organization}
      - {name: Li Wenbo, type: person}
      - {name: Gao Feng, type: person}
      - {name: Chen Yu, type: person}
      - {name: APT99, type: threat-actor}
      - {name: Amber Lynx, type: threat-actor}
      - {name: Operation Lantern, type: campaign}
  - id: hacked
    kind: relation
    relation: targets
    source: [threat-actor, campaign]
    target: [government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: hacked
      - {lower: the, optional: true}
      - {slot: target, entity: any}
  - id: set-up
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - slot: target
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: created
      - {slot: source, entity: any}
  - id: run-by
    kind: relation
    relation: sponsored-by
    source: [threat-actor]
    target: [government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: was
      - lower: run
      - lower: by
      - {lower: the, optional: true}
      - {slot: target, entity: any}
  - id: works
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower: joined
      - {slot: target, entity: any}
  - id: tied
    kind: relation
    relation: affiliated-with
    source: [person]
    target: [threat-actor]
    pattern:
      - seq:
          - slot: source
            seq:
              - lower_in: [two, three, five]
              - {any: true, not: {text: [".", ","]}, repeat: "0-2"}
              - lower_in: [nationals, hackers]
      - lower: tied
      - lower: to
      - {slot: target, entity: any}
`

func TestRelationDescribedAntecedent(t *testing.T) {
	p := packOf(t, packDescribed)
	cases := []struct {
		name, text string
		want       []string
	}{
		// The ministry is named last, but the department is the one the
		// text calls a bureau.
		{"apposition describes the bureau",
			"The Fujian State Security Department, a provincial bureau of the Ministry of State Security, ran it. The bureau created Fuzhou Lattice Technology.",
			[]string{`Fuzhou Lattice Technology -contractor-of-> Fujian State Security Department @"The bureau" → Fujian State Security Department`}},
		{"without a description the nearest wins",
			"The Fujian State Security Department reports to the Ministry of State Security. The bureau created Fuzhou Lattice Technology.",
			[]string{`Fuzhou Lattice Technology -contractor-of-> Ministry of State Security @"The bureau" → Ministry of State Security`}},
		// A body whose name ends in the head word is what "the bureau"
		// means, though another body was named since.
		{"a name ending in the head word beats a nearer body",
			"The Xiamen State Security Bureau was named in 2019. Later the Ministry of State Security praised it. The bureau created Fuzhou Lattice Technology.",
			[]string{`Fuzhou Lattice Technology -contractor-of-> Xiamen State Security Bureau @"The bureau" → Xiamen State Security Bureau`}},
		// A description counts only in the sentence of the nearest
		// candidate: an actor described as a group long ago does not
		// override the actor just named.
		{"an older description does not override a nearer mention",
			"Amber Lynx, a Chinese group, was seen. The report also names APT99. Then the group was run by the Ministry of State Security.",
			[]string{`APT99 -sponsored-by-> Ministry of State Security @"the group" → APT99`}},
		// "the operation" names a campaign; with none in reach, the actor
		// the text called an operation is meant.
		{"a naming clause licenses another type",
			"The defendants took part in an operation that the private sector calls APT99. The operation was run by the Fujian State Security Department.",
			[]string{`APT99 -sponsored-by-> Fujian State Security Department @"The operation" → APT99`}},
		// A naming participle names the noun right before it: the
		// campaigns are known as Operation Lantern, not the group.
		{"a participle names the noun before it, not the subject",
			"APT99 is a threat group. This group is responsible for the campaigns known as Operation Lantern. Later the group hacked the Ministry of State Security.",
			[]string{`APT99 -targets-> Ministry of State Security @"the group" → APT99`}},
		{"a participle right after a noun names that noun, not a group before it",
			"APT99 is a threat group. The group ran a campaign dubbed Operation Lantern. Later the group hacked the Ministry of State Security.",
			[]string{`APT99 -targets-> Ministry of State Security @"the group" → APT99`}},
		// "a group of hackers known as X": the participle follows the
		// object of "of", and the whole phrase, a group, is named.
		{"a group of hackers known as X is a group",
			"In 2019 a group of hackers known as APT99 shared tools with Amber Lynx. Later the group hacked the Ministry of State Security.",
			[]string{`APT99 -targets-> Ministry of State Security @"the group" → APT99`}},
		{"a group of state hackers dubbed X is a group",
			"In 2019 a group of state hackers dubbed APT99 shared tools with Amber Lynx. Later the group hacked the Ministry of State Security.",
			[]string{`APT99 -targets-> Ministry of State Security @"the group" → APT99`}},
		// ... but a name between ends the phrase: "the tools of Amber Lynx
		// dubbed X" names the tools.
		{"a name before the participle ends the of-phrase",
			"APT99 was seen in 2019. The tools of Amber Lynx dubbed Operation Lantern spread. Later the group hacked the Ministry of State Security.",
			[]string{`Amber Lynx -targets-> Ministry of State Security @"the group" → Amber Lynx`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}

func TestRelationChargedHackersArePeople(t *testing.T) {
	p := packDescribed
	pk := packOf(t, p)
	text := "The defendants are Li Wenbo and Gao Feng. APT99 was busy. The charged hackers joined Fuzhou Lattice Technology."
	same(t, text, relations(t, pk, text), []string{
		`Gao Feng -employed-by-> Fuzhou Lattice Technology @"The charged hackers" → Gao Feng`,
		`Li Wenbo -employed-by-> Fuzhou Lattice Technology @"The charged hackers" → Li Wenbo`})
	// Without the modifier "the hackers" names an actor, and no person
	// rule can use it.
	text = "The defendants are Li Wenbo and Gao Feng. APT99 was busy. The hackers joined Fuzhou Lattice Technology."
	same(t, text, relations(t, pk, text), nil)
}

func TestRelationPeopleSetNamedAfter(t *testing.T) {
	p := packOf(t, packDescribed)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"members named in the next sentences",
			"Charges name three nationals tied to APT99. Two of them, Li Wenbo and Gao Feng, were indicted. The other one stayed. The remaining one is not named.",
			[]string{`Gao Feng -affiliated-with-> APT99 @"three nationals" → Gao Feng`,
				`Li Wenbo -affiliated-with-> APT99 @"three nationals" → Li Wenbo`}},
		{"the other N",
			"Charges name three nationals tied to APT99. One fled. The other three, Li Wenbo, Gao Feng and Chen Yu, were charged.",
			[]string{`Chen Yu -affiliated-with-> APT99 @"three nationals" → Chen Yu`,
				`Gao Feng -affiliated-with-> APT99 @"three nationals" → Gao Feng`,
				`Li Wenbo -affiliated-with-> APT99 @"three nationals" → Li Wenbo`}},
		{"no more than the number says",
			"Charges name two nationals tied to APT99. They are Li Wenbo, Gao Feng and Chen Yu.",
			[]string{`Gao Feng -affiliated-with-> APT99 @"two nationals" → Gao Feng`,
				`Li Wenbo -affiliated-with-> APT99 @"two nationals" → Li Wenbo`}},
		{"names without a list intro are no members",
			"Charges name two nationals tied to APT99. Li Wenbo, a lawyer, and Gao Feng commented.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, relations(t, p, c.text), c.want)
		})
	}
}
