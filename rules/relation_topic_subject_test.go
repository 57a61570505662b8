package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestSubjectTopicGivesACampaignReportsVictimsToTheCampaign(t *testing.T) {
	text := "Operation Night Bell: a year of quiet break-ins\n\n" +
		"Operation Night Bell compromised seventy organisations in 2024. Investigators first saw Operation Night Bell in March.\n\n" +
		"The operation relied on PlugX and exploited CVE-2023-3519. The intrusions also reached ministries in Ghana.\n\n" +
		"Who was hit\n\nVictims included ports in Kenya. A telecom operator in Oman was breached.\n\n" +
		"Researchers later found Operation Night Bell had also used Cobalt Strike. A Kestrel Bear report mentioned Operation Night Bell once.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Operation Night Bell -exploits-> CVE-2023-3519", "Operation Night Bell -targets-> Kenya",
		"Operation Night Bell -targets-> Oman"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Kestrel Bear -targets->") {
			t.Errorf("an actor named once got the campaign's victims: %q", got)
		}
	}
}

func TestSubjectTopicGivesARansomwareReportsVictimsAndToolsToTheFamily(t *testing.T) {
	text := "How Ember Moth ransomware shut a city library\n\n" +
		"Ember Moth ransomware hit the Harwick City Library in May. The library paid nothing.\n\n" +
		"Who is behind it?\n\n" +
		"Ember Moth appeared in 2023. Its victims have included schools and hospitals in Ohio. " +
		"Analysts saw Ember Moth deploy its encryptor after a week. " +
		"Some vendors tie the affiliate behind those attacks to Kestrel Bear. " +
		"The advisory on Ember Moth described the use of Cobalt Strike and TrickBot.\n"
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range topicRelations(t, p, text) {
		got = append(got, r[:strings.Index(r, " [")])
	}
	// "Its victims" is the family's, not the actor of the section's.
	for _, want := range []string{"Ember Moth -targets-> Ohio", "Ember Moth -uses-> Cobalt Strike"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, r := range got {
		if strings.HasPrefix(r, "Kestrel Bear") || r == "Ember Moth -uses-> TrickBot" {
			t.Errorf("unexpected %q in %q", r, got)
		}
	}
}

func TestSubjectTopicYieldsToAnActorNamedHalfAsOften(t *testing.T) {
	// The family leads the title, but the crew is named half as often: the
	// report is the crew's too, and the family takes no leftover victims.
	text := "Ember Moth ransomware returns\n\n" +
		"Ember Moth was seen again in May. Ember Moth encrypts files. Ember Moth deletes backups. Ember Moth is sold as a service. " +
		"Ember Moth is old.\n\n" +
		"Kestrel Bear runs it. Kestrel Bear was active in May. Kestrel Bear is a crew.\n\n" +
		"Who was hit\n\nVictims included ports in Kenya.\n"
	got := defaultTopicRelations(t, text)
	if slices.Contains(got, "Ember Moth -targets-> Kenya") {
		t.Errorf("the family took the victims of a report whose actor is named half as often: %q", got)
	}
}

func TestSubjectTopicTakesTheFamilyNamedMostWhenTheTitleNamesNone(t *testing.T) {
	// A takedown release whose title names the police, not the family: the
	// family named most (the share a dominant actor needs) is the subject.
	text := "Police dismantle a ransomware service\n\n" +
		"Investigators seized the servers of the Ember Moth ransomware in May. Ember Moth had been active since 2021. " +
		"Ember Moth affiliates demanded 20 million dollars. Ember Moth is now offline.\n\n" +
		"Who was hit\n\nVictims included school districts in Ohio and hospitals in Kenya.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Ember Moth -targets-> Kenya") {
		t.Errorf("the family named most lost its victims: %q", got)
	}
}

func TestTitledSubjectOutweighsAnActorNamedInPassing(t *testing.T) {
	// The title names the family, a paragraph on vendors' names cites the
	// actor that overlaps with it: the victims are the family's.
	text := "Ember Moth ransomware in Chilean ports: what the logs showed\n\n" +
		"Ember Moth ransomware was found in May. Ember Moth encrypts files. Ember Moth deletes backups. " +
		"Ember Moth spreads over shares. Ember Moth leaves a note. Ember Moth asks for bitcoin. Ember Moth is fast.\n\n" +
		"Names\n\nKestrel Bear overlaps with the operators. Kestrel Bear is a crew. Kestrel Bear was seen in 2020.\n\n" +
		"Who was hit\n\nVictims included ports in Chile and hospitals in Kenya.\n"
	got := defaultTopicRelations(t, text)
	if !slices.Contains(got, "Ember Moth -targets-> Kenya") {
		t.Errorf("the title's family lost the victims: %q", got)
	}
	if slices.Contains(got, "Kestrel Bear -targets-> Kenya") {
		t.Errorf("the actor named in passing took the victims: %q", got)
	}
}

func TestParagraphOnAnotherActorKeepsItsTools(t *testing.T) {
	// A report about Kestrel Bear; one paragraph is about Heron Panda: the
	// backdoor that paragraph names is Heron Panda's, the one after is the
	// report's actor's.
	text := "Kestrel Bear returns\n\n" +
		"Kestrel Bear is an espionage group. Kestrel Bear was active in May. Kestrel Bear hit ports. Kestrel Bear is old.\n\n" +
		"A different crew, Heron Panda, was seen the same year. BabyShark was found on two servers.\n\n" +
		"Toolkit\n\nThe loader SnakeNest was found on servers in Peru.\n"
	got := defaultTopicRelations(t, text)
	for _, want := range []string{"Heron Panda -uses-> BabyShark", "Kestrel Bear -uses-> SnakeNest"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	if slices.Contains(got, "Kestrel Bear -uses-> BabyShark") {
		t.Errorf("the report's actor took the tool of a paragraph on another: %q", got)
	}
}

func TestSubjectTopicLeavesAnUnnamedActorsVictims(t *testing.T) {
	// A report on a backdoor that speaks of "the actor" behind it: the
	// targets listed right after are the actor's, not the backdoor's.
	text := "Ember Moth ransomware on edge devices\n\n" +
		"Ember Moth ransomware was found in May. Ember Moth encrypts files. Ember Moth deletes backups.\n\n" +
		"## A larger campaign\n\nThe ministry was one victim among many:\n\n" +
		"- The actor knew about the flaw for months. In that window alone it infected 900 devices.\n" +
		"- Its targets included dozens of governments and companies in the defence industry in Chile.\n" +
		"- Ember Moth was installed later.\n"
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range topicRelations(t, p, text) {
		if strings.HasPrefix(r, "Ember Moth -targets->") {
			t.Errorf("the unnamed actor's victims given to the family: %q", r)
		}
	}
}
