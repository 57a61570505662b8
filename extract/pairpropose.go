package extract

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/rules"
)

// From candidates to relations. An ordered entity pair of one document
// may have several candidate mention pairs; each relation type takes the
// highest probability any of them gives it, and the pair is proposed as
// the type with the highest such probability when that reaches the
// model's threshold and the type pair allows the type. For the model's
// functional types (part-of, located-in) one source of a document keeps
// only its likeliest proposal of the type (keepBestPerSource). The evidence is the
// sentence (or the two sentences) of that best candidate, with rule id
// PairRule.
//
// Confidence maps the probability p into [pairConfLow, pairConfHigh],
// below every rule-found relation: the weakest one a rule can make (a
// priority-0 rule, hedged, its end an anaphor read as the topic actor) gets
// 0.3 × 0.6 × 0.8 × 0.75 ≈ 0.11 (EvidencePrior). So a proposal never
// outranks what a rule found, and `--min-confidence 0.11` keeps the
// rules' relations only.
const (
	pairConfLow  = 0.01
	pairConfHigh = 0.10
)

// PairConfidence is the confidence of a proposal of probability p.
func PairConfidence(p float64) float64 {
	c := pairConfLow + (pairConfHigh-pairConfLow)*math.Max(0, math.Min(1, p))
	return math.Round(c*100) / 100
}

// WithPairModel makes Resolve add the relations the candidate-pair model
// proposes (docs/relation-model.md); nil adds none.
func WithPairModel(m *PairModel) Option { return func(r *resolver) { r.pairs = m } }

// proposal is the best candidate of one ordered entity pair in one document.
type proposal struct {
	cand  PairCandidate // without its features
	class int
	p     float64
}

// Propose adds to ds the relations the model proposes for the documents
// of results (ds must be their resolution, with the rules' relations).
// A proposal with the id of an existing relation adds its evidence there
// and keeps that relation's confidence when a rule found it, so a
// rule-found relation never loses confidence to the model.
func (m *PairModel) Propose(ds *extractor.Dataset, results []*DocResult) { m.propose(ds, results, nil) }

// propose is Propose with each document's share bounded by lim (limit.go).
func (m *PairModel) propose(ds *extractor.Dataset, results []*DocResult, lim *limits) {
	byID := relationIndex(ds)
	n := len(ds.Relations)
	// One candidate at a time: only the best of each entity pair is kept,
	// and one document's proposals are added at its end.
	pr := m.newProposer(m.Threshold)
	m.eachDoc(results, ds, false, true, lim, pr.add, func(ok bool) {
		if ok {
			pr.flush(ds, byID)
		}
		pr.reset()
	})
	if len(ds.Relations) > n {
		sortRelations(ds)
	}
}

func relationIndex(ds *extractor.Dataset) map[string]int {
	byID := make(map[string]int, len(ds.Relations))
	for i, r := range ds.Relations {
		byID[r.ID] = i
	}
	return byID
}

// sortRelations restores the dataset's order of relations, by id.
func sortRelations(ds *extractor.Dataset) {
	sort.SliceStable(ds.Relations, func(i, j int) bool { return ds.Relations[i].ID < ds.Relations[j].ID })
}

// ProposeFrom adds the relations of candidates whose best class
// probability is at least threshold (Propose uses the model's own;
// cross-validation passes 0 to score every cut afterwards).
func (m *PairModel) ProposeFrom(ds *extractor.Dataset, cands []PairCandidate, threshold float64) {
	pr := m.newProposer(threshold)
	for i := range cands {
		pr.add(&cands[i])
	}
	pr.flush(ds, relationIndex(ds))
	sortRelations(ds)
}

// proposer keeps the best candidate of each entity pair of a run of
// candidates grouped by document (one document's in Propose) until flush
// adds their relations.
type proposer struct {
	m         *PairModel
	threshold float64
	order     []proposalKey
	best      []*proposal
	perDoc    map[[2]int]int // entity pair → index into order, for the current document
	doc       string
}

type proposalKey struct {
	doc      string
	src, tgt int
}

