package rules

import (
	"strings"
	"testing"
)

func TestBodyDescriptionNamesNobody(t *testing.T) {
	for _, c := range []struct{ text, wrong string }{
		// a restrictive clause: a new body
		{"Researchers at Microsoft found the flaw. The Chinese firm that sold the exploit was not named.", "Microsoft -located-in->"},
		// the reporter, or a body in its apposition, described with a place or kind
		{"Mandiant, a unit of Google, said the attackers used a new backdoor. The Chinese company has repeatedly denied the allegations.", "Google -located-in->"},
		{"Mandiant said APT41 hacked the game studios. The Chinese security company has worked as a contractor for the Ministry of State Security since 2019.", "Mandiant -"},
		{"Google found the exploit chain. The Israeli spyware vendor has worked as a contractor for the Ministry of Defence.", "Google -"},
		{"Harbor Analytics said the intrusions began in May. The Iranian software firm has denied any role.", "Harbor Analytics -located-in->"},
		// an unnamed body with the same head in between
		{"Microsoft tracked the hackers for months. A Chinese security firm was hired by the Ministry of State Security. The Chinese firm has worked as a contractor for the Ministry of State Security since 2019.", "Microsoft -"},
		{"Northwind Labs builds routers. A Dutch company bought a licence last year. The Dutch company later sold it on.", "Northwind Labs -located-in->"},
	} {
		for _, r := range corefRelations(t, c.text) {
			if strings.HasPrefix(r, c.wrong) {
				t.Errorf("description names the body before in %q: %q", c.text, r)
			}
		}
	}
	// A reporter described as it goes on reporting, a body described in
	// apposition, a clause that is not restrictive: the body named before.
	for _, c := range []struct{ text, want, note string }{
		{"Positive Technologies published a report on the intrusions. The Moscow-based company said they began in 2022.",
			"Positive Technologies -located-in-> Moscow-based", "The Moscow-based company"},
		{"ESET disclosed the campaign. On closer inspection, the Bratislava-based vendor concluded the header was forged.",
			"ESET -located-in-> Bratislava-based", "the Bratislava-based vendor"},
		{"Group-IB wrote the report. The Singapore firm, which has offices in Dubai, said no culprit was known.",
			"Group-IB -located-in-> Singapore", "The Singapore firm"},
	} {
		got := corefRelations(t, c.text)
		if !hasRelation(got, c.want, c.note) {
			t.Errorf("%q: want %s (coref %s), got %q", c.text, c.want, c.note, got)
		}
	}
}
