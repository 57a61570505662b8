package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestTopicSkipsTheActorThatOnlyLeakedTheTools(t *testing.T) {
	text := "From Kestrel Bear to Heron Panda: how a toolkit escaped.\n\n" +
		"Analysts described Kestrel Bear in 2019. Kestrel Bear was active for a decade.\n\n" +
		"Heron Panda appeared in 2021. Heron Panda auctioned files it said it had stolen from Kestrel Bear. " +
		"Heron Panda later dumped more. Heron Panda published a set of exploits. Heron Panda is still unknown.\n\n" +
		"Who was hit\n\nMost infections were in Peru and Chile, in the energy sector.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Kestrel Bear -targets-> Chile") {
		t.Errorf("the victims of the actor the tools were stolen from are missing: %q", got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Heron Panda") {
			t.Errorf("the leaker got the report's relations: %q", got)
		}
	}
}

func TestTopicKeepsAnActorThatStoleFromVictims(t *testing.T) {
	// Files stolen from a company, not from an actor: the thief is the topic.
	text := "From Kestrel Bear to Heron Panda: how a toolkit escaped.\n\n" +
		"Analysts described Kestrel Bear in 2019. Kestrel Bear was active for a decade.\n\n" +
		"Heron Panda appeared in 2021. Heron Panda auctioned files it said it had stolen from Pellmark Systems Inc. " +
		"Heron Panda later dumped more. Heron Panda published a set of exploits. Heron Panda is still unknown.\n\n" +
		"Who was hit\n\nMost infections were in Peru and Chile, in the energy sector.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Heron Panda -targets-> Chile") {
		t.Errorf("the actor that stole from a company lost its topic: %q", got)
	}
}

func TestTopicLeavesAnotherPartysMalwareAlone(t *testing.T) {
	// A wiper the text attributes to another party is no tool of the topic
	// actor; the backdoor nobody claims still is.
	text := "Kestrel Bear returns\n\n" +
		"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports.\n\n" +
		"The Shamoon wiper, which investigators attributed to the GRU, spread the same year. BabyShark is a backdoor.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Kestrel Bear -uses-> BabyShark") {
		t.Errorf("missing the unclaimed backdoor: %q", got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Kestrel Bear -uses-> Shamoon") {
			t.Errorf("another party's wiper given to the topic: %q", got)
		}
	}
}

func TestTopicSkipsTheActorThatDumpedTheTools(t *testing.T) {
	text := "Kestrel Bear returns\n\n" +
		"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports. Kestrel Bear is old.\n\n" +
		"A crew calling itself Heron Panda had dumped EternalBlue online in April. Two exploits were then tracked as CVE-2017-0144.\n"
	got := defaultTopicRelations(t, text)
	for _, r := range got {
		if strings.HasPrefix(r, "Heron Panda") {
			t.Errorf("the crew that dumped the tools got them: %q", got)
		}
	}
}
