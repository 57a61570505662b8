package rules

import (
	"slices"
	"testing"
)

// A release over several cases whose parties are a company, a unit and
// charged officers, none of them a named threat actor.
const partyDigestText = "COUNCIL LISTS FIVE PARTIES OVER THREE CASES\n\n" +
	"The council listed three people, a company and a unit over three intrusions.\n\n" +
	"THE BROKER\n\n" +
	"SnakeNest, the wiper that spread in 2019, crippled hospitals in Kenya. " +
	"The council said Harlow Trading Co. had supported the operation, among them the theft from Kelda Shipping Group and the attack on Ostmark Media Group.\n\n" +
	"THE UNIT\n\n" +
	"The Ministry of Defence of Tarvosia, which runs the army's signals units, was held responsible for the attacks on the Varnholt Institute in 2016.\n\n" +
	"THE OFFICERS\n\n" +
	"Three GRU officers, Ivan Belov, Pavel Orlov and Oleg Zorin, were listed.\n\n" +
	"THE BREAK-IN\n\n" +
	"In May 2018 the three officers tried to break into the network of the Tarvos Institute from a car.\n"

// partyRelations runs the default pack and returns the relations of the
// party rule (rel.targets.party-subject), which carries its own id so
// eval's per-rule counts tell it from the topic rules.
func partyRelations(t *testing.T, text string) []string {
	t.Helper()
	return defaultRelationsWith(t, text, "[rel.targets.party-subject")
}

func TestPartySubjectOwnsItsCase(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "CompanyAfterTheSpeaker",
			text: partyDigestText,
			// ("the attack on Ostmark Media Group" is a sentence rule's.)
			want: []string{"Harlow Trading Co. -targets-> Kelda Shipping Group"},
			// The speaker is no party.
			notFrom: []string{"The council", "council"}},
		{name: "BodyHeldResponsible",
			text: partyDigestText,
			want: []string{"Ministry of Defence of Tarvosia -targets-> Varnholt Institute"}},
		{name: "OfficersChargedTogether",
			text: partyDigestText,
			want: []string{"Ivan Belov -targets-> Tarvos Institute", "Pavel Orlov -targets-> Tarvos Institute",
				"Oleg Zorin -targets-> Tarvos Institute"}},
		{name: "ReporterIsNoParty",
			// A vendor that reports the attacks is not their author.
			text: "Northwind Labs observed attacks on Varn Bank and the breach of Ostmark Media in 2023.\n\n" +
				"Northwind Labs reported the intrusions at Tarvos Shipping to the police.\n",
			notFrom: []string{"Northwind Labs"}},
		{name: "VictimIsNoParty",
			text:    "Varn Bank was breached in March. Ostmark Media was hacked later, after the attack on Tarvos Shipping.\n",
			notFrom: []string{"Varn Bank", "Ostmark Media"}},
		{name: "AnActorsVictimsStayItsOwn",
			// Harlow Trading Co. opens the sentence but an actor named before
			// the victims is their author.
			text:   "Harlow Trading Co. supported Copper Heron, whose attacks on Varn Bank lasted a year.\n",
			absent: []string{"Harlow Trading Co. -targets-> Varn Bank"}},
	}, partyRelations, slices.Contains[[]string])
}

// A one-actor report keeps its relations: the actor's block is no party's.
func TestPartySubjectLeavesOneActorReports(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "ActorBlock",
			text: "Kestrel Bear is a cyber espionage group. Kestrel Bear sends spear-phishing lures to ministries.\n\n" +
				"Kestrel Bear also compromised two think tanks in 2023. Harlow Trading Co. supported the attacks on Varn Bank.\n",
			notFrom: []string{"Harlow Trading Co."}},
	}, partyRelations, slices.Contains[[]string])
}

// A vendor, the police or a reporter doing its own work around a breach,
// and a victim named as the subject, are no attackers (review 14c).
func TestPartySubjectRoutineWorkIsNoAttack(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "PatchAfterTheBreach",
			text:   "Northwind Labs deployed emergency patches after the breach of the Ministry of Ports.\n",
			absent: []string{"Northwind Labs -targets-> Ministry of Ports"}},
		{name: "ConductedTheInvestigation",
			text:   "Northwind Labs conducted the investigation into the breach of Kelda Shipping Group.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "SupportedTheInvestigation",
			text:   "Northwind Labs supported the investigation into the attack on Kelda Shipping Group.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "AccessedDuringTakedown",
			text:   "Northwind Labs accessed the servers of Kelda Shipping Group during the takedown.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "HeldResponsibleForTheResponse",
			text:   "Northwind Labs was held responsible for the response to the breach at Kelda Shipping Group.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "AttackedTheProblem",
			text:   "The council said Northwind Labs attacked the problem after the breach of Kelda Shipping Group.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "PassiveAfterAnAdverb",
			text:   "Harlow Trading Co. was allegedly targeted in the same campaign as the breach of Kelda Shipping Group.\n",
			absent: []string{"Harlow Trading Co. -targets-> Kelda Shipping Group"}},
		{name: "VictimInApposition",
			text:   "Harlow Trading Co., hacked in 2014, supported the theft from Kelda Shipping Group.\n",
			absent: []string{"Harlow Trading Co. -targets-> Kelda Shipping Group"}},
		{name: "BlameIsNoAttack",
			// a reporter's verb that was once in rel_party_acts
			text:   "Northwind Labs blamed the breach of Kelda Shipping Group on insiders.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
		{name: "ReporterVerbsInTheList",
			// a verb in rel_party_acts, about someone else's attack
			text:   "Northwind Labs facilitated interviews about the attack on Kelda Shipping Group.\n",
			absent: []string{"Northwind Labs -targets-> Kelda Shipping Group"}},
	}, partyRelations, slices.Contains[[]string])
}

// The party rule's relations carry its own id, not a topic rule's: eval's
// per-rule counts tell the two mechanisms apart.
func TestPartySubjectHasItsOwnRule(t *testing.T) {
	text := "The council said Harlow Trading Co. had supported the theft from Kelda Shipping Group.\n"
	want := "Harlow Trading Co. -targets-> Kelda Shipping Group"
	if got := partyRelations(t, text); !slices.Contains(got, want) {
		t.Fatalf("missing %q from rel.targets.party-subject in %v", want, got)
	}
	if got := defaultRelationsWith(t, text, "[rel.targets.topic"); slices.Contains(got, want) {
		t.Fatalf("%q labelled with a topic rule id: %v", want, got)
	}
}
