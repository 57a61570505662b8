package rules

import (
	"strings"
	"testing"
)

// oneSpace's shortcut for text already single-spaced must give what the
// general rebuild gives, for every kind of white space.
func TestOneSpaceMatchesFieldsJoin(t *testing.T) {
	for _, s := range []string{"", " ", "Acme", "Acme Corp", " Acme", "Acme ", "Acme  Corp", "Acme\tCorp",
		"Acme\nCorp", "Acme\r\nCorp", "Acme\u00a0Corp", "Acme\u2028Corp", "Société Générale", "a b c", "x\v", "\fy"} {
		if got, want := oneSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneSpace(%q) = %q, want %q", s, got, want)
		}
	}
}
