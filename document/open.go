package document

import (
	"context"
	"io"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/fetch"
)

// Opener reads a source the way the CLI names it: a file path, an http(s)
// URL, or "-" for standard input.
type Opener struct {
	Options
	// Fetcher fetches URLs; nil refuses them.
	Fetcher *fetch.Fetcher
	// Stdin is read for "-".
	Stdin io.Reader
}

// Open reads one source into a Document. Errors do not repeat the source;
// callers wrap them in an extractor.InputError.
func (o *Opener) Open(ctx context.Context, source string) (*extractor.Document, error) {
	opt := o.Options.withDefaults()
	switch {
	case source == "-":
		raw, err := ReadLimited(o.Stdin, opt.MaxBytes)
		if err != nil {
			return nil, err
		}
		return Read(ctx, source, raw, opt)
	case fetch.IsURL(source):
		if o.Fetcher == nil {
			return nil, errURLsDisabled
		}
		resp, err := o.Fetcher.Get(ctx, source)
		if err != nil {
			return nil, err
		}
		opt.ContentType = resp.ContentType
		return Read(ctx, source, resp.Body, opt)
	default:
		return ReadFile(ctx, source, opt)
	}
}

type constError string

func (e constError) Error() string { return string(e) }

const errURLsDisabled = constError("URL inputs are not enabled")
