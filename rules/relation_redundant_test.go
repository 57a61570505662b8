package rules

import "testing"

func TestRelationLooseTieDroppedBesidePreciseOne(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Ministry of State Security, type: government}
      - {name: Fuzhou Lattice Technology, type: organization}
      - {name: Li Wenbo, type: person}
  - id: works-with
    kind: relation
    relation: affiliated-with
    source: [government, person]
    target: [organization]
    pattern:
      - {slot: source, entity: any}
      - lower: works
      - lower: with
      - {slot: target, entity: any}
  - id: relies
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - {slot: target, entity: any}
      - lower: works
      - lower: with
      - {slot: source, entity: any}
`)
	text := "The Ministry of State Security works with Fuzhou Lattice Technology."
	same(t, text, relations(t, p, text), []string{"Fuzhou Lattice Technology -contractor-of-> Ministry of State Security"})
	// Without a precise tie the loose one stays.
	text = "Li Wenbo works with Fuzhou Lattice Technology."
	same(t, text, relations(t, p, text), []string{"Li Wenbo -affiliated-with-> Fuzhou Lattice Technology"})
}
