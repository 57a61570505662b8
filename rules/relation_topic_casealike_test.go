package rules

import (
	"strings"
	"testing"
)

// An actor topic that shares its name up to case with a malware ("the
// Hangover crew", "a downloader named HangOver") gives the relations that
// fall back on the topic to the actor's mentions, not to the malware's
// (extract/typedsplit.go keeps the two entities apart).
func TestTopicRelationsGoToTheActorNotTheCaseAlikeMalware(t *testing.T) {
	text := "Viceroy Tiger hit Telenor\n\nThe Hangover crew broke into Telenor in March. Viceroy Tiger is tracked by CrowdStrike.\n\n" +
		"Researchers found a second downloader named HangOver on the servers.\n\n" +
		"Most victims were in Pakistan, including manufacturing firms.\n"
	got := corefRelations(t, text)
	found := false
	for _, r := range got {
		if strings.HasPrefix(r, "HangOver -") {
			t.Errorf("the malware took a relation: %q", got)
		}
		found = found || strings.Contains(r, "-targets-> manufacturing")
	}
	if !found {
		t.Errorf("the actor lost the topic relation: %q", got)
	}
}
