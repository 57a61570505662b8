package rules

import (
	"strings"
	"testing"
)

func TestVictimsNamedBeforeAmongItsVictims(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	got := corefRelations(t, base+"Leaked files list Pellmark Systems Inc. and Hallick Group Inc. among its victims.")
	for _, v := range []string{"Pellmark Systems Inc.", "Hallick Group Inc."} {
		if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
			t.Errorf("%s listed among its victims is no target: %q", v, got)
		}
	}
	// Customers or partners listed are no victims.
	for _, r := range corefRelations(t, base+"Leaked files list Pellmark Systems Inc. among its customers.") {
		if strings.Contains(r, "-targets-> Pellmark") {
			t.Errorf("a customer made a victim: %q", r)
		}
	}
}

// "among those breached", "among the carriers hit": a participle closes
// the set of victims the names belong to; a set of bystanders does not.
func TestVictimsNamedBeforeAmongThoseBreached(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, s := range []string{
		"Press reports named Pellmark Systems Inc. and Hallick Group Inc. among those breached.",
		"Press reports named Pellmark Systems Inc. and Hallick Group Inc. among the carriers hit.",
	} {
		got := corefRelations(t, base+s)
		for _, v := range []string{"Pellmark Systems Inc.", "Hallick Group Inc."} {
			if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
				t.Errorf("%s in %q is no target: %q", v, s, got)
			}
		}
	}
	for _, r := range corefRelations(t, base+"Press reports named Pellmark Systems Inc. among those quoted.") {
		if strings.Contains(r, "-targets-> Pellmark") {
			t.Errorf("a bystander made a victim: %q", r)
		}
	}
}
