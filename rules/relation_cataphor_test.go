package rules

import (
	"strings"
	"testing"
)

// An indefinite actor phrase that a later sentence names ("tracks the crew
// as X") means that actor; one that nothing names, or a description of a
// name before it, stays no anaphor.
func TestIndefiniteActorNamedLater(t *testing.T) {
	text := "A Chinese espionage crew broke into shipping firms in Peru, a report says. " +
		"Northwind Labs tracks the crew as APT41."
	got := corefRelations(t, text)
	if !hasRelation(got, "APT41 -targets-> Peru", `"A Chinese espionage crew" → APT41`) {
		t.Errorf("the crew named after it lost: %q", got)
	}
	// The naming clause may name the intruders, not the same noun.
	text = "Northwind said a Russian state-backed group had broken into some of Siemens's email accounts. " +
		"The company named the intruders APT29."
	if got := corefRelations(t, text); !hasRelation(got, "APT29 -targets-> Siemens", `"a Russian state-backed group" → APT29`) {
		t.Errorf("the group named the intruders lost: %q", got)
	}
	// Nothing names the crew: no relation, and no earlier actor stands in.
	text = "APT28 was named in 2018. A Chinese espionage crew broke into shipping firms in Peru, a report says."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> Peru") {
			t.Errorf("an unnamed crew resolved: %q", r)
		}
	}
	// A sentence that opens on the crew and names it with "is".
	text = "A Chinese espionage crew broke into shipping firms in Peru, a report says. " +
		"The crew is APT41, which others call Barium."
	if got := corefRelations(t, text); !hasRelation(got, "APT41 -targets-> Peru", `"A Chinese espionage crew" → APT41`) {
		t.Errorf("the crew named by a copula lost: %q", got)
	}
	// "is believed to be" names nobody.
	text = "A Chinese espionage crew broke into shipping firms in Peru, a report says. " +
		"The crew is believed to be APT41."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> Peru") && strings.Contains(r, "crew") {
			t.Errorf("a hedged copula named the crew: %q", r)
		}
	}
	// A name that opens a phrase about another party names nobody: "The
	// crew was X's partner", "the crew as X's subgroup", "X or an affiliate".
	for _, text := range []string{
		"A Russian hacking crew broke into shipping firms in Peru last year. The crew was APT41's partner in several operations.",
		"A Russian hacking crew broke into shipping firms in Peru last year. The crew is APT41’s successor, a report says.",
		"A Russian hacking crew broke into shipping firms in Peru last year. Northwind tracks the crew as APT41's subgroup.",
		"A Russian hacking crew broke into shipping firms in Peru last year. The crew was APT41 or a close affiliate.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.HasPrefix(r, "APT41 -targets-> Peru") {
				t.Errorf("a name of another party named the crew: %q in %q", r, text)
			}
		}
	}
	// Too far: the naming clause is more than cataphorSentences away.
	text = "A Chinese espionage crew broke into shipping firms in Peru. One. Two. Three. Northwind tracks the crew as APT41."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> Peru") && strings.Contains(r, "crew") {
			t.Errorf("a naming clause out of reach resolved: %q", r)
		}
	}
}

// The people a report opens on ("Hackers", "the attackers") with nothing
// before them to mean are the campaign a naming clause after them names;
// an actor named before them stays their antecedent.
func TestPeopleNamedLater(t *testing.T) {
	text := "Hackers broke into the update server of Kestrel Systems, the Oslo computer maker, and pushed a backdoor " +
		"to its customers. Northwind Labs calls the operation NightHammer."
	got := corefRelations(t, text)
	if !hasRelation(got, "NightHammer -targets-> Kestrel Systems", `"Hackers" → NightHammer`) {
		t.Errorf("the operation named after the hackers lost: %q", got)
	}
	for _, r := range got {
		if strings.Contains(r, "(topic)") && strings.Contains(r, "NightHammer") {
			t.Errorf("a cataphor marked as a topic fallback: %q", r)
		}
	}
	// An actor named before: the hackers are its people.
	text = "APT41 was busy that spring. Hackers broke into the update server of Kestrel Systems, the Oslo computer maker. " +
		"Northwind Labs calls the operation NightHammer."
	for _, r := range corefRelations(t, text) {
		if strings.HasPrefix(r, "NightHammer -targets->") {
			t.Errorf("the naming clause outranked an actor named before: %q", r)
		}
	}
	// No naming clause: the hackers name nobody.
	text = "Hackers broke into the update server of Kestrel Systems, the Oslo computer maker. Northwind Labs said the attack was contained."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> Kestrel Systems") {
			t.Errorf("unnamed hackers resolved: %q", r)
		}
	}
}

