package pairtrain

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
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

// The floor rule takes the lowest cut whose F1 is not below the floor
// (the last when none reaches it); the best-F1 rule the first of highest
// F1.
func TestChooseCut(t *testing.T) {
	f1s := []float64{0.70, 0.79, 0.805, 0.81, 0.812, 0.812, 0.80}
	if got := chooseCut(f1s, 0.803, CutFloor); got != 2 {
		t.Errorf("floor .803: %d, want 2", got)
	}
	if got := chooseCut(f1s, 0.9, CutFloor); got != len(f1s)-1 {
		t.Errorf("floor .9 (never reached): %d, want the last", got)
	}
	if got := chooseCut(f1s, 0, CutBestF1); got != 4 {
		t.Errorf("best F1: %d, want 4 (the first of two equal)", got)
	}
}

// A pair a rule links weighs LinkedWeight, a pair the gold relates
// RelationWeight more, both together the product.
func TestExampleWeight(t *testing.T) {
	opt := Options{LinkedWeight: 0.3, RelationWeight: 0.5}
	for _, c := range []struct {
		linked, relation bool
		want             float64
	}{{false, false, 1}, {true, false, 0.3}, {false, true, 0.5}, {true, true, 0.15}} {
		if got := exampleWeight(opt, c.linked, c.relation); got < c.want-1e-12 || got > c.want+1e-12 {
			t.Errorf("linked %v relation %v: %g, want %g", c.linked, c.relation, got, c.want)
		}
	}
}

// A type is withheld when its F1 with the model is below the rules' at
// every cut; a type the model helps at one cut, or one with no gold, is
// not.
func TestWithheldTypes(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	rep := func(partOf, uses float64) *corpus.Report {
		return &corpus.Report{PerRelationType: map[string]corpus.TypeFigures{
			"part-of": {Gold: 10, PRF: corpus.PRF{F1: f(partOf)}}, "uses": {Gold: 10, PRF: corpus.PRF{F1: f(uses)}},
			"exploits": {Gold: 0, PRF: corpus.PRF{F1: f(0)}}}}
	}
	base := rep(0.80, 0.80)
	got := withheldTypes(base, []*corpus.Report{rep(0.70, 0.75), rep(0.79, 0.80), rep(0.799, 0.78)})
	if len(got) != 1 || got[0] != "part-of" {
		t.Errorf("withheld %v, want [part-of]", got)
	}
	if got := withheldTypes(base, []*corpus.Report{rep(0.81, 0.70)}); len(got) != 1 || got[0] != "uses" {
		t.Errorf("withheld %v, want [uses]", got)
	}
}

// dropRelations leaves out about the share asked for, the same ones on
// every call, and never touches the dataset it copies.
func TestDropRelations(t *testing.T) {
	ds := &extractor.Dataset{}
	for i := 0; i < 1000; i++ {
		ds.Relations = append(ds.Relations, extractor.Relation{ID: fmt.Sprintf("rel:targets:a%d:b", i)})
	}
	if got := dropRelations(ds, 0, 1); len(got.Relations) != 1000 {
		t.Errorf("share 0 kept %d of 1000", len(got.Relations))
	}
	a, b := dropRelations(ds, 0.2, 1), dropRelations(ds, 0.2, 1)
	if n := len(a.Relations); n < 740 || n > 860 {
		t.Errorf("share 0.2 kept %d of 1000", n)
	}
	if !reflect.DeepEqual(a.Relations, b.Relations) {
		t.Error("two calls left out different relations")
	}
	if c := dropRelations(ds, 0.2, 2); reflect.DeepEqual(c.Relations, a.Relations) {
		t.Error("another seed left out the same relations")
	}
	if len(ds.Relations) != 1000 {
		t.Errorf("the original now has %d relations", len(ds.Relations))
	}
}

// Per-type cuts: each type gets the cut its own pooled F1 picks, the
// threshold is the lowest of them, and a type the model only harms is
// withheld.
func TestPerTypeCuts(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	rep := func(byType map[string]float64) *corpus.Report {
		r := &corpus.Report{PerRelationType: map[string]corpus.TypeFigures{}}
		for ty, v := range byType {
			r.PerRelationType[ty] = corpus.TypeFigures{PRF: corpus.PRF{F1: f(v)}, Gold: 10}
		}
		return r
	}
	base := rep(map[string]float64{"employed-by": 0.80, "sponsored-by": 0.84, "affiliated-with": 0.70, "uses": 0.9})
	reps := make([]*corpus.Report, len(thresholds))
	for i := range thresholds {
		// employed-by gains from the lowest cut on; sponsored-by only
		// from the fifth (0.4) up, best at the last; affiliated-with
		// never reaches the rules' F1.
		spons := 0.80
		if i >= 4 {
			spons = 0.84 + 0.001*float64(i)
		}
		reps[i] = rep(map[string]float64{"employed-by": 0.85 - 0.001*float64(i), "sponsored-by": spons, "affiliated-with": 0.69, "uses": 0.9})
	}
	th, cuts, more := perTypeCuts(base, reps, 0, CutPerType, []string{"uses"})
	if th != thresholds[0] {
		t.Errorf("threshold %v, want the lowest type cut %v", th, thresholds[0])
	}
	if len(cuts) != 1 || cuts["sponsored-by"] != thresholds[4] {
		t.Errorf("cuts %v, want sponsored-by %v only", cuts, thresholds[4])
	}
	if len(more) != 1 || more[0] != "affiliated-with" {
		t.Errorf("withheld %v, want [affiliated-with] (uses was withheld already)", more)
	}
	th, cuts, _ = perTypeCuts(base, reps, 0, CutPerTypeBest, nil)
	if th != thresholds[0] || cuts["sponsored-by"] != thresholds[len(thresholds)-1] {
		t.Errorf("best per type: threshold %v cuts %v, want %v and sponsored-by at the last cut", th, cuts, thresholds[0])
	}
}
