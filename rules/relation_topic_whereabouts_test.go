package rules

import (
	"slices"
	"testing"
)

func TestTopicSkipsWhereTheAttackersAre(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "attackers' whereabouts are no victim",
			text: "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
				"Kestrel Bear also wrote two loaders in 2023.\n" +
				"The attacks hit ports, and investigators said the operators were in Belarus.\n" +
				"The attacks hit ports, and investigators said the affected ports were in Chile.\n",
			want:   []string{"Kestrel Bear -targets-> Chile"},
			absent: []string{"Kestrel Bear -targets-> Belarus"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

// The victims an attacker noun owns are where they are: "the group's
// victims have been in the Middle East" is no seat of the group's.
func TestWhereaboutsOfTheGroupsVictims(t *testing.T) {
	got := allRelations(t, "Molerats is a threat group that has been operating since 2012. "+
		"The group's victims have primarily been in the Middle East, Europe, and the United States.\n")
	for _, a := range []string{"Molerats -located-in-> Middle East", "Molerats -located-in-> Europe"} {
		if slices.Contains(got, a) {
			t.Errorf("unexpected %q in %q", a, got)
		}
	}
	got = allRelations(t, "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries. "+
		"Investigators said the group's operators were in Belarus.\n")
	if !slices.Contains(got, "Kestrel Bear -located-in-> Belarus") {
		t.Errorf("missing the operators' seat in %q", got)
	}
}
