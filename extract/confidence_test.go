package extract

import (
	"math"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

func TestMentionPriorOrdersRuleKinds(t *testing.T) {
	m := extractor.Mention{Priority: 65}
	kinds := []string{rules.KindRegex, rules.KindGazetteer, rules.KindPattern, rules.KindAlias}
	for i := 1; i < len(kinds); i++ {
		if a, b := MentionPrior(m, kinds[i-1]), MentionPrior(m, kinds[i]); a <= b {
			t.Errorf("at equal priority a %s mention (%.3f) should count more than a %s one (%.3f)", kinds[i-1], a, kinds[i], b)
		}
	}
	hi := extractor.Mention{Priority: 78}
	if MentionPrior(hi, rules.KindGazetteer) <= MentionPrior(m, rules.KindGazetteer) {
		t.Error("a higher priority should give a higher prior")
	}
	hedged := m
	hedged.Hedge = "possibly"
	if MentionPrior(hedged, rules.KindGazetteer) >= MentionPrior(m, rules.KindGazetteer) {
		t.Error("a hedge should lower the prior")
	}
	own := extractor.Mention{Priority: 10, Confidence: 0.9}
	if got := MentionPrior(own, rules.KindPattern); got != 0.9 {
		t.Errorf("a rule's own confidence is the prior, got %.3f", got)
	}
	if got := MentionPrior(extractor.Mention{Priority: 65}, rules.KindGazetteer); math.Abs(got-0.745) > 1e-9 {
		t.Errorf("gazetteer at priority 65: 0.72 + 5/200 = 0.745, got %.4f", got)
	}
}

func TestCombineEvidence(t *testing.T) {
	p := 0.745
	one := combineEvidence([]evidence{{doc: 0, sentence: 1, prior: p}})
	sameSentence := combineEvidence([]evidence{{0, 1, p}, {0, 1, p}})
	twoSentences := combineEvidence([]evidence{{0, 1, p}, {0, 2, p}})
	twoDocs := combineEvidence([]evidence{{0, 1, p}, {1, 1, p}})
	if one != 0.75 || sameSentence != one {
		t.Errorf("one sentence is the best prior, however many mentions: %.2f, %.2f", one, sameSentence)
	}
	// 1 - 0.255 * 0.75 = 0.80875
	if twoSentences != 0.81 {
		t.Errorf("a second sentence takes a quarter of the doubt: want 0.81, got %.2f", twoSentences)
	}
	// 1 - 0.255 * 0.85 = 0.78325
	if twoDocs != 0.78 {
		t.Errorf("a second document takes 15%% of the doubt: want 0.78, got %.2f", twoDocs)
	}
	var many []evidence
	for d := 0; d < 5; d++ {
		for s := 0; s < 30; s++ {
			many = append(many, evidence{d, s, 0.97})
		}
	}
	if got := combineEvidence(many); got != maxConfidence {
		t.Errorf("capped at %.2f, got %.2f", maxConfidence, got)
	}
	// Unknown sentences count one each.
	if got := combineEvidence([]evidence{{0, -1, p}, {0, -1, p}}); got != twoSentences {
		t.Errorf("mentions without a sentence: got %.2f", got)
	}
}

// More independent sentences make an entity more likely, end to end
// through Resolve.
func TestResolveConfidenceGrowsWithEvidence(t *testing.T) {
	once := hdoc(t, "a", "Blue Heron struck.\n", []mspec{pat("Blue Heron", extractor.ThreatActor)})
	thrice := hdoc(t, "b", "Blue Heron struck.\nBlue Heron again.\nBlue Heron, thrice.\n",
		[]mspec{pat("Blue Heron", extractor.ThreatActor), pat("Blue Heron", extractor.ThreatActor).at(1), pat("Blue Heron", extractor.ThreatActor).at(2)})
	c1 := Resolve([]*DocResult{once}).Entities[0].Confidence
	c3 := Resolve([]*DocResult{thrice}).Entities[0].Confidence
	if !(c1 < c3) {
		t.Errorf("three sentences (%.2f) should beat one (%.2f)", c3, c1)
	}
}
