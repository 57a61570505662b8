package extract

import (
	"testing"
)

// A candidate whose two ends a negation denies, as the relation rules read
// the sentence (rules.ClauseReader), is never proposed, even where the
// model would propose it; the same two ends stated plainly, or with a
// negation outside the statement's clause, stay candidates. Our own
// sentences, one document each (two in one document would let a rule
// relation of one link the pair in the other).
func TestNegatedCandidatesAreNotProposed(t *testing.T) {
	pack := defaultPack(t)
	x := extractorOn(t, pack)
	m := pairModelOn(t, pack)
	m.SetThreshold(0.01, "test") // propose whatever the model's likeliest type is
	cases := []struct {
		text, a, b string
		negated    bool
	}{
		{"Security researchers at Mandiant did not claim that APT41 was behind the breach at Lufthansa.",
			"threat-actor:apt41", "organization:lufthansa", true},
		{"There is no evidence that security researcher Mira Halden worked for Huawei.",
			"person:mira-halden", "organization:huawei", true},
		{"Investigators found that security researcher Mira Halden never worked for Huawei.",
			"person:mira-halden", "organization:huawei", true},
		{"A spokesperson said security researcher Mira Halden had worked closely with Huawei for years.",
			"person:mira-halden", "organization:huawei", false},
		// the denial is the quotation's, not the statement's
		{"\"We will not comment,\" said security researcher Mira Halden, who has worked closely with Huawei for years.",
			"person:mira-halden", "organization:huawei", false},
	}
	for _, c := range cases {
		res, ds := resolvedText(t, x, pack, c.text+"\n")
		results := []*DocResult{res}
		var found, likely bool
		for _, cd := range m.Candidates(results, ds, false) {
			if !(cd.Source == c.a && cd.Target == c.b || cd.Source == c.b && cd.Target == c.a) {
				continue
			}
			found = true
			if cd.Negated != c.negated {
				t.Errorf("%q: candidate %s > %s negated = %v, want %v", c.text, cd.Source, cd.Target, cd.Negated, c.negated)
			}
			if cls, _ := m.bestAllowed(&cd); cls > 0 {
				likely = true
			}
		}
		if !found {
			t.Errorf("%q: no candidate between %s and %s (entities %v)", c.text, c.a, c.b, ds.Entities)
			continue
		}
		m.Propose(ds, results)
		proposed := false
		for _, r := range ds.Relations {
			if r.Source == c.a && r.Target == c.b || r.Source == c.b && r.Target == c.a {
				proposed = proposed || r.Evidence[0].Rule == PairRule
			}
		}
		if c.negated && proposed {
			t.Errorf("%q: a denied relation was proposed", c.text)
		}
		if c.negated && !likely {
			t.Logf("%q: the model would not propose the pair anyway (the test checks the flag only)", c.text)
		}
		if !c.negated && likely && !proposed {
			t.Errorf("%q: the plain statement was not proposed", c.text)
		}
	}
}
