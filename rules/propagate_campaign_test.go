package rules

import (
	"testing"

	extractor "github.com/reportgraph/extractor"
)

// campaignSplitPack lists a campaign and a cluster under one gazetteer
// entry, as vendor lists do, and names campaigns by context.
const campaignSplitPack = `
rules:
  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Quillwriter, aliases: [UNC9911]}]
    examples: {match: ["Quillwriter and UNC9911 were seen."]}
  - id: t.named
    kind: pattern
    type: campaign
    priority: 80
    stage: 2
    pattern:
      - lower_in: [known]
      - lower: as
      - {entity: threat-actor, capture: true}
    examples: {match: ["The operation known as Quillwriter ran."]}
  - id: t.spread
    kind: propagate
    types: [campaign]
    examples: {match: ["The operation known as Quillwriter ran. Quillwriter ended."]}
`

// A report that calls one name of a gazetteer entry an operation keeps the
// entry's other names as actors of their own.
func TestCampaignSplitsFromActorAliases(t *testing.T) {
	p := packOf(t, campaignSplitPack)
	text := "The operation known as Quillwriter ran in 2020. Analysts tied Quillwriter to UNC9911 later."
	for _, m := range mentionsWithText(t, p, text, "UNC9911") {
		if m.Type != "threat-actor" || m.Canonical == "Quillwriter" {
			t.Errorf("UNC9911 = %s canonical %q; want a threat actor of its own", m.Type, m.Canonical)
		}
	}
}

// A report that gives the entry's other name as someone's name for the
// same actor ("tracks the same actor as UNC9911") keeps the entry one
// actor: the name it called an operation names the activity after it.
func TestCampaignKeepsActorNamedByAlias(t *testing.T) {
	p := packOf(t, campaignSplitPack)
	text := "The operation known as Quillwriter ran in 2020. Acme tracks the same actor as UNC9911. Quillwriter later ran ten campaigns."
	for _, m := range mentionsWithText(t, p, text, "UNC9911") {
		if m.Type != "threat-actor" || m.Canonical != "Quillwriter" {
			t.Errorf("UNC9911 = %s canonical %q; want the actor Quillwriter", m.Type, m.Canonical)
		}
	}
	ms := mentionsWithText(t, p, text, "Quillwriter")
	if last := ms[len(ms)-1]; last.Type != "threat-actor" {
		t.Errorf("the last Quillwriter = %s; want the actor", last.Type)
	}
}

// mentionsWithText matches text with pack p and returns the mentions whose
// text is name; it fails the test when there is none.
func mentionsWithText(t *testing.T, p *Pack, text, name string) []extractor.Mention {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []extractor.Mention
	for _, m := range res.Mentions {
		if m.Text == name {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s not found in %q", name, text)
	}
	return out
}

// "Operation Soft Lantern" goes on as "Soft Lantern"; a one-word rest
// that may be an ordinary word ("Cronos") does not spread.
func TestOperationShortName(t *testing.T) {
	for in, want := range map[string]string{
		"Operation Soft Lantern": "Soft Lantern",
		"Operation CuckooWasps":  "CuckooWasps",
		"Operation Cronos":       "",
		"Soft Lantern":           "",
	} {
		if got := operationShortName(in); got != want {
			t.Errorf("operationShortName(%q) = %q, want %q", in, got, want)
		}
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Researchers exposed Operation Soft Lantern in May. Whoever ran Soft Lantern knew the carriers well."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	found := false
	for _, m := range res.Mentions {
		if m.Text == "Soft Lantern" {
			found = true
			if m.Type != "campaign" || m.Canonical != "Operation Soft Lantern" {
				t.Errorf("Soft Lantern = %s canonical %q; want the campaign Operation Soft Lantern", m.Type, m.Canonical)
			}
		}
	}
	if !found {
		t.Error("the short name did not spread")
	}
}

// operationShortPack lists an operation's name as an actor, as a generated
// vendor list may, and names campaigns "Operation X".
const operationShortPack = `
rules:
  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Quarnshot}]
    examples: {match: ["Quarnshot was seen."]}
  - id: t.operation
    kind: pattern
    type: campaign
    priority: 80
    pattern:
      - {text: Operation, capture: true}
      - {regex: '\p{Lu}\p{Ll}+', capture: true}
    examples: {match: ["They ran Operation Fellrun."]}
  - id: t.spread
    kind: propagate
    types: [campaign]
    examples: {match: ["They ran Operation Fellrun. Later Fellrun ended."]}
`

// A report that names "Operation Quarnshot" means the campaign by the bare
// "Quarnshot" too, whatever a gazetteer lists it as.
func TestOperationShortNameRetypesGazetteerActor(t *testing.T) {
	p := packOf(t, operationShortPack)
	text := "McAfee described Operation Quarnshot in December. Researchers now call Quarnshot a Lazarus operation."
	for _, m := range mentionsWithText(t, p, text, "Quarnshot") {
		if m.Type != "campaign" || m.Canonical != "Operation Quarnshot" {
			t.Errorf("Quarnshot = %s canonical %q; want the campaign Operation Quarnshot", m.Type, m.Canonical)
		}
	}
}

// "Operation SideCopy" names a campaign after a crew that the hand-written
// actor lists know by the bare name: the bare name stays the crew. A name a
// generated list files as an actor ("Sharpshooter", MISP) is the campaign.
func TestOperationKeepsHandWrittenActorName(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Kestrel Labs named the campaign Operation SideCopy. Later SideCopy had turned to Afghanistan."
	for _, m := range mentionsWithText(t, p, text, "SideCopy") {
		if m.Type != "threat-actor" {
			t.Errorf("SideCopy at %d = %s; want the threat actor", m.Start, m.Type)
		}
	}
	text = "McAfee named the campaign Operation Sharpshooter. The researchers now describe Sharpshooter as a Lazarus operation."
	for _, m := range mentionsWithText(t, p, text, "Sharpshooter") {
		if m.Type != "campaign" {
			t.Errorf("Sharpshooter at %d = %s; want the campaign", m.Start, m.Type)
		}
	}
}

// A crew a pattern named by its context spreads to its bare occurrences,
// even as a plain capitalised word ("Quillfen then turned to ATMs").
func TestPropagateSpreadsContextNamedCrew(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Kestrel Labs calls the gang Quillfen, after its Trojan. Last year Quillfen turned to ATMs, and banks said Quillfen had stolen $1 million."
	if ms := mentionsWithText(t, p, text, "Quillfen"); len(ms) != 3 {
		t.Errorf("%d mentions of Quillfen, want 3: %+v", len(ms), ms)
	} else {
		for _, m := range ms {
			if m.Type != "threat-actor" {
				t.Errorf("Quillfen at %d = %s; want the threat actor", m.Start, m.Type)
			}
		}
	}
}
