// Package linear holds what the hashed-feature models of the extractor
// share: the softmax, the stochastic-gradient training of a multinomial
// logistic regression, and the int16 storage of its weights. The
// candidate-pair relation model (extract, internal/pairtrain) and the
// name model (rules, internal/nametrain) both use it, so training and
// prediction compute probabilities the same way.
package linear

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// Softmax turns class scores into probabilities in place, shifted by the
// largest score so that no exponential overflows.
func Softmax(scores []float64) {
	hi := math.Inf(-1)
	for _, s := range scores {
		hi = math.Max(hi, s)
	}
	sum := 0.0
	for c := range scores {
		scores[c] = math.Exp(scores[c] - hi)
		sum += scores[c]
	}
	for c := range scores {
		scores[c] /= sum
	}
}

// Example is one labelled training case: its hashed features and class.
type Example struct {
	Features []uint32
	Class    int
	Weight   float64 // scales the example's gradient; 0 counts as 1
}

// Options are the settings of the training.
type Options struct {
	Epochs int
	Rate   float64 // initial learning rate, decayed as Rate / (1 + epoch)
	L2     float64 // weight decay of the features an example touches
	Seed   uint64  // the example order of every epoch comes from it
}

// DefaultOptions are the settings the shipped models were trained with.
var DefaultOptions = Options{Epochs: 12, Rate: 0.2, L2: 1e-5, Seed: 1}

// Train fits a multinomial logistic regression over k classes and buckets
// hashed features by stochastic gradient descent. The order of the
// examples is shuffled by a seeded generator, so the same examples give
// the same weights on every machine: an embedded model is reproducible.
// Weights are bucket-major (w[f*k+c]).
func Train(exs []Example, k, buckets int, o Options) (w, bias []float64) {
	w = make([]float64, buckets*k)
	bias = make([]float64, k)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x9e3779b97f4a7c15))
	scores := make([]float64, k)
	for epoch := 0; epoch < o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := o.Rate / (1 + float64(epoch))
		for _, i := range order {
			ex := exs[i]
			Probabilities(ex.Features, w, bias, scores)
			wt := ex.Weight
			if wt == 0 {
				wt = 1
			}
			for c := 0; c < k; c++ {
				g := scores[c]
				if c == ex.Class {
					g--
				}
				g *= wt
				bias[c] -= rate * g
				for _, f := range ex.Features {
					j := int(f)*k + c
					w[j] -= rate * (g + o.L2*w[j])
				}
			}
		}
	}
	return w, bias
}

// Probabilities writes the class probabilities of features under the
// bucket-major weights w and bias into out (len(bias) long).
func Probabilities(features []uint32, w, bias, out []float64) {
	k := len(bias)
	copy(out, bias)
	for _, f := range features {
		row := w[int(f)*k : int(f)*k+k]
		for c := range out {
			out[c] += row[c]
		}
	}
	Softmax(out)
}

// Quantise stores weights as little-endian int16 with one scale
// (w = q * scale): a fraction of the size of JSON numbers, and exact
// enough for a linear model.
func Quantise(w []float32) (data []byte, scale float64) {
	hi := 0.0
	for _, x := range w {
		hi = math.Max(hi, math.Abs(float64(x)))
	}
	scale = 1
	if hi > 0 {
		scale = hi / math.MaxInt16
	}
	data = make([]byte, 2*len(w))
	for i, x := range w {
		binary.LittleEndian.PutUint16(data[2*i:], uint16(int16(math.Round(float64(x)/scale))))
	}
	return data, scale
}

// Dequantise reads n weights that Quantise stored.
func Dequantise(data []byte, scale float64, n int) ([]float32, error) {
	if len(data) != 2*n {
		return nil, fmt.Errorf("%d bytes of weights, want %d", len(data), 2*n)
	}
	w := make([]float32, n)
	for i := range w {
		w[i] = float32(float64(int16(binary.LittleEndian.Uint16(data[2*i:]))) * scale)
	}
	return w, nil
}

// Predict returns into out the class probabilities of hashed features
// under bucket-major float32 weights w (buckets × len(bias)) and bias:
// the softmax of the bias plus the features' rows, summed in float32 as
// the weights are stored. A feature is folded into the buckets (f %
// buckets), so callers may pass 32-bit hashes.
func Predict(w []float32, bias []float64, buckets int, features []uint32, out []float64) []float64 {
	k := len(bias)
	var sums [32]float32
	acc := sums[:0]
	if k <= len(sums) {
		acc = sums[:k]
	} else {
		acc = make([]float32, k)
	}
	b := uint32(buckets)
	for _, f := range features {
		i := int(f%b) * k
		for c, x := range w[i : i+k] {
			acc[c] += x
		}
	}
	out = append(out[:0], bias...)
	for c := range out {
		out[c] += float64(acc[c])
	}
	Softmax(out)
	return out
}

// RoundBias returns a copy of bias rounded to six decimals, as model
// files store it (readable in a diff, exact enough).
func RoundBias(bias []float64) []float64 {
	out := make([]float64, len(bias))
	for i, b := range bias {
		out[i] = math.Round(b*1e6) / 1e6
	}
	return out
}

// WriteFiles writes a model as its two files in dir: meta as indented
// JSON (with a final newline) and the weights Quantise made.
func WriteFiles(dir, metaFile, weightsFile string, meta any, weights []byte) error {
	js, err := json.MarshalIndent(meta, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, metaFile), append(js, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, weightsFile), weights, 0o644)
}
