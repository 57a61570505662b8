package extract

import (
	"math"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// Entity confidence (docs/confidence.md, "## Entities"): how likely the
// entity is a real named party of its type, not noise. It combines
//
//  1. a prior per mention from the rule that found it: the rule's own
//     confidence when it set one, else a base by rule kind (a knowledge
//     base above a regex above a gazetteer above a pattern above an alias)
//     plus (priority - 60) / 200;
//  2. a hedge factor per mention ("possibly", "suspected" on the mention);
//  3. agreement: each further distinct sentence that names the entity takes
//     sentenceShare of the remaining doubt, each further document
//     documentShare.
//
// The constants were calibrated on the development sets (annoctr-dev,
// aptner-dev, dnrti-valid, captier-dev): precision of entities found by
// one gazetteer mention is about 0.73, by two about 0.81, by three or more
// about 0.89; pattern-only entities about 0.68; regex (CVE) 0.99.
// docs/confidence.md has the method and the tables.
const (
	kbPrior        = 0.95 // a mention the user's knowledge base names
	regexBase      = 0.90 // strict shapes with validation (CVE ids, hashes)
	gazetteerBase  = 0.72 // vetted names, but ambiguous words slip through
	patternBase    = 0.66 // guesses from capitalisation and context words
	aliasBase      = 0.60 // the word of one sentence ("X, also known as Y")
	unknownBase    = 0.65 // a rule of unknown kind
	priorityCentre = 60   // priority that gets the base prior
	// hedgeFactor scales a hedged mention's prior.
	hedgeFactor = 0.8
	// sentenceShare is the share of the remaining doubt each further
	// distinct sentence removes, documentShare each further document.
	// Documents count less than sentences: a wrong name that recurs across
	// a corpus (a common word in a gazetteer) is no less wrong.
	sentenceShare = 0.25
	documentShare = 0.15
	// maxConfidence keeps room for review: nothing is certain.
	maxConfidence = 0.99
)

// MentionPrior is the confidence one mention lends its entity on its own,
// given the kind of the rule that found it ("" when unknown).
func MentionPrior(m extractor.Mention, kind string) float64 {
	p := m.Confidence
	if p <= 0 {
		base := unknownBase
		switch kind {
		case rules.KindGazetteer:
			base = gazetteerBase
		case rules.KindRegex:
			base = regexBase
		case rules.KindPattern:
			base = patternBase
		case rules.KindAlias:
			base = aliasBase
		}
		p = base + float64(m.Priority-priorityCentre)/200
	}
	if m.Hedge != "" {
		p *= hedgeFactor
	}
	return clamp(p, 0.05, 0.97)
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// evidence is one mention as confidence sees it.
type evidence struct {
	doc, sentence int // sentence index within the document, -1 when unknown
	prior         float64
}

// combineEvidence is the entity confidence from its mentions: with p the
// best prior, S the number of distinct (document, sentence) pairs and D
// the number of documents,
//
//	c = 1 - (1-p) (1-sentenceShare)^(S-D) (1-documentShare)^(D-1)
//
// capped at maxConfidence and rounded to two decimals so output is stable.
// A mention whose sentence is unknown counts as a sentence of its own.
func combineEvidence(ev []evidence) float64 {
	best := 0.0
	type place struct{ doc, sentence int }
	places := map[place]bool{}
	docs := map[int]bool{}
	for k, e := range ev {
		best = math.Max(best, e.prior)
		s := e.sentence
		if s < 0 {
			s = -1 - k
		}
		places[place{e.doc, s}] = true
		docs[e.doc] = true
	}
	if len(ev) == 0 {
		return 0
	}
	doubt := (1 - best) * math.Pow(1-sentenceShare, float64(len(places)-len(docs))) *
		math.Pow(1-documentShare, float64(len(docs)-1))
	c := math.Min(maxConfidence, 1-doubt)
	return math.Round(c*100) / 100
}
