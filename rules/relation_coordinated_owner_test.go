package rules

import (
	"slices"
	"strings"
	"testing"
)

// "X and its Y": the possessive is X's, though the rule's first target
// type (organization) would find a company further back.
func TestItsAfterAndIsTheCoordinatedMention(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Iran's Ministry of Intelligence and Security (MOIS) runs the group. The group used Telegram for control.\n\n" +
		"In September 2022 the US Treasury sanctioned the MOIS and its minister, Esmail Khatib, for cyber activity.\n"
	got := topicRelations(t, p, text)
	var employer []string
	for _, r := range got {
		if strings.HasPrefix(r, "Esmail Khatib -employed-by-> ") {
			employer = append(employer, r)
		}
	}
	if !slices.ContainsFunc(employer, func(r string) bool { return strings.HasPrefix(r, "Esmail Khatib -employed-by-> MOIS") }) {
		t.Errorf("the minister is not the MOIS's: %q", got)
	}
	if slices.ContainsFunc(employer, func(r string) bool { return strings.Contains(r, "Telegram") }) {
		t.Errorf("its resolved past the coordinated owner: %q", employer)
	}
}
