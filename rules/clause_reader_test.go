package rules

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
)

// The clause reader judges a statement from one name to another as the
// relation rules judge a match: a negation of relation_negations in its
// clause, or a clause opening with "no", denies it; "not only", a quoted
// clause, a relative clause or a contrast between commas does not.
func TestClauseReaderJudgesAsTheRelationRules(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	an := testAnalyzer(t)
	cases := []struct {
		text, first, last string
		negated           bool
	}{
		{"Orvane Security did not claim that Copper Heron was behind the breach at Tallis Freight.", "Copper Heron", "Tallis Freight", true},
		{"There is no evidence that Mira Halden worked for Bexley Dynamics.", "Mira Halden", "Bexley Dynamics", true},
		{"No report we reviewed ties Copper Heron to the Ministry of Trade.", "Copper Heron", "Ministry of Trade", true},
		{"Copper Heron has never targeted Tallis Freight.", "Copper Heron", "Tallis Freight", true},
		{"Copper Heron targeted Tallis Freight.", "Copper Heron", "Tallis Freight", false},
		{"Copper Heron targeted not only Tallis Freight but also its suppliers.", "Copper Heron", "Tallis Freight", false},
		{"Copper Heron, which has not used wipers before, targeted Tallis Freight.", "Copper Heron", "Tallis Freight", false},
		{"Copper Heron targeted, but did not breach, Tallis Freight.", "Copper Heron", "Tallis Freight", false},
		{"The intrusions did not stop, but Copper Heron later targeted Tallis Freight.", "Copper Heron", "Tallis Freight", false},
		// the negation is after the statement's end: not its clause
		{"Copper Heron targeted Tallis Freight, and it did not stop there.", "Copper Heron", "Tallis Freight", false},
		// a clause break between the names: the second's clause counts
		{"\"There is no proof that Copper Heron works for Tallis Freight,\" she said of the firm charged over Kessick Group.", "Tallis Freight", "Kessick Group", false},
		{"There is no evidence that Copper Heron, which later targeted Tallis Freight, is state-backed.", "Copper Heron", "Tallis Freight", false},
		{"Copper Heron was active in 2021; it has never targeted Tallis Freight.", "Copper Heron", "Tallis Freight", true},
		// two names joined in one noun phrase are an aside of the
		// denial, as the apposition and possessive rules read them
		{"Neither the firm nor the Marlow Bureau (MB), the federal agency in Kessick, named a culprit.", "Marlow Bureau", "Kessick", false},
		{"There is no evidence that the intruders reached Tallis Freight in Kessick.", "Tallis Freight", "Kessick", false},
		{"Orvane Labs, part of Halden University, did not attribute the attack.", "Orvane Labs", "Halden University", false},
		// but a denial inside the noun phrase still counts
		{"Copper Heron, the group not linked to Tallis Freight, went quiet.", "Copper Heron", "Tallis Freight", true},
		// and a clause between the names is no noun phrase
		{"There is no evidence that Copper Heron, the new crew, targeted Tallis Freight.", "Copper Heron", "Tallis Freight", true},
		// a past tense after a comma opens a predicate of its own, whose
		// statement the first one's denial leaves alone
		{"Copper Heron did not target Tallis Freight, attacked Kessick Group instead.", "Copper Heron", "Kessick Group", false},
		{"Copper Heron did not target Tallis Freight, attacked Kessick Group instead.", "Copper Heron", "Tallis Freight", true},
		// a participle with "by" goes on the clause
		{"Copper Heron did not use the loader, dropped by Kessick Group.", "Copper Heron", "Kessick Group", true},
	}
	r := p.NewClauseReader(an)
	for _, c := range cases {
		sents := an.Analyze(c.text)
		if len(sents) != 1 {
			t.Fatalf("%q: %d sentences", c.text, len(sents))
		}
		at := func(s string) extractor.Span {
			i := strings.Index(c.text, s)
			return extractor.Span{Start: i, End: i + len(s)}
		}
		ok := r.Read(c.text, sents[0])
		if got := ok && r.Negated(at(c.first), at(c.last)); got != c.negated {
			t.Errorf("%q: %s … %s negated = %v, want %v", c.text, c.first, c.last, got, c.negated)
		}
	}
	if r.Read("Copper Heron targeted Tallis Freight.", an.Analyze("Copper Heron targeted Tallis Freight.")[0]) {
		t.Error("a sentence without a negation cue can negate nothing")
	}
}
