package document

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// claimingPDF is a PDF of one page whose page tree claims count pages.
func claimingPDF(count int) []byte {
	stream := "BT /F1 12 Tf 72 720 Td (Orchid Weasel compromised the port authority.) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [3 0 R] /Count %d >>", count),
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return []byte(b.String())
}

// A page tree that claims 200 million pages is read for the one it holds,
// at once and with a warning, not page by page until the time limit.
func TestPDFHugePageCount(t *testing.T) {
	start := time.Now()
	doc, err := Read(context.Background(), "claims.pdf", claimingPDF(200_000_000), Options{PDFEngine: "ledongthuc", Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
	if len(doc.Pages) != 1 || !strings.Contains(doc.Text, "Orchid Weasel") {
		t.Errorf("pages %d, text %q", len(doc.Pages), doc.Text)
	}
	if !strings.Contains(strings.Join(doc.Warnings, "; "), "claims 200000000 pages and holds 1") {
		t.Errorf("warnings: %q", doc.Warnings)
	}
}
