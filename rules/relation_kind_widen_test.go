package rules

import "testing"

// widenPack: a sector gazetteer that knows the heads of victim phrases,
// and a targets rule that reads a few words before its target.
const widenPack = `
lists:
  rel_sector_heads: [companies, manufacturers]
  rel_not_modifiers: [include, included, are, were, hit]
  rel_widen_place_nouns: [countries, nations]
rules:
  - id: w.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Kestrel Bear}]
    examples: {match: ["Kestrel Bear again."]}
  - id: w.sectors
    kind: gazetteer
    type: sector
    entries: [{name: manufacturers}, {name: governments}, {name: universities},
      {name: banks}]
    examples: {match: ["banks again."]}
  - id: w.places
    kind: gazetteer
    type: location
    entries: [{name: Peru}]
    examples: {match: ["Peru again."]}
  - id: w.hit
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [sector]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {any: true, not: {entity: any}, repeat: "0-3"}
      - {slot: target, entity: any}
`

// A sector target is the whole victim phrase its modifiers make: the
// gazetteer knows "manufacturers", the text names "computer hardware
// manufacturers".
func TestSectorTargetWidenedOverItsModifiers(t *testing.T) {
	p := packOf(t, widenPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"noun modifiers",
			"Kestrel Bear hit computer hardware manufacturers.",
			[]string{"Kestrel Bear -targets-> computer hardware manufacturers [w.hit]"}},
		{"an adjective before a plural government noun",
			"Kestrel Bear hit foreign governments.",
			[]string{"Kestrel Bear -targets-> foreign governments [w.hit]"}},
		{"a number or quantifier is no modifier",
			"Kestrel Bear hit two manufacturers.",
			[]string{"Kestrel Bear -targets-> manufacturers [w.hit]"}},
		{"a quantifier is no modifier",
			"Kestrel Bear hit multiple governments.",
			[]string{"Kestrel Bear -targets-> governments [w.hit]"}},
		{"a place noun says where, not what kind",
			"Kestrel Bear hit in some nations manufacturers.",
			[]string{"Kestrel Bear -targets-> manufacturers [w.hit]"}},
		{"a name modifies the phrase",
			"Kestrel Bear hit Ruritanian hardware manufacturers.",
			[]string{"Kestrel Bear -targets-> manufacturers [w.hit]"}},
		{"coordinated modifiers are left alone",
			"Kestrel Bear hit federal and state governments.",
			[]string{"Kestrel Bear -targets-> governments [w.hit]"}},
		{"an institution noun names its kind already",
			"Kestrel Bear hit research universities.",
			[]string{"Kestrel Bear -targets-> universities [w.hit]"}},
		{"a participle picks out victims, it makes no kind",
			"Kestrel Bear hit infected manufacturers.",
			[]string{"Kestrel Bear -targets-> manufacturers [w.hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
