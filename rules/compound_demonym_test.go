package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// A double demonym ("Canadian-American") is a mention of the first
// country, as "China-based" is of China; two country names ("US-China")
// and a demonym before a name no gazetteer holds stay whole.
func TestDoubleDemonymNamesFirstCountry(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, p, []mentionCase{
		{"A Canadian-American man was charged.", []string{"Canadian-American/location=Canada"}},
		{"Li Wen, a Chinese-Canadian national, pleaded guilty.", []string{"Li Wen/person=", "Chinese-Canadian/location=China"}},
		{"The US-China talks stalled.", nil},
		{"A Canadian-Quillish man was charged.", nil},
		// only before a person noun
		{"The Israeli-Palestinian conflict went on.", nil},
		{"A Canadian-American military man was charged.", nil},
	}, func(m extractor.Mention) string { return textType(m) + "=" + m.Canonical })
}
