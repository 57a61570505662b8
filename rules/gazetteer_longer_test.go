package rules

import "testing"

// A company's short name that opens a longer capitalised name the
// gazetteer does not hold gives that longer name, as written, not the
// canonical name of the short one.
func TestShortCompanyNameOpensLongerName(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said]
  company_product_nouns: [servers, gateways]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Pellmark Systems, aliases: [Pellmark]}
      - {name: Hallick Data Services, aliases: [Hallick Data, Hallick]}
      - {name: Corvane}
      - {name: Cloud Harbor}
  - id: g.place
    kind: gazetteer
    type: location
    priority: 70
    entries: [Tarnow]
`)
	cases := []struct {
		text string
		want []string
	}{
		// Other capitalised words than the canonical name's own: a longer name.
		{"Analysts at Pellmark Field Robotics found it.", []string{"Pellmark Field Robotics/organization/g.org"}},
		// A lower-case plural before punctuation ends it, as title case would not.
		{"The arm of Hallick Data Applied solutions, a vendor, found it.", []string{"Hallick Data Applied solutions/organization/g.org"}},
		// The canonical name itself, and its short form alone.
		{"Analysts at Pellmark Systems found it.", []string{"Pellmark Systems/organization/g.org"}},
		{"Pellmark found it.", []string{"Pellmark/organization/g.org"}},
		// A legal form, an all-capitals word or a stop word is no new name.
		{"Pellmark Ltd found it.", []string{"Pellmark/organization/g.org"}},
		{"Pellmark CEO Dana Roe said so.", []string{"Pellmark/organization/g.org"}},
		// A word that opens another gazetteer name starts that name.
		{"Pellmark Tarnow staff said so.", []string{"Pellmark/organization/g.org", "Tarnow/location/g.place"}},
		// A word that could open another name but does not here goes on.
		{"Analysts at Pellmark Cloud Robotics found it.", []string{"Pellmark Cloud Robotics/organization/g.org"}},
		{"Analysts at Pellmark Cloud Harbor found it.", []string{"Pellmark/organization/g.org", "Cloud Harbor/organization/g.org"}},
		// Inside another run of capitalised words the short name is no opening.
		{"Analysts at Vesta Pellmark Robotics found it.", []string{"Pellmark/organization/g.org"}},
		// Capitalised words before a product noun name the company's product.
		{"They exploited Pellmark Field Robotics servers last year.", []string{"Pellmark/organization/g.org"}},
		{"They exploited Pellmark Edge gateways.", []string{"Pellmark/organization/g.org"}},
		{"They exploited Pellmark Edge Servers.", []string{"Pellmark Edge Servers/organization/g.org"}},
		// A name that is the whole canonical name is never extended.
		{"Corvane Field Robotics found it.", []string{"Corvane/organization/g.org"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// An alias that is the canonical name without its first word takes that
// word in when the text writes it before the alias, and is renamed as
// written when other capitalised words follow.
func TestInnerCompanyNameTakesItsPlace(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said, officials]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Tarnow Kelvane Information Technology, aliases: [Kelvane]}
  - id: g.place
    kind: gazetteer
    type: location
    priority: 70
    entries: [Tarnow, Brisk]
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Officials named Tarnow Kelvane as a supplier.", []string{"Tarnow Kelvane/organization/g.org"}},
		{"Officials named Tarnow Kelvane Data Knowhow as a supplier.", []string{"Tarnow Kelvane Data Knowhow/organization/g.org"}},
		// Another place before the alias is no part of the name.
		{"Officials named Brisk Kelvane as a supplier.", []string{"Brisk/location/g.place", "Kelvane/organization/g.org"}},
		{"Kelvane staff said so.", []string{"Kelvane/organization/g.org"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
	// The place and the alias keep the canonical name.
	text := "Officials named Tarnow Kelvane as a supplier."
	for _, m := range p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t)).Mentions {
		if m.Canonical != "Tarnow Kelvane Information Technology" {
			t.Errorf("%q: canonical %q, want the entry's name", m.Text, m.Canonical)
		}
	}
}

// A rewriter's synonym of two words whose second word the text leaves in
// lower case ("Applied sciences had", "Software program was") still ends
// the longer name, whatever follows it.
func TestLongerNameEndsInSynonymTail(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said]
  gazetteer_word_synonyms:
    - "technologies: applied sciences"
    - "software: software program"
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Pellmark Technologies, aliases: [Pellmark]}
      - {name: Hallick Software, aliases: [Hallick]}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"Pellmark Applied sciences had been breached.", []string{"Pellmark Applied sciences/organization/g.org"}},
		{"Staff of Hallick Cloud Software program were told.", []string{"Hallick Cloud Software program/organization/g.org"}},
		// A lower-case word that is no synonym's rest stays out.
		{"Pellmark Applied science had been breached.", []string{"Pellmark Applied/organization/g.org"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// A company the gazetteer knows by one name, followed by company
// descriptors, is named in full: "Corvane Communications" is Corvane.
func TestWholeCompanyNameTakesItsDescriptors(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said]
  company_stem_descriptors: [communications, networks]
  company_short_name_suffixes: [holdings, ltd]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Corvane}
`)
	cases := []struct {
		text string
		want []string
	}{
		{"It was bought by Corvane Communications last year.", []string{"Corvane Communications/organization/g.org"}},
		{"Corvane Networks said so.", []string{"Corvane Networks/organization/g.org"}},
		// A legal form is left to the legal-form rules; a descriptor
		// before another capitalised word opens another name.
		{"Corvane Ltd said so.", []string{"Corvane/organization/g.org"}},
		{"They patched Corvane Networks Gateway last year.", []string{"Corvane/organization/g.org"}},
		{"Corvane said so.", []string{"Corvane/organization/g.org"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// A company's full gazetteer name of two words or more that the text goes
// on writing in capitalised words up to punctuation is its registered name
// written out: the mention takes the whole name (and keeps the company),
// so the text's name is not cut short into the gazetteer's.
func TestFullCompanyNameOpensRegisteredName(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said]
  company_product_nouns: [servers]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Tarnel Technology}
      - {name: Corvane}
  - id: g.place
    kind: gazetteer
    type: location
    priority: 70
    entries: [Tarnow]
`)
	cases := []struct {
		text string
		want []string
	}{
		{"He owns Tarnel Technology Hooshmand Varan, a firm in Iran.", []string{"Tarnel Technology Hooshmand Varan/organization/g.org"}},
		{"He owns Tarnel Technology Hooshmand Varan.", []string{"Tarnel Technology Hooshmand Varan/organization/g.org"}},
		// Words that go on into the sentence name a product.
		{"They used Tarnel Technology Deep Scanner to scan hosts.", []string{"Tarnel Technology/organization/g.org"}},
		{"They exploited Tarnel Technology Edge servers.", []string{"Tarnel Technology/organization/g.org"}},
		{"They went through Tarnel Technology Ivy gateways.", []string{"Tarnel Technology/organization/g.org"}},
		// A place after the name starts the place's own name.
		{"He owns Tarnel Technology Tarnow, a firm.", []string{"Tarnel Technology/organization/g.org", "Tarnow/location/g.place"}},
		// A legal form after a comma is left to the company-suffix rules.
		{"He owns Tarnel Technology Varan Firm, Ltd., a firm.", []string{"Tarnel Technology/organization/g.org"}},
		// A one-word name is never extended.
		{"Corvane Field Robotics, a firm, found it.", []string{"Corvane/organization/g.org"}},
	}
	for _, c := range cases {
		same(t, c.text, found(t, p, c.text), c.want)
	}
}

// The registered name keeps the gazetteer's canonical name, so it joins the
// company's other mentions.
func TestRegisteredNameKeepsCanonical(t *testing.T) {
	p := packOf(t, `
lists:
  capitalized_stopwords: [the, in, said]
rules:
  - id: g.org
    kind: gazetteer
    type: organization
    priority: 70
    entries:
      - {name: Tarnel Technology}
`)
	text := "He owns Tarnel Technology Hooshmand Varan, a firm in Iran."
	res := p.Match(text, testAnalyzer(t).Analyze(text), testAnalyzer(t))
	if len(res.Mentions) != 1 || res.Mentions[0].Canonical != "Tarnel Technology" {
		t.Fatalf("mentions %+v, want one with canonical Tarnel Technology", res.Mentions)
	}
}

// A company's registered name may end in its town ("Afkar System Yazd"):
// the known name, then a one-word city of the location gazetteer that ends
// the capitalised words, is one organisation. A town before another
// capitalised word, or after a one-word company name, stays a place.
func TestCompanyNameEndsInItsTown(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, p, []mentionCase{
		{"Staff of Afkar System Yazd were charged.", []string{"Afkar System Yazd/organization"}},
		{"The hackers worked for Afkar System Yazd, a firm based in Yazd.",
			[]string{"Afkar System Yazd/organization", "Yazd/location"}},
		{"Afkar System Yazd and Najee Technology were named.",
			[]string{"Afkar System Yazd/organization", "Najee Technology/organization"}},
		{"A Yazd-based firm, Afkar System, was named.", []string{"Yazd-based/location", "Afkar System/organization"}},
		{"Huawei Shenzhen was named.", []string{"Huawei/organization", "Shenzhen/location"}},
	}, textType)
}

// A full name of two words written out with a rewriter's lower-case synonym
// tail ("Applied sciences" for Technologies) at the end of its clause is the
// registered name, as with a capitalised last word.
func TestRegisteredNameEndsInSynonymTail(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, p, []mentionCase{
		{"It is a unit of the antivirus maker Quick Heal Applied sciences.", []string{"Quick Heal Applied sciences/organization"}},
		{"It is a unit of the antivirus maker Quick Heal Applied sciences, based in Pune.",
			[]string{"Quick Heal Applied sciences/organization", "Pune/location"}},
		// a lower-case plural that is no synonym's tail names products
		{"They exploited Quick Heal Edge servers.", []string{"Quick Heal/organization"}},
	}, textType)
}
