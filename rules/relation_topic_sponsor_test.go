package rules

import (
	"slices"
	"testing"
)

func TestTopicSponsorOfAnUnnamedGroup(t *testing.T) {
	lead := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also wrote two loaders in 2023.\n"
	checkTopic(t, []topicCase{
		{name: "an unnamed state-backed group is the report's actor",
			text: lead + "Norway's police said the intrusion was the work of a Russian state-backed hacking crew.\n",
			want: []string{"Kestrel Bear -sponsored-by-> Russian"}},
		{name: "a possessive place",
			text: lead + "Analysts blamed Iran's state-sponsored hackers for the outage.\n",
			want: []string{"Kestrel Bear -sponsored-by-> Iran"}},
		{name: "a government statement's actor names no group",
			text:   lead + "The ministry said a Russian state-affiliated actor breached the registry.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Russian"}},
		{name: "an actor named beside it sets the unnamed one apart",
			text:   lead + "The tools pointed to a Chinese state-sponsored group and resembled those of APT10.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Chinese"}},
		{name: "no attacker after the state word",
			text:   lead + "The lures imitated Norwegian state-run media.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Norwegian"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestTopicSponsorOfUnnamedAttackers(t *testing.T) {
	lead := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also wrote two loaders in 2023.\n"
	checkTopic(t, []topicCase{
		{name: "attackers linked to a state",
			text: lead + "Weeks later officials confirmed that hackers linked to Iran had entered two ports.\n",
			want: []string{"Kestrel Bear -sponsored-by-> Iran"}},
		{name: "the owner of the sponsor is not named as one",
			text:   lead + "Officials said cyber actors affiliated with Iran's Ministry of Intelligence stole the files.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Iran"}},
		{name: "a person called an actor",
			text:   lead + "Treasury named a Tehran-based cyber actor affiliated with Iran.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Iran"}},
		{name: "a named actor's sponsor",
			text:   lead + "Officials said hackers linked to Iran, tracked as APT33, had entered two ports.\n",
			absent: []string{"Kestrel Bear -sponsored-by-> Iran"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
