package rules

import (
	"strings"
	"testing"
)

// A company's name after an indefinite article opens a product's name,
// whatever follows the product ("an Amazon Fire Stick, a hotel television
// and a phone"): the company is no attacker of the victim the sentence
// names. A company as the subject still attacks.
func TestProductMakerAfterIndefiniteArticle(t *testing.T) {
	for _, s := range []string{
		"Prosecutors said he used an Amazon Fire Stick, the hotel television and a phone to break into Rockstar Games.",
		"The crew used a Microsoft Surface, a router and a burner phone to compromise Siemens.",
	} {
		for _, r := range corefRelations(t, s) {
			if strings.HasPrefix(r, "Amazon -targets->") || strings.HasPrefix(r, "Microsoft -targets->") {
				t.Errorf("a product's maker made an attacker in %q: %q", s, r)
			}
		}
	}
	got := corefRelations(t, "Microsoft compromised Siemens in a red-team exercise.")
	if !hasRelation(got, "Microsoft -targets-> Siemens", "") {
		t.Errorf("a company subject lost its relation: %q", got)
	}
}
