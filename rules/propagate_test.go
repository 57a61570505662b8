package rules

import (
	"strings"
	"testing"
)

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
lists:
  company_short_name_suffixes: [group]
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

// defaultVocabulary returns the default pack's vocabulary lists.
func defaultVocabulary(t *testing.T) *vocabulary {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return &p.cti
}

func TestCompanyShortName(t *testing.T) {
	v := defaultVocabulary(t)
	for name, want := range map[string]string{
		"Integrity Technology Group": "Integrity", "Northwind Harbor Co., Ltd.": "Northwind",
		"China Telecom Group": "", "Acme Group": "", "Beijing Huanyu Tianqiong Information Technology": "",
		"Integrity Technology Group Analysts": "", "Northwind": "",
	} {
		if got := v.companyShortName(name, nil); got != want {
			t.Errorf("companyShortName(%q) = %q, want %q", name, got, want)
		}
	}
	// A four-letter first word is a short name when it is no English word.
	english := func(w string) bool { return w == "acme" || w == "blue" }
	for name, want := range map[string]string{
		"Rana Intelligence Computing Company": "Rana", "Acme Group": "", "Blue Technology Co., Ltd.": "", "Xin Technology": "",
	} {
		if got := v.companyShortName(name, english); got != want {
			t.Errorf("companyShortName(%q, english) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]bool{"i-Soon": true, "eBay": true, "iron": false, "e-mail": false, "iX": false} {
		if got := propagatable(name); got != want {
			t.Errorf("propagatable(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestInitialisms(t *testing.T) {
	for name, want := range map[string]string{
		"Cyber Safety Review Board":             "CSRB",
		"Inter-Parliamentary Alliance on China": "IPAC IPAOC",
		"Department of Justice":                 "DOJ",
		"Hewlett Packard Enterprise":            "HPE",
		"Blue Heron":                            "", // two letters: too short
		"Ministry of water":                     "", // a lower-case word that is no connector
	} {
		got := strings.Join(initialisms(name), " ")
		if got != want {
			t.Errorf("initialisms(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCompanyStem(t *testing.T) {
	v := defaultVocabulary(t)
	for name, want := range map[string]string{
		"Yanbian Silverstar Network Technology":           "Yanbian Silverstar",
		"Northwind Harbor Co., Ltd.":                      "Northwind Harbor",
		"Qimen Science and Technology Co., Ltd.":          "",
		"Integrity Technology Group":                      "",
		"Beijing Huanyu Tianqiong Information Technology": "Beijing Huanyu Tianqiong",
		"Northwind Harbor":                                "",
	} {
		if got := v.companyStem(name); got != want {
			t.Errorf("companyStem(%q) = %q, want %q", name, got, want)
		}
	}
}

// bodyPack knows a government body and a city, finds companies by their
// suffix and spreads organisations and governments.
const bodyPack = `
lists:
  company_short_name_suffixes: [technology]
  company_stem_descriptors: [network]
rules:
  - id: t.gov
    kind: gazetteer
    type: government
    entries: [{name: Harbor Safety Review Board}]
    examples: {match: ["The Harbor Safety Review Board met."]}
  - id: t.city
    kind: gazetteer
    type: location
    entries: [{name: Yanbian}]
    examples: {match: ["It is in Yanbian."]}
  - id: t.company
    kind: pattern
    type: organization
    pattern:
      - {entity: location, optional: true}
      - {regex: '\p{Lu}[\p{L}-]*', repeat: "1-2", not: {entity: any}}
      - {in: [Network, Technology], repeat: "1-2"}
    examples: {match: ["Moonrise Network Technology sold it."]}
  - id: t.spread
    kind: propagate
    types: [organization, government]
    examples: {match: ["Moonrise Network Technology sold it. Moonrise denied it."]}
`

func TestPropagateInitialsAndPlaceFirstShortNames(t *testing.T) {
	p := packOf(t, bodyPack)
	// The abbreviation counts only after the full name, as a whole word.
	text := "HSRB staff left. The Harbor Safety Review Board met; later the HSRB said HSRBX was wrong."
	same(t, text, found(t, p, text), []string{
		"Harbor Safety Review Board/government/t.gov", "HSRB/government/t.spread"})
	// A company whose name starts with a place is shortened to the place
	// and the next word, which then no longer reads as the place alone.
	text = "Yanbian Silverstar Network Technology was sanctioned. Officials said Yanbian Silverstar paid staff in Yanbian."
	same(t, text, found(t, p, text), []string{
		"Yanbian Silverstar Network Technology/organization/t.company",
		"Yanbian Silverstar/organization/t.spread", "Yanbian/location/t.city"})
}

// namedPack: a gazetteer that calls Nightjar an actor and Unit 40404 a
// government, a pattern by which a report names a campaign, an alias rule
// equating an actor with a unit, and a propagate rule.
const namedPack = `
rules:
  - id: t.actors
    kind: gazetteer
    type: threat-actor
    entries: [{name: Nightjar}, {name: Ironclaw}]
    examples: {match: ["Nightjar and Ironclaw."]}
  - id: t.units
    kind: gazetteer
    type: government
    entries: [{name: GRU Unit 40404, aliases: [Unit 40404]}]
    examples: {match: ["GRU Unit 40404 again."]}
  - id: t.campaign
    kind: pattern
    type: campaign
    priority: 90
    pattern:
      - {lower_in: ["named the campaign"]}
      - {entity: threat-actor, capture: true}
    examples: {match: ["Acme named the campaign Nightjar."]}
  - id: t.unit
    kind: alias
    cross_type: true
    pattern:
      - {entity: threat-actor, slot: name}
      - text: "("
      - {entity: government, slot: alias}
      - text: ")"
    examples: {match: [{text: "Ironclaw (GRU Unit 40404) struck.", expect: ["Ironclaw = GRU Unit 40404"]}]}
  - id: t.spread
    kind: propagate
    types: [campaign, threat-actor]
    examples: {match: ["Acme named the campaign Nightjar. Nightjar hit banks."]}
`

func TestDocumentStatementsOutrankGazetteerTypes(t *testing.T) {
	p := packOf(t, namedPack)
	text := "Acme named the campaign Nightjar. Police tie Nightjar to a firm."
	same(t, text, found(t, p, text), []string{"Nightjar/campaign/t.campaign", "Nightjar/campaign/t.spread"})
	// Without the statement the gazetteer's type stands.
	text = "Police tie Nightjar to a firm."
	same(t, text, found(t, p, text), []string{"Nightjar/threat-actor/t.actors"})
	// A unit the report equates with an actor is the actor everywhere in it.
	text = "Ironclaw (GRU Unit 40404) struck. Unit 40404 released a wiper."
	same(t, text, found(t, p, text), []string{"Ironclaw/threat-actor/t.actors",
		"GRU Unit 40404/threat-actor/t.unit", "Unit 40404/threat-actor/t.unit"})
	text = "GRU Unit 40404 released a wiper."
	same(t, text, found(t, p, text), []string{"GRU Unit 40404/government/t.units"})
}

// A one-word malware name of ordinary shape spreads once its context has
// typed it, where it reads as a name and when the document never writes it
// in lower case; so does an actor name a pattern typed ("Group-IB calls
// the gang Silence" ... "Silence then turned to ATMs"), on the same terms.
func TestPropagateSpreadsPlainMalwareWords(t *testing.T) {
	p := packOf(t, `
rules:
  - id: t.kind
    kind: pattern
    type: malware
    pattern:
      - {regex: '\p{Lu}\p{Ll}+', capture: true}
      - lower: ransomware
    examples: {match: ["It ran Tarnwick ransomware."]}
  - id: t.tracked
    kind: pattern
    type: threat-actor
    pattern:
      - lower_in: ["tracked as"]
      - {regex: '\p{Lu}\p{Ll}+', capture: true}
    examples: {match: ["A cluster tracked as Lantern."]}
  - id: t.spread
    kind: propagate
    types: [threat-actor, malware]
    examples: {match: ["It ran Tarnwick ransomware. Files held by Tarnwick were lost."]}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"It ran Tarnwick ransomware. Files held by Tarnwick were lost. Tarnwick encrypted them.",
			[]string{"Tarnwick/malware/t.kind", "Tarnwick/malware/t.spread", "Tarnwick/malware/t.spread"}},
		// Opening a sentence without a verb after it, it may be any word.
		{"It ran Tarnwick ransomware. Tarnwick and others followed.",
			[]string{"Tarnwick/malware/t.kind"}},
		// The document uses the word in lower case: an ordinary word.
		{"It ran Ember ransomware. An ember glowed. Files held by Ember were lost.",
			[]string{"Ember/malware/t.kind"}},
		{"A cluster tracked as Lantern hit Japan. Files held by Lantern were lost.",
			[]string{"Lantern/threat-actor/t.tracked", "Lantern/threat-actor/t.spread"}},
		// written in lower case too: an ordinary word
		{"A cluster tracked as Lantern hit Japan. A lantern glowed. Files held by Lantern were lost.",
			[]string{"Lantern/threat-actor/t.tracked"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// A name that a canonical: inner rule made longer ("Tarnwick ransomware")
// still spreads as the bare name, which joins the same entity.
func TestPropagateSpreadsTheInnerNameOfALongerMention(t *testing.T) {
	p := packOf(t, `
rules:
  - id: t.kind
    kind: pattern
    type: malware
    pattern:
      - {regex: '\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+', capture: true}
      - lower: ransomware
    examples: {match: ["It ran TarnWick ransomware."]}
  - id: t.suffix
    kind: pattern
    type: malware
    stage: 2
    canonical: inner
    pattern:
      - entity: malware
      - lower: ransomware
    examples: {match: ["It ran TarnWick ransomware."]}
  - id: t.spread
    kind: propagate
    types: [malware]
    examples: {match: ["It ran TarnWick ransomware. Files held by TarnWick were lost."]}
`)
	text := "It ran TarnWick ransomware. Files held by TarnWick were lost."
	an := testAnalyzer(t)
	res := p.Match(text, an.Analyze(text), an)
	var got []string
	for _, m := range res.Mentions {
		got = append(got, m.Text+"/"+m.Canonical+"/"+m.Rule)
	}
	same(t, text, got, []string{"TarnWick ransomware/TarnWick/t.suffix", "TarnWick/TarnWick/t.spread"})
}

// strongerTypePack names a name malware by a weak context (a list beside
// "loaders") and an organisation by a stronger one (an apposition).
const strongerTypePack = `
rules:
  - id: t.weak
    kind: pattern
    type: malware
    priority: 50
    pattern:
      - {regex: '\p{Lu}[\p{L}]*', repeat: "1-2", capture: true}
      - lower: loaders
    examples: {match: ["Kestrel Moor loaders."]}
  - id: t.strong
    kind: pattern
    type: organization
    priority: 60
    pattern:
      - {regex: '\p{Lu}[\p{L}]*', repeat: "1-2", capture: true}
      - text: ","
      - lower: the
      - lower: insurer
    examples: {match: ["Kestrel Moor, the insurer, paid."]}
  - id: t.spread
    kind: propagate
    types: [malware, organization]
    examples: {match: ["Kestrel Moor, the insurer, paid. Kestrel Moor left."]}
`

func TestPropagateSpreadsTheStrongerType(t *testing.T) {
	p := packOf(t, strongerTypePack)
	text := "Kestrel Moor loaders were named first. Kestrel Moor, the insurer, paid. Later Kestrel Moor settled."
	same(t, text, found(t, p, text), []string{"Kestrel Moor/malware/t.weak", "Kestrel Moor/organization/t.strong",
		"Kestrel Moor/organization/t.spread"})
}

// A four-letter first word that is a surname is the person's, not the
// company's short name.
func TestFourLetterSurnameIsNoCompanyShortName(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "The Treasury sanctioned Wang Technology Co., Ltd. on Friday. Investigators said Wang Lei ran the network. Wang denied the charges.\n" +
		"The Treasury also named Rana Intelligence Computing Company. Rana denied it.\n"
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	var wangOrg, ranaOrg bool
	for _, m := range res.Mentions {
		switch {
		case text[m.Start:m.End] == "Wang" && m.Type == "organization":
			wangOrg = true
		case text[m.Start:m.End] == "Rana" && m.Type == "organization":
			ranaOrg = true
		}
	}
	if wangOrg {
		t.Error(`"Wang" read as the company's short name`)
	}
	if !ranaOrg {
		t.Error(`"Rana" not read as the company's short name`)
	}
}

// A company's first word stands for it alone, but not when it is a given
// name ("Robert" of "Robert Koch Institute") or opens a place's name
// ("Santa" of "Santa Fe Institute").
func TestCompanyShortNameNotGivenNameOrPlaceStart(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	has := func(text, want string) bool {
		for _, m := range found(t, p, text) {
			if strings.HasPrefix(m, want+"/organization/") {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		text, short string
		want        bool
	}{
		{"The Robert Koch Institute was phished in March. Robert said nothing more.", "Robert", false},
		{"The Santa Fe Institute was phished in March. Santa said nothing more.", "Santa", false},
		{"The Kelverin Institute was phished in March. Kelverin said nothing more.", "Kelverin", true},
	} {
		if got := has(c.text, c.short); got != c.want {
			t.Errorf("%q: organization %q %v, want %v", c.text, c.short, got, c.want)
		}
	}
}
