package rules

import (
	"strings"
	"testing"
)

// hasRuleRelation reports whether rels (topicRelations' lines) holds one that
// starts with prefix and comes from rule (any rule for "").
func hasRuleRelation(rels []string, prefix, rule string) bool {
	for _, r := range rels {
		if strings.HasPrefix(r, prefix) && (rule == "" || strings.HasSuffix(r, "["+rule+"]")) {
			return true
		}
	}
	return false
}

// An actor the text declines to blame gets no victims by fallback; the
// report's own actor, cleared of one incident, keeps them.
func TestDeclinedActorGetsNoFallbackVictims(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	list := "\n\nVictims included:\n- Kroger\n- Jones Day\n"
	cases := []struct {
		name, text, actor string
		want              bool
	}{
		{"stopped short of attributing",
			"UNC2546 exploited flaws in the appliance. UNC2582 sent the extortion emails. " +
				"Both clusters overlap with FIN11, but Mandiant stopped short of attributing the campaign to FIN11. " +
				"FIN11 is known for mass phishing." + list, "FIN11", false},
		{"no evidence tying",
			"UNC2546 exploited flaws in the appliance. FIN11 used the same leak site, " +
				"but there is no evidence tying the breaches to FIN11." + list, "FIN11", false},
		{"a rewriter's refusal",
			"UNC2546 exploited flaws in the appliance. Both clusters overlap with FIN11, " +
				"but Mandiant stopped in need of ascribing the campaign to FIN11." + list, "FIN11", false},
		{"the report's own actor keeps its victims",
			"APT34 is an Iranian espionage group. APT34 phishes ministries. APT34 was first seen in 2014. " +
				"We do not attribute the Shamoon wiper attacks to APT34." + list, "APT34", true},
		{"two names unlinked is no declined activity",
			"FIN11 is a financially motivated group. FIN11 phishes retailers. FIN11 runs a leak site. " +
				"Mandiant has not tied TA505 to FIN11." + list, "FIN11", true},
	}
	for _, c := range cases {
		rels := topicRelations(t, p, c.text)
		if got := hasRuleRelation(rels, c.actor+" -targets-> Kroger", ""); got != c.want {
			t.Errorf("%s: %s -targets-> Kroger is %v, want %v (%q)", c.name, c.actor, got, c.want, rels)
		}
	}
}

// A campaign its own sentence blames on another party is not the topic
// actor's; blamed on the actor's own state, it still is.
func TestCampaignBlamedOnOtherIsNotTheTopics(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text, actor string
		want              bool
	}{
		{"blamed on another state",
			"APT41 is a Chinese espionage group based in China. APT41 phishes ministries. APT41 hit game studios in 2020. " +
				"Operation Quiet Loom was blamed on North Korea by several governments.", "APT41", false},
		{"attributed to another actor",
			"APT41 is a Chinese espionage group based in China. APT41 phishes ministries. APT41 hit game studios in 2020. " +
				"Operation Quiet Loom, which researchers attributed to Iran, hit banks in Peru.", "APT41", false},
		{"blamed on the actor's own state",
			"Lazarus Group is a hacking group based in North Korea. Lazarus Group phishes banks. Lazarus Group stole funds in 2020. " +
				"Operation Quiet Loom was blamed on North Korea by several governments.", "Lazarus Group", true},
		{"a negated blame pins it on no one",
			"APT41 is a Chinese espionage group based in China. APT41 phishes ministries. APT41 hit game studios in 2020. " +
				"Operation Quiet Loom was never blamed on North Korea.", "APT41", true},
		{"no blame: the topic's",
			"APT41 is a Chinese espionage group based in China. APT41 phishes ministries. APT41 hit game studios in 2020. " +
				"Operation Quiet Loom hit banks in Peru.", "APT41", true},
	}
	for _, c := range cases {
		rels := topicRelations(t, p, c.text)
		if got := hasRuleRelation(rels, "Operation Quiet Loom -attributed-to-> "+c.actor, "rel.attributed-to.topic"); got != c.want {
			t.Errorf("%s: Operation Quiet Loom -attributed-to-> %s is %v, want %v (%q)", c.name, c.actor, got, c.want, rels)
		}
	}
}
