package rules

import (
	"strings"
	"testing"
)

// Under a heading that names victims, the organisations of the section are
// the topic actor's targets without a victim frame; a source that reports,
// a body after "at" or "for" and a product's maker are not. Without the
// heading, or without `sections`, nothing is given.
func TestTopicFrameVictimSection(t *testing.T) {
	rules := `
rules:
` + kestrelRules + `  - id: t.orgs
    kind: gazetteer
    type: organization
    entries: [{name: Hallick Group}, {name: Corvane Corporation}, {name: Pellmark Systems}, {name: Tarn Labs}]
    examples: {match: ["Hallick Group again."]}
  - id: t.frame
    kind: topic
    relation: targets
    source: [threat-actor]
    target: [organization]
    priority: 25
    frames: ["breach of"]
    SECTIONS
`
	body := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports.\n\n"
	section := "Among those hit were Hallick Group.\nCorvane Corporation said the loader was new.\n" +
		"An analyst at Tarn Labs called it routine.\nThe intruders went through Pellmark Systems Ivy servers.\n"
	with := packOf(t, strings.Replace(rules, "SECTIONS", `sections: ["who was hit"]`, 1))
	without := packOf(t, strings.Replace(rules, "SECTIONS", "", 1))
	text := body + "## Who was hit\n\n" + section
	same(t, text, topicRelations(t, with, text), []string{"Kestrel Bear -targets-> Hallick Group [t.frame]"})
	same(t, text, topicRelations(t, without, text), nil)
	text = body + "## Tooling\n\n" + section
	same(t, text, topicRelations(t, with, text), nil)
	// A cited source and its date is no victim; a victim and a year is.
	text = body + "## Who was hit\n\nThe first report came from Tarn Labs, June 2021.\nThe crew later reached Hallick Group, in 2021.\n"
	same(t, text, topicRelations(t, with, text), []string{"Kestrel Bear -targets-> Hallick Group [t.frame]"})
	// The next section's own heading, naming a body, is none of the victims.
	text = body + "## Who was hit\n\nAmong those hit were Hallick Group.\n\n## Corvane Corporation response\n\nThe firm said little.\n"
	same(t, text, topicRelations(t, with, text), []string{"Kestrel Bear -targets-> Hallick Group [t.frame]"})
	// A rewriter's verb of saying makes the speaker's employer a source
	// ("stated Tarn Labs researcher A"); the body of the accused officers
	// ("indicted twelve officers of Corvane Corporation") is no victim.
	text = body + "## Who was hit\n\nAmong those hit were Hallick Group.\n" +
		"\"It is old,\" stated Tarn Labs researcher Ana Torres.\n" +
		"In 2018 prosecutors indicted twelve officers of the Corvane Corporation over the breach.\n" +
		"They named officers of the Pellmark Systems (Tarn Labs) too.\nTarn Labs itself did not name the crew.\n"
	same(t, text, topicRelations(t, with, text), []string{"Kestrel Bear -targets-> Hallick Group [t.frame]"})
	// Members of a body may be the victims: "Members of the X (Y) were
	// also on the list".
	text = body + "## Who was hit\n\nMembers of the Pellmark Systems (Tarn Labs) were also on the list.\n"
	same(t, text, topicRelations(t, with, text), []string{"Kestrel Bear -targets-> Pellmark Systems [t.frame]",
		"Kestrel Bear -targets-> Tarn Labs [t.frame]"})
}
