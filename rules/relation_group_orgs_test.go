package rules

import (
	"strings"
	"testing"
)

// "The three companies" and "the firms" stand for the companies named
// before them, and only for those: firms named in passing by a report's
// sources are not members, and a number the text cannot fill names the
// nearest company alone.
func TestPluralCompanyAnaphors(t *testing.T) {
	p := packOf(t, `
lists:
  relation_anaphors: [it, "the company", "the companies", "the firms", "the three companies", "both firms"]
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Pellmark Systems, type: organization}
      - {name: Corvane Labs, type: organization}
      - {name: Hallick Group, type: organization}
      - {name: Northwind Research, type: organization}
      - {name: Ministry of State Security, type: government}
  - id: works
    kind: relation
    relation: contractor-of
    source: [organization]
    target: [government]
    pattern:
      - slot: source
        or: [{entity: any}, {lower_in: $relation_anaphors}]
      - lower_in: [work, works, supply]
      - lower: for
      - {lower: the, optional: true}
      - {slot: target, entity: any}
`)
	mss := " -contractor-of-> Ministry of State Security"
	for _, c := range []struct {
		text string
		want []string
	}{
		{"The advisory names Pellmark Systems, Corvane Labs and Hallick Group. The three companies work for the Ministry of State Security.",
			[]string{"Corvane Labs", "Hallick Group", "Pellmark Systems"}},
		// A number filled from the sentence before.
		{"Officials sanctioned Pellmark Systems. They later added Corvane Labs and Hallick Group, and said the three companies work for the Ministry of State Security.",
			[]string{"Corvane Labs", "Hallick Group", "Pellmark Systems"}},
		// Without a number: the list the nearest company closes, not the
		// firm that reported on it.
		{"Northwind Research wrote about Pellmark Systems and Corvane Labs. The companies work for the Ministry of State Security.",
			[]string{"Corvane Labs", "Pellmark Systems"}},
		// A number the text cannot fill: the nearest company only.
		{"Corvane Labs was named. The three companies work for the Ministry of State Security.",
			[]string{"Corvane Labs"}},
		{"Pellmark Systems and Corvane Labs were named. Both firms work for the Ministry of State Security.",
			[]string{"Corvane Labs", "Pellmark Systems"}},
	} {
		got := sourcesTo(t, p, c.text, mss)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: sources %q, want %q", c.text, got, c.want)
		}
	}
}

// A counted set of companies ("three technology companies") stands for the
// one list of exactly that many companies the next sentences give, though
// other organisations are named around it; with two such lists, or none,
// it stands for nobody.
func TestCompanySetNamedAfter(t *testing.T) {
	p := packOf(t, `
rules:
  - id: names
    kind: gazetteer
    entries:
      - {name: Pellmark Systems, type: organization}
      - {name: Corvane Labs, type: organization}
      - {name: Hallick Group, type: organization}
      - {name: Northwind Research, type: organization}
      - {name: Tessaly Partners, type: organization}
      - {name: Granite Crane, type: threat-actor}
  - id: set
    kind: relation
    relation: affiliated-with
    source: [organization]
    target: [threat-actor]
    pattern:
      - slot: source
        seq:
          - lower_in: [two, three]
          - {any: true, not: [{text: [".", ","]}, {entity: any}], repeat: "0-2"}
          - lower_in: [companies, firms]
      - lower: "as suppliers to"
      - {slot: target, entity: any}
`)
	gc := " -affiliated-with-> Granite Crane"
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Officials named three technology companies as suppliers to Granite Crane. Northwind Research helped draft the advisory. It names Pellmark Systems, Corvane Labs and Hallick Group.",
			[]string{"Corvane Labs", "Hallick Group", "Pellmark Systems"}},
		// Two lists of the number's length: which one is meant is unclear.
		{"Officials named two firms as suppliers to Granite Crane. They thanked Pellmark Systems and Corvane Labs. It names Hallick Group and Tessaly Partners.",
			nil},
		// A list in subject position says what companies did, not which
		// ones the set holds.
		{"Officials named two firms as suppliers to Granite Crane. In May, Pellmark Systems and Corvane Labs published a report.",
			nil},
		// No list of that length.
		{"Officials named three firms as suppliers to Granite Crane. It names Pellmark Systems and Corvane Labs.",
			nil},
	} {
		got := sourcesTo(t, p, c.text, gc)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: sources %q, want %q", c.text, got, c.want)
		}
	}
}

// sourcesTo returns the sources of the relations found in text, each of
// which must end in arrow (" -type-> Target"); any other relation is an
// error.
func sourcesTo(t *testing.T, p *Pack, text, arrow string) []string {
	t.Helper()
	var got []string
	for _, r := range relations(t, p, text) {
		src, _, ok := strings.Cut(r, arrow)
		if !ok {
			t.Errorf("%q: unexpected relation %q", text, r)
			continue
		}
		src, _, _ = strings.Cut(src, " @")
		got = append(got, src)
	}
	return got
}
