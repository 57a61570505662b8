package rules

import "testing"

func TestNearestChooser(t *testing.T) {
	checkChooser(t, "nearest", corefRelations, []chooserCase{
		{name: "it is the actor of the sentence before",
			text:    "Sable Heron is a Chinese espionage group. It targets shipping firms in Norway.",
			want:    `Sable Heron -targets-> Norway | "It" → Sable Heron`,
			without: `Sable Heron -targets-> Norway | (topic)`},
	})
}

func TestUnitChooser(t *testing.T) {
	checkChooser(t, "unit", corefRelations, []chooserCase{
		{name: "its after a numbered unit is the unit's",
			text:    "Unit 26165 carried out the break-ins. Its officers targeted ministries in Norway.",
			without: `Unit 26165 -targets-> Norway | (topic)`},
	})
}

func TestUncomparedChooser(t *testing.T) {
	checkChooser(t, "uncompared", corefRelations, []chooserCase{
		// ("It" opening the sentence is the subject before it already:
		// subjectChooser; inside the sentence only this chooser reads it.)
		{name: "it after overlaps with Y is the actor, not Y",
			text:    "APT41 overlaps with APT10. Since 2019 it has targeted banks in Peru.",
			want:    `APT41 -targets-> Peru | "it" → APT41`,
			without: `APT10 -targets-> Peru | "it" → APT10`},
	})
}
