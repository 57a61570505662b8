package document

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/reportgraph/extractor"
)

// FolderExtensions are the file name extensions collected when an input is a
// folder. Explicitly named files are read whatever their name, since the
// format is detected from the bytes; in a folder the extension is the only
// cheap way to skip gold files, images and the like.
var FolderExtensions = []string{".pdf", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown"}

// Expand turns the user's inputs into a list of sources: files and URLs stay
// as given, "-" means standard input, folders are walked recursively (hidden
// entries skipped) in lexical order. A missing path is returned as an error
// for that input in errs; the other inputs are still expanded.
func Expand(inputs []string, isURL func(string) bool) (sources []string, errs []error) {
	for _, in := range inputs {
		if in == "-" || (isURL != nil && isURL(in)) {
			sources = append(sources, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", in, unwrapPathError(err)))
			continue
		}
		if !st.IsDir() {
			sources = append(sources, in)
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, unwrapPathError(err)))
				return nil
			}
			name := d.Name()
			if p != in && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !hasFolderExtension(name) || strings.Contains(name, ".gold.") {
				return nil
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", in, err))
		}
		if len(found) == 0 {
			errs = append(errs, fmt.Errorf("%s: folder holds no documents (%s)", in, strings.Join(FolderExtensions, " ")))
		}
		sort.Strings(found)
		sources = append(sources, found...)
	}
	return sources, errs
}

func hasFolderExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range FolderExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// unwrapPathError drops the path from *fs.PathError so messages do not name
// the input twice.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// Result is the outcome of reading (and processing) one source.
type Result struct {
	Source string
	Doc    *extractor.Document
	// Value is what the work function returned for Doc.
	Value any
	Err   error // an *extractor.InputError when reading or work failed
}

// Work is done on each document inside the worker that read it, so that
// processing runs in parallel too.
type Work func(ctx context.Context, doc *extractor.Document) (any, error)

// OpenAll reads sources with up to workers at a time, runs work (if not nil)
// on each document, and calls emit for each result in the order of sources,
// so output is deterministic however the work was scheduled. A failed
// source does not stop the others.
//
// The time limit of o.Options (Timeout, --timeout) bounds the whole of one
// source's work, reading and work together: a source over it gets an error
// naming the stage it stopped in, and the others go on.
func (o *Opener) OpenAll(ctx context.Context, sources []string, workers int, work Work, emit func(Result)) {
	ReadEach(ctx, sources, workers, o.Options.withDefaults().Timeout, func(ctx context.Context, i int) (*extractor.Document, error) {
		return o.Open(ctx, sources[i])
	}, work, emit)
}

// ReadEach is OpenAll for any way of reading: open(ctx, i) reads
// sources[i] (a file, a URL, text already in memory). Up to workers sources
// are read and worked on at once; emit sees the results in sources' order.
// Each source's open and work share one context that ends after timeout
// (DefaultTimeout when 0 or less).
func ReadEach(ctx context.Context, sources []string, workers int, timeout time.Duration, open func(context.Context, int) (*extractor.Document, error), work Work, emit func(Result)) {
	if workers < 1 {
		workers = 1
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	results := make([]chan Result, len(sources))
	for i := range results {
		results[i] = make(chan Result, 1)
	}
	sem := make(chan struct{}, workers)
	go func() {
		for i, src := range sources {
			sem <- struct{}{}
			go func(i int, src string) {
				defer func() { <-sem }()
				res := Result{Source: src}
				dctx, cancel := context.WithTimeout(ctx, timeout)
				doc, err := open(dctx, i)
				if err != nil {
					res.Err = &extractor.InputError{Source: src, Stage: "read", Err: overTime(dctx, ctx, timeout, err)}
				} else {
					res.Doc = doc
					if work != nil {
						if res.Value, err = work(dctx, doc); err != nil {
							res.Err = &extractor.InputError{Source: src, Stage: "extract", Err: overTime(dctx, ctx, timeout, err)}
						}
					}
				}
				cancel()
				results[i] <- res
			}(i, src)
		}
	}()
	for _, ch := range results {
		emit(<-ch)
	}
}

// overTime says that err came from the per-document time limit when dctx's
// deadline, not the caller's ctx, ended the work.
func overTime(dctx, ctx context.Context, timeout time.Duration, err error) error {
	if ctx.Err() == nil && errors.Is(dctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("over the time limit of %s for one document (--timeout): %w", timeout, err)
	}
	return err
}
