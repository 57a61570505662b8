package linear

import (
	"slices"
	"testing"
)

// A toy problem with one telling feature per class: training learns it,
// and the same examples give the same weights every time (the embedded
// model is reproducible).
func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	var exs []Example
	for i := 0; i < 300; i++ {
		c := i % 3
		exs = append(exs, Example{Features: []uint32{uint32(c), 3 + uint32(i%5)}, Class: c})
	}
	w1, b1 := Train(exs, 3, 8, DefaultOptions)
	w2, b2 := Train(exs, 3, 8, DefaultOptions)
	if !slices.Equal(w1, w2) || !slices.Equal(b1, b2) {
		t.Fatal("two trainings on the same examples differ")
	}
	out := make([]float64, 3)
	for c := 0; c < 3; c++ {
		Probabilities([]uint32{uint32(c), 4}, w1, b1, out)
		if out[c] < 0.9 {
			t.Errorf("class %d: p = %.2f on its own feature", c, out[c])
		}
	}
}

// The seed orders the examples: another seed gives other weights, the
// same seed the same.
func TestTrainSeed(t *testing.T) {
	var exs []Example
	for i := 0; i < 200; i++ {
		exs = append(exs, Example{Features: []uint32{uint32(i % 3), 3 + uint32(i%7)}, Class: i % 2})
	}
	o := DefaultOptions
	o.Seed = 2
	w1, _ := Train(exs, 2, 16, DefaultOptions)
	w2, _ := Train(exs, 2, 16, o)
	w3, _ := Train(exs, 2, 16, o)
	if slices.Equal(w1, w2) || !slices.Equal(w2, w3) {
		t.Fatal("seed 2 should differ from seed 1 and repeat itself")
	}
}

// Predict folds 32-bit feature hashes into the buckets and agrees with
// Probabilities on the same weights; RoundBias keeps six decimals.
func TestPredictFoldsFeaturesAndMatchesProbabilities(t *testing.T) {
	w := []float64{0, 1, 2, 0, 0.5, -1} // 3 buckets × 2 classes
	w32 := make([]float32, len(w))
	for i, x := range w {
		w32[i] = float32(x)
	}
	bias := []float64{0.1, -0.1}
	want := make([]float64, 2)
	Probabilities([]uint32{1, 2}, w, bias, want)
	got := Predict(w32, bias, 3, []uint32{1, 2 + 3*1000}, nil)
	for c := range want {
		if d := got[c] - want[c]; d > 1e-6 || d < -1e-6 {
			t.Errorf("class %d: Predict %.6f, Probabilities %.6f", c, got[c], want[c])
		}
	}
	if r := RoundBias([]float64{-0.0457295, 0.1234564}); r[0] != -0.04573 || r[1] != 0.123456 {
		t.Errorf("RoundBias gave %v", r)
	}
}
