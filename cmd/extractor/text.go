package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/document"
	"github.com/spf13/cobra"
)

func newTextCmd() *cobra.Command {
	var rf readFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "text [flags] INPUT...",
		Short: "Print the normalised text of reports",
		Long: `Reads each INPUT — a file, a folder (read recursively), an http(s) URL, or
"-" for standard input — and prints its normalised text, with a form feed
between pages (like pdftotext). With --json it prints the document instead:
metadata, page ranges, warnings and text, one JSON object per line.

An input that cannot be read gets one error line naming it and the reason;
the other inputs are still printed and the exit status is 1.`,
		Example: `  extractor text report.pdf
  extractor text --json corpus/samples/
  extractor text --pdf-engine pdfium scan.pdf
  curl -s https://example.org/post.html | extractor text -
  extractor text https://example.org/advisory.html`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			enc := json.NewEncoder(out)
			return rf.readAll(cmd, args, nil, func(r *document.Result) error {
				for _, w := range r.Doc.Warnings {
					fmt.Fprintf(cmd.ErrOrStderr(), "extractor: %s: warning: %s\n", r.Source, w)
				}
				if asJSON {
					return enc.Encode(r.Doc)
				}
				// Like pdftotext: each page ends with a newline and a form feed.
				var b strings.Builder
				for _, p := range r.Doc.Pages {
					b.WriteString(r.Doc.Text[p.Start:p.End])
					b.WriteString("\n")
					b.WriteByte(extractor.PageSeparator)
				}
				_, err := fmt.Fprint(out, b.String())
				return err
			})
		},
	}
	rf.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print each document as JSON (metadata, pages, warnings, text)")
	return cmd
}
