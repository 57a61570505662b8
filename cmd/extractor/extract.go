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
	"github.com/reportgraph/extractor/rules"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var rf readFlags
	var ruleDirs []string
	var format, outPath string
	cmd := &cobra.Command{
		Use:   "extract [flags] INPUT...",
		Short: "Extract entities from reports into a dataset",
		Long: `Reads each INPUT (a file, a folder read recursively, an http(s) URL, or "-"
for standard input), finds every named party with the default rule pack
(plus packs given with --rules), merges mentions of one thing into one
entity, and writes the dataset (schema extractor.dataset/v1, see
docs/dataset.md).

A rule file with an error stops the run before any input is read. An input
that cannot be read gets one error line; the rest are extracted and the
exit status is 1.`,
		Example: `  extractor extract report.pdf
  extractor extract --format json -o dataset.json corpus/samples/
  extractor extract --rules my-rules/ https://example.org/advisory.html
  extractor extract --format jsonl reports/ | jq -c 'select(.kind=="entity")'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmtName, err := output.FormatFor(format, outPath)
			if err != nil {
				return err
			}
			pack, err := rules.Load(ruleDirs...)
			if err != nil {
				return err
			}
			x, err := extract.New(pack)
			if err != nil {
				return err
			}
			var results []*extract.DocResult
			work := func(ctx context.Context, doc *extractor.Document) (any, error) { return x.Document(ctx, doc) }
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
			ds := extract.Resolve(results)
			var w io.Writer = cmd.OutOrStdout()
			if outPath != "" && outPath != "-" {
				f, err := os.Create(outPath)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			if err := output.Write(w, fmtName, ds); err != nil {
				return fmt.Errorf("writing %s: %w", outPath, err)
			}
			return runErr
		},
	}
	rf.register(cmd)
	cmd.Flags().StringArrayVar(&ruleDirs, "rules", nil, "a folder of YAML rules that extends or overrides the default pack (repeatable)")
	cmd.Flags().StringVarP(&format, "format", "f", "", "output format: one of "+fmt.Sprint(output.Formats)+" (default: from -o's extension, else json)")
	cmd.Flags().StringVarP(&outPath, "output", "o", "", "write to this file instead of standard output")
	return cmd
}
