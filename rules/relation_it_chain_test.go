package rules

import (
	"strings"
	"testing"
)

func TestItAfterAChainOfActorPhrasesMeansTheActorInFocus(t *testing.T) {
	text := "## Who is Copper Marten?\n\n" +
		"When Harbor Analytics renamed its clusters in 2023, the cluster it had called Redfin became Copper Marten. " +
		"Copper Marten is a Chinese espionage group. The company has described the operators as state-sponsored. " +
		"Its 2025 reporting describes a change of approach. Rather than hitting victims head-on, the group now goes " +
		"through IT suppliers to reach their customers. Northwind Labs lists ports, law firms and universities " +
		"among the sectors it hits.\n"
	got := corefRelations(t, text)
	if !hasRelation(got, "Copper Marten -targets-> law firms", `"it" → Copper Marten (topic)`) {
		t.Errorf("it after the group's sentence is not the actor in focus: %q", got)
	}
	// Without an actor phrase in a pronoun's reach, "it" still names nothing.
	text = "## Who is Copper Marten?\n\n" +
		"When Harbor Analytics renamed its clusters in 2023, the cluster it had called Redfin became Copper Marten. " +
		"Copper Marten is a Chinese espionage group. Harbor Analytics publishes its reports twice a year. " +
		"Its 2025 reporting describes a change of approach. Vendors now publish less. Northwind Labs lists ports, " +
		"law firms and universities among the sectors it hits.\n"
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> law firms") {
			t.Errorf("it fell back without a chain: %q", r)
		}
	}

}

func TestTheyAfterAnActorPhraseIsTheActorNotAFirmNamedSince(t *testing.T) {
	text := "Copper Marten is a Chinese espionage group. Copper Marten also hit ports in 2022.\n\n" +
		"Harbor Analytics first wrote about it in 2021. The group's calling card is not malware but the telephone. " +
		"Its members phone help desks and pose as staff whose names they found on Pellmark Systems Inc. websites. " +
		"That is how they got into the Ministry of Defence of Peru in 2023.\n"
	got := corefRelations(t, text)
	if !hasRelation(got, "Copper Marten -targets-> Ministry of Defence of Peru", "(topic)") {
		t.Errorf("they is not the actor in focus: %q", got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Pellmark Systems Inc. -targets->") {
			t.Errorf("they given to the firm named since: %q", r)
		}
	}
}
