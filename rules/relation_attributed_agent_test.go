package rules

import (
	"strings"
	"testing"
)

// A bare people noun named as the agent of an attribution ("a tool earlier
// ascribed to Iranian operators in assaults on X") introduces other
// operators: the actor in focus does not take their victims. A definite
// "the operators" still means the actor.
func TestAttributedAgentIsNoAnaphor(t *testing.T) {
	text := "In July, APT99 breached networks in Peru.\n\n" +
		"The wiper was a variant of Quillbane, a tool earlier ascribed to Chilean operators in assaults on the Bolivian power sector.\n"
	for _, r := range corefRelations(t, text) {
		if strings.HasPrefix(r, "APT99 -targets-> Bolivia") || strings.HasPrefix(r, "APT99 -targets-> power") {
			t.Errorf("the attributed agent's victims went to the actor in focus: %q", r)
		}
	}
	text = "In July, APT99 breached networks in Peru.\n\n" +
		"The wiper was a variant of Quillbane, a tool blamed on hackers in attacks on the Bolivian power sector.\n"
	for _, r := range corefRelations(t, text) {
		if strings.HasPrefix(r, "APT99 -targets-> Bolivia") {
			t.Errorf("'blamed on hackers' gave the actor in focus victims: %q", r)
		}
	}
}

func TestAttributedAgentShape(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"a tool ascribed to Iranian operators in attacks", true},
		{"a tool attributed to suspected state hackers in attacks", true},
		{"a tool blamed on attackers in raids", true},
		{"a tool used by intruders in attacks", true},
		{"a tool ascribed to the operators in attacks", false},
		{"a tool ascribed to its operators in attacks", false},
		{"operators in attacks", false},
		{"a tool ascribed to APT99 , and operators in attacks", false},
	} {
		d, done := docFor(t, tc.text)
		got := false
		for i := range d.fold {
			if d.p.cti.agentPeopleNouns[d.fold[i]] {
				got = d.attributedAgent(i, i+1)
			}
		}
		done()
		if got != tc.want {
			t.Errorf("%q: attributed agent %v, want %v", tc.text, got, tc.want)
		}
	}
}
