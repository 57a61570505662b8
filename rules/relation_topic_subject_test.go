package rules

import (
	"slices"
	"testing"
)

func TestSubjectTopic(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "SubjectTopicGivesACampaignReportsVictimsToTheCampaign",
			text: "Operation Night Bell: a year of quiet break-ins\n\n" +
				"Operation Night Bell compromised seventy organisations in 2024. Investigators first saw Operation Night Bell in March.\n\n" +
				"The operation relied on PlugX and exploited CVE-2023-3519. The intrusions also reached ministries in Ghana.\n\n" +
				"Who was hit\n\nVictims included ports in Kenya. A telecom operator in Oman was breached.\n\n" +
				"Researchers later found Operation Night Bell had also used Cobalt Strike. A Kestrel Bear report mentioned Operation Night Bell once.\n",
			want: []string{"Operation Night Bell -exploits-> CVE-2023-3519", "Operation Night Bell -targets-> Kenya",
				"Operation Night Bell -targets-> Oman"},
			// An actor named once does not get the campaign's victims.
			notFrom: []string{"Kestrel Bear -targets->"}},
		{name: "SubjectTopicYieldsToAnActorNamedHalfAsOften",
			// The family leads the title, but the crew is named half as often: the
			// report is the crew's too, and the family takes no leftover victims.
			text: "Ember Moth ransomware returns\n\n" +
				"Ember Moth was seen again in May. Ember Moth encrypts files. Ember Moth deletes backups. Ember Moth is sold as a service. " +
				"Ember Moth is old.\n\n" +
				"Kestrel Bear runs it. Kestrel Bear was active in May. Kestrel Bear is a crew.\n\n" +
				"Who was hit\n\nVictims included ports in Kenya.\n",
			absent: []string{"Ember Moth -targets-> Kenya"}},
		{name: "SubjectTopicTakesTheFamilyNamedMostWhenTheTitleNamesNone",
			// A takedown release whose title names the police, not the family: the
			// family named most (the share a dominant actor needs) is the subject.
			// ("quarries", no sector the victim rules know, leaves the list to the topic.)
			text: "Police dismantle a ransomware service\n\n" +
				"Investigators seized the servers of the Ember Moth ransomware in May. Ember Moth had been active since 2021. " +
				"Ember Moth affiliates demanded 20 million dollars. Ember Moth is now offline.\n\n" +
				"Who was hit\n\nVictims included quarries in Ohio and hospitals in Kenya.\n",
			want: []string{"Ember Moth -targets-> Kenya"}},
		{name: "TitledSubjectOutweighsAnActorNamedInPassing",
			// The title names the family, a paragraph on vendors' names cites the
			// actor that overlaps with it: the victims are the family's.
			text: "Ember Moth ransomware in Chilean ports: what the logs showed\n\n" +
				"Ember Moth ransomware was found in May. Ember Moth encrypts files. Ember Moth deletes backups. " +
				"Ember Moth spreads over shares. Ember Moth leaves a note. Ember Moth asks for bitcoin. Ember Moth is fast.\n\n" +
				"Names\n\nKestrel Bear overlaps with the operators. Kestrel Bear is a crew. Kestrel Bear was seen in 2020.\n\n" +
				"Who was hit\n\nVictims included ports in Chile and hospitals in Kenya.\n",
			want:   []string{"Ember Moth -targets-> Kenya"},
			absent: []string{"Kestrel Bear -targets-> Kenya"}},
		{name: "ParagraphOnAnotherActorKeepsItsTools",
			// A report about Kestrel Bear; one paragraph is about Heron Panda: the
			// backdoor that paragraph names is Heron Panda's, the one after is the
			// report's actor's.
			text: "Kestrel Bear returns\n\n" +
				"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports. Kestrel Bear is old.\n\n" +
				"A different crew, Heron Panda, was seen the same year. BabyShark was found on two servers.\n\n" +
				"Toolkit\n\nThe loader SnakeNest was found on servers in Peru.\n",
			want:   []string{"Heron Panda -uses-> BabyShark", "Kestrel Bear -uses-> SnakeNest"},
			absent: []string{"Kestrel Bear -uses-> BabyShark"}},
	}, defaultTopicRelations, slices.Contains[[]string])

	// These look at every relation, not only the topic fallback's.
	checkTopic(t, []topicCase{
		{name: "SubjectTopicGivesARansomwareReportsVictimsAndToolsToTheFamily",
			text: "How Ember Moth ransomware shut a city library\n\n" +
				"Ember Moth ransomware hit the Harwick City Library in May. The library paid nothing.\n\n" +
				"Who is behind it?\n\n" +
				"Ember Moth appeared in 2023. Its victims have included schools and hospitals in Ohio. " +
				"Analysts saw Ember Moth deploy its encryptor after a week. " +
				"Some vendors tie the affiliate behind those attacks to Kestrel Bear. " +
				"The advisory on Ember Moth described the use of Cobalt Strike and TrickBot.\n",
			// "Its victims" is the family's, not the actor of the section's.
			want:    []string{"Ember Moth -targets-> Ohio", "Ember Moth -uses-> Cobalt Strike"},
			absent:  []string{"Ember Moth -uses-> TrickBot"},
			notFrom: []string{"Kestrel Bear"}},
		{name: "SubjectTopicLeavesAnUnnamedActorsVictims",
			// A report on a backdoor that speaks of "the actor" behind it: the
			// targets listed right after are the actor's, not the backdoor's.
			text: "Ember Moth ransomware on edge devices\n\n" +
				"Ember Moth ransomware was found in May. Ember Moth encrypts files. Ember Moth deletes backups.\n\n" +
				"## A larger campaign\n\nThe ministry was one victim among many:\n\n" +
				"- The actor knew about the flaw for months. In that window alone it infected 900 devices.\n" +
				"- Its targets included dozens of governments and companies in the defence industry in Chile.\n" +
				"- Ember Moth was installed later.\n",
			notFrom: []string{"Ember Moth -targets->"}},
	}, allRelations, slices.Contains[[]string])
}
