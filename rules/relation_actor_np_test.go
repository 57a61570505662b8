package rules

import (
	"strings"
	"testing"
)

func TestActorPhrasesByShapeAreAnaphors(t *testing.T) {
	for _, phrase := range []string{"The state-backed crew", "The Chinese outfit", "The newer group", "This Beijing-linked gang"} {
		text := "Copper Marten is a Chinese espionage group tracked by Harbor Analytics. " + phrase +
			" broke into the Ministry of Defence of Peru in 2023."
		got := corefRelations(t, text)
		if !hasRelation(got, "Copper Marten -targets-> Ministry of Defence of Peru", `"`+phrase+`" → Copper Marten`) {
			t.Errorf("%q is no anaphor of the actor: %q", phrase, got)
		}
	}
	// A phrase that names its group ("the Chinese group Copper Marten"), or
	// a head with no actor modifier ("the satellite operators"), is none.
	for _, text := range []string{
		"Slate Heron is an Iranian group. Harbor Analytics wrote about the Chinese group Copper Marten, which broke into the Ministry of Defence of Peru.",
		"Slate Heron is an Iranian group. The satellite operators broke into the Ministry of Defence of Peru.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.HasPrefix(r, "Slate Heron -targets->") {
				t.Errorf("wrong anaphor in %q: %q", text, r)
			}
		}
	}
}
