package rules

import (
	"slices"
	"testing"
)

func TestTopicAttackerBody(t *testing.T) {
	lead := "Ministers say Valdoria's spy service hacked the senate\n\n" +
		"Officials in Portugal said on Monday that Valdoria's Ministry of State Security was behind the attack on the senate network.\n\n"
	victims := "Investigators said the email servers of two ports and several hospitals in Portugal were also breached in March.\n\n"
	more := "The Ministry of State Security has not commented. A spokesman for the Ministry of State Security later denied everything.\n\n"
	checkTopic(t, []topicCase{
		{name: "a body blamed for an attack is the topic of the victims listed later",
			text: lead + victims + more,
			want: []string{"Ministry of State Security -targets-> hospitals"}},
		{name: "a body named only as a defender is no topic",
			text: "Ministers say the senate was hacked\n\n" +
				"Officials in Portugal said on Monday that the FBI was investigating the attack on the senate network.\n\n" +
				victims + "The FBI has not commented. A spokesman for the FBI later declined to say more.\n\n",
			notFrom: []string{"FBI"}},
		{name: "a body never blamed is no topic",
			text: "Ministers say the senate was hacked\n\n" +
				"Officials in Portugal said on Monday that the Ministry of Foreign Affairs had been told of the attack on the senate network.\n\n" +
				victims + "The Ministry of Foreign Affairs has not commented. A spokesman for the Ministry of Foreign Affairs later declined to say more.\n\n",
			notFrom: []string{"Ministry of Foreign Affairs"}},
		{name: "a body that modifies an attack noun is its victim",
			text: "Ministers say the senate was hacked\n\n" +
				"No government has ascribed the Ministry of Finance breach to anyone.\n\n" +
				victims + "The Ministry of Finance has not commented. A spokesman for the Ministry of Finance later declined to say more.\n\n",
			notFrom: []string{"Ministry of Finance"}},
		{name: "a denied blame is no blame",
			text: "Ministers say the senate was hacked\n\n" +
				"There is no evidence that the Ministry of State Security was behind the attack on the senate network.\n\n" +
				victims + more,
			notFrom: []string{"Ministry of State Security"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}

// Each shape that presents a body as an attacker makes it the topic of the
// victims listed later; the negatives make it none.
func TestTopicAttackerBodyShapes(t *testing.T) {
	victims := "\n\nInvestigators said the email servers of two ports and several hospitals in Portugal were also breached in March.\n\n" +
		"The Ministry of State Security has not commented. A spokesman for the Ministry of State Security later denied everything.\n\n"
	var cases []topicCase
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Portugal blamed the Ministry of State Security for the intrusion.", true},
		{"The intrusion was the work of hackers working for the Ministry of State Security.", true},
		{"Two reports ascribed the breach to the Ministry of State Security.", true},
		{"The Ministry of State Security, a hacking unit of sorts, sent the lures.", true},
		{"A delegation was sent to the Ministry of State Security after the attack.", false},
		{"The Ministry of State Security was behind the new law.", false},
		{"Portugal never blamed the Ministry of State Security for the intrusion.", false},
	} {
		tc := topicCase{name: c.text, text: "Senate hack in Portugal\n\n" + c.text + victims}
		if c.want {
			tc.want = []string{"Ministry of State Security -targets-> hospitals"}
		} else {
			tc.notFrom = []string{"Ministry of State Security"}
		}
		cases = append(cases, tc)
	}
	checkTopic(t, cases, defaultTopicRelations, slices.Contains[[]string])
}

// A list whose intro names a body the text presents as an attacker lists
// that body's victims, as an actor's.
func TestListIntroAttackerBody(t *testing.T) {
	lead := "Senate hack in Portugal\n\nPortugal blamed the Ministry of State Security for the intrusion into the senate.\n\n" +
		"Kestrel Bear sent the lures. Kestrel Bear is a crew. Kestrel Bear was seen in 2021.\n\n"
	checkTopic(t, []topicCase{
		{name: "the intro's attacker body",
			text: lead + "The Ministry of State Security also targeted:\n\n- ports in Spain\n- hospitals\n",
			want: []string{"Ministry of State Security -targets-> hospitals"}},
		{name: "a defender body in the intro is no source",
			text:    lead + "The FBI also warned:\n\n- ports in Spain\n- hospitals\n",
			notFrom: []string{"FBI"}},
	}, allRelations, slices.Contains[[]string])
}

// Charged persons named in a sentence that names no actor are its
// victims' source, in a paragraph that names the group they ran too.
func TestChargedPersonsSentenceInActorParagraph(t *testing.T) {
	lead := "APT41 and the Tollgate case\n\nAPT41 is a prolific crew. APT41 mixes crime and espionage.\n\n"
	checkTopic(t, []topicCase{
		{name: "the sentence that names the charged persons",
			text: lead + "In 2020 prosecutors charged three executives of Tollgate Labs with running APT41. " +
				"The three men, Li Wen, Zhao Ming and Chen Bo, were accused of breaking into more than 100 firms abroad, " +
				"from video game developers to telecommunications providers and universities.\n",
			want: []string{"Li Wen -targets-> telecommunications providers", "Chen Bo -targets-> universities",
				"APT41 -targets-> universities"}},
		{name: "a sentence that names the actor too stays the actor's",
			text: lead + "In 2020 prosecutors charged Li Wen, Zhao Ming and Chen Bo. " +
				"APT41 broke into more than 100 firms abroad, from telecommunications providers to universities, " +
				"the indictment of Li Wen said.\n",
			notFrom: []string{"Li Wen", "Chen Bo"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
