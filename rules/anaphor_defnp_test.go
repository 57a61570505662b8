package rules

import (
	"strings"
	"testing"
)

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

// "the crew" means the actor the report described as a crew, not the
// nearer actor it described as a group.
func TestDocDescribedChooser(t *testing.T) {
	checkChooser(t, "doc-described", corefRelations, []chooserCase{
		{name: "the actor described as a crew, not the nearer group",
			text: "Police blamed the intrusions on a hacking crew called Kestrel Bear. " +
				"Vendors place it under Marsh Lynx, a group linked to the state. " +
				"The ANEL backdoor was used by Marsh Lynx in 2018. Police said the crew deployed the Hollowpipe backdoor.",
			want:    `Kestrel Bear -uses-> Hollowpipe backdoor | "the crew" → Kestrel Bear`,
			without: `Marsh Lynx -uses-> Hollowpipe backdoor | "the crew" → Marsh Lynx`},
	})
}

// "the team" is the actor in a report that calls it a team, and nothing
// in one that does not (a vendor's team) or with "at" after it.
func TestTeamChooser(t *testing.T) {
	called := "Cleaver Kitten, a team of Iranian hackers, broke into airlines in 16 countries, Cylance said.\n\n" +
		"Later, the team deployed the TinyZBot backdoor against airports."
	if got := corefRelations(t, called); !corefHas(got, `Cleaver Kitten -uses-> TinyZBot backdoor | "the team" → Cleaver Kitten`) {
		t.Errorf("called a team: got %q", got)
	}
	for _, text := range []string{
		"Cleaver Kitten is an Iranian espionage group. Cleaver Kitten broke into airlines.\n\n" +
			"Later, the team deployed the TinyZBot backdoor against airports.",
		"Cleaver Kitten, a team of Iranian hackers, broke into airlines.\n\n" +
			"The team at Talos deployed the TinyZBot backdoor in a sandbox.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.Contains(r, `"the team" →`) || strings.Contains(r, `"The team" →`) {
				t.Errorf("%q: %q", text, r)
			}
		}
	}
}
