package rules

import (
	"slices"
	"testing"
)

func TestTopicUnitStandsForTheTopic(t *testing.T) {
	lead := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also wrote two loaders in 2023.\n"
	unit := "In 2021 a grand jury indicted two officers of GRU Unit 41720 for a string of attacks " +
		"that included the Latvian port intrusions and the Estonian rail outage.\n"
	checkTopic(t, []topicCase{
		{name: "a unit no relation ties to an actor is the topic's",
			text: lead + unit,
			want: []string{"Kestrel Bear -targets-> Latvian", "Kestrel Bear -targets-> Estonian"}},
		{name: "a unit tied to the topic by a relation is a party of its own",
			text:   lead + "Western governments attribute Kestrel Bear to Unit 41720.\n\n" + unit,
			absent: []string{"Kestrel Bear -targets-> Latvian", "Kestrel Bear -targets-> Estonian"}},
		{name: "a unit tied to another actor stays that actor's",
			text:   lead + "Western governments attribute Sandworm to Unit 41720.\n\n" + unit,
			absent: []string{"Kestrel Bear -targets-> Latvian", "Kestrel Bear -targets-> Estonian"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
