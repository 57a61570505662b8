package rules

import (
	"slices"
	"testing"
)

func TestTopicSkipsWhereTheAttackersAre(t *testing.T) {
	text := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also wrote two loaders in 2023.\n" +
		"The attacks hit ports, and investigators said the operators were in Belarus.\n" +
		"The attacks hit ports, and investigators said the affected ports were in Chile.\n"
	got := defaultTopicRelations(t, text)
	if slices.Contains(got, "Kestrel Bear -targets-> Belarus") {
		t.Errorf("the attackers' whereabouts taken for a victim: %q", got)
	}
	if !slices.Contains(got, "Kestrel Bear -targets-> Chile") {
		t.Errorf("a victims' place lost: %q", got)
	}
}
