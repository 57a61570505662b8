package rules

import (
	"slices"
	"testing"
)

func TestTopicSkipsAnEditorsNote(t *testing.T) {
	lead := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends spear-phishing lures to ministries.\n" +
		"Kestrel Bear also compromised two think tanks in 2023.\n"
	checkTopic(t, []topicCase{
		{name: "publisher, reporter and firms invented",
			text: "Espionage\n\n" + lead + "The Harbour Post, its reporter, the two analysts quoted and their firms (Alder Labs in Seoul " +
				"and Birch Cyber in Pune) are invented.\n",
			absent: []string{"Kestrel Bear -targets-> Seoul", "Kestrel Bear -targets-> Pune",
				"Kestrel Bear -targets-> Alder Labs"}},
		{name: "fictional, under a cue heading",
			text:   "Espionage\n\n" + lead + "The Tidewell Herald, its correspondent and the firms quoted (Corvane Labs in Lisbon) are fictional.\n",
			absent: []string{"Kestrel Bear -targets-> Lisbon"}},
		{name: "invented personas are no note",
			text: lead + "The spear-phishing lures went to diplomats in Lisbon; the senders' personas are invented.\n",
			want: []string{"Kestrel Bear -targets-> Lisbon"}},
		{name: "victims beside a reporter",
			text: lead + "A reporter said the spear-phishing lures went to diplomats in Lisbon.\n",
			want: []string{"Kestrel Bear -targets-> Lisbon"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
