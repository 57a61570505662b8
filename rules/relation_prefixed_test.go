package rules

import "testing"

// The staff of a body whose name opens with its parent's name ("KSB Unit
// 4410" in a report that also names "the KSB") work for the parent too;
// without the parent named on its own, or for companies, nothing more.
func TestEmployedByPrefixedParent(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: KSB, type: government}
      - {name: KSB Unit 4410, type: government}
      - {name: Tarn Ministry, type: government}
      - {name: Oren Vass, type: person}
      - {name: Lia Morrow, type: person}
      - {name: Halden Systems, type: organization}
      - {name: Halden Systems Research, type: organization}
  - id: works-for
    kind: relation
    relation: employed-by
    source: [person]
    target: [government, organization]
    pattern:
      - {slot: source, entity: any}
      - lower: works
      - lower: for
      - {slot: target, entity: any}
`)
	text := "The KSB runs hacking units. Oren Vass works for KSB Unit 4410."
	same(t, text, relations(t, p, text), []string{"Oren Vass -employed-by-> KSB", "Oren Vass -employed-by-> KSB Unit 4410"})
	// Named after the unit, the parent is found as well.
	text = "Oren Vass works for KSB Unit 4410. The KSB denied it."
	same(t, text, relations(t, p, text), []string{"Oren Vass -employed-by-> KSB", "Oren Vass -employed-by-> KSB Unit 4410"})
	// Without the parent named on its own, the unit alone.
	text = "Oren Vass works for KSB Unit 4410."
	same(t, text, relations(t, p, text), []string{"Oren Vass -employed-by-> KSB Unit 4410"})
	// Companies are left alone: a lab named after its firm may be a brand.
	text = "Halden Systems sells routers. Lia Morrow works for Halden Systems Research."
	same(t, text, relations(t, p, text), []string{"Lia Morrow -employed-by-> Halden Systems Research"})
}
