package rules

import "testing"

func TestPreferTopicChooser(t *testing.T) {
	checkChooser(t, "prefer-topic", corefRelations, []chooserCase{
		{name: "its before an actor noun is the actor in focus, not the malware",
			text: "Cobalt Mantis is a Chinese espionage group. Cobalt Mantis mainly targets shipping firms. " +
				"In 2023 the group deployed RedVine, a backdoor written in Go. RedVine talks to Telegram channels. " +
				"Its victims include port operators in Kenya.",
			want:    `Cobalt Mantis -targets-> Kenya | "Its" → Cobalt Mantis`,
			without: `RedVine -targets-> Kenya`},
	})
}

func TestTopicFallbackChooser(t *testing.T) {
	checkChooser(t, "topic-fallback", corefRelations, []chooserCase{
		{name: "they with no actor in reach is the report's actor",
			text: "APT41 is a Chinese group. APT41 hit telecoms in Asia. APT41 used ShadowPad.\n\n" +
				"Mandiant published a report in May. Its authors met in June. The authors wrote in July. Reviews came in August.\n\n" +
				"They attacked ports in Ghana.\n",
			want:    `APT41 -targets-> Ghana | "They" → APT41 (topic)`,
			without: `APT41 -targets-> Ghana | report on APT41 (topic)`},
	})
}

func TestCataphoricPeopleChooser(t *testing.T) {
	checkChooser(t, "cataphoric-people", corefRelations, []chooserCase{
		{name: "hackers the report opens on are the operation named after them",
			text: "Hackers compromised Telenor last year, Mandiant said. Mandiant calls the operation Copper Veil.",
			want: `Copper Veil -targets-> Telenor | "Hackers" → Copper Veil`},
	})
}
