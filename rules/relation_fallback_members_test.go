package rules

import "testing"

func TestChargeAnaphor(t *testing.T) {
	charges := map[string]bool{"conspirators": true, "defendants": true}
	for _, c := range []struct {
		coref string
		want  bool
	}{
		{`"the conspirators" → Li Wen`, true},
		{`"The two defendants" → Zhao Ming`, true},
		{`"they" → Li Wen`, false},
		{`"the group" → Kestrel Bear`, false},
		{`report on Kestrel Bear (topic)`, false},
		{`"unterminated`, false},
	} {
		if got := chargeAnaphor(c.coref, charges); got != c.want {
			t.Errorf("chargeAnaphor(%q) = %v, want %v", c.coref, got, c.want)
		}
	}
}
