// Package document reads PDF, HTML and plain text into an extractor.Document:
// normalised text with a page map and stable byte offsets.
//
// The format is detected from the bytes, never from the file name. Every
// third-party parser runs behind recover and a per-document time limit, so
// hostile input yields an error value, never a panic or a hang.
package document

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/reportgraph/extractor"
)

// Defaults for Options fields left zero.
const (
	DefaultMaxBytes = 100 << 20
	DefaultTimeout  = 2 * time.Minute
)

// Options control reading. The zero value is usable.
type Options struct {
	// MaxBytes refuses inputs larger than this (default DefaultMaxBytes).
	MaxBytes int64
	// Timeout bounds the time spent reading one document (default DefaultTimeout).
	Timeout time.Duration
	// PDFEngine is "auto" (default), or the name of one engine (see PDFEngines).
	PDFEngine string
	// ContentType is the HTTP Content-Type, when the input came from a URL;
	// it supplies the charset of HTML and text.
	ContentType string
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.PDFEngine == "" {
		o.PDFEngine = "auto"
	}
	return o
}

// ErrTooLarge is returned for inputs over Options.MaxBytes.
var ErrTooLarge = errors.New("input too large")

// extracted is what a format reader hands to normalisation: the raw text of
// each page plus whatever metadata the format carries.
type extracted struct {
	pages    []string
	engine   string
	title    string
	author   string
	site     string
	lang     string
	pub      *time.Time
	warnings []string
	// paged is true for formats with real pages (PDF): repeated running
	// headers and footers are removed only there.
	paged bool
}

// ReadFile reads the file at path. The size limit is checked before the
// file is read into memory.
func ReadFile(ctx context.Context, path string, opt Options) (*extractor.Document, error) {
	opt = opt.withDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > opt.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit is %d (--max-bytes)", ErrTooLarge, st.Size(), opt.MaxBytes)
	}
	raw, err := ReadLimited(f, opt.MaxBytes)
	if err != nil {
		return nil, err
	}
	doc, err := Read(ctx, path, raw, opt)
	if err != nil {
		return nil, err
	}
	if w := nameMismatch(path, doc.Format); w != "" {
		doc.Warnings = append(doc.Warnings, w)
	}
	return doc, nil
}

// nameMismatch warns when a file's extension promises one format and its
// bytes are another (an HTML page saved as .pdf): the document is still read
// by its content, but the user learns why it is not what the name says.
func nameMismatch(path string, got extractor.Format) string {
	want, ok := map[string]extractor.Format{
		".pdf": extractor.FormatPDF, ".html": extractor.FormatHTML, ".htm": extractor.FormatHTML, ".xhtml": extractor.FormatHTML,
	}[strings.ToLower(filepath.Ext(path))]
	if !ok || want == got {
		return ""
	}
	return fmt.Sprintf("named %s but the content is %s; read as %s", filepath.Ext(path), got, got)
}

// ReadLimited reads all of r, failing with ErrTooLarge past max bytes.
func ReadLimited(r io.Reader, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes (--max-bytes)", ErrTooLarge, max)
	}
	return raw, nil
}

// Read turns raw bytes into a Document. source is recorded as given (a path,
// a URL or "-"). The returned error names the problem; callers prefix the
// source.
func Read(ctx context.Context, source string, raw []byte, opt Options) (*extractor.Document, error) {
	opt = opt.withDefaults()
	if int64(len(raw)) > opt.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit is %d (--max-bytes)", ErrTooLarge, len(raw), opt.MaxBytes)
	}
	if len(raw) == 0 {
		return nil, errors.New("empty input")
	}
	format, err := Detect(raw)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()

	type result struct {
		ex  *extracted
		err error
	}
	done := make(chan result, 1)
	// The reader runs in its own goroutine so that a parser stuck in a loop
	// cannot hold the caller past the time limit. Go cannot kill a goroutine:
	// a hung third-party parser leaks until it returns, which is why every
	// engine also checks ctx where it can.
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("%s reader crashed: %v", format, r)}
				if os.Getenv("EXTRACTOR_DEBUG") != "" {
					os.Stderr.Write(debug.Stack())
				}
			}
		}()
		var ex *extracted
		var err error
		switch format {
		case extractor.FormatPDF:
			ex, err = readPDF(ctx, raw, opt)
		case extractor.FormatHTML:
			ex, err = readHTML(ctx, raw, opt)
		default:
			ex, err = readText(raw, opt)
		}
		done <- result{ex, err}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("reading %s timed out after %s: %w", format, opt.Timeout, ctx.Err())
	}
	if res.err != nil {
		return nil, res.err
	}
	ex := res.ex
	text, pages, warnings := normalize(ex.pages, ex.paged)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("normalising the %s document timed out after %s: %w", format, opt.Timeout, ctx.Err())
	}
	doc := &extractor.Document{
		ID:        extractor.DocumentID(raw),
		Source:    source,
		Format:    format,
		Engine:    ex.engine,
		Title:     ex.title,
		Author:    ex.author,
		Site:      ex.site,
		Published: ex.pub,
		Language:  ex.lang,
		Text:      text,
		Pages:     pages,
		Warnings:  append(ex.warnings, warnings...),
	}
	doc.Index()
	return doc, nil
}

// CheckEngine reports whether name is "auto" or a known PDF engine, so a
// typo in --pdf-engine fails before any input is read.
func CheckEngine(name string) error {
	if name == "" || name == "auto" {
		return nil
	}
	for _, e := range PDFEngines {
		if e == name {
			return nil
		}
	}
	return fmt.Errorf("unknown PDF engine %q (choose auto or one of %v)", name, PDFEngines)
}
