package pairtrain

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/internal/augment"
)

// augmentedSet is one folder of rewritten copies (Options.Augment): its
// labelled candidates (training only), and what scoreCopies needs to
// measure the folds' models on the copies of their held-out documents.
type augmentedSet struct {
	dir   string
	docs  int
	data  []labelled
	ds    *extractor.Dataset
	pairs []corpus.Pair
	open  []extract.PairCandidate
	fold  map[string]int // by document id: the fold of its original
}

// labelCopies extracts the copies in dir with the rules, keeps those whose
// original is one of the corpus's documents (foldByStem: stem → fold) and
// labels their candidates against the copies' gold, each in its
// original's fold.
func labelCopies(ctx context.Context, opt Options, runner *corpus.Runner, probe *extract.PairModel, dir string,
	foldByStem map[string]int, col map[string]int) (augmentedSet, error) {
	set := augmentedSet{dir: dir, fold: map[string]int{}}
	c, err := corpus.Load(dir, corpus.LoadOptions{})
	if err != nil {
		return set, err
	}
	run := runner.Run(ctx, c)
	if run.Failed > 0 {
		// A copy is extra training data: one the extractor cannot read is
		// named, not fatal.
		fmt.Fprintf(opt.Log, "--augment %s: %d copies failed and are left out\n", dir, run.Failed)
	}
	var sources []string
	for _, r := range run.Results {
		sources = append(sources, r.Doc.Source)
	}
	byPath, unmatched := augment.Folds(foldByStem, sources)
	if len(unmatched) > 0 {
		fmt.Fprintf(opt.Log, "--augment %s: %d documents with no original in %s left out: %s\n",
			dir, len(unmatched), opt.Corpus, strings.Join(unmatched, ", "))
	}
	var results []*extract.DocResult
	for _, r := range run.Results {
		if k, ok := byPath[r.Doc.Source]; ok {
			results = append(results, r)
			set.fold[r.Doc.ID] = k
		}
	}
	sort.SliceStable(results, func(i, j int) bool { return results[i].Doc.Source < results[j].Doc.Source })
	for _, p := range run.Pairs {
		if _, ok := set.fold[p.DocID]; ok {
			set.pairs = append(set.pairs, p)
		}
	}
	set.docs, set.ds = len(results), run.Dataset
	types := map[string]string{}
	for _, e := range run.Dataset.Entities {
		types[e.ID] = string(e.Type)
	}
	cands := probe.Candidates(results, run.Dataset, true)
	set.open = probe.Candidates(results, run.Dataset, false)
	data, pos := labelCandidates(opt, cands, set.open, corpus.NewRelationOracle(run.Dataset, set.pairs), types, col, set.fold)
	for i := range data {
		data[i].augmented = true
		data[i].weight *= max(opt.AugmentWeight, 0) // < 0: scored only
	}
	set.data = data
	fmt.Fprintf(opt.Log, "--augment %s: %d copies, %d training candidates (%d labelled as a relation)\n", dir, set.docs, len(cands), pos)
	return set, nil
}

// augmentedDocs is the number of copies of every set.
func augmentedDocs(sets []augmentedSet) int {
	n := 0
	for _, s := range sets {
		n += s.docs
	}
	return n
}

// scoreCopies prints, for each set of copies, the rules' relation figures
// on the copies and those with each fold's model proposing for the copies
// of its held-out documents at the chosen threshold: how the models fare
// on rewritten text they did not train on (the copies of the other folds
// trained them; no copy of a held-out original did).
func scoreCopies(w io.Writer, sets []augmentedSet, folds []foldModel, threshold float64, withheld []string) {
	if len(sets) == 0 || len(folds) == 0 {
		return
	}
	fmt.Fprintf(w, "### Cross-validation on the held-out folds' rewritten copies (p ≥ %.2f)\n\n", threshold)
	fmt.Fprintln(w, "| copies | rules P | R | F1 | rules + model P | R | F1 | model tp/fp |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, s := range sets {
		base := corpus.Score(s.ds, s.pairs, corpus.Options{})
		d := cloneDataset(s.ds)
		for k, f := range folds {
			var cands []extract.PairCandidate
			for _, c := range s.open {
				if s.fold[c.Doc] == k {
					cands = append(cands, c)
				}
			}
			f.m.ProposeFrom(d, cands, threshold)
		}
		with := corpus.Score(d, s.pairs, corpus.Options{})
		tp, fp := modelCounts(with)
		b, x := base.Micro.Relations, with.Micro.Relations
		if b == nil || x == nil {
			continue
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %d/%d |\n", s.dir, pct(b.P), pct(b.R), pct(b.F1), pct(x.P), pct(x.R), pct(x.F1), tp, fp)
	}
	if len(withheld) > 0 {
		fmt.Fprintf(w, "\n(withheld: %s)\n", strings.Join(withheld, ", "))
	}
	fmt.Fprintln(w)
}
