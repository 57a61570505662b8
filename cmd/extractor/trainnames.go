package main

import (
	"os"

	"github.com/reportgraph/extractor/internal/nametrain"
	"github.com/spf13/cobra"
)

// newTrainNamesCmd is the hidden command behind `make train-names`: it
// retrains the name model on a corpus with gold files and prints the
// cross-validation table (docs/name-model.md).
func newTrainNamesCmd() *cobra.Command {
	var opt nametrain.Options
	var verdicts string
	cmd := &cobra.Command{
		Use:    "train-names [--corpus DIR] [--folds N] [--out DIR]",
		Short:  "Train the name model (maintainers)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) (err error) {
			opt.Log = cmd.OutOrStdout()
			if verdicts != "" {
				f, cerr := os.Create(verdicts)
				if cerr != nil {
					return cerr
				}
				// A close error means the file may be cut short.
				defer func() {
					if cerr := f.Close(); err == nil && cerr != nil {
						err = cerr
					}
				}()
				opt.Verdicts = f
			}
			return nametrain.Train(cmd.Context(), opt)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opt.Corpus, "corpus", "corpus/samples", "a folder of documents with gold files")
	fl.IntVar(&opt.Folds, "folds", 5, "folds of the cross-validation by document that measures the model and picks its threshold (0: none)")
	fl.Float64Var(&opt.Threshold, "threshold", 0.8, "the threshold when --folds is 0")
	fl.Float64Var(&opt.MinPrecision, "min-precision", nametrain.DefaultMinPrecision, "the threshold is the lowest whose cross-validated precision of the added names is at least this")
	fl.StringArrayVar(&opt.Augment, "augment", nil, "also train on the rewritten copies in this folder (tools/paraphrase output; repeatable): a copy joins its original's cross-validation fold, for training only")
	fl.Float64Var(&opt.AugmentWeight, "augment-weight", 1, "weight in training of the --augment copies (-1: not trained on, only scored in the cross-validation)")
	fl.StringVar(&opt.Out, "out", "", "write the model files (namemodel.json, namemodel.bin) to this folder, e.g. rules/")
	fl.Float64Var(&opt.FoundWeight, "found-weight", nametrain.DefaultFoundWeight, "weight in training of the names the rules found (-1: left out)")
	fl.IntVar(&opt.Buckets, "buckets", nametrain.DefaultBuckets, "size of the hashed feature space")
	fl.Uint64Var(&opt.Seed, "seed", 1, "seed of the training order")
	fl.StringVar(&verdicts, "verdicts", "", "write one JSON line per name the cross-validation judged, and per name the rules found, to this file (to sort the misses by cause)")
	fl.BoolVar(&opt.Outcomes, "outcomes", false, "also list the cross-validation's proposals at p >= 0.5 with their gold labels")
	return cmd
}
