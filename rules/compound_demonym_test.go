package rules

import (
	"strings"
	"testing"
)

// A double demonym ("Canadian-American") is a mention of the first
// country, as "China-based" is of China; two country names ("US-China")
// and a demonym before a name no gazetteer holds stay whole.
func TestDoubleDemonymNamesFirstCountry(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []string
	}{
		{"A Canadian-American man was charged.", []string{"Canadian-American/location=Canada"}},
		{"Li Wen, a Chinese-Canadian national, pleaded guilty.", []string{"Li Wen/person=", "Chinese-Canadian/location=China"}},
		{"The US-China talks stalled.", nil},
		{"A Canadian-Quillish man was charged.", nil},
		// only before a person noun
		{"The Israeli-Palestinian conflict went on.", nil},
		{"A Canadian-American military man was charged.", nil},
		// before a company's noun: where the company is
		{"They hit a Russian-Ukrainian company in May.", []string{"Russian-Ukrainian/location=Russia"}},
		{"The Israeli-American security firm said so.", []string{"Israeli-American/location=Israel"}},
		{"The Asian-American communities were hit.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range matchText(t, p, c.text).Mentions {
			got = append(got, m.Text+"/"+string(m.Type)+"="+m.Canonical)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
