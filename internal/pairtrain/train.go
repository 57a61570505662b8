// Package pairtrain trains the candidate-pair relation model of package
// extract (docs/relation-model.md) on a corpus with gold files, measures
// it by cross-validation by document, and writes the model files that
// extract embeds. `extractor train-pairs` (hidden) and `make train-pairs`
// run it; the command only parses flags.
package pairtrain

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/internal/augment"
	"github.com/reportgraph/extractor/internal/linear"
	"github.com/reportgraph/extractor/rules"
)

// Options say what to train on and where to write.
type Options struct {
	// Corpus is a folder of documents with gold files (corpus/samples).
	Corpus string
	// Folds of the cross-validation by document (0: no cross-validation;
	// the threshold is then Threshold).
	Folds int
	// Threshold is used when Folds is 0.
	Threshold float64
	// LinkedWeight scales the training examples of pairs a rule already
	// links (the model never proposes for those; they teach it the plain
	// shapes, while the others are the kind of pair it will be asked
	// about). 0 means DefaultLinkedWeight.
	LinkedWeight float64
	// RelationWeight scales the training examples labelled with a
	// relation against those labelled "none" (on top of LinkedWeight).
	// 0 means DefaultRelationWeight.
	RelationWeight float64
	// MaxF1Loss is how far below the rules' cross-validated relation F1
	// the rules plus the model may fall at the chosen threshold.
	MaxF1Loss float64
	// Cut is the rule that picks the threshold from the cross-validation:
	// CutFloor (default) or CutBestF1.
	Cut string
	// Buckets is the size of the hashed feature space.
	Buckets int
	// MinSupport is how many gold-labelled entity pairs a (source type,
	// target type, relation) triple needs in the training documents for
	// the model to propose it.
	MinSupport int
	// Functional are the relation types of which one source of a document
	// keeps only its likeliest proposal (nil: DefaultFunctional; an
	// empty, non-nil slice: none).
	Functional []string
	// RuleDropout > 0 scores the cross-validation on the documents with
	// that share of the rules' relations left out (a simulation of
	// reports the rules were not written on); TrainDropout > 0 adds
	// training examples made with that share left out, weighted
	// DropoutWeight.
	RuleDropout, TrainDropout, DropoutWeight float64
	// TrainShare in (0, 1) trains each cross-validation fold's model on
	// only that share of its training documents (chosen by a hash of the
	// document id and Seed, so the same on every run, and the 50 % subset
	// inside the 75 % one): the learning curve that says whether more
	// documents would help. 0 or 1: all. A share in (0, 1) cannot be
	// combined with Out (checkShare), so a written model, its weights and
	// its threshold, always comes from every document.
	TrainShare float64
	// Withhold, when not nil, are the relation types withheld (scored,
	// never proposed) instead of those the cross-validation finds the
	// model only harms; an empty, non-nil slice withholds none. Fixing
	// them lets two trainings be compared on the same types: the automatic
	// choice flips a type such as targets in or out by chance.
	Withhold []string
	// Coverage prints how many related entity pairs the candidate window
	// never offers, by why, and stops before training.
	Coverage bool
	// Drop are feature groups (extract.FeatureGroups) left out.
	Drop []string
	// L2, Epochs and Rate override linear.DefaultOptions when not 0.
	L2     float64
	Epochs int
	Rate   float64
	// Augment are folders of rewritten copies of Corpus's documents with
	// their gold (tools/paraphrase). A copy whose file name stem matches
	// a document of Corpus joins training, in the cross-validation fold
	// of its original (internal/augment) and for training only: the
	// figures stay on the originals, and the copies never count towards
	// MinSupport. Copies without an original are left out, named in Log.
	Augment []string
	// AugmentWeight scales the copies' examples (0: 1; < 0: not trained
	// on, only scored: the cross-validation of a plain model on the same
	// copies).
	AugmentWeight float64
	// Out is the folder the model files are written to ("": not written).
	Out string
	// Outcomes > 0 also lists that many of the model's cross-validation
	// false positives and its verdicts by type; < 0 lists nothing.
	Outcomes int
	// Seed orders the training examples of every epoch (0: 1, the seed
	// of the shipped model). Another seed gives another model of the same
	// quality: on the 138 documents seeds 1-3 differ by up to 10 true and
	// 10 false proposals at one cut, so a feature is judged on several.
	Seed uint64
	// Log gets the progress and the cross-validation tables (Markdown).
	Log io.Writer
}

