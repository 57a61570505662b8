package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/reportgraph/extractor/document"
	"github.com/reportgraph/extractor/extract"
	"github.com/reportgraph/extractor/fetch"
	"github.com/spf13/cobra"
)

// readFlags are the flags of every command that reads reports.
type readFlags struct {
	pdfEngine    string
	maxBytes     int64
	timeout      time.Duration
	allowPrivate bool
	workers      int
	failed       int // inputs readAll reported as failed
}

func (f *readFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.pdfEngine, "pdf-engine", "auto", "PDF engine: auto, or one of "+fmt.Sprint(document.PDFEngines))
	fl.Int64Var(&f.maxBytes, "max-bytes", document.DefaultMaxBytes, "refuse inputs larger than this many bytes")
	fl.DurationVar(&f.timeout, "timeout", document.DefaultTimeout, "time limit for one input: fetching, reading, NLP, rules and relations, and its share of resolution and the relation model (a document over it is reported and skipped)")
	fl.BoolVar(&f.allowPrivate, "allow-private", false, "allow URLs that resolve to loopback, private or link-local addresses")
	fl.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "inputs read in parallel")
}

func (f *readFlags) opener(stdin io.Reader) *document.Opener {
	return &document.Opener{
		Options: document.Options{MaxBytes: f.maxBytes, Timeout: f.timeout, PDFEngine: f.pdfEngine},
		Fetcher: fetch.New(fetch.Options{MaxBytes: f.maxBytes, Timeout: f.timeout, AllowPrivate: f.allowPrivate,
			UserAgent: "extractor/" + version + " (+https://github.com/reportgraph/extractor)"}),
		Stdin: stdin,
	}
}

// sources expands inputs, printing an error line for each that cannot be
// expanded; failed reports how many failed.
func (f *readFlags) sources(cmd *cobra.Command, args []string) (sources []string, failed int) {
	sources, errs := document.Expand(args, fetch.IsURL)
	for _, err := range errs {
		fmt.Fprintln(cmd.ErrOrStderr(), "extractor:", err)
	}
	return sources, len(errs)
}

// readAll opens every source, printing one line per failed input, and calls
// use for each document in input order. It returns an error when any input
// failed, so the exit status is non-zero while every other input is still
// processed.
func (f *readFlags) readAll(cmd *cobra.Command, args []string, work document.Work, use func(*document.Result) error) error {
	if err := document.CheckEngine(f.pdfEngine); err != nil {
		return err
	}
	sources, failed := f.sources(cmd, args)
	op := f.opener(cmd.InOrStdin())
	var useErr error
	op.OpenAll(context.Background(), sources, f.workers, work, func(r document.Result) {
		if r.Err != nil {
			failed++
			fmt.Fprintln(cmd.ErrOrStderr(), "extractor:", r.Err)
			return
		}
		if useErr == nil {
			useErr = use(&r)
		}
	})
	f.failed = failed
	if useErr != nil {
		return useErr
	}
	if failed > 0 {
		return f.failedError(args)
	}
	return nil
}

func (f *readFlags) failedError(args []string) error {
	return silentError{fmt.Sprintf("%d of %d inputs failed", f.failed, len(args))}
}

// limit is the effective --timeout.
func (f *readFlags) limit() time.Duration {
	if f.timeout <= 0 {
		return document.DefaultTimeout
	}
	return f.timeout
}

// skip reports the documents resolution left out for going over their
// limit (extract.ResolveLimited), as readAll reports failed inputs, and
// returns runErr or, when some were skipped, the error counting them.
func (f *readFlags) skip(cmd *cobra.Command, args []string, skipped []extract.Skipped, runErr error) error {
	for _, s := range skipped {
		f.failed++
		fmt.Fprintln(cmd.ErrOrStderr(), "extractor:", s.Err)
	}
	if len(skipped) == 0 {
		return runErr
	}
	return f.failedError(args)
}
