package rules

import "testing"

// packNotAfter has a pattern rule with not_after: a family's name and a
// crew noun name an actor, but not after "in the" or "into the", where the
// group is a set of samples.
const packNotAfter = `
rules:
  - id: family
    kind: gazetteer
    entries:
      - {name: Quillbot, type: malware}
  - id: family-crew
    kind: pattern
    type: threat-actor
    stage: 2
    description: "<family> group"
    not_after: [in the, "into the"]
    pattern:
      - entity: malware
      - lower: group
`

func TestPatternNotAfter(t *testing.T) {
	p := packOf(t, packNotAfter)
	same(t, "a crew", found(t, p, "Members of the Quillbot group were charged."),
		[]string{"Quillbot group/threat-actor/family-crew"})
	same(t, "a set of samples", found(t, p, "Files in the Quillbot group shared a loader."),
		[]string{"Quillbot/malware/family"})
	same(t, "a set files are put into", found(t, p, "We sorted it into the Quillbot group."),
		[]string{"Quillbot/malware/family"})
	// Only the words right before the match count: "in" alone is not "in the".
	same(t, "one word of the phrase", found(t, p, "In Quillbot group chats they boasted."),
		[]string{"Quillbot group/threat-actor/family-crew"})
}

// packNotAfterTag has a pattern rule whose not_after names a tag: a
// capitalised name before "Laboratory", but not the tail of a longer name
// that starts with a proper noun the pattern cannot read.
const packNotAfterTag = `
rules:
  - id: lab
    kind: pattern
    type: organization
    not_after: ["<NNP>", "<NNP> and"]
    pattern:
      - regex: '\p{Lu}\p{Ll}+'
        repeat: "1-2"
      - text: Laboratory
`

func TestPatternNotAfterTag(t *testing.T) {
	p := packOf(t, packNotAfterTag)
	same(t, "a whole name", found(t, p, "Analysts at the Quarnwick Forensic Laboratory studied it."),
		[]string{"Quarnwick Forensic Laboratory/organization/lab"})
	// "NCSC" is a proper noun the regex does not read: the name is longer
	// than the match, so the match is none rather than "Forensic Laboratory".
	same(t, "a cut name", found(t, p, "Analysts at the NCSC Forensic Laboratory studied it."), nil)
	// a tag and a word: the coordinated head of a longer name
	same(t, "a coordinated name", found(t, p, "Analysts at the Quarnwick Defence and Science Laboratory studied it."), nil)
	same(t, "a lower-case word and", found(t, p, "It was sent and Science Laboratory staff studied it."),
		[]string{"Science Laboratory/organization/lab"})
}
