package rules

import (
	"slices"
	"testing"
)

// A sanctions release over several cases, one per section: the actor named
// most is one case's party, and the title and overview name all the cases.
const digestText = "COUNCIL LISTS SIX PARTIES OVER FOUR INTRUSIONS\n\n" +
	"The council listed six people and two companies over Kestrel Bear, BabyShark, SnakeNest and the break-in at the Varnholt Institute.\n\n" +
	"THE CASES\n\n" +
	"- Kestrel Bear: two engineers of a firm in Tarvos.\n" +
	"- BabyShark: Harlow Trading, a company in Pyongyang.\n" +
	"- SnakeNest: GRU Unit 41230.\n\n" +
	"KESTREL BEAR\n\n" +
	"Kestrel Bear spent years inside managed service providers. Kestrel Bear is also tracked as Copper Lantern. " +
	"A PlugX sample was found on a server in Chile.\n\n" +
	"THE RANSOMWARE\n\n" +
	"BabyShark crippled hospitals in Kenya in 2019. Heron Panda was named in the listing.\n\n" +
	"SNAKENEST\n\n" +
	"GRU Unit 41230 was held responsible for SnakeNest, which hit firms in Peru. The unit also wiped servers in Ghana.\n\n" +
	"THE INSTITUTE\n\n" +
	"Four officers of GRU Unit 52118 tried to break into the Varnholt Institute in Oslo. Victims also included a laboratory in Bergen.\n"

func TestDigestScopesTheDominantActorToItsOwnCase(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "DigestKeepsTheDominantActorsOwnSection",
			text: digestText,
			want: []string{"Kestrel Bear -uses-> PlugX"},
			// The other cases' malware and victims, named first in the title
			// and the overview, are not the dominant actor's.
			absent: []string{"Kestrel Bear -uses-> BabyShark", "Kestrel Bear -uses-> SnakeNest",
				"Kestrel Bear -targets-> Kenya", "Kestrel Bear -targets-> Peru", "Kestrel Bear -targets-> Ghana",
				"Kestrel Bear -targets-> Oslo", "Kestrel Bear -targets-> Bergen"},
			// A unit is a party of its own, not an actor the rules give to.
			notFrom: []string{"GRU Unit"}},
		{name: "TimelineWithoutHeadingsIsReadByParagraph",
			// A timeline of cases, one per paragraph, after a lead that names
			// them all.
			text: "Governments name four cases: Kestrel Bear, BabyShark, SnakeNest and the Varnholt break-in\n\n" +
				"In March the council named Kestrel Bear. Kestrel Bear broke into shipping firms. Kestrel Bear is also called Copper Lantern. " +
				"A PlugX sample was found on a server.\n\n" +
				"In April BabyShark crippled hospitals in Kenya. Heron Panda was named in the listing.\n\n" +
				"In May GRU Unit 41230 was held responsible for SnakeNest. Victims included firms in Peru and ports in Ghana.\n\n" +
				"In June officers of GRU Unit 52118 were seen at the Varnholt Institute. Victims also included a laboratory in Bergen.\n",
			want:   []string{"Kestrel Bear -uses-> PlugX"},
			absent: []string{"Kestrel Bear -uses-> BabyShark", "Kestrel Bear -targets-> Peru", "Kestrel Bear -targets-> Ghana"}},
		{name: "DigestSectionOnACompanyIsNotTheDominantActors",
			// A section whose subject is a sanctioned company, not an actor.
			text:   digestText + "\nTHE BROKER\n\nHarlow Trading was listed for selling stolen access. Victims included ports in Namibia.\n",
			want:   []string{"Kestrel Bear -uses-> PlugX"},
			absent: []string{"Kestrel Bear -targets-> Namibia"}},
		{name: "DigestGivesASectionsNamesToItsOwnActor",
			text: digestText,
			want: []string{"Heron Panda -uses-> BabyShark"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestSingleActorReportKeepsItsTopic(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "SectionsWithoutAnActorStayTheReports",
			// A report about one actor whose tool and victim sections name no
			// actor, with one section on another crew: the tools and victims
			// are still the report's actor's.
			text: "Kestrel Bear returns\n\n" +
				"Overview\n\nKestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports.\n\n" +
				"Tooling\n\nThe loader SnakeNest was found on two servers. BabyShark followed a week later.\n\n" +
				"Victims\n\nVictims included ports in Peru and ministries in Ghana.\n\n" +
				"Other crews\n\nHeron Panda was seen the same year. Heron Panda is unrelated.\n",
			want: []string{"Kestrel Bear -uses-> SnakeNest", "Kestrel Bear -uses-> BabyShark",
				"Kestrel Bear -targets-> Peru", "Kestrel Bear -targets-> Ghana"}},
		{name: "TwoAsidesDoNotMakeADigest",
			// Two sections on other parties, but more sections on the actor and
			// on its tools: still one report.
			text: "Kestrel Bear returns\n\n" +
				"Overview\n\nKestrel Bear is an espionage group. Kestrel Bear was active in May.\n\n" +
				"Tooling\n\nThe loader SnakeNest was found on two servers.\n\n" +
				"Victims\n\nVictims included ports in Peru.\n\n" +
				"Infrastructure\n\nKestrel Bear rented servers in May.\n\n" +
				"Other crews\n\nHeron Panda was seen the same year.\n\n" +
				"Units\n\nGRU Unit 41230 was seen in 2020.\n",
			want: []string{"Kestrel Bear -uses-> SnakeNest", "Kestrel Bear -targets-> Peru"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
