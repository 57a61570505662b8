package rules

import (
	"strings"
	"testing"
)

// A list's first member after a word of listing is a sector when two known
// sectors follow it ("lists authorities, transportation and lodging", a
// rewriter's "government").
func TestSectorListFirstMemberAfterVerb(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, want string
		ok         bool
	}{
		{"The advisory lists dental practices, universities and think tanks among its victims.", "dental practices/sector/core.sector.coord-", true},
		{"Victims included tack shops, telecommunications and hospitals.", "tack shops/sector/core.sector.coord-", true},
		// No verb before the list: its first member stays unknown.
		{"Dental practices, universities and think tanks were hit.", "Dental practices/sector/core.sector.coord-", false},
	} {
		got := strings.Join(found(t, p, c.text), " | ")
		if strings.Contains(got, c.want) != c.ok {
			t.Errorf("%q: got %s, want %s present=%v", c.text, got, c.want, c.ok)
		}
	}
}
