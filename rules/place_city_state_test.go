package rules

import (
	"strings"
	"testing"
)

// A state named like a city is the state after a city and a comma, and the
// city (or capital) elsewhere, in lists of places too.
func TestNameCityStates(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	canon := func(text string, at int) string {
		res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
		for _, m := range res.Mentions {
			if m.Start == at {
				return m.Canonical
			}
		}
		return "<none>"
	}
	for _, c := range []struct {
		text, name, want string
	}{
		{"SPOKANE, Washington - The utility said its billing servers were breached.", "Washington", "Washington State"},
		{"The supplier runs a depot in Albany, New York, and a lab in Ohio.", "New York", "New York State"},
		{"Envoys met in Berlin, Washington and Tokyo to discuss the sanctions.", "Washington", "Washington, D.C."},
		{"Envoys from Paris, Berlin, Washington and Tokyo met.", "Washington", "Washington, D.C."},
		{"Officials in Washington blamed Moscow for the intrusion.", "Washington", "Washington, D.C."},
		{"The group hit targets in Canada, Washington and Mexico.", "Washington", "Washington, D.C."},
		// a place opening the clause, then the capital as its subject
		{"In Moscow, Washington is seen as the main aggressor in cyberspace.", "Washington", "Washington, D.C."},
		{"In Beijing, Washington's envoy said APT41 was behind the intrusion.", "Washington", "Washington, D.C."},
		{"In Seoul, New York is often cited as the model for the plan.", "New York", "New York"},
		// the state written out is the state, like the one after a city
		{"The state comptroller said New York State agencies were hit.", "New York State", "New York State"},
		// a caption in capitals takes the gazetteer's spelling
		{"THE STATE OF NEW YORK filed the complaint against the hackers.", "NEW YORK", "New York State"},
		{"ALBANY, New York - The state comptroller said agencies were hit.", "New York", "New York State"},
		// a city and its state modifying a noun after an article
		{"Maria Ortiz, a Tacoma, Washington lawyer, filed the claim.", "Washington", "Washington State"},
		{"Staff at the Yakima, Washington branch were warned.", "Washington", "Washington State"},
		// "the State of X", "X state": the state, never the city
		{"The breach hit a clinic in the State of Washington last spring.", "Washington", "Washington State"},
		{"A clinic in the state of New York was hit.", "New York", "New York State"},
		{"Investigators in Washington state said the credentials were stolen.", "Washington", "Washington State"},
		{"Officials in Washington said the state of the network was poor.", "Washington", "Washington, D.C."},
		{"Washington stated that the claim was false.", "Washington", "Washington, D.C."},
		// after a curly quote (a multi-byte rune before the article)
		{"He called it “a Tacoma, Washington outfit” in court.", "Washington", "Washington State"},
	} {
		at := strings.Index(c.text, c.name)
		if got := canon(c.text, at); got != c.want {
			t.Errorf("%q: %s has canonical %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

// Every state named like a city has its "<name> State" in the location
// gazetteer: the canonical nameCityStates gives must be an entity of its
// own, the one the text's own "New York State" resolves to.
func TestCityNamedStatesInGazetteer(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.cityStates) == 0 {
		t.Fatal("no city_named_states")
	}
	for name := range p.cityStates {
		words := strings.Fields(name)
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		state := strings.Join(words, " ") + " State"
		text := "Officials of " + state + " met on Monday."
		res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
		found := false
		for _, m := range res.Mentions {
			if text[m.Start:m.End] == state && (m.Canonical == state || m.Canonical == "") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no gazetteer entry %q (mentions %+v)", text, state, res.Mentions)
		}
	}
}