// The threshold rules of Options.Cut.
const (
	// CutFloor: the lowest probability whose pooled F1 is at most
	// MaxF1Loss below the rules' (the most proposals that do not lower
	// the cross-validated F1).
	CutFloor = "floor"
	// CutBestF1: the probability of highest pooled F1.
	CutBestF1 = "best-f1"
	// CutPerType: CutFloor for each relation type on its own pooled F1
	// (a type that never reaches it is withheld); the model's threshold
	// is the lowest of the types' cuts, the others are kept as per-type
	// cuts (extract.PairModel.SetCuts).
	CutPerType = "per-type"
	// CutPerTypeBest: CutBestF1 for each relation type on its own pooled
	// F1 (a type that never reaches the rules' F1 is withheld).
	CutPerTypeBest = "per-type-best"
)

// Defaults for Options' zero fields.
const (
	DefaultBuckets    = 1 << 14
	DefaultMinSupport = 3
	// DefaultMaxF1Loss 0: the model may not lower the cross-validated F1.
	// With 0.01 the cut fell to p ≥ 0.4–0.5, and on wave 22 (nine reports
	// nobody had read) the extra proposals cost as much precision as they
	// brought recall; at p ≥ 0.6 and above F1 rose there.
	DefaultMaxF1Loss = 0.0
	// DefaultLinkedWeight was chosen on the cross-validation: at equal
	// true proposals, 0.1 and 0.3 make a fifth to a third fewer false ones
	// than 1 (all examples alike); 0.01 is worse again.
	DefaultLinkedWeight = 0.3
	// DefaultRelationWeight down-weights the examples labelled with a
	// relation (about one in eleven candidates) to 0.3 of a "none" one:
	// the model's probabilities fall, fewer pairs reach a cut, and on the
	// 177 documents (means of seeds 1-3) the cross-validated F1 rises
	// from p ≥ 0.2 to its best at p ≥ 0.7 (.814) instead of lying flat at
	// .80-.81 from 0.4 to 0.9; at equal false proposals it makes about as
	// many true ones as weight 1, a few more (docs/relation-model.md,
	// session 12). 0.5 and 0.2 lie between; 2 is worse at every cut.
	DefaultRelationWeight = 0.3
)

// DefaultFunctional are the relation types decoded jointly per source
// (session 13, 210 documents, means of seeds 1-3 at p >= 0.2): for
// part-of 3 fewer right and 14 fewer wrong proposals, for located-in 3
// and 15; employed-by (8 and 18) and sponsored-by (4 and 9) drop bands
// about a third right, near the break-even of F1, and a person may hold
// two posts, so they are not functional here.
var DefaultFunctional = []string{"located-in", "part-of"}

// The relation types of the model's classes, after extract.NoRelation.
var relationTypes = []string{"affiliated-with", "attributed-to", "contractor-of", "employed-by", "exploits",
	"located-in", "part-of", "sponsored-by", "targets", "uses"}

// labelled is one candidate with its gold label and its document's fold.
type labelled struct {
	cand   *extract.PairCandidate
	class  int     // -1: not a training example (unscored or optional)
	weight float64 // of its gradient in training
	fold   int
	pair   [2]string // entity types, source first
	// unsampled: its document is outside Options.TrainShare's subset, so
	// no cross-validation fold trains on it.
	unsampled bool
	// augmented: a candidate of a rewritten copy (Options.Augment),
	// trained on, never scored nor counted for support; fold is its
	// original's.
	augmented bool
}

