package rules

import "testing"

func TestReducedRelativeInApposition(t *testing.T) {
	cases := []struct {
		text      string
		want, not []string
	}{
		// The relative clause after the reduced one is the named campaign's.
		{"Kaspersky described Quillbane as a successor to Red October, a campaign it had exposed in early 2013 that spied on embassies in Peru.",
			[]string{"Red October -targets-> embassies"}, []string{"Kaspersky -targets-> embassies"}},
		{"Analysts compared it to Red October, a campaign Northwind Labs exposed in 2013 that spied on embassies in Peru.",
			[]string{"Red October -targets-> embassies"}, []string{"Northwind Labs -targets-> embassies"}},
		// No relative pronoun: the name is the subject of its own verb.
		{"Kestrel Bear, the crew Northwind Labs tracks, hit banks in Peru.",
			[]string{"Kestrel Bear -targets-> banks"}, nil},
	}
	for _, c := range cases {
		got := allRelations(t, c.text)
		checkWantNot(t, c.text, got, c.want, c.not)
	}
}