func (m *PairModel) newProposer(threshold float64) *proposer {
	return &proposer{m: m, threshold: threshold, perDoc: map[[2]int]int{}}
}

func (pr *proposer) reset() {
	pr.order, pr.best, pr.doc = pr.order[:0], pr.best[:0], ""
	clear(pr.perDoc)
}

// add weighs one candidate; c is not kept (its features may be reused).
func (pr *proposer) add(c *PairCandidate) {
	// Candidates come grouped by document, so the best candidate of each
	// entity pair is found per run of one document, keyed by entity index.
	if c.Doc != pr.doc {
		pr.doc = c.Doc
		clear(pr.perDoc)
	}
	if c.Negated {
		return // a negation denies it, as the relation rules read it
	}
	cls, p := pr.m.bestAllowed(c)
	if cls <= 0 || p < pr.threshold || pr.m.withheld[cls] || (pr.m.cuts != nil && p < pr.m.cuts[cls]) {
		return
	}
	if c.tgtInName && pr.m.Classes[cls] == "targets" {
		return // the maker in a product's name, not a victim; another mention pair may still propose it
	}
	pk := [2]int{c.src, c.tgt}
	j, ok := pr.perDoc[pk]
	switch {
	case !ok:
		j = len(pr.order)
		pr.perDoc[pk] = j
		pr.order = append(pr.order, proposalKey{c.Doc, c.src, c.tgt})
		pr.best = append(pr.best, &proposal{cand: *c, class: cls, p: p})
	case p > pr.best[j].p:
		*pr.best[j] = proposal{cand: *c, class: cls, p: p}
	default:
		return
	}
	pr.best[j].cand.Features = nil // not kept: the next candidate's may use its memory
}

// flush adds the relations of the candidates kept; byID indexes
// ds.Relations and is kept up to date.
func (pr *proposer) flush(ds *extractor.Dataset, byID map[string]int) {
	m, order, best := pr.m, pr.order, pr.best
	if len(m.functional) > 0 {
		docs, srcs := make([]string, len(order)), make([]int, len(order))
		for j, k := range order {
			docs[j], srcs[j] = k.doc, k.src
		}
		m.keepBestPerSource(docs, srcs, best)
	}
	products := productEntities(ds)
	for j, k := range order {
		b := best[j]
		if b.p <= 0 {
			continue
		}
		typ := m.Classes[b.class]
		if productMisread(typ, b.cand.Source, b.cand.Target, products) {
			continue
		}
		ev := extractor.Evidence{Doc: k.doc, Span: b.cand.Evidence, Page: b.cand.page,
			Sentence: sentenceText(b.cand.text, b.cand.Evidence), Rule: PairRule, Hedge: b.cand.Hedge}
		src, tgt := b.cand.Source, b.cand.Target
		id := RelationID(typ, src, tgt)
		conf := PairConfidence(b.p)
		if i, ok := byID[id]; ok {
			r := &ds.Relations[i]
			if onlyModel(r.Evidence) {
				r.Confidence = math.Max(r.Confidence, conf)
			}
			r.Evidence = append(r.Evidence, ev)
			continue
		}
		byID[id] = len(ds.Relations)
		ds.Relations = append(ds.Relations, extractor.Relation{ID: id, Type: typ, Source: src, Target: tgt,
			Confidence: conf, Status: extractor.StatusCandidate, Evidence: []extractor.Evidence{ev}})
	}
}