// checkShare refuses a TrainShare outside [0, 1], and one in (0, 1) with
// Out set: the cross-validation picks the shipped model's threshold and
// withheld types, so a model written after folds trained on a share would
// carry a cut chosen for a smaller model than itself.
func (opt Options) checkShare() error {
	if opt.TrainShare < 0 || opt.TrainShare > 1 {
		return fmt.Errorf("--train-share %g: want a share in [0, 1] (0 or 1: every document)", opt.TrainShare)
	}
	if opt.TrainShare > 0 && opt.TrainShare < 1 && opt.Out != "" {
		return fmt.Errorf("--train-share %g with --out: a learning-curve run cross-validates on part of the documents and would write a model whose threshold was chosen on them; leave out --out", opt.TrainShare)
	}
	return nil
}

// fixedWithheld are the relation types Withhold fixes ("" and "none" are
// no type), or nil when the cross-validation picks them.
func (opt Options) fixedWithheld() []string {
	if opt.Withhold == nil {
		return nil
	}
	out := []string{}
	for _, t := range opt.Withhold {
		if t != "" && t != "none" {
			out = append(out, t)
		}
	}
	return out
}

// withheldNote names the withheld types and who chose them: the
// Withhold option, or the cross-validation.
func (opt Options) withheldNote(withheld []string) string {
	if opt.Withhold != nil {
		return fmt.Sprintf("withheld by --withhold: %s", strings.Join(withheld, ", "))
	}
	return fmt.Sprintf("withheld %s (cross-validated F1 lowered at every cut)", strings.Join(withheld, ", "))
}

