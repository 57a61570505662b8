package rules

import (
	"strings"
	"testing"
)

// A list of sectors closed by "sectors" or "industries" in the subject of
// an agentless victim clause: every sector of the list is the report
// actor's target.
func TestTopicPassiveSectorList(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Firms in the finance, media and chemical sectors were also targeted.", []string{"finance", "media", "chemical"}},
		{"Companies in the finance and media industries were breached.", []string{"finance", "media"}},
		{"Firms in the finance sector were later hit.", []string{"finance"}},
	} {
		got := corefRelations(t, base+c.text)
		for _, v := range c.want {
			if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
				t.Errorf("%s in %q is no target: %q", v, c.text, got)
			}
		}
	}
	// Another attacker's victims, and a denial, stay unlinked.
	for _, s := range []string{
		"Firms in the finance and media sectors were breached by Gray Heron.",
		"Firms in the finance and media sectors were not targeted.",
	} {
		for _, r := range corefRelations(t, base+s) {
			if strings.Contains(r, "Copper Marten -targets-> finance") || strings.Contains(r, "Copper Marten -targets-> media") {
				t.Errorf("a sector made a target in %q: %q", s, r)
			}
		}
	}
}

// Two or more named organisations that report of themselves with "they":
// "Adobe and Juniper said they were among the targets".
func TestTopicPassiveNamedListSaidThey(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, s := range []string{
		"Pellmark Systems Inc. and Hallick Group Inc. said they were also among the targets.",
		"Pellmark Systems Inc. and Hallick Group Inc. confirmed that they had been breached.",
		"Pellmark Systems Inc. and Hallick Group Inc. said their mail servers had been accessed.",
	} {
		got := corefRelations(t, base+s)
		for _, v := range []string{"Pellmark Systems Inc.", "Hallick Group Inc."} {
			if !hasRelation(got, "Copper Marten -targets-> "+v, "report on Copper Marten") {
				t.Errorf("%s in %q is no target: %q", v, s, got)
			}
		}
	}
	// "they" after a single name, a sentence that is no bare list of
	// names, a denial, and another's victims stay unlinked.
	for _, s := range []string{
		"Pellmark Systems Inc. said they were among the targets.",
		"Analysts at Pellmark Systems Inc. and Hallick Group Inc. said they were among the targets.",
		"Pellmark Systems Inc. and Hallick Group Inc. said they were not breached.",
		"Pellmark Systems Inc. and Hallick Group Inc. said they were breached by Gray Heron.",
	} {
		for _, r := range corefRelations(t, base+s) {
			if strings.Contains(r, "Copper Marten -targets-> Pellmark") || strings.Contains(r, "Copper Marten -targets-> Hallick") {
				t.Errorf("a target made in %q: %q", s, r)
			}
		}
	}
}

// "has/have/had" with a participle is active: the name that closes an
// apposition before it ("Copper Marten, a group officials link to China,
// has breached ...") is no victim of an agentless passive. With a form
// of "be" the clause stays passive.
func TestTopicPassiveNeedsBe(t *testing.T) {
	base := "Copper Marten is a Chinese espionage group. Copper Marten hit ports in 2021. Copper Marten wrote loaders. "
	for _, s := range []string{
		"Copper Marten, a group officials link to China, has breached Pellmark Systems Inc.",
		"Copper Marten, a crew analysts tie to Vietnam, had hit hospitals in Ohio.",
	} {
		for _, r := range corefRelations(t, base+s) {
			if strings.Contains(r, "-targets-> China") || strings.Contains(r, "-targets-> Vietnam") {
				t.Errorf("the actor's home made a target in %q: %q", s, r)
			}
		}
	}
	got := corefRelations(t, base+"In March, Harlow Air Force Base in Texas had been breached.")
	if !hasRelation(got, "Copper Marten -targets-> Harlow Air Force Base", "report on Copper Marten") {
		t.Errorf("the passive victim is lost: %q", got)
	}
}
