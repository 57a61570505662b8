package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// corefRelations runs the default pack and returns its relations as
// "source -type-> target | coref".
func corefRelations(t *testing.T, text string) []string {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, r := range res.Relations {
		out = append(out, fmt.Sprintf("%s -%s-> %s | %s", text[r.Source.Start:r.Source.End], r.Type,
			text[r.Target.Start:r.Target.End], r.Coref))
	}
	return out
}

// hasRelation reports whether got holds a relation starting with rel
// ("A -targets-> B") whose coref note contains note.
func hasRelation(got []string, rel, note string) bool {
	return slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, rel+" |") && strings.Contains(s, note)
	})
}

// corefHas reports whether got holds want, written "A -type-> B | note":
// a relation A -type-> B whose coref note contains note (any without one).
func corefHas(got []string, want string) bool {
	rel, note, _ := strings.Cut(want, " | ")
	return hasRelation(got, rel, note)
}

func TestCorefTopic(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "PossessiveBeforeAnActorNounMeansTheActorNotTheMalware",
			text: "Cobalt Mantis is a Chinese espionage group. Cobalt Mantis mainly targets shipping firms. " +
				"In 2023 the group deployed RedVine, a backdoor written in Go. RedVine talks to Telegram channels. " +
				"Its victims include port operators in Kenya.",
			want:    []string{`Cobalt Mantis -targets-> Kenya | "Its" → Cobalt Mantis`},
			notFrom: []string{"RedVine -targets->"}},
		{name: "ActorPhraseAfterAParagraphOnAnotherActorMeansTheReportsSubject",
			text: "Cobalt Mantis is a Chinese espionage group. Cobalt Mantis mainly targets shipping firms in Asia. " +
				"Cobalt Mantis also deployed RedVine.\n\n" +
				"Analysts compare it with APT34, an Iranian group that also used RedVine against shipping firms in Kenya.\n\n" +
				"In 2024 the group attacked ports in Ghana.\n",
			want:    []string{"Cobalt Mantis -targets-> Ghana | (topic)"},
			notFrom: []string{"APT34 -targets-> Ghana"}},
		{name: "ActorPhraseInTheSameParagraphKeepsTheNearestActor",
			text: "Cobalt Mantis is a Chinese espionage group. Cobalt Mantis mainly targets shipping firms in Asia. " +
				"Cobalt Mantis also deployed RedVine.\n\n" +
				"APT34 is an Iranian group. In 2024 the group attacked ports in Ghana.\n",
			want: []string{`APT34 -targets-> Ghana | "the group" → APT34`}},
		{name: "WithoutADominantActorTheNearestActorStays",
			text: "Cobalt Mantis hit banks. APT34 hit shops.\n\n" +
				"Cobalt Mantis hit ports. APT34 hit mines.\n\n" +
				"In 2024 the group attacked ports in Ghana.\n",
			want: []string{`APT34 -targets-> Ghana | "the group" → APT34`}},
		{name: "ActorPhraseMeaningAUnitTheSlotCannotTakeIsNotTheComparedActor",
			// The report is about a unit typed as a government body; a paragraph
			// compares it with another unit and its actor name. "The unit" of a
			// later paragraph is the report's unit, which an actor-only rule cannot
			// take: it gives nothing rather than the compared actor.
			text: "GRU Unit 29155 ran the wiper attacks. Microsoft tracks Unit 29155 as Cadet Blizzard. Unit 29155 hired civilians. " +
				"Unit 29155 defaced websites. Cadet Blizzard scanned ports.\n\n" +
				"It is separate from Unit 74455 (Sandworm).\n\n" +
				"In her view the unit may have been probing logistics firms in Moldova.\n",
			notFrom: []string{"Sandworm -targets->"}},
		{name: "PossessiveKeepsTheMalwareWhenTheTopicActorIsNamedOnlyAfterIt",
			text: "What is BlackSuit?\n\nBlackSuit appeared in 2023 as a ransomware-as-a-service operation. " +
				"Its victims have included schools, hospitals and manufacturers.\n\n" +
				"Later that year vendors noted overlaps between BlackSuit activity and the older Vice Society operation.\n",
			want:    []string{`BlackSuit -targets-> hospitals | "Its" → BlackSuit`},
			notFrom: []string{"Vice Society -targets->"}},
		{name: "PossessiveTakesAnActorNamedBeforeOverTheMalware",
			// An actor named before the possessive still wins over the malware.
			text: "Vice Society ran extortion sites. BlackSuit appeared in 2023 as its ransomware. " +
				"Its victims have included schools and hospitals.\n",
			want: []string{"Vice Society -targets-> hospitals"}},
	}, corefRelations, corefHas)
}
