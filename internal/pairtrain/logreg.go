package pairtrain

import (
	"math/rand/v2"

	"github.com/reportgraph/extractor/extract"
)

// example is one labelled candidate: its hashed features and class.
type example struct {
	features []uint32
	class    int
	weight   float64 // scales the example's gradient; 0 counts as 1
}

// sgdOptions are the settings of the logistic regression's training.
type sgdOptions struct {
	epochs int
	rate   float64 // initial learning rate, decayed as rate / (1 + epoch)
	l2     float64 // weight decay of the features an example touches
	seed   uint64  // the example order of every epoch comes from it
}

var defaultSGD = sgdOptions{epochs: 12, rate: 0.2, l2: 1e-5, seed: 1}

// trainSoftmax fits a multinomial logistic regression over k classes and
// buckets hashed features by stochastic gradient descent. The order of the
// examples is shuffled by a seeded generator, so the same examples give
// the same weights on every machine: the embedded model is reproducible.
// Weights are bucket-major (w[f*k+c]), as extract.PairModel stores them.
func trainSoftmax(exs []example, k, buckets int, o sgdOptions) (w, bias []float64) {
	w = make([]float64, buckets*k)
	bias = make([]float64, k)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.seed, 0x9e3779b97f4a7c15))
	scores := make([]float64, k)
	for epoch := 0; epoch < o.epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := o.rate / (1 + float64(epoch))
		for _, i := range order {
			ex := exs[i]
			softmax(ex.features, w, bias, scores)
			wt := ex.weight
			if wt == 0 {
				wt = 1
			}
			for c := 0; c < k; c++ {
				g := scores[c]
				if c == ex.class {
					g--
				}
				g *= wt
				bias[c] -= rate * g
				for _, f := range ex.features {
					j := int(f)*k + c
					w[j] -= rate * (g + o.l2*w[j])
				}
			}
		}
	}
	return w, bias
}

// softmax writes the class probabilities of features into out.
func softmax(features []uint32, w, bias, out []float64) {
	k := len(bias)
	copy(out, bias)
	for _, f := range features {
		row := w[int(f)*k : int(f)*k+k]
		for c := range out {
			out[c] += row[c]
		}
	}
	extract.Softmax(out)
}
