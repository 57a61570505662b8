package pairtrain

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/rules"
)

// Cross-validation by document: the documents are dealt into folds in the
// order of their file names; for each fold a model is trained on the
// other folds' documents (type pairs included) and proposes relations for
// this fold's documents only. The proposals of every fold are pooled into
// one dataset with the rules' relations and scored by the eval scorer
// (corpus.Score), so the figures are those `extractor eval` would print
// had each document been unseen by the model.

// thresholds are the probability cuts scored. The model's threshold is
// the lowest of them whose pooled relation F1 is at most Options.MaxF1Loss
// (default 0) below the rules' own: the most proposals for review that do
// not lower F1 (Options.Cut CutFloor; CutBestF1 takes the cut of highest
// pooled F1, and both are printed). (The best F1 alone is no criterion: the rules were written
// on these very documents, so their in-sample recall, about .72, is far
// above what they reach on unseen reports, about .5, and every proposal
// competes with them at a disadvantage. But proposals are also less
// precise on unseen reports, which a cut that lowers F1 in-sample pays for
// twice: see docs/relation-model.md.)
var thresholds = []float64{0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

// foldModel is the model of one cross-validation fold, trained without
// the fold's documents, and the candidates of those documents it proposes
// from.
type foldModel struct {
	m     *extract.PairModel
	cands []extract.PairCandidate
}

// crossValidate returns the chosen threshold, the withheld types, the
// per-type cuts (CutPerType) and the folds' models (their withheld types
// and cuts set).
func crossValidate(opt Options, pack *rules.Pack, classes []string, results []*extract.DocResult,
	ds *extractor.Dataset, pairs []corpus.Pair, data []labelled, open []extract.PairCandidate, fold map[string]int) (float64, []string, map[string]float64, []foldModel, error) {
	var folds []foldModel
	for k := 0; k < opt.Folds; k++ {
		allowed := allowedPairs(data, classes, k, opt.MinSupport)
		m, err := fit(data, k, classes, allowed, opt, pack)
		if err != nil {
			return 0, nil, nil, nil, err
		}
		var cands []extract.PairCandidate
		for _, c := range open {
			if fold[c.Doc] == k {
				cands = append(cands, c)
			}
		}
		folds = append(folds, foldModel{m, cands})
	}
	score := func(d *extractor.Dataset) *corpus.Report { return corpus.Score(d, pairs, corpus.Options{}) }
	base := score(ds)
	sweep := func() ([]*corpus.Report, []float64) {
		var reps []*corpus.Report
		var f1s []float64
		for _, th := range thresholds {
			d := cloneDataset(ds)
			for _, f := range folds {
				f.m.ProposeFrom(d, f.cands, th)
			}
			rep := score(d)
			reps = append(reps, rep)
			f1s = append(f1s, f1(rep))
		}
		return reps, f1s
	}
	reps, _ := sweep()
	// A type whose pooled F1 the model lowers at every cut is withheld:
	// scored, never proposed. The cut is then chosen on the sweep with it
	// withheld.
	withheld := withheldTypes(base, reps)
	if opt.Withhold != nil {
		withheld = opt.fixedWithheld()
	}
	if len(withheld) > 0 {
		for _, f := range folds {
			if err := f.m.SetWithheld(withheld); err != nil {
				return 0, nil, nil, nil, err
			}
		}
	}
	reps, f1s := sweep()
	w := opt.Log
	fmt.Fprintf(w, "### Relations, %d-fold cross-validation by document (%d documents)\n\n", opt.Folds, len(results))
	if len(withheld) > 0 {
		fmt.Fprintf(w, "%s; scored, never proposed.\n\n", opt.withheldNote(withheld))
	}
	fmt.Fprintln(w, "| source | p ≥ | confidence ≥ | model relations (tp/fp) | P | R | F1 |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	row(w, "rules only", "", "", base, "")
	for i, rep := range reps {
		tp, fp := modelCounts(rep)
		row(w, "rules + model", fmt.Sprintf("%.2f", thresholds[i]), fmt.Sprintf("%.2f", extract.PairConfidence(thresholds[i])), rep, fmt.Sprintf("%d/%d", tp, fp))
	}
	subsets(w, base, reps)
	perTypeSweep(w, base, reps)
	floorAt := chooseCut(f1s, f1(base)-opt.MaxF1Loss, CutFloor)
	topAt := chooseCut(f1s, 0, CutBestF1)
	at := floorAt
	rule := fmt.Sprintf("the lowest whose pooled relation F1 is at most %.3f below the rules' (%.3f)", opt.MaxF1Loss, f1(base))
	if opt.Cut == CutBestF1 {
		at, rule = topAt, "the one of highest pooled relation F1"
	}
	best, bestRep := thresholds[at], reps[at]
	fmt.Fprintf(w, "\nCuts: the lowest not below the rules' F1 p ≥ %.2f (F1 %.3f); the highest F1 p ≥ %.2f (F1 %.3f).\n",
		thresholds[floorAt], f1s[floorAt], thresholds[topAt], f1s[topAt])
	var cuts map[string]float64
	if opt.Cut == CutPerType || opt.Cut == CutPerTypeBest {
		var more []string
		best, cuts, more = perTypeCuts(base, reps, opt.MaxF1Loss, opt.Cut, withheld)
		withheld = append(withheld, more...)
		sort.Strings(withheld)
		for _, f := range folds {
			if err := f.m.SetWithheld(withheld); err != nil {
				return 0, nil, nil, nil, err
			}
			if err := f.m.SetCuts(cuts); err != nil {
				return 0, nil, nil, nil, err
			}
		}
		d := cloneDataset(ds)
		for _, f := range folds {
			f.m.ProposeFrom(d, f.cands, best)
		}
		bestRep = score(d)
		tp, fp := modelCounts(bestRep)
		rule = fmt.Sprintf("per type (%s), the lowest of the types' cuts; per-type cuts %s; withheld %s", opt.Cut, cutsNote(cuts), strings.Join(withheld, ", "))
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| source | p ≥ | confidence ≥ | model relations (tp/fp) | P | R | F1 |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
		row(w, "rules + model, per-type cuts", fmt.Sprintf("%.2f", best), fmt.Sprintf("%.2f", extract.PairConfidence(best)), bestRep, fmt.Sprintf("%d/%d", tp, fp))
	}
	fmt.Fprintf(w, "Threshold chosen: p ≥ %.2f, %s.\n\n", best, rule)
	if opt.Outcomes >= 0 {
		modelOutcomes(w, bestRep, opt.Outcomes)
	}
	perType(w, base, bestRep, best)
	return best, withheld, cuts, folds, nil
}

// perTypeCuts picks a cut for each relation type with gold from its own
// pooled F1 over the sweep reps (rule CutPerType: the lowest at most
// maxLoss below the rules' F1 of the type; CutPerTypeBest: the highest
// F1, kept only when it is not below the rules'). A type whose F1 never
// reaches the rules' is returned in more (to withhold); types already
// withheld are skipped. The threshold is the lowest cut; cuts holds the
// types whose cut is above it.
func perTypeCuts(base *corpus.Report, reps []*corpus.Report, maxLoss float64, rule string, withheld []string) (float64, map[string]float64, []string) {
	chosen := map[string]float64{}
	var more []string
	for t, b := range base.PerRelationType {
		if b.Gold == 0 || b.F1 == nil || slices.Contains(withheld, t) {
			continue
		}
		f1s := make([]float64, len(reps))
		for i, r := range reps {
			if x, ok := r.PerRelationType[t]; ok && x.F1 != nil {
				f1s[i] = *x.F1
			}
		}
		var at int
		if rule == CutPerTypeBest {
			at = chooseCut(f1s, 0, CutBestF1)
			if f1s[at] < *b.F1-1e-9 {
				at = -1
			}
		} else {
			at = chooseCut(f1s, *b.F1-maxLoss, CutFloor)
			if f1s[at] < *b.F1-maxLoss-1e-9 {
				at = -1
			}
		}
		if at < 0 {
			more = append(more, t)
			continue
		}
		chosen[t] = thresholds[at]
	}
	sort.Strings(more)
	th := thresholds[len(thresholds)-1]
	for _, c := range chosen {
		th = min(th, c)
	}
	cuts := map[string]float64{}
	for t, c := range chosen {
		if c > th {
			cuts[t] = c
		}
	}
	return th, cuts, more
}

// cutsNote lists per-type cuts in type order ("sponsored-by 0.90, ...").
func cutsNote(cuts map[string]float64) string {
	var types []string
	for t := range cuts {
		types = append(types, t)
	}
	sort.Strings(types)
	var parts []string
	for _, t := range types {
		parts = append(parts, fmt.Sprintf("%s %.2f", t, cuts[t]))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// withheldTypes are the relation types with gold whose pooled F1 is below
// the rules' own at every cut of the sweep reps (one report per
// threshold): types the model only harms, whichever cut is taken.
func withheldTypes(base *corpus.Report, reps []*corpus.Report) []string {
	var out []string
	for t, b := range base.PerRelationType {
		if b.Gold == 0 || b.F1 == nil {
			continue
		}
		helps := false
		for _, r := range reps {
			if x, ok := r.PerRelationType[t]; ok && x.F1 != nil && *x.F1 >= *b.F1-1e-9 {
				helps = true
				break
			}
		}
		if !helps {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// chooseCut is the index of the threshold a rule picks from the pooled
// F1 of each (in the order of thresholds): CutFloor the first whose F1 is
// at least floor (the last when none is), CutBestF1 the first of highest
// F1.
func chooseCut(f1s []float64, floor float64, rule string) int {
	at := -1
	for i, f := range f1s {
		switch rule {
		case CutBestF1:
			if at < 0 || f > f1s[at]+1e-9 {
				at = i
			}
		default:
			if at < 0 && f >= floor-1e-9 {
				at = i
			}
		}
	}
	if at < 0 {
		at = len(f1s) - 1
	}
	return at
}

// subsetWord picks the documents of the second table: those whose file
// name holds it (the machine-paraphrased news of corpus/samples).
const subsetWord = "paraphrased"

// subsets prints, for each threshold, the model's true/false proposals of
// the two types it errs on most and the pooled relation figures of the
// documents whose name holds subsetWord (summed per-document counts).
func subsets(w io.Writer, base *corpus.Report, reps []*corpus.Report) {
	fmt.Fprintf(w, "\n### Model relations by type, and the %q documents\n\n", subsetWord)
	fmt.Fprintf(w, "| p ≥ | affiliated-with tp/fp | targets tp/fp | other tp/fp | %s: model tp/fp | P | R | F1 |\n", subsetWord)
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	line := func(th string, r *corpus.Report) {
		var aff, tgt, oth, sub [2]int
		var c corpus.RelationCounts
		for _, d := range r.Documents {
			in := strings.Contains(d.Key(), subsetWord)
			if in && d.RelationCounts != nil {
				c.Gold += d.RelationCounts.Gold
				c.Found += d.RelationCounts.Found
				c.PredTP += d.RelationCounts.PredTP
				c.PredFP += d.RelationCounts.PredFP
			}
			for _, o := range d.PredictedRelations {
				if len(o.Rules) != 1 || o.Rules[0] != extract.PairRule {
					continue
				}
				k := -1
				switch o.Verdict {
				case corpus.VerdictTP:
					k = 0
				case corpus.VerdictFP:
					k = 1
				}
				if k < 0 {
					continue
				}
				switch o.Type {
				case "affiliated-with":
					aff[k]++
				case "targets":
					tgt[k]++
				default:
					oth[k]++
				}
				if in {
					sub[k]++
				}
			}
		}
		p := float64(c.PredTP) / float64(max(1, c.PredTP+c.PredFP))
		rc := float64(c.Found) / float64(max(1, c.Gold))
		f := 0.0
		if p+rc > 0 {
			f = 2 * p * rc / (p + rc)
		}
		fmt.Fprintf(w, "| %s | %d/%d | %d/%d | %d/%d | %d/%d | %.3f | %.3f | %.3f |\n", th, aff[0], aff[1], tgt[0], tgt[1], oth[0], oth[1], sub[0], sub[1], p, rc, f)
	}
	line("rules only", base)
	for i, r := range reps {
		line(fmt.Sprintf("%.2f", thresholds[i]), r)
	}
	fmt.Fprintln(w)
}

func f1(r *corpus.Report) float64 {
	if r.Micro.Relations == nil || r.Micro.Relations.F1 == nil {
		return 0
	}
	return *r.Micro.Relations.F1
}

func modelCounts(r *corpus.Report) (tp, fp int) {
	for _, rc := range r.Rules {
		if rc.Rule == extract.PairRule {
			return rc.RelationTP, rc.RelationFP
		}
	}
	return 0, 0
}

func pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.3f", *p)
}

func row(w io.Writer, name, th, conf string, r *corpus.Report, model string) {
	rel := r.Micro.Relations
	if rel == nil {
		rel = &corpus.PRF{}
	}
	if th == "" {
		th, conf, model = "–", "–", "–"
	}
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", name, th, conf, model, pct(rel.P), pct(rel.R), pct(rel.F1))
}

// perTypeSweep prints each relation type's pooled F1 at every threshold
// beside the rules' own: which types the model helps, and from what cut.
func perTypeSweep(w io.Writer, base *corpus.Report, reps []*corpus.Report) {
	fmt.Fprintf(w, "\n### Per relation type F1 by cut (rules only first)\n\n| relation | rules |")
	for _, th := range thresholds {
		fmt.Fprintf(w, " %.2f |", th)
	}
	fmt.Fprintf(w, "\n|---|---|%s\n", strings.Repeat("---|", len(thresholds)))
	var types []string
	for t, b := range base.PerRelationType {
		if b.Gold > 0 {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "| %s | %s |", t, pct(base.PerRelationType[t].F1))
		for _, r := range reps {
			var f *float64
			if x, ok := r.PerRelationType[t]; ok {
				f = x.F1
			}
			fmt.Fprintf(w, " %s |", pct(f))
		}
		fmt.Fprintln(w)
	}
}

func perType(w io.Writer, base, with *corpus.Report, th float64) {
	fmt.Fprintf(w, "### Per relation type: rules only → rules + model (p ≥ %.2f)\n\n", th)
	fmt.Fprintln(w, "| relation | gold | P | R | F1 | P (+model) | R (+model) | F1 (+model) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	var types []string
	for t := range with.PerRelationType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		a, b := base.PerRelationType[t], with.PerRelationType[t]
		fmt.Fprintf(w, "| %s | %d | %s | %s | %s | %s | %s | %s |\n", t, b.Gold, pct(a.P), pct(a.R), pct(a.F1), pct(b.P), pct(b.R), pct(b.F1))
	}
	fmt.Fprintln(w)
}

// cloneDataset copies ds deeply enough for ProposeFrom, which appends
// relations and evidence.
func cloneDataset(ds *extractor.Dataset) *extractor.Dataset {
	d := *ds
	d.Relations = make([]extractor.Relation, len(ds.Relations))
	for i, r := range ds.Relations {
		r.Evidence = append([]extractor.Evidence(nil), r.Evidence...)
		d.Relations[i] = r
	}
	return &d
}

// modelOutcomes lists the verdicts of the model's relations at the chosen
// threshold by type, and the first false positives (for feature work).
func modelOutcomes(w io.Writer, r *corpus.Report, examples int) {
	count := map[string]int{}
	shown := 0
	for _, d := range r.Documents {
		for _, o := range d.PredictedRelations {
			if len(o.Rules) == 1 && o.Rules[0] == extract.PairRule {
				count[o.Type+" "+string(o.Verdict)]++
				if shown < examples && o.Verdict == corpus.VerdictFP {
					shown++
					fmt.Fprintf(w, "  %s %s: %s\n", o.Verdict, d.Document, o.Key())
				}
			}
		}
	}
	var keys []string
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  %s %d\n", k, count[k])
	}
}
