package linear

import (
	"fmt"
	"math"
)

// Header is the JSON part of a model file that both models share; each
// model's file adds its own fields (the classes a name model proposes,
// the type pairs a pair model reads) beside these.
type Header struct {
	// Classes are the "none" class and the classes proposed, in
	// weight-column order.
	Classes []string `json:"classes"`
	// Buckets is the size of the hashed feature space.
	Buckets int `json:"buckets"`
	// Scale turns a stored int16 weight back into a float (w = q × Scale).
	Scale float64 `json:"scale"`
	// Bias is one weight per class.
	Bias []float64 `json:"bias"`
	// Threshold is the least probability of a class that the model
	// proposes (chosen on cross-validation by document).
	Threshold float64 `json:"threshold"`
	// Trained says how the model was made, for the reader of a diff.
	Trained string `json:"trained,omitempty"`
}

// Model is a model's header and float weights: what both models embed.
type Model struct {
	Header
	Weights []float32 // Buckets × len(Classes), bucket-major
}

// New returns an untrained model (zero weights and biases) over classes.
func New(classes []string, buckets int) Model {
	return Model{Header: Header{Classes: classes, Buckets: buckets, Scale: 1, Bias: make([]float64, len(classes))},
		Weights: make([]float32, buckets*len(classes))}
}

// Load checks a header read from a model file and decodes its weights.
// what names the model in errors; none is the name the first class must
// have.
func Load(what, none string, h Header, weights []byte) (Model, error) {
	switch {
	case len(h.Classes) < 2 || h.Classes[0] != none:
		return Model{}, fmt.Errorf("%s: classes must start with %q and name at least one more", what, none)
	case h.Buckets <= 0:
		return Model{}, fmt.Errorf("%s: %d buckets", what, h.Buckets)
	case len(h.Bias) != len(h.Classes):
		return Model{}, fmt.Errorf("%s: %d biases for %d classes", what, len(h.Bias), len(h.Classes))
	case !(h.Scale > 0) || math.IsInf(h.Scale, 0):
		return Model{}, fmt.Errorf("%s: scale %v (want a finite number above 0)", what, h.Scale)
	case !(h.Threshold >= 0 && h.Threshold <= 1):
		return Model{}, fmt.Errorf("%s: threshold %v (want one in [0, 1])", what, h.Threshold)
	}
	for _, b := range h.Bias {
		if math.IsNaN(b) || math.IsInf(b, 0) {
			return Model{}, fmt.Errorf("%s: bias %v", what, b)
		}
	}
	w, err := Dequantise(weights, h.Scale, h.Buckets*len(h.Classes))
	if err != nil {
		return Model{}, fmt.Errorf("%s: %w (%d buckets × %d classes)", what, err, h.Buckets, len(h.Classes))
	}
	return Model{Header: h, Weights: w}, nil
}

// ClassNames returns the classes, in column order (a copy).
func (m *Model) ClassNames() []string { return append([]string(nil), m.Header.Classes...) }

// SetWeights replaces the weights (bucket-major, Buckets × classes) and
// the biases.
func (m *Model) SetWeights(w, bias []float64) {
	for i := range m.Weights {
		m.Weights[i] = float32(w[i])
	}
	m.Bias = append([]float64(nil), bias...)
}

// SetThreshold sets the least probability proposed and the note on how
// the model was trained.
func (m *Model) SetThreshold(threshold float64, trained string) {
	m.Threshold = threshold
	m.Trained = trained
}

// Probabilities returns the class probabilities of one candidate's
// features (32-bit hashes, folded into the buckets), into out.
func (m *Model) Probabilities(features []uint32, out []float64) []float64 {
	return Predict(m.Weights, m.Bias, m.Buckets, features, out)
}

// Quantised returns the header as a file stores it (the weights' scale,
// the biases rounded) and the int16 weights.
func (m *Model) Quantised() (Header, []byte) {
	h := m.Header
	data, scale := Quantise(m.Weights)
	h.Scale, h.Bias = scale, RoundBias(m.Bias)
	return h, data
}
