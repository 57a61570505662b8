package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/output"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var rf readFlags
	var relationModel bool
	var nameModel string
	var minConf float64
	var ruleDirs, kbFiles []string
	var format, outPath, table string
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract entities from reports into a dataset",
		Long: `Reads each INPUT (a file, a folder read recursively, an http(s) URL, or "-"
for standard input), finds every named party with the default rule pack
(plus packs given with --rules and the names of knowledge bases given
with --kb), merges mentions of one thing into one entity, and writes the dataset (schema extractor.dataset/v1, see
docs/dataset.md).

A rule file with an error stops the run before any input is read. An input
that cannot be read, or whose reading and extraction together take longer
than --timeout, gets one error line naming it and the stage; the rest are
extracted and the exit status is 1 (README.md, "Limits on hostile input").`,
		Example: `  extractor extract report.pdf
  extractor extract --format json -o dataset.json corpus/samples/
  extractor extract --rules my-rules/ https://example.org/advisory.html
  extractor extract --kb corpus/kb-example.yaml corpus/samples/
  extractor extract --format jsonl reports/ | jq -c 'select(.kind=="entity")'
  extractor extract -o out/ reports/            # CSV: out/entities.csv, out/relations.csv
  extractor extract -f csv --table relations reports/ > relations.csv
  extractor extract -o bundle.stix.json reports/  # STIX 2.1 bundle (docs/stix.md)
  extractor extract --min-confidence 0.11 reports/  # rule-found relations only (docs/relation-model.md)
  extractor extract -o review.md reports/         # review report (docs/output.md)`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmtName, err := output.FormatFor(format, outPath)
			if err != nil {
				return err
			}
			if table != "" && fmtName != "csv" {
				return fmt.Errorf("--table chooses a CSV table; the format is %s", fmtName)
			}
			if table != "" && table != "entities" && table != "relations" {
				return fmt.Errorf("--table %q: choose entities or relations", table)
			}
			pl, err := newPipeline(kbFiles, ruleDirs, models{relation: relationModel, names: nameModel})
			if err != nil {
				return err
			}
			var results []*extract.DocResult
			work := func(ctx context.Context, doc *extractor.Document) (any, error) { return pl.x.Document(ctx, doc) }
			runErr := rf.readAll(cmd, args, work, func(r *document.Result) error {
				for _, w := range r.Doc.Warnings {
					fmt.Fprintf(cmd.ErrOrStderr(), "extractor: %s: warning: %s\n", r.Source, w)
				}
				results = append(results, r.Value.(*extract.DocResult))
				return nil
			})
			if _, ok := runErr.(silentError); runErr != nil && !ok {
				return runErr
			}
			opts := append(append([]extract.Option(nil), pl.resolve...), extract.WithTimeLimit(rf.limit()))
			ds, skipped := extract.ResolveLimited(context.Background(), results, opts...)
			runErr = rf.skip(cmd, args, skipped, runErr)
			ds.KeepConfident(minConf)
			toFile := outPath != "" && outPath != "-"
			if fmtName == "csv" && table == "" && toFile {
				if _, err := output.WriteCSVFiles(outPath, ds); err != nil {
					return fmt.Errorf("writing %s: %w", outPath, err)
				}
				return runErr
			}
			var w io.Writer = cmd.OutOrStdout()
			if toFile {
				f, err := os.Create(outPath)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			write := output.Write
			if table != "" {
				write = func(w io.Writer, _ string, ds *extractor.Dataset) error { return output.WriteCSVTable(w, table, ds) }
			}
			if err := write(w, fmtName, ds); err != nil {
				return fmt.Errorf("writing %s: %w", outPath, err)
			}
			return runErr
		},
	}
	rf.register(cmd)
	cmd.Flags().StringArrayVar(&ruleDirs, "rules", nil, "a folder of YAML rules that extends or overrides the default pack (repeatable)")
	cmd.Flags().StringArrayVar(&kbFiles, "kb", nil, "a knowledge base of known names and aliases, YAML or TSV (docs/kb.md; repeatable)")
	cmd.Flags().StringVarP(&format, "format", "f", "", "output format: one of "+fmt.Sprint(output.Formats)+" (default: from -o: .jsonl, .csv or a directory, .stix or .stix.json, .md; else json)")
	cmd.Flags().StringVarP(&outPath, "output", "o", "", "write to this file instead of standard output (csv: a directory gets entities.csv and relations.csv, x.csv gets x.entities.csv and x.relations.csv)")
	cmd.Flags().BoolVar(&relationModel, "relation-model", true, relationModelHelp)
	cmd.Flags().StringVar(&nameModel, "name-model", "auto", nameModelHelp)
	cmd.Flags().Lookup("name-model").NoOptDefVal = "true"
	cmd.Flags().Float64Var(&minConf, "min-confidence", 0, "drop entities and relations below this confidence, and relations whose ends are dropped (0.11 keeps only rule-found relations; docs/confidence.md)")
	cmd.Flags().StringVar(&table, "table", "", "csv only: write just this table (entities or relations) to -o or standard output, which otherwise gets the entities")
	return cmd
}
