package rules

import (
	_ "embed"
	"encoding/json"
	"fmt"

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
	// Classes are NoName and entity types.
	linear.Header
	// Propose are the classes the model makes mentions of; a name whose
	// likeliest class is another is left alone. Threshold is the least
	// mean probability of such a class over a name's occurrences in a
	// document for the name to become a mention.
	Propose []string `json:"propose"`
}

// NameModel is a loaded name model, safe for concurrent use.
type NameModel struct {
	linear.Model
	proposeClasses []string
	types          []extractor.EntityType
	propose        []bool // per class
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
	if !(m.Threshold > 0) {
		return nil, fmt.Errorf("name model: threshold %v (want one in (0, 1])", m.Threshold)
	}
	lm, err := linear.Load("name model", NoName, m.Header, weights)
	if err != nil {
		return nil, err
	}
	return newNameModel(lm, m.Propose)
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
	return newNameModel(linear.New(classes, buckets), prop)
}

func newNameModel(lm linear.Model, propose []string) (*NameModel, error) {
	nm := &NameModel{Model: lm, proposeClasses: propose, types: make([]extractor.EntityType, len(lm.Classes)),
		propose: make([]bool, len(lm.Classes))}
	col := map[string]int{}
	for i, c := range lm.Classes[1:] {
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
	for _, c := range propose {
		i, ok := col[c]
		if !ok {
			return nil, fmt.Errorf("name model: proposes %q, which is not one of its classes", c)
		}
		nm.propose[i] = true
	}
	return nm, nil
}

// Write stores the model as the two embedded files in dir.
func (m *NameModel) Write(dir string) error {
	h, data := m.Quantised()
	return linear.WriteFiles(dir, NameModelMetaFile, NameModelWeightsFile, nameMeta{Header: h, Propose: m.proposeClasses}, data)
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
	q.names, q.namesAuto = m, false
	if q.nameRule < 0 {
		q.names = nil
	}
	return &q
}

// WithNameModelAuto is WithNameModel, but the copy runs m only on a
// document that does not read as a technical report (technicalDocument
// in namestage.go): news, releases and advisories, not malware analyses.
func (p *Pack) WithNameModelAuto(m *NameModel) *Pack {
	q := p.WithNameModel(m)
	q.namesAuto = q.names != nil
	return q
}
