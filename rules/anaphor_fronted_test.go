package rules

import "testing"

func TestFrontedOwnerChooser(t *testing.T) {
	checkChooser(t, "fronted-owner", corefRelations, []chooserCase{
		{name: "its in an opening prepositional phrase is the subject's",
			text:    "Corvane Labs hired analysts in 2020. In a statement by its chief executive, Wu Lei, Tollgate Labs denied the charges.",
			want:    `Wu Lei -employed-by-> Tollgate Labs | "its" → Tollgate Labs`,
			without: `Wu Lei -employed-by-> Corvane Labs | "its" → Corvane Labs`},
		{name: "according to its",
			text:    "Corvane Labs hired analysts in 2020. According to its chief executive, Wu Lei, Tollgate Labs denied the charges.",
			want:    `Wu Lei -employed-by-> Tollgate Labs | "its" → Tollgate Labs`,
			without: `Wu Lei -employed-by-> Corvane Labs | "its" → Corvane Labs`},
	})
}
