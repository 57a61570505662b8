package rules

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/linear"
)

// The name model (docs/name-model.md) types capitalised names that no rule
// found: "Alcoa", "the payroll firm Zellis", "Tiananmen Sq." after the rules
// have run, a multinomial logistic regression over hashed features of the
// name and its context (namefeatures.go) says whether it is a
// company, a government body, a person, a place or a group, or nothing.
// A pack turns it on with a rule of kind model (pack/model-names.yaml);
// its mentions carry that rule's id and its low priority, and the
// relation rules that run after it see them like any other mention.
//
// `extractor train-names` (internal/nametrain) trains it on corpus/samples
// and rewrites the two files below (`make train-names`); like the
// relation model's they are a JSON header and int16 weights.

//go:embed namemodel.json
var nameModelMeta []byte

//go:embed namemodel.bin
var nameModelWeights []byte

// Files of the embedded name model, relative to the package folder.
const (
	NameModelMetaFile    = "namemodel.json"
	NameModelWeightsFile = "namemodel.bin"
)

// KindModel is the kind of the rule that runs the name model.
const KindModel = "model"

// NoName is the first class of a name model: the span is not a name of
// interest.
const NoName = "none"

// nameMeta is the JSON part of a name model file.
type nameMeta struct {
	// Classes are NoName and entity types, in weight-column order.
	Classes []string  `json:"classes"`
	Buckets int       `json:"buckets"`
	Scale   float64   `json:"scale"`
	Bias    []float64 `json:"bias"`
	// Propose are the classes the model makes mentions of; a name whose
	// likeliest class is another is left alone.
	Propose []string `json:"propose"`
	// Threshold is the least mean probability of an entity class over a
	// name's occurrences in a document for the name to become a mention.
	Threshold float64 `json:"threshold"`
	Trained   string  `json:"trained,omitempty"`
}

// NameModel is a loaded name model, safe for concurrent use.
type NameModel struct {
	meta    nameMeta
	weights []float32 // Buckets × len(Classes), bucket-major
	types   []extractor.EntityType
	propose []bool // per class
}

// DefaultNameModel returns the embedded model.
func DefaultNameModel() (*NameModel, error) {
	return LoadNameModel(nameModelMeta, nameModelWeights)
}

// LoadNameModel decodes a model from its two files' bytes.
func LoadNameModel(meta, weights []byte) (*NameModel, error) {
	var m nameMeta
	if err := json.Unmarshal(meta, &m); err != nil {
		return nil, fmt.Errorf("name model: %w", err)
	}
	switch {
	case len(m.Classes) < 2 || m.Classes[0] != NoName:
		return nil, fmt.Errorf("name model: classes must start with %q and name an entity type", NoName)
	case m.Buckets <= 0:
		return nil, fmt.Errorf("name model: %d buckets", m.Buckets)
	case len(m.Bias) != len(m.Classes):
		return nil, fmt.Errorf("name model: %d biases for %d classes", len(m.Bias), len(m.Classes))
	case !(m.Scale > 0) || math.IsInf(m.Scale, 0):
		return nil, fmt.Errorf("name model: scale %v (want a finite number above 0)", m.Scale)
	case !(m.Threshold > 0 && m.Threshold <= 1):
		return nil, fmt.Errorf("name model: threshold %v (want one in (0, 1])", m.Threshold)
	}
	for _, b := range m.Bias {
		if math.IsNaN(b) || math.IsInf(b, 0) {
			return nil, fmt.Errorf("name model: bias %v", b)
		}
	}
	w, err := linear.Dequantise(weights, m.Scale, m.Buckets*len(m.Classes))
	if err != nil {
		return nil, fmt.Errorf("name model: %w", err)
	}
	return newNameModel(m, w)
}

// NewNameModel returns an untrained model (zero weights) over NoName and
// the entity types, which proposes mentions of the types in propose, for
// training.
func NewNameModel(types, propose []extractor.EntityType, buckets int) (*NameModel, error) {
	if buckets <= 0 {
		return nil, fmt.Errorf("name model: %d buckets", buckets)
	}
	classes := []string{NoName}
	for _, t := range types {
		classes = append(classes, string(t))
	}
	var prop []string
	for _, t := range propose {
		prop = append(prop, string(t))
	}
	m := nameMeta{Classes: classes, Propose: prop, Buckets: buckets, Scale: 1, Bias: make([]float64, len(classes))}
	return newNameModel(m, make([]float32, buckets*len(classes)))
}

func newNameModel(m nameMeta, w []float32) (*NameModel, error) {
	nm := &NameModel{meta: m, weights: w, types: make([]extractor.EntityType, len(m.Classes)), propose: make([]bool, len(m.Classes))}
	col := map[string]int{}
	for i, c := range m.Classes[1:] {
		t := extractor.EntityType(c)
		if maskOf(t) == 0 {
			return nil, fmt.Errorf("name model: unknown entity type %q", c)
		}
		if _, dup := col[c]; dup {
			return nil, fmt.Errorf("name model: class %q twice", c)
		}
		nm.types[i+1] = t
		col[c] = i + 1
	}
	for _, c := range m.Propose {
		i, ok := col[c]
		if !ok {
			return nil, fmt.Errorf("name model: proposes %q, which is not one of its classes", c)
		}
		nm.propose[i] = true
	}
	return nm, nil
}

// Classes returns NoName and the entity types, in column order.
func (m *NameModel) Classes() []string { return append([]string(nil), m.meta.Classes...) }

// Buckets is the size of the hashed feature space.
func (m *NameModel) Buckets() int { return m.meta.Buckets }

// Threshold is the least probability that makes a mention.
func (m *NameModel) Threshold() float64 { return m.meta.Threshold }

// Trained says how the model was made.
func (m *NameModel) Trained() string { return m.meta.Trained }

// SetWeights replaces the weights (bucket-major) and the biases.
func (m *NameModel) SetWeights(w, bias []float64) {
	for i := range m.weights {
		m.weights[i] = float32(w[i])
	}
	m.meta.Bias = append([]float64(nil), bias...)
}

// SetThreshold sets the least probability that makes a mention and the
// note on how the model was trained.
func (m *NameModel) SetThreshold(threshold float64, trained string) {
	m.meta.Threshold = threshold
	m.meta.Trained = trained
}

// Probabilities returns the class probabilities of one candidate's
// features (32-bit hashes, folded into the buckets), into out.
func (m *NameModel) Probabilities(features []uint32, out []float64) []float64 {
	return linear.Predict(m.weights, m.meta.Bias, m.meta.Buckets, features, out)
}

// Write stores the model as the two embedded files in dir.
func (m *NameModel) Write(dir string) error {
	meta := m.meta
	buf, scale := linear.Quantise(m.weights)
	meta.Scale, meta.Bias = scale, linear.RoundBias(m.meta.Bias)
	return linear.WriteFiles(dir, NameModelMetaFile, NameModelWeightsFile, meta, buf)
}

// NameModel returns the name model of the pack's model rule (the
// embedded one), or nil when the pack has no model rule. A pack does not
// run it unless asked (WithNameModel).
func (p *Pack) NameModel() *NameModel { return p.nameModel }

// WithNameModel returns a copy of the pack that runs m after its rules
// (nil: no model). The copy shares everything else with p; the pack needs
// a model rule (whose id and priority the mentions take) for m to run.
func (p *Pack) WithNameModel(m *NameModel) *Pack {
	q := *p
	q.names = m
	if q.nameRule < 0 {
		q.names = nil
	}
	return &q
}
