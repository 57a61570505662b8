package rules

import (
	"fmt"
	"testing"
)

// A place that ends an apposition ("X, an IT firm in Vietnam, also known as
// Y") gives the new alias to the described party, never to the place; a
// place named on its own keeps the alias rule's reading.
func TestAliasAfterDescribedPlaceGoesToTheParty(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	links := func(text string) []string { return aliasLinks(t, p, text) }
	text := "Facebook linked APT32 to CyberOne Group, an IT firm in Vietnam additionally referred to as CyberOne Safety and CyberOne Applied sciences, and removed accounts."
	same(t, text, links(text), []string{"CyberOne Group = CyberOne Safety", "CyberOne Group = CyberOne Applied sciences"})
}

// A bracketed acronym of a known body after a paraphrased long name ("the
// Primary Intelligence Directorate (GRU)" for the Main Intelligence
// Directorate) names the same body; a long name that differs in more than
// one word, or has fewer than three, does not.
func TestAliasRewordsKnownLongForm(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	links := func(text string) []string { return aliasLinks(t, p, text) }
	text := "Prosecutors indicted twelve officers of Russia's Primary Intelligence Directorate (GRU) in July."
	same(t, text, links(text), []string{"Primary Intelligence Directorate = GRU"})
	text = "Prosecutors indicted twelve officers of the Federal Cyber Defence Directorate (GRU) in July."
	same(t, text, links(text), nil)
	if p.rewordsKnownForm("Primary Intelligence Directorate", nil) {
		t.Error("no known mention: want false")
	}
}

// aliasLinks lists the alias links the pack finds in text as "name = alias".
func aliasLinks(t *testing.T, p *Pack, text string) []string {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, l := range res.Aliases {
		out = append(out, fmt.Sprintf("%s = %s", text[l.Name.Start:l.Name.End], text[l.Alias.Start:l.Alias.End]))
	}
	return out
}
