package rules

import (
	"slices"
	"testing"
)

const kestrelIntro = "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
	"Kestrel Bear also wrote two loaders in 2023.\n"

func TestTopicSkipsPlacesThatStandForTheirGovernment(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "an adverb between the place and its verb",
			text:   kestrelIntro + "\n## Victims\n\nOslo also said it would leave the talks.\n",
			absent: []string{"Kestrel Bear -targets-> Oslo"}},
		{name: "the doer of an infinitive after a verb of causing",
			text: kestrelIntro + "The intrusions that taught Lisbon to distrust phishing hit ports in Chile.\n",
			want: []string{"Kestrel Bear -targets-> Chile"}, absent: []string{"Kestrel Bear -targets-> Lisbon"}},
		{name: "the recipient after a verb of giving",
			text:   kestrelIntro + "Kestrel Bear reached the intercept systems, offering Moscow a view of the wiretaps.\n",
			absent: []string{"Kestrel Bear -targets-> Moscow"}},
		{name: "a place after a preposition still counts",
			text: kestrelIntro + "The attacks hit ports in Chile and Peru later said nothing.\n",
			want: []string{"Kestrel Bear -targets-> Chile"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestTopicSkipsPlacesQualifyingNoVictim(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "a clue and a lure's subject",
			text: kestrelIntro + "The phishing lures dealt with Peruvian politics, and the phishing report put the Lima hint before readers.\n" +
				"The phishing lures reached ministries in Chile.\n" +
				"The espionage focuses on sectors that line up with Quito's five-year economic plans.\n" +
				"The phishing may have come from one of several Bolivian teams.\n",
			want: []string{"Kestrel Bear -targets-> Chile"},
			absent: []string{"Kestrel Bear -targets-> Lima", "Kestrel Bear -targets-> Peruvian", "Kestrel Bear -targets-> Quito",
				"Kestrel Bear -targets-> Bolivian", "Kestrel Bear -targets-> Bolivia"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestTopicFrameSkipsEmployersAndCitations(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "a writer's employer after for",
			text: kestrelIntro + "Ana Torres writes about espionage against civil society for Corvane Labs.\n" +
				"The espionage against Pellmark Systems Inc. lasted a year.\n",
			want:   []string{"Kestrel Bear -targets-> Pellmark Systems Inc."},
			absent: []string{"Kestrel Bear -targets-> Corvane Labs"}},
		{name: "a table cell citing a source and a date",
			text:   kestrelIntro + "\n## Who was hit\n\n| Item | Detail |\n| Victim | Pellmark Systems Inc. |\n| Source | Corvane Labs, June 2021 |\n",
			want:   []string{"Kestrel Bear -targets-> Pellmark Systems Inc."},
			absent: []string{"Kestrel Bear -targets-> Corvane Labs"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestCitationDate(t *testing.T) {
	for _, c := range []struct {
		year string
		ok   bool
	}{{"2021", true}, {"1998", true}, {"2120", false}, {"1850", false}, {"20a1", false}, {"202", false}} {
		if isYear(c.year) != c.ok {
			t.Errorf("isYear(%q) = %v", c.year, !c.ok)
		}
	}
}

func TestExploitsTopicSkipsAPatchedFlaw(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "the flaw a patch fixes",
			text: kestrelIntro + "Investigators also found CVE-2023-1111 on the servers.\n" +
				"Vendors urged customers to apply the 2021 CVE-2021-2222 patches.\n",
			want:   []string{"Kestrel Bear -exploits-> CVE-2023-1111"},
			absent: []string{"Kestrel Bear -exploits-> CVE-2021-2222"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

func TestTopicGivesTheGroupsVictimsToNoMember(t *testing.T) {
	text := kestrelIntro + "\nProsecutors charged Li Wen and Zhao Ming with fraud. According to the indictment, the group sent phishing emails to targets that included shipping firms.\n"
	got := allRelations(t, text)
	for _, bad := range []string{"Li Wen -targets-> shipping", "Zhao Ming -targets-> shipping"} {
		if slices.Contains(got, bad) {
			t.Errorf("the group's victim given to a member: %q in %q", bad, got)
		}
	}
	text = kestrelIntro + "\nProsecutors charged Li Wen and Zhao Ming with fraud. According to the indictment, the same crew sent phishing emails to targets that included shipping firms.\n"
	got = allRelations(t, text)
	if !slices.Contains(got, "Li Wen -targets-> shipping") {
		t.Errorf("\"the same crew\" after the charged persons lost their victim: %q", got)
	}
	// A capitalised "Group" in a victim's name is no group subject.
	text = kestrelIntro + "\nProsecutors charged Li Wen and Zhao Ming with fraud. Prosecutors said the men were responsible for intrusions at the Harlow Group and the Ministry of Ports.\n"
	got = allRelations(t, text)
	for _, want := range []string{"Li Wen -targets-> Ministry of Ports", "Zhao Ming -targets-> Ministry of Ports"} {
		if !slices.Contains(got, want) {
			t.Errorf("a victim named ... Group cancelled the persons' later victims: %q not in %q", want, got)
		}
	}
}
