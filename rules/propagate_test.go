package rules

import "testing"

// propagatePack is a tiny pack: a context pattern that names actors
// ("tracked as X"), a gazetteer actor and a propagate rule for actors.
const propagatePack = `
rules:
  - id: t.tracked
    kind: pattern
    type: threat-actor
    pattern:
      - lower_in: ["tracked as"]
      - {regex: '\p{Lu}[\p{L}\p{N}]*', repeat: "1-3", capture: true}
    examples: {match: ["A cluster tracked as Copper Gannet."]}
  - id: t.gaz
    kind: gazetteer
    type: threat-actor
    entries: [{name: Storm Gull}]
    examples: {match: ["Storm Gull again."]}
  - id: t.spread
    kind: propagate
    types: [threat-actor]
    examples: {match: ["A cluster tracked as Copper Gannet. Copper Gannet left."]}
`

func TestPropagateSpreadsContextNamesThroughTheDocument(t *testing.T) {
	p := packOf(t, propagatePack)
	cases := []struct {
		text string
		want []string
	}{
		{"A cluster tracked as Copper Gannet hit Japan. Later Copper Gannet used a loader; Copper Gannet left.",
			[]string{"Copper Gannet/threat-actor/t.tracked", "Copper Gannet/threat-actor/t.spread",
				"Copper Gannet/threat-actor/t.spread"}},
		// A longer capitalised run is another name.
		{"A cluster tracked as Copper Gannet hit Japan. Copper Gannet Labs sells tea.",
			[]string{"Copper Gannet/threat-actor/t.tracked"}},
		// Case matters: the exact surface form only.
		{"A cluster tracked as Copper Gannet hit Japan. The copper gannet is a bird.",
			[]string{"Copper Gannet/threat-actor/t.tracked"}},
		// One capitalised word could be a common word: it does not spread.
		{"A cluster tracked as Lantern hit Japan. Lantern light is dim.",
			[]string{"Lantern/threat-actor/t.tracked"}},
		// A name shaped like no ordinary word does.
		{"A cluster tracked as TAG99 hit Japan. TAG99 left.",
			[]string{"TAG99/threat-actor/t.tracked", "TAG99/threat-actor/t.spread"}},
		// Gazetteer names are not propagated (they are found anyway).
		{"Storm Gull hit Japan. Storm Gull left.",
			[]string{"Storm Gull/threat-actor/t.gaz", "Storm Gull/threat-actor/t.gaz"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

func TestPropagatable(t *testing.T) {
	for name, want := range map[string]bool{
		"Copper Heron": true, "Ministry of State Security": true, "APT41": true, "HERONLOAD": true,
		"ShadowPad": true, "Operators": false, "Team": false, "the group": false, "Copper heron": false,
		"Copper\nHeron": false, "X1": false, "Bank of": false,
	} {
		if got := propagatable(name); got != want {
			t.Errorf("propagatable(%q) = %v, want %v", name, got, want)
		}
	}
}

// companyPack names companies by their suffix and spreads them.
const companyPack = `
rules:
  - id: t.company
    kind: pattern
    type: organization
    pattern:
      - {regex: '\p{Lu}[\p{L}-]*', repeat: "1-2", capture: true, not: {lower_in: [the, a]}}
      - {text: Group, capture: true}
    examples: {match: ["Integrity Know-how Group sold it."]}
  - id: t.firm
    kind: pattern
    type: organization
    pattern:
      - {lower_in: ["such as"]}
      - {regex: '[a-z]-\p{Lu}\p{Ll}+', capture: true}
    examples: {match: ["firms such as i-Quickly."]}
  - id: t.spread
    kind: propagate
    types: [organization]
    examples: {match: ["Ministries hire firms such as i-Quickly. i-Quickly sold tools."]}
`

func TestPropagateShortNamesAndBrandShapes(t *testing.T) {
	p := packOf(t, companyPack)
	text := "Officials linked the actor to Integrity Know-how Group last year. Integrity denied it, and " +
		"the FBI said Integrity's servers hosted the botnet. Ministries hire firms such as i-Quickly. " +
		"The ministry paid i-Quickly in 2023. Integrity of the data was not checked."
	same(t, text, found(t, p, text), []string{
		"Integrity Know-how Group/organization/t.company",
		"Integrity/organization/t.spread", "Integrity/organization/t.spread",
		"i-Quickly/organization/t.firm", "i-Quickly/organization/t.spread"})
	// (A sentence may open with the word as an ordinary word: "Integrity
	// of the data".) The short name stands for the full one.
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	for _, m := range res.Mentions {
		if m.Text == "Integrity" && m.Canonical != "Integrity Know-how Group" {
			t.Errorf("short name %q has canonical %q, want the full name", m.Text, m.Canonical)
		}
	}
}

func TestCompanyShortName(t *testing.T) {
	for name, want := range map[string]string{
		"Integrity Technology Group": "Integrity", "Northwind Harbor Co., Ltd.": "Northwind",
		"China Telecom Group": "", "Acme Group": "", "Beijing Huanyu Tianqiong Information Technology": "",
		"Integrity Technology Group Analysts": "", "Northwind": "",
	} {
		if got := companyShortName(name); got != want {
			t.Errorf("companyShortName(%q) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]bool{"i-Soon": true, "eBay": true, "iron": false, "e-mail": false, "iX": false} {
		if got := propagatable(name); got != want {
			t.Errorf("propagatable(%q) = %v, want %v", name, got, want)
		}
	}
}
