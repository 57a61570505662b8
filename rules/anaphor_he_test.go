package rules

import "testing"

func TestHeSubjectChooser(t *testing.T) {
	checkChooser(t, "he-subject", corefRelations, []chooserCase{
		{name: "he is the subject of the sentence before, not the nearest person",
			text:    "Li Wenbo met Gao Feng in 2019. He worked for Chengdu Lattice Technology.",
			want:    `Li Wenbo -employed-by-> Chengdu Lattice Technology | "He" → Li Wenbo`,
			without: `Gao Feng -employed-by-> Chengdu Lattice Technology | "He" → Gao Feng`},
	})
}
