package rules

import "testing"

// A list's first member after a word of listing is a sector when two known
// sectors follow it ("lists authorities, transportation and lodging", a
// rewriter's "government").
func TestSectorListFirstMemberAfterVerb(t *testing.T) {
	checkFound(t, []foundCase{
		{"The advisory lists veterinary practices, universities and think tanks among its victims.", "veterinary practices/sector/core.sector.coord-", true},
		{"Victims included tack shops, telecommunications and hospitals.", "tack shops/sector/core.sector.coord-", true},
		// No verb before the list: its first member stays unknown.
		{"Veterinary practices, universities and think tanks were hit.", "Veterinary practices/sector/core.sector.coord-", false},
	})
}
