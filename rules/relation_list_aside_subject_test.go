package rules

import "testing"

func TestCoordinatedListEndsBeforeDescribedSubject(t *testing.T) {
	p := packOf(t, coordPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a member described, then a verb, starts a clause",
			"Kestrel Bear hit banks, and Chile, the long coastal country, has warned its ports.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a relative clause, then a verb",
			"Kestrel Bear hit banks, and ports, which reopened in May, were closed again.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a described member with no verb after is still one",
			"Kestrel Bear hit banks, and ports, the main ones, in May.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> ports [t.hit]"}},
		{"a described member at the end of the list",
			"Kestrel Bear hit banks, universities and ports, the main ones.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> universities [t.hit]",
				"Kestrel Bear -targets-> ports [t.hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}

// The default pack's targeting rules read their own lists: a member after
// ", and" that is described and then has a verb of its own is no victim.
func TestTargetListEndsBeforeDescribedSubject(t *testing.T) {
	cases := []struct {
		text      string
		want, not []string
	}{
		{"Kestrel Bear is targeting banks and universities, and the VDA, the industry association of German carmakers, has urged its members to report intrusions.",
			[]string{"Kestrel Bear -targets-> banks", "Kestrel Bear -targets-> universities"}, []string{"Kestrel Bear -targets-> VDA"}},
		{"Kestrel Bear hit banks, and Siemens, the German engineering group, said it was investigating.",
			[]string{"Kestrel Bear -targets-> banks"}, []string{"Kestrel Bear -targets-> Siemens"}},
		// A described member with no verb after it is still a victim.
		{"Kestrel Bear hit banks, and Siemens, the German engineering group.",
			[]string{"Kestrel Bear -targets-> banks", "Kestrel Bear -targets-> Siemens"}, nil},
	}
	for _, c := range cases {
		got := allRelations(t, "Kestrel Bear is a hacking group. "+c.text)
		checkWantNot(t, c.text, got, c.want, c.not)
	}
}
