package rules

import "testing"

// kindsLists are the pack lists that make the kinds of victim of a list.
const kindsLists = `
lists:
  rel_people_heads: [activists, officials, defectors, journalists]
  rel_sector_heads: [companies, firms, organisations, firm]
  rel_sector_words: [engineering, government]
  rel_not_modifiers: [include, included, are, were]
  rel_victim_participles: [affected, compromised]
`

// The members of a victim list that no gazetteer knows become sectors of
// the same source when they are kinds of victim.
func TestCoordinatedKindsOfVictim(t *testing.T) {
	p := packOf(t, kindsLists+coordPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"people and organisations named by their kind",
			"Kestrel Bear hit banks, defectors, human rights activists and state-owned companies.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> defectors [t.hit]",
				"Kestrel Bear -targets-> human rights activists [t.hit]",
				"Kestrel Bear -targets-> state-owned companies [t.hit]"}},
		{"members before the sector the rule reached",
			"Kestrel Bear hit Peru, local officials, defectors and banks.",
			[]string{"Kestrel Bear -targets-> Peru [t.hit]", "Kestrel Bear -targets-> local officials [t.hit]",
				"Kestrel Bear -targets-> defectors [t.hit]", "Kestrel Bear -targets-> banks [t.hit]"}},
		{"a sector word as a member, and 'as well as'",
			"Kestrel Bear hit banks and engineering, as well as pro-democracy activists.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> engineering [t.hit]",
				"Kestrel Bear -targets-> pro-democracy activists [t.hit]"}},
		{"a bare organisation head is no kind",
			"Kestrel Bear hit banks, companies and think tanks.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> think tanks [t.hit]"}},
		{"a member a mention modifies is that mention's kind, not a new one",
			"Kestrel Bear hit think tanks, Peru officials and banks.",
			[]string{"Kestrel Bear -targets-> think tanks [t.hit]"}},
		{"a name no rule knows modifies the member",
			"Kestrel Bear hit banks, the Ruritanian government and journalists.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a victim the text has in mind is no kind",
			"Kestrel Bear hit banks, the affected companies and the regional firm.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"no conjunction, no list",
			"Kestrel Bear hit banks, journalists.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]"}},
		{"a word that is no kind ends nothing but is passed over",
			"Kestrel Bear hit banks, video game consoles and journalists.",
			[]string{"Kestrel Bear -targets-> banks [t.hit]", "Kestrel Bear -targets-> journalists [t.hit]"}},
		{"only beside a sector target",
			"Kestrel Bear hit Peru, journalists and Chile.",
			[]string{"Kestrel Bear -targets-> Peru [t.hit]", "Kestrel Bear -targets-> Chile [t.hit]"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
