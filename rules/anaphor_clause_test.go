package rules

import "testing"

func TestClauseCampaignChooser(t *testing.T) {
	checkChooser(t, "clause-campaign", corefRelations, []chooserCase{
		{name: "the people of a during-which clause are the campaign's",
			text: "APT41 is a Chinese group. APT41 hit telecoms in Asia. In 2021 Mandiant described a campaign it " +
				"named Operation Copper Veil, during which intruders broke into Telenor and Elisa.",
			want:    `Operation Copper Veil -targets-> Telenor | "intruders" → Operation Copper Veil`,
			without: `APT41 -targets-> Telenor | "intruders" → APT41`},
	})
}

func TestLabelledChooser(t *testing.T) {
	checkChooser(t, "labelled", corefRelations, []chooserCase{
		{name: "the activity tracked as X is X",
			text:    "APT34 breached ports last year. The activity, tracked as Volt Typhoon, aimed at Norway.",
			want:    `Volt Typhoon -targets-> Norway | "The activity" → Volt Typhoon`,
			without: `APT34 -targets-> Norway | "The activity" → APT34`},
	})
}
