package rules

import "testing"

// canonical: match names the captured mention by the whole match, so the
// organ of a state's possessive is that state's organ and the state stays
// a mention of its own.
func TestCanonicalMatchNamesCapturedPartByWholeMatch(t *testing.T) {
	p := packOf(t, `
rules:
  - id: g.place
    kind: gazetteer
    type: location
    priority: 70
    entries: [Ruritania, Freedonia]
  - id: p.organ
    kind: pattern
    type: government
    priority: 60
    canonical: match
    pattern:
      - entity: location
      - text: "'s"
      - {lower: embassy, capture: true}
`)
	text := "Ruritania's embassy and Freedonia's embassy denied it."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	got := map[string]string{}
	var places []string
	for _, m := range res.Mentions {
		switch m.Type {
		case "government":
			got[text[m.Start:m.End]+"@"+m.Canonical] = m.Canonical
		case "location":
			places = append(places, m.Text)
		}
	}
	if _, ok := got["embassy@Ruritania's embassy"]; !ok {
		t.Errorf("Ruritania's embassy: got %v", got)
	}
	if _, ok := got["embassy@Freedonia's embassy"]; !ok {
		t.Errorf("Freedonia's embassy: got %v", got)
	}
	same(t, "places", places, []string{"Ruritania", "Freedonia"})
}
