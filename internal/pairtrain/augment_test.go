package pairtrain

import (
	"testing"

	"github.com/reportgraph/extractor/extract"
)

// A rewritten copy trains every fold model but the one that scores its
// original (its fold), and the final model; a copy weighted 0 (scored
// only) trains none.
func TestCopiesNeverTrainTheirOriginalsFold(t *testing.T) {
	pair := [2]string{"threat-actor", "organization"}
	allowed := map[[2]string]bool{pair: true}
	ex := func(doc string, fold int, augmented bool, weight float64) labelled {
		return labelled{cand: &extract.PairCandidate{Doc: doc, Features: []uint32{uint32(len(doc))}}, class: 1,
			weight: weight, fold: fold, pair: pair, augmented: augmented}
	}
	data := []labelled{ex("orig", 1, false, 1), ex("copy-of-orig", 1, true, 1), ex("other", 0, false, 1),
		ex("scored-only-copy", 0, true, 0)}
	count := func(skip int) (originals, copies int) {
		for _, e := range trainingExamples(data, skip, allowed) {
			if len(e.Features) == 0 {
				t.Fatal("example without features")
			}
			switch e.Features[0] {
			case uint32(len("copy-of-orig")), uint32(len("scored-only-copy")):
				copies++
			default:
				originals++
			}
		}
		return
	}
	if o, c := count(1); o != 1 || c != 0 {
		t.Errorf("fold 1's model (scores orig) trains on %d originals, %d copies; want 1, 0", o, c)
	}
	if o, c := count(0); o != 1 || c != 1 {
		t.Errorf("fold 0's model trains on %d originals, %d copies; want 1, 1 (the scored-only copy left out)", o, c)
	}
	if o, c := count(-1); o != 2 || c != 1 {
		t.Errorf("the final model trains on %d originals, %d copies; want 2, 1", o, c)
	}
}

// The copies never count towards MinSupport: a triple the originals give
// once stays below a support of 2 however many copies repeat it.
func TestCopiesDoNotCountTowardsSupport(t *testing.T) {
	classes := []string{extract.NoRelation, "targets"}
	ex := func(doc string, augmented bool) labelled {
		return labelled{cand: &extract.PairCandidate{Doc: doc, Source: "a", Target: "b"}, class: 1, fold: 0,
			pair: [2]string{"threat-actor", "organization"}, augmented: augmented}
	}
	data := []labelled{ex("orig", false), ex("copy1", true), ex("copy2", true), ex("copy3", true)}
	if got := allowedPairs(data, classes, -1, 2); len(got) != 0 {
		t.Errorf("allowed %v on one original and three copies, want none", got)
	}
	data = append(data, ex("orig2", false))
	if got := allowedPairs(data, classes, -1, 2); len(got) != 1 {
		t.Errorf("allowed %v on two originals, want the pair", got)
	}
}
