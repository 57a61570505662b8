package rules

import (
	"fmt"
	"strings"
	"testing"
)

// namePartsPack names people by context ("charged X Y", "Mr. X"), knows a
// place and a company, ties a founder to a company, and spreads the parts
// of people's names.
const namePartsPack = `
lists:
  person_speech_verbs: [said, told]
rules:
  - id: t.charged
    kind: pattern
    type: person
    pattern:
      - lower_in: [charged, and]
      - {regex: '\p{Lu}\p{Ll}+', repeat: "2", capture: true}
    examples: {match: ["They charged Omar Haddad."]}
  - id: t.mr
    kind: pattern
    type: person
    pattern:
      - text: [Mr.]
      - {regex: '\p{Lu}\p{Ll}+', capture: true}
    examples: {match: ["Mr. Haddad left."]}
  - id: t.place
    kind: gazetteer
    type: location
    entries: [{name: Sofia}]
    examples: {match: ["Flights to Sofia."]}
  - id: t.company
    kind: gazetteer
    type: organization
    entries: [{name: Brightreef Systems}]
    examples: {match: ["Brightreef Systems left."]}
  - id: t.founded
    kind: relation
    relation: employed-by
    source: [person]
    target: [organization]
    pattern:
      - {slot: source, entity: any}
      - lower_in: [founded]
      - {slot: target, entity: any}
    examples: {match: [{text: "They charged Omar Haddad. Omar Haddad founded Brightreef Systems.", expect: ["Omar Haddad -employed-by-> Brightreef Systems"]}]}
  - id: t.parts
    kind: propagate
    types: [person]
    examples: {match: ["They charged Omar Haddad. Haddad said so."]}
`

// namedPeople renders the person mentions of text as "text=canonical/rule".
func namedPeople(t *testing.T, p *Pack, text string) []string {
	t.Helper()
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var out []string
	for _, m := range res.Mentions {
		if m.Type == "person" {
			out = append(out, fmt.Sprintf("%s=%s/%s", m.Text, m.Canonical, m.Rule))
		}
	}
	return out
}

func TestNamePartsNameThePersonNamedInFull(t *testing.T) {
	p := packOf(t, namePartsPack)
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a surname after the full name, mid-sentence and before a verb opening a sentence",
			"They charged Omar Haddad. Haddad founded a firm, and the court heard Haddad.",
			[]string{"Omar Haddad=/t.charged", "Haddad=Omar Haddad/t.parts", "Haddad=Omar Haddad/t.parts"}},
		{"a surname first, as Chinese names are written",
			"They charged Zhou Shuai. Prosecutors said Zhou sold data.",
			[]string{"Zhou Shuai=/t.charged", "Zhou=Zhou Shuai/t.parts"}},
		{"a part shared by two people names the closest one before it",
			"They charged Zhou Weiwei. Later they charged Zhou Shuai, and the court heard Zhou.",
			[]string{"Zhou Weiwei=/t.charged", "Zhou Shuai=/t.charged", "Zhou=Zhou Shuai/t.parts"}},
		{"before both names, a shared part names neither",
			"The court heard Zhou first. They charged Zhou Weiwei and Zhou Shuai.",
			[]string{"Zhou Weiwei=/t.charged", "Zhou Shuai=/t.charged"}},
		{"a one-word place is the person only before a verb of saying",
			"They charged Sofia Brandt. Sofia said it was bad. Flights to Sofia resumed.",
			[]string{"Sofia Brandt=/t.charged", "Sofia=Sofia Brandt/t.parts"}},
		{"no part inside another name, or opening a sentence before a noun",
			"They charged Omar Haddad. Haddad Holdings and Ahmed Haddad replied. Haddad reports were read.",
			[]string{"Omar Haddad=/t.charged", "Ahmed Haddad=/t.charged"}},
		{"opening a sentence before an adverb and a verb",
			"They charged Omar Haddad. Haddad later founded a firm. Haddad often reports were read.",
			[]string{"Omar Haddad=/t.charged", "Haddad=Omar Haddad/t.parts"}},
		{"opening a sentence, joined to the person's own associates",
			"They charged Zhou Shuai. Zhou and his co-conspirators sold data.",
			[]string{"Zhou Shuai=/t.charged", "Zhou=Zhou Shuai/t.parts"}},
		{"opening a sentence before a relative clause of a person",
			"They charged Omar Haddad. Haddad, who lived in Leeds, sold data. Haddad, which reports say, is not.",
			[]string{"Omar Haddad=/t.charged", "Haddad=Omar Haddad/t.parts"}},
		{"an honorific mention gets the full name",
			"They charged Omar Haddad. Mr. Haddad left.",
			[]string{"Omar Haddad=/t.charged", "Haddad=Omar Haddad/t.mr"}},
		{"an ordinary word is no name part",
			"They charged Will Garner. Will the court agree? It will.",
			[]string{"Will Garner=/t.charged"}},
	}
	for _, c := range cases {
		got := namedPeople(t, p, c.text)
		if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
			t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
		}
	}
}

// TestRelationsSeeNameParts: relation rules run after the name parts are
// linked, so a relation stated of a bare surname reaches the person.
func TestRelationsSeeNameParts(t *testing.T) {
	p := packOf(t, namePartsPack)
	text := "They charged Omar Haddad. Haddad founded Brightreef Systems."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	if len(res.Relations) != 1 {
		t.Fatalf("relations = %+v, want one", res.Relations)
	}
	r := res.Relations[0]
	if got := text[r.Source.Start:r.Source.End]; got != "Haddad" {
		t.Errorf("source = %q, want the bare surname Haddad", got)
	}
}