// bestAllowed is the relation class of highest probability among those the
// candidate's type pair allows (0 when none), the softmax taken over
// "none" and those classes only: a class the pair cannot have takes no
// probability mass, and the sums cost a few additions per feature instead
// of one per class.
func (m *PairModel) bestAllowed(c *PairCandidate) (int, float64) {
	allowed := m.allowed[c.types]
	if len(allowed) == 0 {
		return 0, 0
	}
	k := len(m.Classes)
	var sums [16]float32
	var acc []float32 // "none", then the allowed classes in order
	if n := len(allowed) + 1; n <= len(sums) {
		acc = sums[:n]
	} else {
		acc = make([]float32, n)
	}
	for _, f := range c.Features {
		row := m.Weights[int(f)*k : int(f)*k+k]
		acc[0] += row[0]
		for j, cl := range allowed {
			acc[j+1] += row[cl]
		}
	}
	none := float64(acc[0]) + m.Bias[0]
	best, bestS := 0, math.Inf(-1)
	for j, cl := range allowed {
		if s := float64(acc[j+1]) + m.Bias[cl]; s > bestS {
			best, bestS = cl, s
		}
	}
	// The softmax over the subset, shifted by its largest score.
	hi := math.Max(none, bestS)
	sum := math.Exp(none - hi)
	for j, cl := range allowed {
		sum += math.Exp(float64(acc[j+1]) + m.Bias[cl] - hi)
	}
	return best, math.Exp(bestS-hi) / sum
}

func onlyModel(evs []extractor.Evidence) bool {
	for _, ev := range evs {
		if ev.Rule != PairRule {
			return false
		}
	}
	return true
}

// keepBestPerSource is the joint decoding of functional relation types
// (PairModel.Functional; session 13): a body is part of one parent, a
// place or an office is located in one place, so among the proposals of
// one such type from one source in one document only the likeliest
// stands; the others get p 0. Rule-found relations are not touched: a
// rule relation of the same type from the source does not bar a proposal
// (on the cross-validation the proposals that would drop are 40-45 %
// right: F1 flat, recall down).
func (m *PairModel) keepBestPerSource(docs []string, srcs []int, best []*proposal) {
	if len(m.functional) == 0 {
		return
	}
	type group struct {
		doc      string
		src, cls int
	}
	top := map[group]int{}
	for j, b := range best {
		if !m.functional[b.class] || b.p <= 0 {
			continue
		}
		g := group{docs[j], srcs[j], b.class}
		i, ok := top[g]
		switch {
		case !ok:
			top[g] = j
		case best[i].p >= b.p:
			b.p = 0
		default:
			best[i].p = 0
			top[g] = j
		}
	}
}

// productEntities are the ids of the dataset's tools of subtype product
// (rules.ProductSubtype: a product an intrusion exploits, such as a VPN
// gateway or a mail server).
func productEntities(ds *extractor.Dataset) map[string]bool {
	var out map[string]bool
	for i := range ds.Entities {
		if e := &ds.Entities[i]; e.Type == extractor.Tool && e.Subtype == rules.ProductSubtype {
			if out == nil {
				out = map[string]bool{}
			}
			out[e.ID] = true
		}
	}
	return out
}

// productMisread reports whether a proposal of type typ reads a product
// the way the model learnt to read tools: as what an actor uses, or as what
// exploits a flaw ("GeoServer ... CVE-2024-36401" names the product's flaw,
// not the product's exploit). The relation rules make such a product the
// actor's target (rules/relation_products.go); the model, trained on tools
// before products had a subtype, proposes neither.
func productMisread(typ, src, tgt string, products map[string]bool) bool {
	switch typ {
	case "uses":
		return products[tgt]
	case "exploits":
		return products[src]
	}
	return false
}

// opensLongerName reports whether the mention ending at byte end of text
// is the first word(s) of a longer capitalised name: one space, then a
// capitalised word ("Adobe Reader", "Google Defender", "Pulse Secure
// Connect logs"). A company named so is the maker of the product or
// service the text speaks of, an optional organisation in our gold
// (docs/corpus.md), and not what an actor targets: the model, which reads
// no names, learnt "X ... <company>" in an actor's sentence as a target
// and proposed the vendors of the products CAPTIER's one-line procedure
// sentences list ("exploits for common client software, like Microsoft
// Word, Exchange, and Adobe Reader": APT29 targets Adobe). The relation
// rules read such names their own way; this bars only the model's
// `targets` proposals through such a mention (Propose).
func opensLongerName(text string, end int) bool {
	if end <= 0 || end+2 > len(text) || text[end] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[end+1:])
	return unicode.IsUpper(r)
}
