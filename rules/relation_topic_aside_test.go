package rules

import (
	"slices"
	"testing"
)

func TestTopicSkipsTheActorAnAttributionIsDenied(t *testing.T) {
	text := "Intrusions at regional water utilities this spring.\n\n" +
		"The breach of Pellmark Systems Inc. in May was quick. The attack on Hallick Group took a week.\n\n" +
		"Investigators did not attribute the intrusions to Kestrel Bear. " +
		"The firm stopped short of tying the campaign to Kestrel Bear, saying the evidence was thin. " +
		"A second vendor also declined to link the activity with Kestrel Bear.\n"
	got := defaultTopicRelations(t, text)
	for _, bad := range []string{"Kestrel Bear -targets-> Pellmark Systems Inc.", "Kestrel Bear -targets-> Hallick Group"} {
		if slices.Contains(got, bad) {
			t.Errorf("%q given to an actor named only in denied attributions: %q", bad, got)
		}
	}
}

func TestTopicKeepsTheSubjectOfADeniedAttribution(t *testing.T) {
	text := "Kestrel Bear returns.\n\n" +
		"Kestrel Bear is an espionage group. Kestrel Bear was active in May. The breach of Pellmark Systems Inc. in May was quick.\n\n" +
		"The vendor does not tie Kestrel Bear to the Heron Ministry.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Kestrel Bear -targets-> Pellmark Systems Inc.") {
		t.Errorf("the denied attribution's subject lost its topic: %q", got)
	}
}
