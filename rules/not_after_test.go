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
