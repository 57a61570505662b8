package extract_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/rules"
)

// mechanismCut is the model threshold the mechanism tests run at: near
// zero, so a candidate is proposed whenever its likeliest relation type is
// one (not "none"). One example's probability moves with every retrain
// (the cross-sentence tie below: 0.15 with session 13's weights, 0.07
// after a retrain on 222 documents, while cross-validation improved); how
// good the probabilities are is measured by cross-validation (make
// train-pairs), not here.
const mechanismCut = 0.01

// pairRun extracts texts with the default pack, with or without the pair
// model.
func pairRun(t *testing.T, model bool, texts ...string) *extractor.Dataset {
	t.Helper()
	pack, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(pack)
	if err != nil {
		t.Fatal(err)
	}
	var results []*extract.DocResult
	for i, text := range texts {
		r, err := x.Document(context.Background(), readText(t, "doc"+string(rune('a'+i))+".txt", text))
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	opts := []extract.Option{extract.WithRules(pack.Rules()), extract.WithGroupNouns(pack.GroupNouns())}
	if model {
		m, err := extract.DefaultPairModel(pack)
		if err != nil {
			t.Fatal(err)
		}
		// The shipped cut is chosen by cross-validation and moves as the
		// corpus grows (p ≥ 0.2–0.3 since session 12; 0.5–0.7 before);
		// these tests are about the mechanism — evidence, confidence band,
		// the switch, determinism — so they run the shipped weights at a
		// fixed, permissive cut.
		m.SetThreshold(mechanismCut, "test")
		opts = append(opts, extract.WithPairModel(m))
	}
	return extract.Resolve(results, opts...)
}

// Our own two sentences: the company in the first, its employee in the
// second, tied by "its lead author". No rule reads that tie across the
// sentence break; the model proposes it, with its evidence (both
// sentences) and a confidence below every rule relation.
const crossSentence = "Verrin Labs published the analysis on Monday. Its lead author, Tomas Reyes, said the actor had changed tactics.\n"

func modelRelations(ds *extractor.Dataset) []extractor.Relation {
	var out []extractor.Relation
	for _, r := range ds.Relations {
		for _, ev := range r.Evidence {
			if ev.Rule == extract.PairRule {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

func TestPairModelProposesCrossSentenceTie(t *testing.T) {
	ds := pairRun(t, true, crossSentence)
	var got *extractor.Relation
	for _, r := range modelRelations(ds) {
		if r.Type == "employed-by" && r.Source == "person:tomas-reyes" && r.Target == "organization:verrin-labs" {
			got = &r
		}
	}
	if got == nil {
		t.Fatalf("no model relation Tomas Reyes employed-by Verrin Labs; relations: %v", relationIDs(ds))
	}
	ev := got.Evidence[0]
	if ev.Rule != extract.PairRule || ev.Sentence != strings.TrimSpace(crossSentence) {
		t.Errorf("evidence = %+v, want rule %s and both sentences", ev, extract.PairRule)
	}
	if got.Confidence <= 0 || got.Confidence > 0.10 {
		t.Errorf("confidence %.2f, want a low-confidence candidate (≤ 0.10)", got.Confidence)
	}
	for _, r := range ds.Relations {
		if r.ID != got.ID && len(modelRelations(&extractor.Dataset{Relations: []extractor.Relation{r}})) == 0 && r.Confidence <= got.Confidence {
			t.Errorf("rule relation %s (%.2f) ranks at or below the model's (%.2f)", r.ID, r.Confidence, got.Confidence)
		}
	}
}

func relationIDs(ds *extractor.Dataset) []string {
	var ids []string
	for _, r := range ds.Relations {
		ids = append(ids, r.ID)
	}
	return ids
}

// Without the option no relation carries model evidence, and the rules'
// relations are those of a run with it.
func TestPairModelOff(t *testing.T) {
	off := pairRun(t, false, crossSentence)
	if rs := modelRelations(off); len(rs) != 0 {
		t.Fatalf("model relations without the option: %v", rs)
	}
	on := pairRun(t, true, crossSentence)
	rules := map[string]bool{}
	for _, r := range on.Relations {
		if len(modelRelations(&extractor.Dataset{Relations: []extractor.Relation{r}})) == 0 {
			rules[r.ID] = true
		}
	}
	for _, r := range off.Relations {
		if !rules[r.ID] {
			t.Errorf("rule relation %s is missing when the model is on", r.ID)
		}
	}
	if len(rules) != len(off.Relations) {
		t.Errorf("%d rule relations with the model, %d without", len(rules), len(off.Relations))
	}
}

// The same input gives the same dataset, byte for byte, model included.
func TestPairModelDeterministic(t *testing.T) {
	text := crossSentence + "\nCobalt Wren used PlugX against ministries in Laos. The group also deployed Cobalt Strike.\n"
	a, _ := json.Marshal(pairRun(t, true, text, crossSentence))
	b, _ := json.Marshal(pairRun(t, true, text, crossSentence))
	if string(a) != string(b) {
		t.Error("two runs on the same input differ")
	}
}
