package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/reportgraph/extractor/internal/linear"
	"github.com/reportgraph/extractor/nlp"
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
	// Classes are NoRelation and the relation types.
	linear.Header
	// Allowed are the type pairs candidates are made for.
	Allowed []TypePair `json:"allowed"`
	// Functional are the relation types of which one source of a
	// document keeps only its likeliest proposal (joint decoding).
	Functional []string `json:"functional,omitempty"`
	// Withheld are the relation types the model scores but never
	// proposes: types whose cross-validated F1 the model lowered at every
	// cut (train-pairs). They stay in the softmax, so withholding one does
	// not hand its probability to another type.
	Withheld []string `json:"withheld,omitempty"`
	// Cuts are per-type least probabilities above the model's threshold:
	// a type whose cross-validated F1 the model lowers at the threshold
	// but raises at a higher cut is proposed only from that cut
	// (train-pairs --cut per-type).
	Cuts map[string]float64 `json:"cuts,omitempty"`
	// DroppedFeatures are feature groups (FeatureGroups) the model was
	// trained without and so never computes (train-pairs
	// --drop-features, for ablations).
	DroppedFeatures []string `json:"dropped_features,omitempty"`
}

// PairModel is a loaded model plus the pack's cue lists its features read.
// It is safe for concurrent use once built.
type PairModel struct {
	linear.Model
	allowedPairs []TypePair
	allowed      map[[2]string][]int
	cues         *cueMatcher
	// reporting are the pack's reporting verbs (wordHash): an entity
	// named right before one ("X said", "X assessed") is a source of the
	// report, not an actor in it.
	reporting map[uint32]bool
	// wordLists are the pack's relation word lists as the words between
	// two mentions are read by (rules.Pack.RelationWordLists): a word's
	// wordHash → 1 + the index in listSets of the lists holding it.
	wordLists map[uint32]int32
	// listSets are the lists a word is in, as ranks (indexWordLists: the
	// most specific list first), per set of lists; listName is the
	// wordHash of the name of the list of each rank.
	listSets [][]int32
	listName []uint32
	// functional are the classes one source of a document is proposed
	// with at most once (SetFunctional).
	functional map[int]bool
	// withheld are the classes never proposed (SetWithheld).
	withheld map[int]bool
	// cuts are the per-class least probabilities (SetCuts), 0 for the
	// classes the model's threshold alone decides.
	cuts []float64
	// dropped is the set of featureGroups left out (bit g).
	dropped uint32
	// pack judges which candidates a negation denies, as the relation
	// rules judge their matches (rules.ClauseReader); nil judges none.
	pack *rules.Pack
	// an tags a sentence when the clause reader needs a part of speech
	// (rules.ClauseReader); nil reads only the tags sentences carry.
	an *nlp.Analyzer
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
	lm, err := linear.Load("pair model", NoRelation, m.Header, weights)
	if err != nil {
		return nil, err
	}
	pm, err := newPairModel(lm, m.Allowed, pack)
	if err != nil {
		return nil, err
	}
	if err := pm.SetFunctional(m.Functional); err != nil {
		return nil, err
	}
	if err := pm.SetDropped(m.DroppedFeatures); err != nil {
		return nil, err
	}
	if err := pm.SetCuts(m.Cuts); err != nil {
		return nil, err
	}
	return pm, pm.SetWithheld(m.Withheld)
}

// NewPairModel returns an untrained model (zero weights) over classes and
// type pairs, for training. Threshold 0 proposes every relation class that
// wins a candidate.
func NewPairModel(classes []string, allowed []TypePair, buckets int, pack *rules.Pack) (*PairModel, error) {
	return newPairModel(linear.New(classes, buckets), allowed, pack)
}

func newPairModel(lm linear.Model, allowed []TypePair, pack *rules.Pack) (*PairModel, error) {
	pm := &PairModel{Model: lm, allowedPairs: allowed, allowed: map[[2]string][]int{}, pack: pack}
	if pack != nil {
		// The tagger's model is decoded once per process and shared.
		if an, err := nlp.New(); err == nil {
			pm.an = an
		}
	}
	col := map[string]int{}
	for i, c := range lm.Classes {
		col[c] = i
	}
	for _, tp := range allowed {
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
		pm.indexWordLists(pack.RelationWordLists())
	}
	return pm, nil
}

