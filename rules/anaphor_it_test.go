package rules

import "testing"

func TestItSubjectChooser(t *testing.T) {
	checkChooser(t, "it-subject", corefRelations, []chooserCase{
		{name: "it after because is the subject of its sentence",
			text:    "Mandiant studied APT41 for a year. Integrity Technology Group differs from the others because it is a firm based in Beijing.",
			without: `APT41 -located-in-> Beijing | "it" → APT41`},
	})
}

func TestParallelThatChooser(t *testing.T) {
	checkChooser(t, "parallel-that", corefRelations, []chooserCase{
		{name: "it of a second that-clause is the first clause's subject",
			text:    "Microsoft said that Volt Typhoon is new and that it has ties to APT41.",
			without: `Microsoft -affiliated-with-> APT41 | "it" → Microsoft`},
	})
}
