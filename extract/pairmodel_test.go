package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// The embedded model loads, has the classes and size the code expects,
// stays small, and survives a write and a reload (quantisation included).
func TestEmbeddedPairModelShape(t *testing.T) {
	pack := defaultPack(t)
	m := pairModelOn(t, pack)
	cls := m.ClassNames()
	if len(cls) != 11 || cls[0] != NoRelation {
		t.Fatalf("classes = %v, want %q and the 10 relation types", cls, NoRelation)
	}
	if b := m.Buckets; b <= 0 || len(pairModelWeights) != 2*b*len(cls) {
		t.Fatalf("%d bytes of weights for %d buckets × %d classes", len(pairModelWeights), b, len(cls))
	}
	if n := len(pairModelWeights) + len(pairModelMeta); n >= 1<<20 {
		t.Errorf("the embedded model is %d bytes; keep it under 1 MB", n)
	}
	if th := m.Threshold; th <= 0 || th >= 1 {
		t.Errorf("threshold %v is no probability cut", th)
	}
	known := map[string]bool{}
	for _, c := range cls[1:] {
		known[c] = true
	}
	if len(m.Allowed()) == 0 {
		t.Fatal("the model allows no type pair")
	}
	for _, tp := range m.Allowed() {
		for _, r := range tp.Relations {
			if !known[r] {
				t.Errorf("type pair %s>%s allows unknown relation %q", tp.Source, tp.Target, r)
			}
		}
	}
	nonZero := 0
	for _, w := range m.Weights {
		if w != 0 {
			nonZero++
		}
	}
	if nonZero < len(m.Weights)/10 {
		t.Errorf("only %d of %d weights are set: an untrained model?", nonZero, len(m.Weights))
	}

	again := writeAndLoad(t, m, pack)
	if !reflect.DeepEqual(again.Allowed(), m.Allowed()) || again.Threshold != m.Threshold || again.Trained != m.Trained ||
		!reflect.DeepEqual(again.Functional(), m.Functional()) || !reflect.DeepEqual(again.Withheld(), m.Withheld()) {
		t.Errorf("header not read back: %v %q", again.Threshold, again.Trained)
	}
	feats := []uint32{0, 7, 42, uint32(m.Buckets - 1)}
	p1 := m.Probabilities(feats, nil)
	p2 := again.Probabilities(feats, nil)
	for c := range p1 {
		if d := p1[c] - p2[c]; d > 1e-3 || d < -1e-3 {
			t.Errorf("class %s: %.4f before writing, %.4f after", cls[c], p1[c], p2[c])
		}
	}
}

