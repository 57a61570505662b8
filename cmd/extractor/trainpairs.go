package main

import (
	"github.com/reportgraph/extractor/internal/pairtrain"
	"github.com/spf13/cobra"
)

// newTrainPairsCmd is the hidden command behind `make train-pairs`: it
// retrains the candidate-pair relation model on a corpus with gold files
// and prints the cross-validation tables (docs/relation-model.md). Hidden
// because users run the embedded model; maintainers retrain it.
func newTrainPairsCmd() *cobra.Command {
	var opt pairtrain.Options
	cmd := &cobra.Command{
		Use:    "train-pairs [--corpus DIR] [--folds N] [--out DIR]",
		Short:  "Train the candidate-pair relation model (maintainers)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opt.Log = cmd.OutOrStdout()
			return pairtrain.Train(cmd.Context(), opt)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opt.Corpus, "corpus", "corpus/samples", "a folder of documents with gold files")
	fl.IntVar(&opt.Folds, "folds", 5, "folds of the cross-validation by document that measures the model and picks its threshold (0: none)")
	fl.Float64Var(&opt.Threshold, "threshold", 0.6, "the threshold when --folds is 0")
	fl.Float64Var(&opt.MaxF1Loss, "max-f1-loss", pairtrain.DefaultMaxF1Loss, "the threshold is the lowest whose cross-validated relation F1 is at most this far below the rules'")
	fl.StringArrayVar(&opt.Augment, "augment", nil, "also train on the rewritten copies in this folder (tools/paraphrase output; repeatable): a copy joins its original's cross-validation fold, for training only")
	fl.Float64Var(&opt.AugmentWeight, "augment-weight", 1, "weight in training of the --augment copies (-1: not trained on, only scored in the cross-validation)")
	fl.StringVar(&opt.Out, "out", "", "write the model files (pairmodel.json, pairmodel.bin) to this folder, e.g. extract/")
	fl.Float64Var(&opt.LinkedWeight, "linked-weight", pairtrain.DefaultLinkedWeight, "weight in training of the pairs a rule already links")
	fl.StringVar(&opt.Cut, "cut", pairtrain.CutFloor, "the threshold rule: floor (the lowest p whose cross-validated F1 is not below the rules', less --max-f1-loss), best-f1 (the p of highest cross-validated F1), per-type (floor for each relation type on its own F1; a type that never reaches it is withheld) or per-type-best (best-f1 for each type)")
	fl.Float64Var(&opt.RelationWeight, "relation-weight", pairtrain.DefaultRelationWeight, "weight in training of the pairs the gold relates, against 1 for the others")
	fl.StringSliceVar(&opt.Functional, "functional", pairtrain.DefaultFunctional, "relation types of which one source of a document keeps only its likeliest proposal (joint decoding; \"\" for none)")
	fl.IntVar(&opt.Outcomes, "outcomes", -1, "also list the model's cross-validation verdicts by type and this many false positives (-1: none)")
	fl.IntVar(&opt.MinSupport, "min-support", pairtrain.DefaultMinSupport, "gold entity pairs a (source type, target type, relation) needs to be proposed")
	fl.IntVar(&opt.Buckets, "buckets", pairtrain.DefaultBuckets, "size of the hashed feature space (the embedded weights are 22 bytes a bucket)")
	fl.Uint64Var(&opt.Seed, "seed", 1, "seed of the training order (1: the shipped model; others measure how much a cross-validation figure moves by chance)")
	fl.Float64Var(&opt.RuleDropout, "rule-dropout", 0, "score the cross-validation with this share of the rules' relations left out (simulating unseen reports)")
	fl.Float64Var(&opt.TrainDropout, "train-dropout", 0, "also train on the documents with this share of the rules' relations left out")
	fl.Float64Var(&opt.DropoutWeight, "dropout-weight", 1, "weight of the --train-dropout examples")
	fl.Float64Var(&opt.TrainShare, "train-share", 0, "train each cross-validation fold on this share, in [0, 1], of its training documents (a learning curve; 0 or 1: all; not with --out)")
	fl.StringSliceVar(&opt.Withhold, "withhold", nil, "relation types to withhold (scored, never proposed) instead of those the cross-validation picks (\"\" or none for none)")
	fl.BoolVar(&opt.Coverage, "coverage", false, "print how many related entity pairs the candidate window misses, by why, and stop")
	fl.StringSliceVar(&opt.Drop, "drop-features", nil, "feature groups to leave out (ablation)")
	fl.Float64Var(&opt.L2, "l2", 0, "weight decay of the training (0: the default)")
	fl.IntVar(&opt.Epochs, "epochs", 0, "epochs of the training (0: the default)")
	fl.Float64Var(&opt.Rate, "rate", 0, "initial learning rate (0: the default)")
	return cmd
}
