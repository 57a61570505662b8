package rules

import "testing"

// A product an actor breaks into is its target, not its tool: the `uses`
// that a verb rule reads becomes `targets`, the `uses` of a fallback rule
// (an actor and a tool near each other) is dropped, and a product written
// as the means of an action ("through Outlook Web Access") stays `uses`.
// Software the actor installs (no product subtype) keeps `uses`.
func TestProductTargets(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Heron, type: threat-actor}
      - {name: Corvane Gateway, type: tool, subtype: product}
      - {name: Pellmail Web Access, type: tool, subtype: product}
      - {name: Pellmail Online, type: tool, subtype: product}
      - {name: RemoteDesk, type: tool}
  - id: verb
    kind: relation
    relation: uses
    priority: 60
    source: [threat-actor]
    target: [tool]
    pattern:
      - {slot: source, entity: any}
      - lower_in: [used, compromised, exploited, installed, "opened mailboxes"]
      - {any: true, not: {text: [".", ";"]}, repeat: "0-6"}
      - {slot: target, entity: any}
  - id: hit
    kind: relation
    relation: targets
    priority: 60
    source: [threat-actor]
    target: [tool]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {slot: target, entity: any}
`+nearUsesRule)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Heron exploited Corvane Gateway appliances.", []string{`Amber Heron -targets-> Corvane Gateway`}},
		{"Amber Heron installed RemoteDesk.", []string{`Amber Heron -uses-> RemoteDesk`}},
		// Only a fallback rule reads it: nothing.
		{"Amber Heron, active since 2020, is known for Corvane Gateway.", nil},
		// Already a target in the same sentence: no second claim.
		{"Amber Heron hit Corvane Gateway.", []string{`Amber Heron -targets-> Corvane Gateway`}},
		// The means of an action, with the product it is written in.
		{"Amber Heron opened mailboxes through Pellmail Web Access (PWA) in Pellmail Online.",
			[]string{`Amber Heron -uses-> Pellmail Online`, `Amber Heron -uses-> Pellmail Web Access`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}

// Analysis software (subtype analysis) near an actor is the defenders'
// more often than the actor's: a fallback rule makes no `uses` of it, a
// precise rule keeps its relation.
func TestAnalysisToolUses(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Amber Heron, type: threat-actor}
      - {name: Quillshark, type: tool, subtype: analysis}
      - {name: RemoteDesk, type: tool}
  - id: verb
    kind: relation
    relation: uses
    priority: 60
    source: [threat-actor]
    target: [tool]
    pattern:
      - {slot: source, entity: any}
      - lower: ran
      - {slot: target, entity: any}
`+nearUsesRule)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Amber Heron ran Quillshark.", []string{`Amber Heron -uses-> Quillshark`}},
		{"Amber Heron, the advisory says, is detected with Quillshark.", nil},
		{"Amber Heron, the advisory says, is known for RemoteDesk.", []string{`Amber Heron -uses-> RemoteDesk`}},
	} {
		same(t, c.text, relations(t, p, c.text), c.want)
	}
}

// A rewriter's words for a product's name ("Join Safe" for "Connect
// Secure") still name the product, as they do a company's, and so do they
// other tools' names of ordinary words (session 27).
func TestProductVariants(t *testing.T) {
	p := packOf(t, `
lists:
  gazetteer_word_synonyms: ["connect: join", "secure: safe"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Pellmark Connect Secure, type: tool, subtype: product}
      - {name: Corvane Connect Secure, type: tool}
`)
	same(t, "variants", found(t, p, "They chained it with older Pellmark Join Safe flaws and Corvane Join Safe."),
		[]string{"Pellmark Join Safe/tool/names", "Corvane Join Safe/tool/names"})
}

// nearUsesRule is the fallback both product tests run beside their verb
// rules: an actor and a tool up to twelve tokens apart in one sentence.
const nearUsesRule = `  - id: near
    kind: relation
    relation: uses
    priority: 30
    source: [threat-actor]
    target: [tool]
    pattern:
      - {slot: source, entity: any}
      - {any: true, not: {text: [".", ";"]}, repeat: "0-12"}
      - {slot: target, entity: any}
`
