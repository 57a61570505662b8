package rules

import (
	"strings"
	"testing"
)

// The source a report cites after "according to" targets nothing.
func TestAccordingToNamesNoDoer(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Kestrel Bear is a Russian espionage group. According to Microsoft, the group compromised several accounts at a Peruvian aviation firm."
	got := topicRelations(t, p, text)
	found := false
	for _, r := range got {
		if strings.HasPrefix(r, "Microsoft -targets->") {
			t.Errorf("the cited firm became a doer: %q", r)
		}
		found = found || strings.HasPrefix(r, "Kestrel Bear -targets->")
	}
	if !found {
		t.Errorf("the group's target is missing: %q", got)
	}
}
