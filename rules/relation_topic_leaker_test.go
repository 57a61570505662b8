package rules

import (
	"slices"
	"testing"
)

func TestTopicLeaker(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "TopicSkipsTheActorThatOnlyLeakedTheTools",
			text: "From Kestrel Bear to Heron Panda: how a toolkit escaped.\n\n" +
				"Analysts described Kestrel Bear in 2019. Kestrel Bear was active for a decade.\n\n" +
				"Heron Panda appeared in 2021. Heron Panda auctioned files it said it had stolen from Kestrel Bear. " +
				"Heron Panda later dumped more. Heron Panda published a set of exploits. Heron Panda is still unknown.\n\n" +
				"Who was hit\n\nMost infections were in Peru and Chile, in the energy sector.\n",
			// The victims are those of the actor the tools were stolen
			// from; the leaker gets none of the report's relations.
			want:    []string{"Kestrel Bear -targets-> Chile"},
			notFrom: []string{"Heron Panda"}},
		{name: "TopicKeepsAnActorThatStoleFromVictims",
			// Files stolen from a company, not from an actor: the thief is the topic.
			text: "From Kestrel Bear to Heron Panda: how a toolkit escaped.\n\n" +
				"Analysts described Kestrel Bear in 2019. Kestrel Bear was active for a decade.\n\n" +
				"Heron Panda appeared in 2021. Heron Panda auctioned files it said it had stolen from Pellmark Systems Inc. " +
				"Heron Panda later dumped more. Heron Panda published a set of exploits. Heron Panda is still unknown.\n\n" +
				"Who was hit\n\nMost infections were in Peru and Chile, in the energy sector.\n",
			want: []string{"Heron Panda -targets-> Chile"}},
		{name: "TopicLeavesAnotherPartysMalwareAlone",
			// A wiper the text attributes to another party is no tool of the topic
			// actor; the backdoor nobody claims still is.
			text: "Kestrel Bear returns\n\n" +
				"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports.\n\n" +
				"The Shamoon wiper, which investigators attributed to the GRU, spread the same year. BabyShark is a backdoor.\n",
			want:    []string{"Kestrel Bear -uses-> BabyShark"},
			notFrom: []string{"Kestrel Bear -uses-> Shamoon"}},
		{name: "TopicSkipsTheActorThatDumpedTheTools",
			// The crew that dumped the tools does not get them.
			text: "Kestrel Bear returns\n\n" +
				"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports. Kestrel Bear is old.\n\n" +
				"A crew calling itself Heron Panda had dumped EternalBlue online in April. Two exploits were then tracked as CVE-2017-0144.\n",
			notFrom: []string{"Heron Panda"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