// Train runs the whole job: extract the corpus with the rules, build and
// label the candidates, cross-validate, train on everything, write.
func Train(ctx context.Context, opt Options) error {
	if opt.Buckets == 0 {
		opt.Buckets = DefaultBuckets
	}
	if opt.MinSupport == 0 {
		opt.MinSupport = DefaultMinSupport
	}
	if opt.LinkedWeight == 0 {
		opt.LinkedWeight = DefaultLinkedWeight
	}
	if opt.RelationWeight == 0 {
		opt.RelationWeight = DefaultRelationWeight
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.AugmentWeight == 0 {
		opt.AugmentWeight = 1
	}
	if opt.Functional == nil {
		opt.Functional = DefaultFunctional
	}
	if err := opt.checkShare(); err != nil {
		return err
	}
	switch opt.Cut {
	case "":
		opt.Cut = CutFloor
	case CutFloor, CutBestF1, CutPerType, CutPerTypeBest:
	default:
		return fmt.Errorf("threshold rule %q: want %s, %s, %s or %s", opt.Cut, CutFloor, CutBestF1, CutPerType, CutPerTypeBest)
	}
	pack, err := rules.Default()
	if err != nil {
		return err
	}
	x, err := extract.New(pack)
	if err != nil {
		return err
	}
	c, err := corpus.Load(opt.Corpus, corpus.LoadOptions{})
	if err != nil {
		return err
	}
	runner := &corpus.Runner{Opener: &document.Opener{}, Extractor: x, Workers: 2,
		Resolve: []extract.Option{extract.WithRules(pack.Rules()), extract.WithGroupNouns(pack.GroupNouns())}}
	run := runner.Run(ctx, c)
	if run.Failed > 0 {
		return fmt.Errorf("%d documents of %s failed", run.Failed, opt.Corpus)
	}
	results := append([]*extract.DocResult(nil), run.Results...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Doc.Source < results[j].Doc.Source })
	ds := run.Dataset

	classes := append([]string{extract.NoRelation}, relationTypes...)
	everyPair := allPairs()
	probe, err := extract.NewPairModel(classes, everyPair, opt.Buckets, pack)
	if err != nil {
		return err
	}
	if err := probe.SetDropped(opt.Drop); err != nil {
		return err
	}
	fold := map[string]int{}
	var sources []string
	var folds []int
	for i, r := range results {
		fold[r.Doc.ID] = i % max(opt.Folds, 1)
		sources, folds = append(sources, r.Doc.Source), append(folds, i%max(opt.Folds, 1))
	}
	// Training learns from every pair the gold relates, found by the rules
	// or not; the model proposes only for pairs no rule links.
	cands := probe.Candidates(results, ds, true)
	open := probe.Candidates(results, ds, false)
	oracle := corpus.NewRelationOracle(ds, run.Pairs)
	if opt.Coverage {
		coverage(opt.Log, probe, results, ds, oracle)
		return nil
	}
	types := map[string]string{}
	for _, e := range ds.Entities {
		types[e.ID] = string(e.Type)
	}
	col := map[string]int{}
	for i, c := range classes {
		col[c] = i
	}
	labelAll := func(cands, open []extract.PairCandidate) ([]labelled, int) {
		return labelCandidates(opt, cands, open, oracle, types, col, fold)
	}
	data, pos := labelAll(cands, open)
	{
		// Candidates a negation denies (extract.PairCandidate.Negated) are
		// trained on like the others, and never proposed.
		var neg, negRel, negOpen int
		for _, l := range data {
			if l.cand.Negated {
				neg++
				if l.class > 0 {
					negRel++
				}
			}
		}
		for _, c := range open {
			if c.Negated {
				negOpen++
			}
		}
		fmt.Fprintf(opt.Log, "negated candidates: %d in training (%d related by the gold), %d no rule links\n", neg, negRel, negOpen)
	}
	if opt.TrainDropout > 0 {
		// The same documents again with a share of the rules' relations
		// left out: pairs the rules link become unlinked ones, and the
		// ends' rule relations sparser, as on reports the rules were not
		// written on.
		dsT := dropRelations(ds, opt.TrainDropout, 2)
		more, _ := labelAll(probe.Candidates(results, dsT, true), probe.Candidates(results, dsT, false))
		for i := range more {
			more[i].weight *= opt.DropoutWeight
		}
		data = append(data, more...)
	}
	var copies []augmentedSet
	foldByStem, err := augment.OriginalFolds(sources, folds)
	if err != nil && len(opt.Augment) > 0 {
		return err
	}
	for _, dir := range opt.Augment {
		set, err := labelCopies(ctx, opt, runner, probe, dir, foldByStem, col)
		if err != nil {
			return err
		}
		data = append(data, set.data...)
		copies = append(copies, set)
	}
	evalDS, evalOpen := ds, open
	if opt.RuleDropout > 0 {
		evalDS = dropRelations(ds, opt.RuleDropout, 1)
		evalOpen = probe.Candidates(results, evalDS, false)
		fmt.Fprintf(opt.Log, "evaluated with %.0f%% of the rules' relations left out (%d of %d kept)\n", 100*opt.RuleDropout, len(evalDS.Relations), len(ds.Relations))
	}
	fmt.Fprintf(opt.Log, "%d documents, %d training candidates (%d labelled as a relation), %d candidates no rule links\n\n",
		len(results), len(cands), pos, len(open))

	threshold := opt.Threshold
	withheld := opt.fixedWithheld()
	var cuts map[string]float64
	if opt.Folds > 1 {
		var folds []foldModel
		threshold, withheld, cuts, folds, err = crossValidate(opt, pack, classes, results, evalDS, run.Pairs, data, evalOpen, fold)
		if err != nil {
			return err
		}
		scoreCopies(opt.Log, copies, folds, threshold, withheld)
	}
	allowed := allowedPairs(data, classes, -1, opt.MinSupport)
	m, err := fit(data, -1, classes, allowed, opt, pack)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("extractor train-pairs on %s: %d documents, %d candidates (%d relations), rule-linked pairs weighted %g, relations %g, functional %v; threshold from %d-fold cross-validation by document (%s, F1 loss <= %g)",
		opt.Corpus, len(results), len(cands), pos, opt.LinkedWeight, opt.RelationWeight, opt.Functional, opt.Folds, opt.Cut, opt.MaxF1Loss)
	if n := augmentedDocs(copies); n > 0 && opt.AugmentWeight > 0 {
		// No folder names: make train-pairs writes the copies to a fresh
		// temporary folder, and the model's bytes must not change with it.
		note += fmt.Sprintf("; trained also on %d rewritten copies (%d sets, --augment, weight %g), each in its original's fold", n, len(copies), opt.AugmentWeight)
	}
	if len(withheld) > 0 {
		note += "; " + opt.withheldNote(withheld)
	}
	if len(cuts) > 0 {
		note += fmt.Sprintf("; per-type cuts %s", cutsNote(cuts))
	}
	m.SetThreshold(threshold, note)
	if err := m.SetCuts(cuts); err != nil {
		return err
	}
	if err := m.SetWithheld(withheld); err != nil {
		return err
	}
	if opt.Out != "" {
		if err := m.Write(opt.Out); err != nil {
			return err
		}
		fmt.Fprintf(opt.Log, "model written to %s (threshold %.2f)\n", opt.Out, threshold)
	}
	return nil
}

