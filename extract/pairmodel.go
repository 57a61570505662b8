package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/reportgraph/extractor/internal/linear"
	"github.com/reportgraph/extractor/rules"
)

// The candidate-pair relation model (docs/relation-model.md): a multinomial
// logistic regression over hashed features of two entity mentions in one
// sentence or in nearby ones of a block (pairs.go), with the classes "none" and the
// relation types. It proposes relations the rules missed, each as a
// low-confidence candidate with rule id PairRule. It is trained by
// `extractor train-pairs` (internal/pairtrain) on corpus/samples; `make
// train-pairs` rewrites the two files below, which are embedded so the
// binary stays one file.
//
// The weights live in a binary file of little-endian int16 (quantised with
// one scale), because as JSON numbers they would be several times larger;
// the rest of the model is JSON, readable in a diff.

//go:embed pairmodel.json
var pairModelMeta []byte

//go:embed pairmodel.bin
var pairModelWeights []byte

// Files of the embedded model, relative to the package folder.
const (
	PairModelMetaFile    = "pairmodel.json"
	PairModelWeightsFile = "pairmodel.bin"
)

// PairRule is the rule id on the evidence of every relation the model
// proposes, so a reviewer (and `extractor eval`'s per-rule counts) can
// tell them from rule-found ones.
const PairRule = "model.pair"

// NoRelation is the first class of every pair model.
const NoRelation = "none"

// TypePair is one ordered pair of entity types and the relation types the
// model may propose between them (source first).
type TypePair struct {
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Relations []string `json:"relations"`
}

// pairMeta is the JSON part of a model file.
type pairMeta struct {
	// Classes are NoRelation and the relation types, in weight-column order.
	Classes []string `json:"classes"`
	// Buckets is the size of the hashed feature space.
	Buckets int `json:"buckets"`
	// Scale turns a stored int16 weight back into a float (w = q * Scale).
	Scale float64 `json:"scale"`
	// Bias is one weight per class.
	Bias []float64 `json:"bias"`
	// Threshold is the least probability of a relation class that is
	// proposed (chosen on cross-validation by document).
	Threshold float64 `json:"threshold"`
	// Allowed are the type pairs candidates are made for.
	Allowed []TypePair `json:"allowed"`
	// Trained says how the model was made, for the reader of a diff.
	Trained string `json:"trained,omitempty"`
}

// PairModel is a loaded model plus the pack's cue lists its features read.
// It is safe for concurrent use once built.
type PairModel struct {
	meta    pairMeta
	weights []float32 // Buckets × len(Classes), bucket-major
	allowed map[[2]string][]int
	cues    *cueMatcher
	// reporting are the pack's reporting verbs (wordHash): an entity
	// named right before one ("X said", "X assessed") is a source of the
	// report, not an actor in it.
	reporting map[uint32]bool
}

// DefaultPairModel returns the embedded model, reading the negation and
// hedge cues of pack.
func DefaultPairModel(pack *rules.Pack) (*PairModel, error) {
	return LoadPairModel(pairModelMeta, pairModelWeights, pack)
}

// LoadPairModel decodes a model from its two files' bytes.
func LoadPairModel(meta, weights []byte, pack *rules.Pack) (*PairModel, error) {
	var m pairMeta
	if err := json.Unmarshal(meta, &m); err != nil {
		return nil, fmt.Errorf("pair model: %w", err)
	}
	n := m.Buckets * len(m.Classes)
	switch {
	case len(m.Classes) < 2 || m.Classes[0] != NoRelation:
		return nil, fmt.Errorf("pair model: classes must start with %q and name a relation type", NoRelation)
	case m.Buckets <= 0:
		return nil, fmt.Errorf("pair model: %d buckets", m.Buckets)
	case len(m.Bias) != len(m.Classes):
		return nil, fmt.Errorf("pair model: %d biases for %d classes", len(m.Bias), len(m.Classes))
	}
	w, err := linear.Dequantise(weights, m.Scale, n)
	if err != nil {
		return nil, fmt.Errorf("pair model: %w (%d buckets × %d classes)", err, m.Buckets, len(m.Classes))
	}
	return newPairModel(m, w, pack)
}

// NewPairModel returns an untrained model (zero weights) over classes and
// type pairs, for training. Threshold 0 proposes every relation class that
// wins a candidate.
func NewPairModel(classes []string, allowed []TypePair, buckets int, pack *rules.Pack) (*PairModel, error) {
	m := pairMeta{Classes: classes, Buckets: buckets, Scale: 1, Bias: make([]float64, len(classes)), Allowed: allowed}
	return newPairModel(m, make([]float32, buckets*len(classes)), pack)
}

func newPairModel(m pairMeta, w []float32, pack *rules.Pack) (*PairModel, error) {
	pm := &PairModel{meta: m, weights: w, allowed: map[[2]string][]int{}}
	col := map[string]int{}
	for i, c := range m.Classes {
		col[c] = i
	}
	for _, tp := range m.Allowed {
		for _, r := range tp.Relations {
			i, ok := col[r]
			if !ok || i == 0 {
				return nil, fmt.Errorf("pair model: type pair %s>%s allows unknown relation %q", tp.Source, tp.Target, r)
			}
			k := [2]string{tp.Source, tp.Target}
			pm.allowed[k] = append(pm.allowed[k], i)
		}
	}
	var negs, hedges []string
	if pack != nil {
		negs, hedges = pack.RelationCueWords()
	}
	pm.cues = newCueMatcher(negs, hedges)
	pm.reporting = map[uint32]bool{}
	if pack != nil {
		for _, w := range pack.ReportingVerbs() {
			pm.reporting[wordHash(w)] = true
		}
	}
	return pm, nil
}

// Classes returns NoRelation and the relation types, in column order.
func (m *PairModel) Classes() []string { return append([]string(nil), m.meta.Classes...) }

// Buckets is the size of the hashed feature space.
func (m *PairModel) Buckets() int { return m.meta.Buckets }

// Threshold is the least class probability proposed.
func (m *PairModel) Threshold() float64 { return m.meta.Threshold }

// Allowed returns the type pairs candidates are made for.
func (m *PairModel) Allowed() []TypePair { return append([]TypePair(nil), m.meta.Allowed...) }

// SetWeights replaces the weights (bucket-major, Buckets × classes) and
// the biases.
func (m *PairModel) SetWeights(w, bias []float64) {
	for i := range m.weights {
		m.weights[i] = float32(w[i])
	}
	m.meta.Bias = append([]float64(nil), bias...)
}

// SetThreshold sets the least probability proposed and the note on how
// the model was trained.
func (m *PairModel) SetThreshold(threshold float64, trained string) {
	m.meta.Threshold = threshold
	m.meta.Trained = trained
}

// Probabilities returns the class probabilities of one candidate's
// features (softmax of the summed weights), into out.
func (m *PairModel) Probabilities(features []uint32, out []float64) []float64 {
	return linear.Predict(m.weights, m.meta.Bias, m.meta.Buckets, features, out)
}

// Write stores the model as the two files of the embedded model in dir,
// quantising the weights to int16.
func (m *PairModel) Write(dir string) error {
	meta := m.meta
	buf, scale := linear.Quantise(m.weights)
	meta.Scale, meta.Bias = scale, linear.RoundBias(m.meta.Bias)
	return linear.WriteFiles(dir, PairModelMetaFile, PairModelWeightsFile, meta, buf)
}
