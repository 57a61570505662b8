package corpus

import (
	"github.com/reportgraph/extractor"
)

// RelationOracle answers, for the documents of a scored run, what the gold
// says about a relation between two dataset entities — with the scorer's
// own name matching and required/optional rules (scorePair), so labels
// for training a relation model mean exactly what eval will count. The
// candidate-pair model's trainer (internal/pairtrain) is its user.
type RelationOracle struct {
	cases map[string]*goldCase   // document id → its prepared gold
	ents  map[string]*predEntity // dataset entity id → as the scorer sees it
}

// Label is the gold's word on one ordered entity pair of one document.
type Label int

// Labels.
const (
	// LabelUnscored: the document has no gold with exhaustive relations, or an
	// end is an optional gold entity; neither a positive nor a negative.
	LabelUnscored Label = iota
	// LabelNone: a scored document whose gold relates the pair in no
	// required way (a false positive if predicted).
	LabelNone
	// LabelRelation: a required gold relation of the returned types.
	LabelRelation
	// LabelOptional: only an optional gold relation links them.
	LabelOptional
)

// NewRelationOracle prepares the gold of pairs against the entities of ds.
func NewRelationOracle(ds *extractor.Dataset, pairs []Pair) *RelationOracle {
	o := &RelationOracle{cases: map[string]*goldCase{}, ents: map[string]*predEntity{}}
	prepared := map[*Gold]*goldCase{}
	for _, p := range pairs {
		if !p.Gold.ScoresRelations() || !p.Gold.RelationsExhaustive() {
			continue
		}
		c, ok := prepared[p.Gold]
		if !ok {
			c, _ = prepare(p.Gold)
			prepared[p.Gold] = c
		}
		o.cases[p.DocID] = c
	}
	for _, e := range ds.Entities {
		o.ents[e.ID] = newPredEntity(e.ID, e.Name, e.Aliases, string(e.Type), nil, "")
	}
	return o
}

// Label says what the gold of doc holds for source → target (dataset
// entity ids), and for LabelRelation the accepted relation types of the
// matching gold relations (the annotated type first).
func (o *RelationOracle) Label(doc, source, target string) (Label, []string) {
	c := o.cases[doc]
	ps, pt := o.ents[source], o.ents[target]
	if c == nil || ps == nil || pt == nil {
		return LabelUnscored, nil
	}
	ms, mt := c.goldMatches(ps), c.goldMatches(pt)
	required := func(list []*goldEnt) bool {
		for _, g := range list {
			if !g.optional {
				return true
			}
		}
		return false
	}
	if (len(ms) > 0 && !required(ms)) || (len(mt) > 0 && !required(mt)) {
		return LabelUnscored, nil
	}
	has := func(list []*goldEnt, g *goldEnt) bool {
		for _, x := range list {
			if x == g {
				return true
			}
		}
		return false
	}
	var types []string
	optional := false
	for _, gr := range c.rels {
		if !(has(ms, gr.src) && has(mt, gr.tgt)) && !(gr.undirected && has(ms, gr.tgt) && has(mt, gr.src)) {
			continue
		}
		if gr.optional || gr.src.optional || gr.tgt.optional {
			optional = true
			continue
		}
		if !contains(types, gr.typ) {
			types = append(types, gr.typ)
		}
		for _, t := range sortedKeys(gr.accept) {
			if !contains(types, t) {
				types = append(types, t)
			}
		}
	}
	switch {
	case len(types) > 0:
		return LabelRelation, types
	case optional:
		return LabelOptional, nil
	}
	return LabelNone, nil
}
