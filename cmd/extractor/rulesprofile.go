package main

import (
	"context"
	"encoding/json"
	"time"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/rules"
	"github.com/spf13/cobra"
)

// newRulesProfileCmd is `extractor rules profile`: the extraction of
// `extractor extract` over the inputs, timed per stage and per rule
// (rules.Profile), printed slowest first instead of the dataset.
func newRulesProfileCmd() *cobra.Command {
	var rf readFlags
	var ruleDirs, kbFiles []string
	var relationModel, asJSON bool
	var nameModel string
	var top int
	cmd := &cobra.Command{
		Use:   "profile [flags] INPUT...",
		Short: "Time every stage and rule of extraction over inputs, slowest first",
		Long: `Extracts the inputs as extract does and prints where the time went: each
stage (NLP, the stages of matching, resolution with the relation model),
each rule kind, and the slowest rules with their tries (calls of the
matcher at a start token), matches and time. Timing each try slows
matching down, so read the shares, not the totals, as the cost of a plain
run. Use --workers 1 for times that do not overlap.`,
		Example: `  extractor rules profile corpus/samples
  extractor rules profile --top 50 --workers 1 report.pdf
  extractor rules profile --json corpus/samples | jq '.rules[:5]'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pl, err := newPipeline(kbFiles, ruleDirs, models{relation: relationModel, names: nameModel})
			if err != nil {
				return err
			}
			prof := rules.NewProfile()
			px := pl.x.Profiled(prof)
			var results []*extract.DocResult
			work := func(ctx context.Context, doc *extractor.Document) (any, error) { return px.Document(ctx, doc) }
			runErr := rf.readAll(cmd, args, work, func(r *document.Result) error {
				results = append(results, r.Value.(*extract.DocResult))
				return nil
			})
			if _, ok := runErr.(silentError); runErr != nil && !ok {
				return runErr
			}
			start := time.Now()
			opts := append(append([]extract.Option(nil), pl.resolve...), extract.WithTimeLimit(rf.limit()))
			_, skipped := extract.ResolveLimited(context.Background(), results, opts...)
			prof.AddStage("resolution", time.Since(start))
			runErr = rf.skip(cmd, args, skipped, runErr)
			rep := prof.Report(pl.pack)
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
				return runErr
			}
			if err := rep.WriteText(cmd.OutOrStdout(), top); err != nil {
				return err
			}
			return runErr
		},
	}
	rf.register(cmd)
	fl := cmd.Flags()
	fl.StringArrayVar(&ruleDirs, "rules", nil, "a folder of YAML rules that extends or overrides the default pack (repeatable)")
	fl.StringArrayVar(&kbFiles, "kb", nil, "a knowledge base of known names and aliases, YAML or TSV (docs/kb.md; repeatable)")
	fl.BoolVar(&relationModel, "relation-model", true, relationModelHelp)
	fl.StringVar(&nameModel, "name-model", "auto", nameModelHelp)
	fl.Lookup("name-model").NoOptDefVal = "true"
	fl.IntVar(&top, "top", 30, "print this many of the slowest rules (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print the whole report as JSON (times in nanoseconds)")
	return cmd
}
