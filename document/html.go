package document

import "context"

// readHTML is a stub until the HTML reader lands.
func readHTML(ctx context.Context, raw []byte, opt Options) (*extracted, error) {
	return &extracted{pages: []string{string(raw)}, engine: "html"}, nil
}
