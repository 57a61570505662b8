package pairtrain

import (
	"strings"
	"testing"

	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/extract"
)

// The subset table counts the model's proposals by type and verdict, and
// pools the relation counts of the documents whose name holds subsetWord
// only.
func TestSubsetsCountsModelProposalsAndPooledFigures(t *testing.T) {
	model := func(typ, verdict string) corpus.RelationOutcome {
		return corpus.RelationOutcome{Source: "A", Type: typ, Target: "B", Verdict: verdict, Rules: []string{extract.PairRule}}
	}
	rep := &corpus.Report{Documents: []corpus.DocReport{
		{Source: "x-paraphrased-news.txt", RelationCounts: &corpus.RelationCounts{Gold: 4, Found: 2, PredTP: 2, PredFP: 2},
			PredictedRelations: []corpus.RelationOutcome{model("affiliated-with", corpus.VerdictFP), model("targets", corpus.VerdictTP),
				{Source: "A", Type: "uses", Target: "C", Verdict: corpus.VerdictTP, Rules: []string{"rel.usage"}}}},
		{Source: "y-report.txt", RelationCounts: &corpus.RelationCounts{Gold: 10, Found: 10, PredTP: 10},
			PredictedRelations: []corpus.RelationOutcome{model("uses", corpus.VerdictTP), model("affiliated-with", corpus.VerdictTP)}},
	}}
	var b strings.Builder
	subsets(&b, rep, []*corpus.Report{rep})
	out := b.String()
	if !strings.Contains(out, "| rules only | 1/1 | 1/0 | 1/0 | 1/1 | 0.500 | 0.500 | 0.500 |") {
		t.Errorf("rules-only line:\n%s", out)
	}
	if !strings.Contains(out, "| 0.05 | 1/1 | 1/0 | 1/0 | 1/1 |") {
		t.Errorf("first threshold line:\n%s", out)
	}
}
