package rules

import "testing"

// sharedRules: homeRules and a relation rule that gives another actor a
// place ("Heron Panda hit Peru").
const sharedRules = homeRules + `  - id: t.hit
    kind: relation
    relation: targets
    source: [threat-actor]
    target: [location]
    pattern:
      - {slot: source, entity: any}
      - lower: hit
      - {slot: target, entity: any}
    examples: {match: ["Heron Panda hit Peru."]}
`

// A place another actor's relation reaches in another sentence is still
// the topic actor's victim where a cued sentence of its own names it:
// places are shared by several actors' victims. The other actor's own
// sentence is left to its relation, and an uncued sentence gives nothing.
func TestTopicSharedVictimPlace(t *testing.T) {
	p := packOf(t, sharedRules)
	text := kestrelBody + "Years ago Heron Panda hit Peru.\n\nThe victims are ministries in Chile and Peru.\n"
	same(t, text, topicRelations(t, p, text), []string{"Heron Panda -targets-> Peru [t.hit]",
		"Kestrel Bear -targets-> Chile [t.targets]", "Kestrel Bear -targets-> Peru [t.targets]"})
	text = kestrelBody + "Years ago Heron Panda hit Peru.\n\nThe loaders were found in Chile and Peru.\n"
	same(t, text, topicRelations(t, p, text), []string{"Heron Panda -targets-> Peru [t.hit]"})
}

// A malware another actor's relation reaches stays that actor's: a tool
// is one actor's, not a victim several share.
func TestTopicSharedVictimNotTools(t *testing.T) {
	p := packOf(t, topicPack)
	text := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. Heron Panda deployed PlugX.\n\nPlugX is a backdoor."
	same(t, text, topicRelations(t, p, text), []string{"Heron Panda -uses-> PlugX [t.uses]"})
}