// The co-occurrence rules read the same phrases: "A Chinese espionage crew
// has been running a backdoor inside telecoms ... Northwind tracks the crew
// as APT41" gives APT41 the telecoms, and an unnamed crew gives nothing.
func TestIndefiniteActorNamedLaterCooccur(t *testing.T) {
	text := "A Chinese espionage crew has been quietly running a new backdoor inside telecommunications companies. " +
		"Northwind Labs tracks the crew as APT41."
	got := corefRelations(t, text)
	if !hasRelation(got, "APT41 -targets-> telecommunications companies", `"A Chinese espionage crew" → APT41`) {
		t.Errorf("the crew named after it lost in a co-occurrence: %q", got)
	}
	text = "APT28 was named in 2018. A Chinese espionage crew has been quietly running a new backdoor inside telecommunications companies."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> telecommunications") && strings.Contains(r, "crew") {
			t.Errorf("an unnamed crew resolved: %q", r)
		}
	}
}

// The people of a relative clause of time on a campaign ("Operation X,
// during which intruders broke into A") are the campaign's, not the
// actor the report is about.
func TestWhichClauseCampaign(t *testing.T) {
	text := "APT41 is a Chinese group. APT41 hit telecoms in Asia. In 2019 Cybereason described a campaign it " +
		"named Operation Soft Lantern, during which intruders broke into Vodafone and Telstra. " +
		"In 2020 it described Operation Quiet Loom, in which the attackers compromised Telstra."
	got := corefRelations(t, text)
	for _, want := range []string{
		`Operation Soft Lantern -targets-> Vodafone | "intruders" → Operation Soft Lantern`,
		`Operation Quiet Loom -targets-> Telstra | → Operation Quiet Loom`,
	} {
		if !corefHas(got, want) {
			t.Errorf("missing %s in %q", want, got)
		}
	}
	for _, r := range got {
		if strings.HasPrefix(r, "APT41 -targets-> Vodafone") || strings.HasPrefix(r, "APT41 -targets-> Telstra") {
			t.Errorf("the clause's people went to the report's actor: %q", r)
		}
	}
}

// "Its" in a sentence that opens on an indefinite actor phrase is the
// phrase's: the actor a naming clause gives it, or nobody, never a firm
// named before.
func TestIndefiniteActorOwnsIts(t *testing.T) {
	text := "Harbor Analytics publishes a weekly brief. " +
		"A suspected Chinese state-sponsored hacking crew stepped up its spying on Peru in 2024, a report says. " +
		"Northwind Labs tracks the crew as APT41."
	got := corefRelations(t, text)
	for _, r := range got {
		if strings.HasPrefix(r, "Harbor Analytics -targets->") {
			t.Errorf("its given to the firm named before: %q", r)
		}
	}
	if !hasRelation(got, "APT41 -targets-> Peru", "→ APT41") {
		t.Errorf("its of the crew named after it lost: %q", got)
	}
	// Nothing names the crew: its names nobody.
	text = "Harbor Analytics publishes a weekly brief. " +
		"A suspected Chinese language hacking crew stepped up its spying on Peru in 2024, a report says."
	for _, r := range corefRelations(t, text) {
		if strings.Contains(r, "-targets-> Peru") && strings.Contains(r, `"its"`) {
			t.Errorf("its of an unnamed crew resolved: %q", r)
		}
	}
}

