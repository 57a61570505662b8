package rules

import "testing"

// The places right after an actor's victims are its targets too, whatever
// rule found the victims (here t.hit, which takes one name after "hit").
func TestVictimPlacesAreTargets(t *testing.T) {
	p := packOf(t, coordPack+victimPlacesRule)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a list of places after the victims",
			"Kestrel Bear hit banks in Peru, Lima and Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> Peru [t.hit]",
				"Kestrel Bear -targets-> Lima [t.hit]", "Kestrel Bear -targets-> Chile [t.hit]"}},
		{"after the last member of a list of victims",
			"Kestrel Bear hit banks and think tanks across Peru and in Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> think tanks [t.hit]",
				"Kestrel Bear -targets-> Peru [t.hit]", "Kestrel Bear -targets-> Chile [t.hit]"}},
		{"a place that modifies a noun is no victim's place",
			"Kestrel Bear hit banks in Peru offices.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"only right after the victims",
			"Kestrel Bear hit banks with phishing in Peru.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a rule that takes sectors only: the places come with them",
			"Kestrel Bear struck banks in Peru and Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.struck]", "Kestrel Bear -targets-> Peru [t.struck]",
				"Kestrel Bear -targets-> Chile [t.struck]"}},
		{"places of the victims after 'of'",
			"Kestrel Bear hit banks of Peru and Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> Peru [t.hit]",
				"Kestrel Bear -targets-> Chile [t.hit]"}},
		{"a victim the match names by its kind, no mention before, has its places",
			"Kestrel Bear raided newsrooms in Peru and Chile.",
			[]string{"Kestrel Bear -targets-> newsrooms [t.raided]", "Kestrel Bear -targets-> Peru [t.raided]",
				"Kestrel Bear -targets-> Chile [t.raided]"}},
		{"a victim's place in brackets",
			"Kestrel Bear hit banks (Peru) in May.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> Peru [t.hit]"}},
		{"a bracket that holds more than a place",
			"Kestrel Bear hit banks (Peru branch) in May.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"other relations keep their places",
			"Kestrel Bear in Peru and Chile.",
			[]string{"Kestrel Bear -located-in-> Peru [t.based]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// victimPlacesRule finds sectors only.
const victimPlacesRule = `
  - id: t.struck
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector]
    pattern:
      - {slot: source, entity: any}
      - lower: struck
      - {slot: target, entity: any}
    examples: {match: ["Kestrel Bear struck banks."]}
  - id: t.raided
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector]
    pattern:
      - {slot: source, entity: any}
      - lower: raided
      - {slot: target, type: sector, lower: newsrooms}
    examples: {match: ["Kestrel Bear raided newsrooms."]}
`

// A kind of victim with a generic head ("political entities in Peru"):
// the places after the head (rel_victim_place_heads) are the actor's
// targets too; a head the list lacks, or a named victim, keeps them apart.
func TestVictimPlacesAfterGenericHead(t *testing.T) {
	p := packOf(t, "lists:\n  rel_victim_place_heads: [entities, bodies]\n"+coordPack+victimPlacesRule)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a sector, its generic head, then the places",
			"Kestrel Bear hit banks entities in Peru and Chile.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> Peru [t.hit]",
				"Kestrel Bear -targets-> Chile [t.hit]"}},
		{"a kind the match names, then a generic head",
			"Kestrel Bear raided newsrooms bodies in Peru.",
			[]string{"Kestrel Bear -targets-> newsrooms [t.raided]", "Kestrel Bear -targets-> Peru [t.raided]"}},
		{"a head the list lacks",
			"Kestrel Bear hit banks offices in Peru.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
