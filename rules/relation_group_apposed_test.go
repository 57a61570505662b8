package rules

import "testing"

// "The pair" with no pair of coordinated names near it means the counted
// set named earlier in apposition ("two nationals, A and B") when that set
// holds its antecedent, not the antecedent and another person of its
// sentence.
func TestPairMeansTheApposedSetBefore(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: ["the pair", they]
  rel_person_anaphors: ["the pair", they]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Ana Torres, type: person}
      - {name: Li Wen, type: person}
      - {name: Ivan Sokol, type: person}
      - {name: Oleg Petrov, type: person}
      - {name: PlugX, type: malware}
  - id: uses
    kind: relation
    relation: uses
    source: [person]
    target: [malware]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $rel_person_anaphors}]
      - lower_in: [deployed]
      - {slot: target, entity: any}
`)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The court charged two nationals, Ana Torres and Li Wen, in May. The case is old. The charges are many. The court sits in Lima. Ivan Sokol helped Li Wen. The pair deployed PlugX.",
			[]string{`Ana Torres -uses-> PlugX @"The pair" → Ana Torres`, `Li Wen -uses-> PlugX @"The pair" → Li Wen`}},
		// a set that does not hold the antecedent: the people of its sentence
		{"The court charged two nationals, Ana Torres and Li Wen, in May. The case is old. The charges are many. The court sits in Lima. Ivan Sokol helped Oleg Petrov. The pair deployed PlugX.",
			[]string{`Ivan Sokol -uses-> PlugX @"The pair" → Ivan Sokol`, `Oleg Petrov -uses-> PlugX @"The pair" → Oleg Petrov`}},
		// a coordinated pair near the anaphor comes first
		{"The court charged two nationals, Ana Torres and Li Wen, in May. The case is old. The charges are many. The court sits in Lima. Li Wen and Ivan Sokol met there. The pair deployed PlugX.",
			[]string{`Ivan Sokol -uses-> PlugX @"The pair" → Ivan Sokol`, `Li Wen -uses-> PlugX @"The pair" → Li Wen`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}