// indexWordLists fills wordLists, listSets and listName. The lists are
// ranked by specificity, the fewest words first (then by name), so that
// where only a few of the lists met can become features (pairMaxLists,
// pairContextLists) the most specific are kept: "said" reads as
// rel_closing_speaker_verbs (24 words) before rel_reporting_verbs (46) and
// rel_name_stopwords (62). Words in the same lists share one entry.
// (Leaving out the lists of function words -- stop words, determiners,
// copulas, *_links -- as well cost 17-19 true proposals at 100 and 200
// false ones in cross-validation, seed 1: they carry signal.)
func (m *PairModel) indexWordLists(lists []rules.WordList) {
	kept := slices.Clone(lists)
	slices.SortStableFunc(kept, func(a, b rules.WordList) int {
		if len(a.Words) != len(b.Words) {
			return len(a.Words) - len(b.Words)
		}
		return strings.Compare(a.Name, b.Name)
	})
	in := map[uint32][]int32{}
	var order []uint32
	m.listName = make([]uint32, len(kept))
	for rank, l := range kept {
		m.listName[rank] = wordHash(l.Name)
		for _, w := range l.Words {
			h := wordHash(w)
			if len(in[h]) == 0 {
				order = append(order, h)
			}
			if !slices.Contains(in[h], int32(rank)) {
				in[h] = append(in[h], int32(rank)) // ascending: ranks are met in order
			}
		}
	}
	m.wordLists = make(map[uint32]int32, len(order))
	set := map[string]int32{}
	for _, h := range order {
		key := fmt.Sprint(in[h])
		i, ok := set[key]
		if !ok {
			m.listSets = append(m.listSets, in[h])
			i = int32(len(m.listSets))
			set[key] = i
		}
		m.wordLists[h] = i
	}
}

// SetFunctional sets the relation types of which one source of a
// document keeps only its likeliest proposal (part-of: a body is part of
// one parent; located-in: a place or office is in one place).
func (m *PairModel) SetFunctional(types []string) error {
	f, err := m.classSet("functional", types)
	m.functional = f
	return err
}

// SetWithheld sets the relation types the model scores but never proposes.
func (m *PairModel) SetWithheld(types []string) error {
	w, err := m.classSet("withheld", types)
	m.withheld = w
	return err
}

// SetCuts sets per-type least probabilities, applied besides the
// threshold a proposer is given (nil or empty: none).
func (m *PairModel) SetCuts(cuts map[string]float64) error {
	m.cuts = nil
	for t, c := range cuts {
		i := slices.Index(m.Classes, t)
		if i <= 0 {
			return fmt.Errorf("pair model: cut type %q is no relation class", t)
		}
		if !(c >= 0 && c <= 1) {
			return fmt.Errorf("pair model: cut %v for %s (want one in [0, 1])", c, t)
		}
		if m.cuts == nil {
			m.cuts = make([]float64, len(m.Classes))
		}
		m.cuts[i] = c
	}
	return nil
}

// Cuts returns the per-type least probabilities SetCuts set (nil when none).
func (m *PairModel) Cuts() map[string]float64 {
	var out map[string]float64
	for i, c := range m.cuts {
		if c > 0 {
			if out == nil {
				out = map[string]float64{}
			}
			out[m.Classes[i]] = c
		}
	}
	return out
}

// SetDropped sets the feature groups (names of FeatureGroups) the model
// leaves out. It changes the features of every candidate made after it,
// so a model is trained and run with the same set.
func (m *PairModel) SetDropped(groups []string) error {
	m.dropped = 0
	for _, g := range groups {
		i := slices.Index(FeatureGroups, g)
		if i < 0 {
			return fmt.Errorf("pair model: unknown feature group %q (want one of %v)", g, FeatureGroups)
		}
		m.dropped |= 1 << i
	}
	return nil
}

// Dropped returns the feature groups SetDropped left out.
func (m *PairModel) Dropped() []string {
	var out []string
	for i, g := range FeatureGroups {
		if m.dropped&(1<<i) != 0 {
			out = append(out, g)
		}
	}
	return out
}

// Withheld returns the relation types SetWithheld set, in class order.
func (m *PairModel) Withheld() []string { return m.classNames(m.withheld) }

// classSet maps relation types to their class indices.
func (m *PairModel) classSet(what string, types []string) (map[int]bool, error) {
	var set map[int]bool
	for _, t := range types {
		i := slices.Index(m.Classes, t)
		if i <= 0 {
			return nil, fmt.Errorf("pair model: %s type %q is no relation class", what, t)
		}
		if set == nil {
			set = map[int]bool{}
		}
		set[i] = true
	}
	return set, nil
}

// classNames lists the classes of set in class order.
func (m *PairModel) classNames(set map[int]bool) []string {
	var out []string
	for i, c := range m.Classes {
		if set[i] {
			out = append(out, c)
		}
	}
	return out
}

// Functional returns the relation types SetFunctional set, in class order.
func (m *PairModel) Functional() []string { return m.classNames(m.functional) }

// Allowed returns the type pairs candidates are made for.
func (m *PairModel) Allowed() []TypePair { return append([]TypePair(nil), m.allowedPairs...) }

// Write stores the model as the two files of the embedded model in dir,
// quantising the weights to int16.
func (m *PairModel) Write(dir string) error {
	h, data := m.Quantised()
	return linear.WriteFiles(dir, PairModelMetaFile, PairModelWeightsFile, pairMeta{Header: h, Allowed: m.allowedPairs, Functional: m.Functional(), Withheld: m.Withheld(),
		Cuts: m.Cuts(), DroppedFeatures: m.Dropped()}, data)
}
