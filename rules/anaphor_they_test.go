package rules

import "testing"

func TestTheyPeopleChooser(t *testing.T) {
	checkChooser(t, "they-people", corefRelations, []chooserCase{
		{name: "they for people needs several people",
			text:    "Li Wenbo was charged in March. They worked for Chengdu Lattice Technology.",
			without: `Li Wenbo -employed-by-> Chengdu Lattice Technology | "They" → Li Wenbo`},
	})
}
