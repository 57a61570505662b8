package rules

import (
	"strings"
	"testing"
)

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

// kinPack ties an actor to the brand it succeeds with a rule that
// supersedes the fallback's uses.
const kinPack = `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Quartz Panda, type: threat-actor}
      - {name: Copperlock, type: malware}
  - id: heir
    kind: relation
    relation: affiliated-with
    source: [threat-actor]
    target: [malware]
    priority: 60
    supersedes: [uses]
    pattern:
      - {slot: source, entity: any}
      - lower: is
      - lower: the
      - lower: successor
      - lower: to
      - {slot: target, entity: any}
  - id: cooccur
    kind: relation
    relation: uses
    source: [threat-actor]
    target: [malware]
    priority: 30
    pattern:
      - {slot: source, entity: any}
      - {any: true, repeat: "0-5"}
      - {slot: target, entity: any}
`

func TestRelationFallbackUsesDroppedBesideKinTie(t *testing.T) {
	p := packOf(t, kinPack)
	text := "Quartz Panda is the successor to Copperlock."
	same(t, text, relations(t, p, text), []string{"Quartz Panda -affiliated-with-> Copperlock"})
	// Without the kin tie the fallback stays.
	text = "Quartz Panda now spreads Copperlock."
	same(t, text, relations(t, p, text), []string{"Quartz Panda -uses-> Copperlock"})
	// A tie of a rule without supersedes leaves the fallback alone.
	p2 := packOf(t, strings.Replace(kinPack, "    supersedes: [uses]\n", "", 1))
	text = "Quartz Panda is the successor to Copperlock."
	same(t, text, relations(t, p2, text), []string{"Quartz Panda -affiliated-with-> Copperlock", "Quartz Panda -uses-> Copperlock"})
}

// A loose tie whose rule supersedes the precise type read in the same words
// ("had ties to": a noun, not the verb of "officials tie X to Y") removes
// that precise match before loose ties are weighed, so it stays.
func TestRelationLooseTieSupersedesPreciseOne(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Quartz Panda, type: threat-actor}
      - {name: Amber Lynx, type: threat-actor}
  - id: linked
    kind: relation
    relation: attributed-to
    source: [threat-actor]
    target: [threat-actor]
    priority: 64
    pattern:
      - {slot: source, entity: any}
      - {any: true, repeat: "0-3"}
      - lower: ties
      - lower: to
      - {slot: target, entity: any}
  - id: noun-ties
    kind: relation
    relation: affiliated-with
    source: [threat-actor]
    target: [threat-actor]
    priority: 65
    supersedes: [attributed-to]
    pattern:
      - {slot: source, entity: any}
      - lower: had
      - lower: ties
      - lower: to
      - {slot: target, entity: any}
`)
	text := "Quartz Panda had ties to Amber Lynx."
	same(t, text, relations(t, p, text), []string{"Quartz Panda -affiliated-with-> Amber Lynx"})
	// The verb: only the attribution.
	text = "Officials said Quartz Panda ties to Amber Lynx."
	got := relations(t, p, text)
	if len(got) != 1 || !strings.Contains(got[0], "attributed-to") {
		t.Errorf("%q: got %v, want the attribution only", text, got)
	}
}
