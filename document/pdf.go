package document

import (
	"context"
	"errors"
)

// PDFEngines lists the PDF engines selectable with --pdf-engine (besides "auto").
var PDFEngines = []string{"ledongthuc", "pdfium"}

// readPDF is a stub until the PDF reader lands.
func readPDF(ctx context.Context, raw []byte, opt Options) (*extracted, error) {
	return nil, errors.New("PDF reader not implemented")
}
