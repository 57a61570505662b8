package pairtrain

import (
	"slices"
	"testing"
)

// A toy problem with one telling feature per class: training learns it,
// and the same examples give the same weights every time (the embedded
// model is reproducible).
func TestTrainSoftmaxLearnsAndIsDeterministic(t *testing.T) {
	var exs []example
	for i := 0; i < 300; i++ {
		c := i % 3
		exs = append(exs, example{features: []uint32{uint32(c), 3 + uint32(i%5)}, class: c})
	}
	w1, b1 := trainSoftmax(exs, 3, 8, defaultSGD)
	w2, b2 := trainSoftmax(exs, 3, 8, defaultSGD)
	if !slices.Equal(w1, w2) || !slices.Equal(b1, b2) {
		t.Fatal("two trainings on the same examples differ")
	}
	out := make([]float64, 3)
	for c := 0; c < 3; c++ {
		softmax([]uint32{uint32(c), 4}, w1, b1, out)
		if out[c] < 0.9 {
			t.Errorf("class %d: p = %.2f on its own feature", c, out[c])
		}
	}
}

// The seed orders the examples: another seed gives other weights, the
// same seed the same.
func TestTrainSoftmaxSeed(t *testing.T) {
	var exs []example
	for i := 0; i < 200; i++ {
		exs = append(exs, example{features: []uint32{uint32(i % 3), 3 + uint32(i%7)}, class: i % 2})
	}
	o := defaultSGD
	o.seed = 2
	w1, _ := trainSoftmax(exs, 2, 16, defaultSGD)
	w2, _ := trainSoftmax(exs, 2, 16, o)
	w3, _ := trainSoftmax(exs, 2, 16, o)
	if slices.Equal(w1, w2) || !slices.Equal(w2, w3) {
		t.Fatal("seed 2 should differ from seed 1 and repeat itself")
	}
}
