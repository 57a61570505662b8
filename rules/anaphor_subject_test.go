package rules

import (
	"strings"
	"testing"
)

func TestSubjectChooser(t *testing.T) {
	checkChooser(t, "subject", corefRelations, []chooserCase{
		{name: "its victims are the firm's the sentence before is about",
			text:    "Volt Typhoon hit ports in 2021. Tollgate Labs worked for the MSS. Its victims included the foreign ministries of Taiwan and India.",
			want:    `Tollgate Labs -targets-> Taiwan | "Its" → Tollgate Labs`,
			without: `Volt Typhoon -targets-> Taiwan`},
		{name: "it opening a sentence is the subject of the one before",
			text:    "APT41 hit ports in 2021. Tollgate Labs worked for the MSS. It targeted banks in Peru.",
			want:    `Tollgate Labs -targets-> Peru | "It" → Tollgate Labs`,
			without: `APT41 -targets-> Peru`},
	})
}

// A speaker subject ("Microsoft assesses that ...") is not what "its"
// goes on about, nor is one of two subjects joined by "and".
func TestSubjectChooserSkipsSpeakersAndPairs(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Volt Typhoon hit ports in 2021. Microsoft assesses that the group operates from China. Its operators moved laterally with PsExec.",
			`Volt Typhoon -uses-> PsExec | "Its operators" → Volt Typhoon`, "Microsoft -uses->"},
		{"APT41 hit ports in 2021. Tollgate Labs and Corvane Labs worked for the MSS. It targeted banks in Peru.",
			`APT41 -targets-> Peru | "It" → APT41`, "Tollgate Labs -targets->"},
		// a sentence that refers back to the actor ("the activity", "this
		// group") keeps the actor in focus
		{"APT29 is a Russian espionage group. APT29 hit ministries in 2021. APT29 wrote two loaders.\n\nMandiant tracked the activity for two years. It targeted diplomats in Poland.",
			`APT29 -targets-> Poland | "It" → APT29`, "Mandiant -targets->"},
		{"Storm-0558 is a China-based threat actor. Storm-0558 forged authentication tokens in 2023.\n\nMicrosoft tracks this group with a weather-themed name. Its targets include government agencies in Western Europe.",
			`Storm-0558 -targets-> Western Europe`, "Microsoft -targets->"},
		// a country subject is no stand-in for an actor: "Its operators"
		// still means the actor
		{"APT28 is a Russian military espionage group. APT28 wrote X-Agent.\n\nAPT28 hit the Bundestag in 2015. Germany expelled two Russian diplomats in response. Its operators used Mimikatz to move through the network.",
			`APT28 -uses-> Mimikatz | "Its operators" → APT28`, "Germany -uses->"},
	} {
		checkCorefWantNot(t, c.text, c.want, c.not)
	}
}

// A pick in the sentence just before gives way to that sentence's subject
// only when both are of one type: the subject, not the owner named after
// it, is what "It" goes on about; the rule's type order still comes first.
func TestSubjectChooserSameTypeInSentenceBefore(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"Mandiant is a security firm owned by Google. It is headquartered in Reston, Virginia.",
			`Mandiant -located-in-> Reston | "It" → Mandiant`, "Google -located-in->"},
		{"Tollgate Labs is a contractor that Corvane Labs acquired in 2019. It targeted banks in Peru.",
			`Tollgate Labs -targets-> Peru | "It" → Tollgate Labs`, "Corvane Labs -targets->"},
		// a vendor subject does not take "It" from the actor it described
		{"Microsoft first described Volt Typhoon in May 2023. It targeted ports in Guam.",
			`Volt Typhoon -targets-> Guam | "It" → Volt Typhoon`, "Microsoft -targets->"},
	} {
		checkCorefWantNot(t, c.text, c.want, c.not)
	}
}

// checkCorefWantNot reports a text whose coreference relations lack want
// (corefHas) or hold one that starts with not.
func checkCorefWantNot(t *testing.T, text, want, not string) {
	t.Helper()
	got := corefRelations(t, text)
	if !corefHas(got, want) {
		t.Errorf("%q: want %q in %q", text, want, got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, not) {
			t.Errorf("%q: %q", text, r)
		}
	}
}
