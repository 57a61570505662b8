package rules

import "testing"

// A list's first member after a word of listing is a sector when two known
// sectors follow it ("lists authorities, transportation and lodging", a
// rewriter's "government").
func TestSectorListFirstMemberAfterVerb(t *testing.T) {
	checkFound(t, []foundCase{
		{"The advisory lists dental practices, universities and think tanks among its victims.", "dental practices/sector/core.sector.coord-", true},
		{"Victims included tack shops, telecommunications and hospitals.", "tack shops/sector/core.sector.coord-", true},
		// No verb before the list: its first member stays unknown.
		{"Dental practices, universities and think tanks were hit.", "Dental practices/sector/core.sector.coord-", false},
	})
}