// labelCandidates labels the training candidates cands of one run with
// its oracle: the gold class, the fold of the candidate's document (fold,
// by document id) and the weight; open are the run's candidates no rule
// links. It returns them with the number labelled as a relation.
func labelCandidates(opt Options, cands, open []extract.PairCandidate, oracle *corpus.RelationOracle,
	types map[string]string, col map[string]int, fold map[string]int) ([]labelled, int) {
	unlinked := map[string]bool{}
	for _, c := range open {
		unlinked[c.Doc+"\x00"+c.Source+"\x00"+c.Target] = true
	}
	data := make([]labelled, len(cands))
	pos := 0
	for i := range cands {
		cd := &cands[i]
		l := labelled{cand: cd, class: -1, fold: fold[cd.Doc], pair: [2]string{types[cd.Source], types[cd.Target]},
			unsampled: !inShare(cd.Doc, opt.TrainShare, opt.Seed)}
		linked := !unlinked[cd.Doc+"\x00"+cd.Source+"\x00"+cd.Target]
		switch lab, rts := oracle.Label(cd.Doc, cd.Source, cd.Target); lab {
		case corpus.LabelNone:
			l.class = 0
		case corpus.LabelRelation:
			for _, t := range rts {
				if k, ok := col[t]; ok {
					l.class = k
					pos++
					break
				}
			}
		}
		l.weight = exampleWeight(opt, linked, l.class > 0)
		data[i] = l
	}
	return data, pos
}

// dropRelations copies ds without a share frac of its relations, chosen
// by a hash of their ids and seed (the same on every run).
func dropRelations(ds *extractor.Dataset, frac float64, seed uint32) *extractor.Dataset {
	d := *ds
	d.Relations = nil
	for _, r := range ds.Relations {
		h := fnv.New32a()
		h.Write([]byte{byte(seed), byte(seed >> 8)})
		h.Write([]byte(r.ID))
		if float64(h.Sum32()%10000) < frac*10000 {
			continue
		}
		d.Relations = append(d.Relations, r)
	}
	return &d
}

// inShare reports whether document doc is in the training subset of the
// given share (0 or >= 1: every document), by a hash of its id and seed:
// the subset of a smaller share lies inside that of a larger one.
func inShare(doc string, share float64, seed uint64) bool {
	if share <= 0 || share >= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte{byte(seed), byte(seed >> 8)})
	h.Write([]byte(doc))
	return float64(h.Sum32()%10000) < share*10000
}

