package rules

import (
	"strings"
	"testing"
)

// An actor named as what another is compared with ("overlaps with a
// cluster that X calls Y") is not what the next sentence's "victims" or
// "the group" means.
func TestComparedActorIsNoAntecedent(t *testing.T) {
	text := "Northwind first wrote about APT99 in 2021. Researchers track the group as APT99, and its activity " +
		"overlaps with a cluster that Southfield Labs calls Kestrel Bear. Most victims lived in Peru and Chile."
	got := corefRelations(t, text)
	if !hasRelation(got, "APT99 -targets-> Peru", `"victims" → APT99`) {
		t.Errorf("victims not the described actor's: %q", got)
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Kestrel Bear -targets->") {
			t.Errorf("victims given to the compared cluster: %q", r)
		}
	}
	// Without a comparison the nearest actor stays the antecedent.
	text = "Northwind first wrote about APT99 in 2021. Southfield Labs later described Kestrel Bear. " +
		"Most victims lived in Peru and Chile."
	if got := corefRelations(t, text); !hasRelation(got, "Kestrel Bear -targets-> Peru", `"victims" → Kestrel Bear`) {
		t.Errorf("nearest actor lost: %q", got)
	}
}

// "distinct", "similar" describing a noun compare nothing: in "a distinct
// group, APT41, broke into banks" APT41 is the subject, and "the group"
// next means it.
func TestADescribingComparisonWordComparesNothing(t *testing.T) {
	text := "APT10 was quiet in 2022, while a distinct group, APT41, broke into banks in Peru. The group also hit hospitals in Chile.\n"
	got := corefRelations(t, text)
	if !hasRelation(got, "APT41 -targets-> Chile", "") {
		t.Errorf("the group is APT41: %q", got)
	}
	if hasRelation(got, "APT10 -targets-> Chile", "") {
		t.Errorf("the group went to APT10: %q", got)
	}
}
