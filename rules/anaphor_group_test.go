package rules

import "testing"

func TestPeopleNounChooser(t *testing.T) {
	checkChooser(t, "people-noun", corefRelations, []chooserCase{
		{name: "the charged hackers are the defendants, not the actor",
			text:    "The defendants are Li Wenbo and Gao Feng. APT41 was busy. The charged hackers joined Chengdu Lattice Technology.",
			want:    `Gao Feng -employed-by-> Chengdu Lattice Technology | "The charged hackers" → Gao Feng`,
			without: `Gao Feng -affiliated-with-> APT41`},
	})
}

func TestUnnamedSetChooser(t *testing.T) {
	checkChooser(t, "unnamed-set", corefRelations, []chooserCase{
		{name: "an unnamed pair between the people and the anaphor",
			text:    "Li Wenbo and Gao Feng were charged in May. The FBI named two Chinese nationals in March. The pair worked for Chengdu Lattice Technology.",
			without: `Gao Feng -employed-by-> Chengdu Lattice Technology | "The pair" → Gao Feng`},
	})
}
