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