// A model file whose parts disagree is refused with the reason.
func TestLoadPairModelRejectsBadFiles(t *testing.T) {
	for name, meta := range map[string]string{
		"no none class":   `{"classes":["uses"],"buckets":1,"scale":1,"bias":[0]}`,
		"short weights":   `{"classes":["none","uses"],"buckets":4,"scale":1,"bias":[0,0]}`,
		"unknown in pair": `{"classes":["none","uses"],"buckets":1,"scale":1,"bias":[0,0],"allowed":[{"source":"a","target":"b","relations":["targets"]}]}`,
	} {
		if _, err := LoadPairModel([]byte(meta), make([]byte, 4), nil); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// A proposal's confidence stays below the weakest relation a rule can
// make: a priority-0 rule, hedged, its end an anaphor read as the topic.
func TestPairConfidenceBelowEveryRuleRelation(t *testing.T) {
	weakest := extractor.Evidence{Hedge: "likely", Coref: "the group → X " + rules.TopicCorefNote}
	floor := RelationConfidence([]extractor.Evidence{weakest}, []int{0})
	if hi := PairConfidence(1); hi >= floor {
		t.Errorf("a certain proposal gets %.2f, the weakest rule relation %.2f", hi, floor)
	}
	if lo := PairConfidence(0); lo <= 0 {
		t.Errorf("PairConfidence(0) = %v, want a positive confidence", lo)
	}
}

// Joint decoding of functional types: one source of a document keeps its
// likeliest proposal of such a type; other types, other sources and other
// documents are untouched.
func TestKeepBestPerSource(t *testing.T) {
	m, err := NewPairModel([]string{NoRelation, "located-in", "targets"}, nil, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.SetFunctional([]string{"located-in"}); err != nil {
		t.Fatal(err)
	}
	if got := m.Functional(); !reflect.DeepEqual(got, []string{"located-in"}) {
		t.Fatalf("Functional() = %v", got)
	}
	if err := m.SetFunctional([]string{"no-such-type"}); err == nil {
		t.Error("an unknown functional type was accepted")
	}
	_ = m.SetFunctional([]string{"located-in"})
	docs := []string{"a", "a", "a", "a", "a", "b"}
	srcs := []int{0, 0, 0, 0, 1, 0}
	best := []*proposal{
		{class: 1, p: 0.4}, // source 0, located-in: loses to the next
		{class: 1, p: 0.7}, // kept
		{class: 2, p: 0.3}, // targets is not functional: kept
		{class: 2, p: 0.5}, // kept
		{class: 1, p: 0.2}, // another source: kept
		{class: 1, p: 0.3}, // another document: kept
	}
	m.keepBestPerSource(docs, srcs, best)
	want := []float64{0, 0.7, 0.3, 0.5, 0.2, 0.3}
	for i, b := range best {
		if b.p != want[i] {
			t.Errorf("proposal %d: p %v, want %v", i, b.p, want[i])
		}
	}
}

// A withheld type is scored but never proposed, and its probability is not
// handed to another type: a candidate whose likeliest type is withheld
// gives no relation at all.
func TestWithheldTypeNeverProposed(t *testing.T) {
	allowed := []TypePair{{Source: "threat-actor", Target: "organization", Relations: []string{"targets", "affiliated-with"}}}
	m, err := NewPairModel([]string{NoRelation, "affiliated-with", "targets"}, allowed, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Bias[2] = 1 // targets is the likeliest
	cand := PairCandidate{Doc: "d", Source: "threat-actor:x", Target: "organization:y", Features: []uint32{1},
		types: [2]string{"threat-actor", "organization"}, text: "X hit Y.", Evidence: extractor.Span{Start: 0, End: 8}}
	propose := func() []string {
		ds := &extractor.Dataset{}
		m.ProposeFrom(ds, []PairCandidate{cand}, 0.1)
		var got []string
		for _, r := range ds.Relations {
			got = append(got, r.Type)
		}
		return got
	}
	if got := propose(); !reflect.DeepEqual(got, []string{"targets"}) {
		t.Fatalf("before withholding: %v, want [targets]", got)
	}
	if err := m.SetWithheld([]string{"targets"}); err != nil {
		t.Fatal(err)
	}
	if got := propose(); len(got) != 0 {
		t.Errorf("withheld targets still gave %v", got)
	}
	if err := m.SetWithheld([]string{"none-such"}); err == nil {
		t.Error("an unknown withheld type was accepted")
	}
}

// A per-type cut lifts the least probability of its type only, and it
// survives writing and loading the model.
func TestPerTypeCut(t *testing.T) {
	allowed := []TypePair{{Source: "threat-actor", Target: "organization", Relations: []string{"targets", "affiliated-with"}}}
	m, err := NewPairModel([]string{NoRelation, "affiliated-with", "targets"}, allowed, 4, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.Bias[2] = 1 // targets is the likeliest, p ≈ 0.58
	cand := PairCandidate{Doc: "d", Source: "threat-actor:x", Target: "organization:y", Features: []uint32{1},
		types: [2]string{"threat-actor", "organization"}, text: "X hit Y.", Evidence: extractor.Span{Start: 0, End: 8}}
	propose := func(m *PairModel) int {
		ds := &extractor.Dataset{}
		m.ProposeFrom(ds, []PairCandidate{cand}, 0.1)
		return len(ds.Relations)
	}
	if err := m.SetCuts(map[string]float64{"affiliated-with": 0.9}); err != nil {
		t.Fatal(err)
	}
	if n := propose(m); n != 1 {
		t.Fatalf("a cut on another type removed the targets proposal (%d relations)", n)
	}
	if err := m.SetCuts(map[string]float64{"targets": 0.9}); err != nil {
		t.Fatal(err)
	}
	if n := propose(m); n != 0 {
		t.Errorf("targets below its cut 0.9 was still proposed")
	}
	back := writeAndLoad(t, m, nil)
	if got := back.Cuts(); !reflect.DeepEqual(got, map[string]float64{"targets": 0.9}) {
		t.Errorf("cuts after write and load: %v", got)
	}
	if n := propose(back); n != 0 {
		t.Errorf("the loaded model proposed targets below its cut")
	}
	if err := m.SetCuts(map[string]float64{"none-such": 0.5}); err == nil {
		t.Error("a cut on an unknown type was accepted")
	}
	if err := m.SetCuts(map[string]float64{"targets": 1.5}); err == nil {
		t.Error("a cut above 1 was accepted")
	}
}

// writeAndLoad writes m to a temporary folder and loads it back, as a
// user's trained model is shipped and read.
func writeAndLoad(t *testing.T, m *PairModel, pack *rules.Pack) *PairModel {
	t.Helper()
	dir := t.TempDir()
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	meta, _ := os.ReadFile(filepath.Join(dir, PairModelMetaFile))
	bin, _ := os.ReadFile(filepath.Join(dir, PairModelWeightsFile))
	again, err := LoadPairModel(meta, bin, pack)
	if err != nil {
		t.Fatal(err)
	}
	return again
}
