package rules

import "testing"

func TestPossessiveChainChooser(t *testing.T) {
	checkChooser(t, "possessive-chain", packCoref(packOf(t, packItsChain)), []chooserCase{
		{name: "its after the unit of its own sentence",
			text: "Brindle Analytics tied the crew to Unit 41822, a bureau of the Harlow Military Region. " +
				"The unit spied on navies, and the report named one of its officers, Pavel Osokin.",
			want:    `Pavel Osokin -employed-by-> Unit 41822 | "its" → Unit 41822`,
			without: `Pavel Osokin -employed-by-> Brindle Analytics`},
	})
}

func TestCoordinatedOwnerChooser(t *testing.T) {
	checkChooser(t, "coordinated-owner", corefRelations, []chooserCase{
		{name: "X and its minister",
			text: "Iran's Ministry of Intelligence and Security (MOIS) runs the group. The group used Telegram for control.\n\n" +
				"In March 2023 the US Treasury sanctioned the MOIS and its deputy minister, Reza Karimi, for cyber activity.\n",
			want:    `Reza Karimi -employed-by-> MOIS | "its" → MOIS`,
			without: `Reza Karimi -employed-by-> Telegram`},
	})
}

func TestIndefiniteOwnerChooser(t *testing.T) {
	checkChooser(t, "indefinite-owner", corefRelations, []chooserCase{
		{name: "its after an indefinite crew is not the firm named before",
			text:    "Microsoft wrote about the flaw in May. A suspected Chinese hacking crew stepped up its spying on Taiwan, a report by Microsoft says.",
			without: `Microsoft -targets-> Taiwan | "its" → Microsoft`},
		// The subject "it" of the same sentence is the crew too, not the
		// firm named in the sentence before.
		{name: "it after an indefinite crew is not the firm named before",
			text: "Microsoft wrote about the flaw in May. A suspected Chinese hacking crew that hit the energy sector " +
				"went quiet, and in a few cases it gained access to the networks of utilities in Taiwan, a report by Microsoft says.",
			without: `Microsoft -targets-> Taiwan | "it" → Microsoft`},
	})
}
