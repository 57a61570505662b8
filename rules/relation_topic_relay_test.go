package rules

import (
	"strings"
	"testing"
)

// Machines the actor borrowed as relays name no victims, neither for a
// relation rule nor for a topic fallback; machines it hacked do.
func TestRelayMachinesAreNoVictims(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const lead = "Kestrel Bear is a cyber espionage group. Kestrel Bear uses BabyShark. Kestrel Bear hit Taiwan.\n\n"
	cases := []struct {
		name, text string
		gone, kept []string
	}{
		{"routed through hacked computers",
			"To cover their tracks, the attackers routed their traffic through hacked computers at American universities, some of which had been used in attacks against US military contractors.",
			[]string{"-targets-> American", "-targets-> universities", "-targets-> US"}, nil},
		{"compromised servers as staging points",
			"The crew used compromised servers in Hong Kong as staging points.",
			[]string{"-targets-> Hong Kong"}, nil},
		{"hacked machines, then relaying through them: still victims",
			"The attackers hacked computers at universities in Canada and routed traffic through them.",
			nil, []string{"-targets-> Canada"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := lead + c.text
			got := strings.Join(topicRelations(t, p, text), "\n")
			for _, g := range c.gone {
				if strings.Contains(got, g) {
					t.Errorf("%q: unexpected %q in\n%s", c.text, g, got)
				}
			}
			for _, k := range c.kept {
				if !strings.Contains(got, k) {
					t.Errorf("%q: missing %q in\n%s", c.text, k, got)
				}
			}
		})
	}
}
