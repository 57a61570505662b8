package rules

import (
	"slices"
	"strings"
	"testing"
)

// teamPack: kestrelRules, two team names, and a part-of list rule whose
// items are the sources, as rel.part-of.team-list in the default pack.
const teamPack = `
lists:
  relation_negations: [never, not]
  relation_hedges: [likely, suspected]
  team_split_objects: [group, activity]
  team_split_verbs: [split, divided, broken]
  team_split_particles: [up]
  list_each_aside_words: [each]
rules:
` + kestrelRules + `  - id: t.teams
    kind: gazetteer
    type: threat-actor
    entries: [{name: Team Gullwing}, {name: Team Marsh}]
    examples: {match: ["Team Gullwing again."]}
  - id: t.team.list
    kind: topic
    relation: part-of
    source: [threat-actor]
    target: [threat-actor]
    items: source
    intros: ["into two teams", "into three teams"]
    examples: {match: ["Kestrel Bear is busy. Kestrel Bear came back. Acme splits the group into two teams:\n- Team Gullwing: phishing.\n- Team Marsh: exploits.\n"]}
`

func TestTeamListPartOfTheSplitActor(t *testing.T) {
	p := packOf(t, teamPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"bare intro, report's actor",
			"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nAcme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			[]string{"Team Gullwing -part-of-> Kestrel Bear", "Team Marsh -part-of-> Kestrel Bear"}},
		// An aside on how each part is named does not hide the intro.
		{"each aside",
			"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nAcme splits the group into two teams, each named after its favourite malware:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			[]string{"Team Gullwing -part-of-> Kestrel Bear", "Team Marsh -part-of-> Kestrel Bear"}},
		// The actor the sentence before names first is the one split, not
		// the one it was compared with, though the latter was named last.
		{"sentence before names the actor first",
			"Heron Panda is busy. Heron Panda came back. Heron Panda hit ports.\n\nAcme described Kestrel Bear as an umbrella linked to Heron Panda. Acme splits the activity into three teams:\n- Team Gullwing: runs phishing; Acme found a newer version that records audio from the microphone of the machine it runs on.\n- Team Marsh: runs exploits.\n",
			[]string{"Team Gullwing -part-of-> Kestrel Bear", "Team Marsh -part-of-> Kestrel Bear"}},
	}
	for _, c := range cases {
		got := slices.DeleteFunc(listRelations(t, p, c.text), func(s string) bool { return !containsPartOf(s) })
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTeamListNeedsTheIntro(t *testing.T) {
	p := packOf(t, teamPack)
	for _, text := range []string{
		// An aside that names someone is no aside on the parts.
		"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nAcme splits the group into two teams, each run by Heron Panda:\n- Team Gullwing: runs phishing.\n",
		"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nAcme lists its partners:\n- Team Gullwing: runs phishing.\n",
	} {
		for _, r := range listRelations(t, p, text) {
			if containsPartOf(r) {
				t.Errorf("%q: unexpected %s", text, r)
			}
		}
	}
}

func containsPartOf(s string) bool { return strings.Contains(s, "-part-of->") }

// teamTopicPack: teamPack, a uses rule for labelled lines and a uses topic
// rule, so that a team's malware can be seen to stay its group's too.
const teamTopicPack = teamPack + `  - id: t.uses.labelled
    kind: relation
    relation: uses
    source: [threat-actor]
    target: [malware]
    pattern:
      - {slot: source, entity: any}
      - text: ":"
      - lower: runs
      - {slot: target, entity: any}
    examples: {match: ["Team Marsh: runs PlugX."]}
  - id: t.topic
    kind: topic
    relation: uses
    source: [threat-actor]
    target: [malware]
    priority: 25
    examples: {match: ["Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports. BabyShark is a backdoor."]}
`

func TestTeamMalwareStaysTheGroups(t *testing.T) {
	p := packOf(t, teamTopicPack)
	text := "Kestrel Bear hit banks. Kestrel Bear hit shops. Kestrel Bear hit ports.\n\nThe files held a copy of PlugX.\n\n" +
		"Acme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs PlugX.\n"
	got := topicRelations(t, p, text)
	for _, want := range []string{
		"Team Marsh -part-of-> Kestrel Bear [t.team.list]",
		"Team Marsh -uses-> PlugX [t.uses.labelled]",
		"Kestrel Bear -uses-> PlugX [t.topic]",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}

// teamTablePack: a team column (a name rule creating actors) and a targets
// column whose rows may be malware or actors.
const teamTablePack = `
rules:
  - id: t.names
    kind: gazetteer
    entries:
      - {name: PlugX, type: malware}
      - {name: Ministry of Ports, type: government}
    examples: {match: ["PlugX again."]}
  - id: t.team.name
    kind: table
    relation: name
    header: [team, crew]
    create: threat-actor
  - id: t.targets
    kind: table
    relation: targets
    subject: [threat-actor, malware]
    header: [targets]
    cells: [government]
`

func TestTeamColumnKeysAreTeams(t *testing.T) {
	p := packOf(t, teamTablePack)
	text := "| Team | Main malware | Targets |\n|---|---|---|\n| PlugX | PlugX | Ministry of Ports |\n| Redfin | ShadowBolt | Ministry of Ports |\n"
	got := listRelations(t, p, text)
	want := []string{"Redfin -targets-> Ministry of Ports"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (a malware key in a team column names the team)", got, want)
	}
}

// A team list whose intro names no actor falls back on the actor the
// sentence before has as its subject, else on the report's actor; with two
// actors there, "the group" is unresolved and no team is tied to either.
func TestTeamListTwoActorsGiveNoFallback(t *testing.T) {
	p := packOf(t, teamPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"coordinated subject",
			"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nHeron Panda and Kestrel Bear share servers. Acme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			nil},
		{"another actor in the intro's paragraph",
			"Kestrel Bear is busy. Kestrel Bear came back in May. Kestrel Bear hit ports.\n\nHeron Panda was seen in 2021. It was active in Peru. Acme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			nil},
		// one actor as the subject before: that actor, though the
		// sentence names another
		{"one subject",
			"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nHeron Panda shares servers with Kestrel Bear. Acme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			[]string{"Team Gullwing -part-of-> Heron Panda", "Team Marsh -part-of-> Heron Panda"}},
		// the report's actor alone in the paragraph: still the fallback
		{"report's actor alone in the paragraph",
			"Kestrel Bear is busy. Kestrel Bear came back in May.\n\nIn 2021 the crew hit ports. Acme splits the group into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n",
			[]string{"Team Gullwing -part-of-> Kestrel Bear", "Team Marsh -part-of-> Kestrel Bear"}},
	}
	for _, c := range cases {
		got := slices.DeleteFunc(listRelations(t, p, c.text), func(s string) bool { return !containsPartOf(s) })
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// The verb before the intro phrase says which actor is split, whatever
// the tagger makes of it: it tags "split" right after a name at the start
// of a sentence as a noun, and an adverb or a particle may stand between
// "is" and the participle.
func TestTeamListSplitVerbAfterName(t *testing.T) {
	p := packOf(t, teamPack)
	want := []string{"Team Gullwing -part-of-> Kestrel Bear", "Team Marsh -part-of-> Kestrel Bear"}
	for _, intro := range []string{
		"Kestrel Bear split into two teams:",
		"Kestrel Bear is now split into two teams:",
		"Kestrel Bear was later broken up into two teams:",
		"Kestrel Bear has been divided into two teams:",
	} {
		text := "Heron Panda is busy. Heron Panda came back. Heron Panda hit ports.\n\n" + intro +
			"\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n"
		got := slices.DeleteFunc(listRelations(t, p, text), func(s string) bool { return !containsPartOf(s) })
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", intro, got, want)
		}
	}
	// a verb of splitting whose subject is neither an actor nor one of
	// team_split_objects splits nothing
	text := "Heron Panda is busy. Heron Panda came back. Heron Panda hit ports.\n\nThe samples split into two teams:\n- Team Gullwing: runs phishing.\n- Team Marsh: runs exploits.\n"
	if got := slices.DeleteFunc(listRelations(t, p, text), func(s string) bool { return !containsPartOf(s) }); len(got) != 0 {
		t.Errorf("samples split: got %q, want none", got)
	}
}
