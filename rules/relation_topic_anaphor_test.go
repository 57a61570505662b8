package rules

import (
	"strings"
	"testing"
)

// A sentence whose "the crew" the rules resolve to the report's actor is
// that actor's, not the paragraph's other actor's: its leftover tools go to
// the report's actor (anaphorSentenceActors).
func TestAnaphorSentenceActor(t *testing.T) {
	text := "Police blame years of spying on Kestrel Bear, a crew tied to Marsh Lynx\n\n" +
		"Police blamed the intrusions on a hacking crew called Kestrel Bear. Kestrel Bear sent lures to ministries. " +
		"Kestrel Bear also breached think tanks. Kestrel Bear used the LODEINFO backdoor.\n\n" +
		"Vendors place the crew under Marsh Lynx, a group linked to the state.\n\n" +
		"The ANEL backdoor was used by Marsh Lynx in 2018. The advisory described the crew abusing Windows Sandbox " +
		"to run malware out of sight, and tunnelling by means of Visual Studio Code.\n"
	got := corefRelations(t, text)
	var vscode []string
	for _, r := range got {
		if strings.Contains(r, "-uses-> Visual Studio Code") {
			vscode = append(vscode, r)
		}
	}
	if len(vscode) != 1 || !strings.HasPrefix(vscode[0], "Kestrel Bear ") {
		t.Errorf("Visual Studio Code: got %q, want Kestrel Bear's only (all: %q)", vscode, got)
	}
}
