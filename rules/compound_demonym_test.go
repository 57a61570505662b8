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
		// not before other nouns
		{"The Israeli-Palestinian conflict went on.", nil},
		{"A Canadian-American military man was charged.", nil},
		// before a company's noun: where the company is
		{"They hit a Russian-Ukrainian company in May.", []string{"Russian-Ukrainian/location=Russia"}},
		{"The Israeli-American security firm said so.", []string{"Israeli-American/location=Israel"}},
		{"The Asian-American communities were hit.", nil},
	}, func(m extractor.Mention) string { return textType(m) + "=" + m.Canonical })
}
