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

// exploitsPack: kestrelRules, a flaw, a relation rule that gives another
// actor the flaw and a topic rule for exploits.
const exploitsPack = `
lists:
  rel_exploit_cue_words: [way, exploited]
rules:
` + kestrelRules + `  - id: t.cves
    kind: gazetteer
    type: vulnerability
    entries: [{name: CVE-2021-4242}]
    examples: {match: ["CVE-2021-4242 again."]}
  - id: t.exploited
    kind: relation
    relation: exploits
    source: [threat-actor]
    target: [vulnerability]
    pattern:
      - {slot: source, entity: any}
      - lower: exploited
      - {slot: target, entity: any}
    examples: {match: ["Heron Panda exploited CVE-2021-4242."]}
  - id: t.exploits
    kind: topic
    relation: exploits
    source: [threat-actor]
    target: [vulnerability]
    priority: 25
`

// A flaw another actor is said to exploit in another sentence is still the
// topic actor's where a sentence of its own names it: many crews exploit
// one public flaw.
func TestTopicSharedFlaw(t *testing.T) {
	p := packOf(t, exploitsPack)
	text := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports.\n\n" +
		"The way in was CVE-2021-4242, a flaw in mail servers.\n\nThe next year Heron Panda exploited CVE-2021-4242.\n"
	same(t, text, topicRelations(t, p, text), []string{"Kestrel Bear -exploits-> CVE-2021-4242 [t.exploits]",
		"Heron Panda -exploits-> CVE-2021-4242 [t.exploited]"})
	// A sentence that only describes the flaw does not say the topic actor
	// exploited it.
	text = "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports.\n\n" +
		"The next year Heron Panda exploited CVE-2021-4242.\n\nCVE-2021-4242 is a flaw in mail servers that the vendor fixed in May.\n"
	same(t, text, topicRelations(t, p, text), []string{"Heron Panda -exploits-> CVE-2021-4242 [t.exploited]"})
}
