package rules

import (
	"slices"
	"testing"
)

func TestTopicSeatOfTheAttackers(t *testing.T) {
	lead := "Kestrel Bear is a cyber espionage group. Kestrel Bear sends lures to ministries.\n" +
		"Kestrel Bear also wrote two loaders in 2023.\n"
	checkTopic(t, []topicCase{
		{name: "hedged subject before a verb of sitting",
			text: lead + "Researchers say the people at the keyboards are probably working from Minsk.\n",
			want: []string{"Kestrel Bear -located-in-> Minsk"}},
		{name: "fronted participle",
			text: lead + "Based in Tehran, the crew rotates its domains every week.\n",
			want: []string{"Kestrel Bear -located-in-> Tehran"}},
		{name: "victims' seat",
			text:   lead + "Last year the hackers went after three shipping firms based in Ohio.\n",
			absent: []string{"Kestrel Bear -located-in-> Ohio"}},
		{name: "apposition to a company",
			text:   lead + "The lures imitated Harbor Lantern, the logistics group based in Rotterdam.\n",
			absent: []string{"Kestrel Bear -located-in-> Rotterdam"}},
		{name: "fronted participle of a firm",
			text:   lead + "Based in Lisbon, the firm sells routers.\n",
			absent: []string{"Kestrel Bear -located-in-> Lisbon"}},
	}, defaultTopicRelations, slices.Contains[[]string])
}
