package rules

import "testing"

func TestDescribedChooser(t *testing.T) {
	checkChooser(t, "described", packCoref(packOf(t, packDescribed)), []chooserCase{
		{name: "the body described as a bureau, not the nearest body",
			text: "The Fujian State Security Department, a provincial bureau of the Ministry of State Security, ran it. " +
				"The bureau created Fuzhou Lattice Technology.",
			want:    `Fuzhou Lattice Technology -contractor-of-> Fujian State Security Department | "The bureau" → Fujian State Security Department`,
			without: `Fuzhou Lattice Technology -contractor-of-> Ministry of State Security | "The bureau" → Ministry of State Security`},
	})
}

// "the firm" means the actor described as a company, which the employer
// slot does not take: no employer, not the vendor named since.
func TestDescribedFirmChooser(t *testing.T) {
	checkChooser(t, "described", corefRelations, []chooserCase{
		{name: "a firm described as a company that the slot does not take",
			text: "Emennet Pasargad, an Iran-based company, is an IRGC contractor. Microsoft tracks it as Cotton Sandstorm. " +
				"In 2021 the firm hired John Smith.",
			without: `John Smith -employed-by-> Microsoft | "the firm" → Microsoft`},
	})
}

func TestNobodyDescribedChooser(t *testing.T) {
	checkChooser(t, "nobody-described", corefRelations, []chooserCase{
		{name: "a firm described by a clause names nobody named before",
			text:    "Researchers at Microsoft found the flaw. The Chinese firm that sold the exploit is based in Chengdu.",
			without: `Microsoft -located-in-> Chengdu | "The Chinese firm" → Microsoft`},
	})
}

// "The corporate" is a rewriter's "the company": it refers to companies,
// like the word it stands for.
func TestCorporateIsACompanyAnaphor(t *testing.T) {
	if anaphorTypes["corporate"] != anaphorTypes["company"] || anaphorTypes["corporate"] == 0 {
		t.Errorf("anaphorTypes[corporate] = %v, want %v", anaphorTypes["corporate"], anaphorTypes["company"])
	}
}
