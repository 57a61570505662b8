package rules

import (
	"strings"
	"testing"
)

// A firm that reports what an actor did is not the "it" of its report,
// whatever words stand between the firm and the pronoun.
func TestItAfterAReportingFirmsLaterVerbOfSayingIsTheActor(t *testing.T) {
	for _, text := range []string{
		"Copper Marten is a Chinese espionage group. Harbor Analytics first described Copper Marten in May 2023, " +
			"saying it had targeted water utilities in Guam.",
		"Copper Marten is a Chinese espionage group. Harbor Analytics mentioned in August 2023 " +
			"that it had spied on universities in Taiwan.",
	} {
		got := corefRelations(t, text)
		if !slicesHasPrefix(got, "Copper Marten -targets->") {
			t.Errorf("the actor is not the doer in %q: %q", text, got)
		}
		if slicesHasPrefix(got, "Harbor Analytics -targets->") {
			t.Errorf("the reporting firm is made the doer in %q: %q", text, got)
		}
	}
	// The one mention before "it", with no verb of saying between, is
	// still its referent.
	text := "Copper Marten is a Chinese espionage group. Pellmark Systems Inc. differs from the others because it " +
		"is a firm headquartered in Harbin."
	if got := corefRelations(t, text); !hasRelation(got, "Pellmark Systems Inc. -located-in-> Harbin", "") {
		t.Errorf("it no longer means the one mention before it: %q", got)
	}
}

// A victim that reports its own breach ("X said it had been compromised")
// or a set of victims after "among" ("A and B were among the carriers
// breached") is the subject of an agentless passive, so the report's actor
// targets it.
func TestVictimsOfReducedAndSelfReportedPassives(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports.\n" +
		"Copper Marten also wrote two loaders in 2023.\n"
	for victim, sentence := range map[string]string{
		"Verizon":               "In the United States, AT&T and Verizon were among the carriers breached.\n",
		"Pellmark Systems Inc.": "Pellmark Systems Inc. was one of the firms hit.\n",
		"Corvane AG":            "Corvane AG later said it had also been compromised.\n",
		"Hallick Group":         "Hallick Group told regulators that its email system had been accessed.\n",
	} {
		got := corefRelations(t, base+sentence)
		if !hasRelation(got, "Copper Marten -targets-> "+victim, "report on Copper Marten") {
			t.Errorf("%s is no target in %q: %q", victim, sentence, got)
		}
	}
	// Active verbs after "it had" and a firm that reports someone else's
	// breach give nothing.
	for _, sentence := range []string{
		"Harbor Analytics said it had spied on nobody.\n",
		"Harbor Analytics said the utilities had been compromised.\n",
		"AT&T and Verizon were among the carriers that published patches.\n",
	} {
		for _, r := range corefRelations(t, base+sentence) {
			if strings.Contains(r, "-targets-> Harbor Analytics") || strings.Contains(r, "-targets-> AT&T") {
				t.Errorf("unexpected victim in %q: %q", sentence, r)
			}
		}
	}
}

func slicesHasPrefix(got []string, prefix string) bool {
	for _, s := range got {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
