package rules

import (
	"testing"

	"github.com/reportgraph/extractor"
)

// The types a pattern requires: entity elements outside optional ones,
// inside sequences, and an alternation only when each alternative needs one.
func TestRequiredTypes(t *testing.T) {
	org, per := maskOf(extractor.Organization), maskOf(extractor.Person)
	ent := func(m typeMask, min int) *node { return &node{min: min, max: 1, entity: m} }
	word := &node{min: 1, max: 1, cond: &cond{}}
	cases := []struct {
		nodes []*node
		want  []typeMask
	}{
		{[]*node{word, ent(org, 1)}, []typeMask{org}},
		{[]*node{word, ent(org, 0)}, nil},
		{[]*node{{min: 1, max: 1, seq: []*node{word, ent(per, 1)}}, ent(org, 1)}, []typeMask{per, org}},
		{[]*node{{min: 1, max: 1, alts: [][]*node{{ent(per, 1)}, {ent(org, 1)}}}}, []typeMask{per | org}},
		{[]*node{{min: 1, max: 1, alts: [][]*node{{ent(per, 1)}, {word}}}}, nil},
		{[]*node{{min: 0, max: 1, seq: []*node{ent(per, 1)}}}, nil},
	}
	for i, c := range cases {
		got := requiredTypes(c.nodes)
		if len(got) != len(c.want) {
			t.Errorf("case %d: %v, want %v", i, got, c.want)
			continue
		}
		for k := range got {
			if got[k] != c.want[k] {
				t.Errorf("case %d: %v, want %v", i, got, c.want)
			}
		}
	}
}

// A rule needing an organization is not tried in a sentence without one
// after its start, and still matches where there is one.
func TestNeedsSkipsSentencesWithoutTheType(t *testing.T) {
	p := loadWith(t, `
rules:
  - id: t.org
    kind: gazetteer
    type: organization
    priority: 80
    entries: [{name: Quillon Bank}]
  - id: t.partner
    kind: pattern
    type: organization
    priority: 60
    stage: 2
    pattern: [{lower: partner}, {capture: true, cshape: [Xx]}, {lower: and}, {entity: organization}]
`)
	got := matchText(t, p, "Its partner Brindle and Quillon Bank signed. Its partner Harrow and the bank signed.")
	var names []string
	for _, m := range got.Mentions {
		if m.Rule == "t.partner" {
			names = append(names, m.Text)
		}
	}
	if len(names) != 1 || names[0] != "Brindle" {
		t.Errorf("t.partner found %v, want [Brindle]", names)
	}
}
