package document

import (
	"bytes"

	"github.com/reportgraph/extractor"
)

// Detect returns the format of raw bytes (stub: to be completed).
func Detect(raw []byte) (extractor.Format, error) {
	if bytes.HasPrefix(raw, []byte("%PDF-")) {
		return extractor.FormatPDF, nil
	}
	if bytes.Contains(bytes.ToLower(raw[:min(len(raw), 1024)]), []byte("<html")) {
		return extractor.FormatHTML, nil
	}
	return extractor.FormatText, nil
}