// A campaign described in one sentence and named in an apposition on "the
// campaign" in the next carries the described activity; so does an actor
// named in an apposition on "the crew". A description without a naming
// participle names nothing.
func TestIndefiniteCampaignNamedByApposition(t *testing.T) {
	cases := []struct{ text, want, how string }{
		{"An Indian espionage campaign has targeted shipping firms in Peru since 2010. " +
			"The campaign, dubbed Operation Hangover, used spear-phishing.",
			"Operation Hangover -targets-> Peru", `"An Indian espionage campaign" → Operation Hangover`},
		{"An Indian espionage campaign has targeted shipping firms in Peru since 2010. " +
			"Researchers dubbed the campaign Operation Hangover.",
			"Operation Hangover -targets-> Peru", `"An Indian espionage campaign" → Operation Hangover`},
		{"A Chinese espionage crew broke into shipping firms in Peru, a report says. " +
			"The crew, which Northwind calls APT41, is new.",
			"APT41 -targets-> Peru", `"A Chinese espionage crew" → APT41`},
		{"A Chinese espionage crew broke into shipping firms in Peru, a report says. " +
			"The crew, known as APT41, is new.",
			"APT41 -targets-> Peru", `"A Chinese espionage crew" → APT41`},
	}
	for _, c := range cases {
		if got := corefRelations(t, c.text); !hasRelation(got, c.want, c.how) {
			t.Errorf("%q: %s lost: %q", c.text, c.want, got)
		}
	}
	for _, text := range []string{
		"An Indian espionage campaign has targeted shipping firms in Peru since 2010. The campaign, like Operation Hangover, used spear-phishing.",
		"A Chinese espionage crew broke into shipping firms in Peru, a report says. The crew, unlike APT41, is new.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.Contains(r, "-targets-> Peru") && (strings.Contains(r, "campaign\" →") || strings.Contains(r, "crew\" →")) {
				t.Errorf("a comparison named the phrase: %q in %q", r, text)
			}
		}
	}
}

// An indefinite actor phrase that a report "describes" with a relative
// clause is the actor the report is about: the topic named before it, or
// the document's dominant actor named later. The past tense looks back on
// another report, and an actor phrase without a clause is some other group.
func TestDescribedActorPhrase(t *testing.T) {
	text := "APT41 was named in 2019. APT41 hit banks. APT41 is busy. " +
		"The report describes a crew that broke into airlines and hospitals in Peru."
	if got := corefRelations(t, text); !hasRelation(got, "APT41 -targets-> Peru", `"a crew" → APT41`) {
		t.Errorf("the described crew lost: %q", got)
	}
	text = "The report describes a crew that broke into hospitals in Peru. " +
		"Northwind calls it APT41. APT41 is busy. APT41 hit banks."
	if got := corefRelations(t, text); !hasRelation(got, "APT41 -targets-> Peru", `"a crew" → APT41`) {
		t.Errorf("the described crew named later lost: %q", got)
	}
	for _, text := range []string{
		"APT41 was named in 2019. APT41 hit banks. APT41 is busy. In 2015 Kaspersky described a crew that broke into hospitals in Peru.",
		"APT41 was named in 2019. APT41 hit banks. APT41 is busy. The report describes a crew. It broke into hospitals in Peru.",
	} {
		for _, r := range corefRelations(t, text) {
			if strings.Contains(r, `"a crew"`) {
				t.Errorf("a crew read as the topic: %q in %q", r, text)
			}
		}
	}
}

// "team" heads an actor phrase like "crew": "A hacking team working from
// Iran ... tracks the team as X".
func TestIndefiniteTeamNamedLater(t *testing.T) {
	text := "A hacking team working from Iran has compromised hospitals in Peru, Cylance said. " +
		"CrowdStrike tracks the team as Cutting Kitten."
	if got := corefRelations(t, text); !hasRelation(got, "Cutting Kitten -located-in-> Iran", "") {
		t.Errorf("the team named after it lost: %q", got)
	}
}