// exampleWeight is the weight in training of a candidate: LinkedWeight
// when a rule links its pair, times RelationWeight when the gold relates
// it (opt's zero fields already set to the defaults).
func exampleWeight(opt Options, linked, relation bool) float64 {
	w := 1.0
	if linked {
		w = opt.LinkedWeight
	}
	if relation {
		w *= opt.RelationWeight
	}
	return w
}

// allPairs allows every relation type between every two entity types: the
// candidates labelled with it show which pairs the gold uses.
func allPairs() []extract.TypePair {
	var out []extract.TypePair
	for _, s := range extractor.EntityTypes {
		for _, t := range extractor.EntityTypes {
			out = append(out, extract.TypePair{Source: string(s), Target: string(t), Relations: relationTypes})
		}
	}
	return out
}

// allowedPairs keeps the (source type, target type, relation) triples with
// at least minSupport distinct gold-labelled entity pairs in the training
// documents (every fold but skip; -1 skips none).
func allowedPairs(data []labelled, classes []string, skip, minSupport int) []extract.TypePair {
	type triple struct {
		s, t string
		c    int
	}
	seen := map[string]bool{}
	count := map[triple]int{}
	for _, l := range data {
		if l.class <= 0 || l.augmented || l.fold == skip || (skip >= 0 && l.unsampled) {
			continue
		}
		k := l.cand.Doc + "\x00" + l.cand.Source + "\x00" + l.cand.Target
		if seen[k] {
			continue
		}
		seen[k] = true
		count[triple{l.pair[0], l.pair[1], l.class}]++
	}
	byPair := map[[2]string][]string{}
	for tr, n := range count {
		if n >= minSupport {
			byPair[[2]string{tr.s, tr.t}] = append(byPair[[2]string{tr.s, tr.t}], classes[tr.c])
		}
	}
	var out []extract.TypePair
	for p, rs := range byPair {
		sort.Strings(rs)
		out = append(out, extract.TypePair{Source: p[0], Target: p[1], Relations: rs})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// trainingExamples are the labelled candidates the model that scores
// fold skip trains on (skip -1: the model trained on everything): those
// of the other folds, a rewritten copy in its original's fold included
// (so never in the model that scores its original), of an allowed type
// pair and, in the cross-validation, inside Options.TrainShare's subset.
func trainingExamples(data []labelled, skip int, allowed map[[2]string]bool) []linear.Example {
	var exs []linear.Example
	for _, l := range data {
		if l.class < 0 || l.weight <= 0 || !augment.TrainsFold(l.fold, skip) || !allowed[l.pair] || (skip >= 0 && l.unsampled) {
			continue
		}
		exs = append(exs, linear.Example{Features: l.cand.Features, Class: l.class, Weight: l.weight})
	}
	return exs
}

// fit trains a model on every labelled candidate outside fold skip whose
// type pair is allowed.
func fit(data []labelled, skip int, classes []string, allowed []extract.TypePair, opt Options, pack *rules.Pack) (*extract.PairModel, error) {
	buckets, seed := opt.Buckets, opt.Seed
	ok := map[[2]string]bool{}
	for _, tp := range allowed {
		ok[[2]string{tp.Source, tp.Target}] = true
	}
	exs := trainingExamples(data, skip, ok)
	sgd := linear.DefaultOptions
	if seed != 0 {
		sgd.Seed = seed
	}
	if opt.L2 != 0 {
		sgd.L2 = opt.L2
	}
	if opt.Epochs != 0 {
		sgd.Epochs = opt.Epochs
	}
	if opt.Rate != 0 {
		sgd.Rate = opt.Rate
	}
	w, bias := linear.Train(exs, len(classes), buckets, sgd)
	m, err := extract.NewPairModel(classes, allowed, buckets, pack)
	if err != nil {
		return nil, err
	}
	m.SetWeights(w, bias)
	if err := m.SetDropped(opt.Drop); err != nil {
		return nil, err
	}
	return m, m.SetFunctional(opt.Functional)
}
