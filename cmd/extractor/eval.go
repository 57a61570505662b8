package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/document"
	"github.com/spf13/cobra"
)

func newEvalCmd() *cobra.Command {
	var rf readFlags
	var relationModel bool
	var nameModel string
	var ruleDirs, kbFiles, types, relTypes []string
	var corpusPath, baseline, reportPath, format, goldFormat, split string
	var update, strictOptional bool
	var tolerance, minConf float64
	var top int
	cmd := &cobra.Command{
		Use:   "eval --corpus PATH [flags]",
		Short: "Score extraction against a gold-annotated corpus",
		Long: `Extracts every document of a corpus and scores the result against its gold
annotation with the semantics of the reference scorer (docs/corpus.md):
entity detection and typed precision/recall/F1, relations, micro and macro,
per type, and per rule how many true and false positive entities it found.

--corpus is a folder of documents (PDF, HTML, text) with <stem>.gold.json
beside them, a CoNLL/BIO(ES) file or folder (DNRTI, APTNER), an AnnoCTR
release folder (--split picks the documents), or a doccano JSONL file with
relations (CAPTIER). The format is detected; --gold-format forces it.

With --baseline the run is compared with a stored report: entities and
relations gained and lost per document, figures up or down; the exit
status is 1 when an overall F1 dropped by more than --tolerance.
--update-baseline writes this run as the baseline instead.`,
		Example: `  extractor eval --corpus corpus/samples
  extractor eval --corpus ../shared/data/annotated/dnrti/valid.txt --format md
  extractor eval --corpus corpus/samples --baseline corpus/baseline.json
  extractor eval --corpus corpus/samples --baseline corpus/baseline.json --update-baseline`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if corpusPath == "" {
				return fmt.Errorf("--corpus is required")
			}
			if update && baseline == "" {
				return fmt.Errorf("--update-baseline needs --baseline FILE")
			}
			c, err := corpus.Load(corpusPath, corpus.LoadOptions{Format: goldFormat, Split: split})
			if err != nil {
				return err
			}
			var base *corpus.Report
			if baseline != "" && !update {
				if base, err = corpus.ReadBaseline(baseline); err != nil {
					return err
				}
			}
			pl, err := newPipeline(kbFiles, ruleDirs, models{relation: relationModel, names: nameModel})
			if err != nil {
				return err
			}
			if err := document.CheckEngine(rf.pdfEngine); err != nil {
				return err
			}
			runner := &corpus.Runner{Opener: rf.opener(cmd.InOrStdin()), Extractor: pl.x, Workers: rf.workers,
				Resolve: pl.resolve,
				OnError: func(err error) { fmt.Fprintln(cmd.ErrOrStderr(), "extractor:", err) }}
			rep, run := runner.Evaluate(context.Background(), c, corpus.Options{Types: types, RelationTypes: relTypes,
				StrictOptional: strictOptional, MinConfidence: minConf})
			var cmp *corpus.Comparison
			if base != nil {
				cmp = corpus.Compare(base, rep, tolerance)
			}
			if err := corpus.WriteReport(cmd.OutOrStdout(), format, rep, cmp, top); err != nil {
				return err
			}
			if reportPath != "" {
				if err := corpus.WriteBaseline(reportPath, rep); err != nil {
					return err
				}
			}
			if update {
				if err := corpus.WriteBaseline(baseline, rep); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "extractor: baseline written to %s\n", baseline)
			}
			switch {
			case len(rep.Documents) == 0:
				return fmt.Errorf("no document was scored (%d gold cases, %d documents without gold)", len(rep.GoldWithoutDocument), len(rep.DocumentsWithoutGold))
			case cmp != nil && len(cmp.Regressions) > 0:
				return silentError{fmt.Sprintf("%d F1 figure(s) dropped by more than %g", len(cmp.Regressions), tolerance)}
			case run.Failed > 0:
				return silentError{fmt.Sprintf("%d documents failed", run.Failed)}
			}
			return nil
		},
	}
	rf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&corpusPath, "corpus", "", "the corpus: a folder with gold files, a BIO file/folder, an AnnoCTR folder or a doccano JSONL file")
	fl.StringVar(&goldFormat, "gold-format", "", "force the corpus format: one of "+strings.Join(corpus.GoldFormats, ", "))
	fl.StringVar(&split, "split", "dev", "the split of an AnnoCTR release to evaluate")
	fl.StringArrayVar(&ruleDirs, "rules", nil, "a folder of YAML rules that extends or overrides the default pack (repeatable)")
	fl.StringArrayVar(&kbFiles, "kb", nil, "a knowledge base of known names and aliases, YAML or TSV (docs/kb.md; repeatable)")
	fl.StringVar(&baseline, "baseline", "", "compare with this baseline report (JSON)")
	fl.BoolVar(&update, "update-baseline", false, "write this run to --baseline instead of comparing")
	fl.StringVar(&reportPath, "report", "", "also write the full report (JSON, the baseline format) to this file")
	fl.Float64Var(&tolerance, "tolerance", corpus.DefaultTolerance, "an F1 (overall, per type or per document) may drop this much before the exit status is 1")
	fl.StringVarP(&format, "format", "f", "table", "report format: one of "+strings.Join(corpus.ReportFormats, ", "))
	fl.StringSliceVar(&types, "types", nil, "score only these entity types (gold and predicted), or 'all' for every gold type")
	fl.StringSliceVar(&relTypes, "relation-types", nil, "score only these relation types, or 'all'")
	fl.BoolVar(&strictOptional, "strict-optional", false, "count optional gold entities and relations as required")
	fl.Float64Var(&minConf, "min-confidence", 0, "drop predictions below this confidence")
	fl.BoolVar(&relationModel, "relation-model", true, relationModelHelp)
	fl.StringVar(&nameModel, "name-model", "auto", nameModelHelp)
	fl.Lookup("name-model").NoOptDefVal = "true"
	fl.IntVar(&top, "top", 20, "rules listed in the table (0: none, -1: all)")
	return cmd
}
