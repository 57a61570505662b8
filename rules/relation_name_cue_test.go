package rules

import (
	"slices"
	"testing"
)

// A cue word that opens a capitalised name in lower-case text ("a blog
// calling itself Intrusion Truth") cues no targeting; the same word in
// lower case, or in a title-case headline, still does.
func TestTopicCueInsideANameIsNoCue(t *testing.T) {
	checkTopic(t, []topicCase{
		{name: "a blog's name",
			text: "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
				"Kestrel Bear also wrote two loaders in 2023.\n" +
				"A blog calling itself Intrusion Truth named a small firm in the port city of Tianjin.\n",
			absent: []string{"Kestrel Bear -targets-> Tianjin"}},
		{name: "the word itself",
			text: "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
				"Kestrel Bear also wrote two loaders in 2023.\n" +
				"A blog described one intrusion in the port city of Tianjin.\n",
			want: []string{"Kestrel Bear -targets-> Tianjin"}},
		{name: "an event in title case",
			text: "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
				"Kestrel Bear also wrote two loaders in 2023.\n" +
				"In 2021 the group began Attacks On Tianjin Harbour, as the report calls them.\n",
			want: []string{"Kestrel Bear -targets-> Tianjin"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
