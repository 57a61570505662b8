package main

import (
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
)

// fixedDate keeps the PDFs reproducible: fpdf would otherwise stamp the
// current time into the Info dictionary.
var fixedDate = time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC)

const (
	margin = 18.0 // mm, A4
	gutter = 8.0
	lineH  = 5.0
)

// render lays the source out on A4. Two-column documents flow text down the
// left column, then the right one, then onto a new page, which is the
// reading-order trap real reports set for text extraction.
func render(s source, out string) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.SetCatalogSort(true)
	pdf.SetTitle(s.Title, true)
	pdf.SetAuthor("extractor sample corpus", true)
	pdf.SetMargins(margin, 22, margin)
	pdf.SetAutoPageBreak(true, 20)
	pdf.AliasNbPages("{nb}")
	tr := pdf.UnicodeTranslatorFromDescriptor("")

	pageW, _ := pdf.GetPageSize()
	fullW := pageW - 2*margin
	colW := fullW
	twoCol := s.Layout == "two-column"
	if twoCol {
		colW = (fullW - gutter) / 2
	}
	col := 0
	topY := 22.0 // where a column starts; below the banner on page one
	setCol := func(c int) {
		col = c
		x := margin + float64(c)*(colW+gutter)
		pdf.SetLeftMargin(x)
		pdf.SetRightMargin(pageW - x - colW)
		pdf.SetX(x)
	}
	// nextColumn moves to the right column, or to a new page; it reports
	// whether a new page is needed (fpdf's AcceptPageBreak contract).
	nextColumn := func() bool {
		if twoCol && col == 0 {
			setCol(1)
			pdf.SetY(topY)
			return false
		}
		if twoCol {
			setCol(0)
		}
		topY = 22
		return true
	}
	pdf.SetAcceptPageBreakFunc(nextColumn)
	pdf.SetHeaderFuncMode(func() {
		if (pdf.PageNo() == 1 && !s.HeaderFirst) || s.Header == "" {
			return
		}
		pdf.SetFont("Helvetica", "I", 8)
		pdf.SetXY(margin, 10)
		pdf.CellFormat(fullW, 4, tr(s.Header), "B", 0, "L", false, 0, "")
		pdf.SetY(22)
	}, true)
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("Helvetica", "", 8)
		x := margin
		pdf.SetX(x)
		pdf.CellFormat(fullW-30, 4, tr(s.Footer), "T", 0, "L", false, 0, "")
		pdf.CellFormat(30, 4, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "T", 0, "R", false, 0, "")
	})

	pdf.AddPage()
	// The banner spans both columns.
	pdf.SetFont("Helvetica", "B", 17)
	pdf.MultiCell(fullW, 8, tr(s.Title), "", "L", false)
	blocks := s.Blocks
	for len(blocks) > 0 && blocks[0].Kind == byline {
		pdf.SetFont("Helvetica", "I", 9)
		pdf.MultiCell(fullW, 4.5, tr(blocks[0].Text), "", "L", false)
		blocks = blocks[1:]
	}
	pdf.Ln(3)
	topY = pdf.GetY()
	setCol(0)

	for _, b := range blocks {
		switch b.Kind {
		case heading:
			pdf.Ln(2)
			pdf.SetFont("Helvetica", "B", 11)
			pdf.MultiCell(colW, 6, tr(b.Text), "", "L", false)
		case byline:
			pdf.SetFont("Helvetica", "I", 9)
			pdf.MultiCell(colW, 4.5, tr(b.Text), "", "L", false)
		case bullet:
			pdf.SetFont("Times", "", 10.5)
			x := pdf.GetX()
			pdf.CellFormat(5, lineH, tr("-"), "", 0, "L", false, 0, "")
			pdf.SetLeftMargin(x + 5)
			pdf.MultiCell(colW-5, lineH, tr(b.Text), "", "L", false)
			pdf.SetLeftMargin(x)
			pdf.SetX(x)
		case table:
			renderTable(pdf, tr, b.Rows, colW, func() {
				if nextColumn() {
					pdf.AddPage()
				}
			})
		default:
			pdf.SetFont("Times", "", 10.5)
			pdf.MultiCell(colW, lineH, tr(b.Text), "", "J", false)
			pdf.Ln(2)
		}
	}
	return pdf.OutputFileAndClose(out)
}

// renderTable draws a simple grid with equal column widths; cells wrap by
// drawing each row's cells as MultiCells of a common height. A row that does
// not fit calls breakRow first, so rows are never split across columns.
func renderTable(pdf *fpdf.Fpdf, tr func(string) string, rows [][]string, w float64, breakRow func()) {
	if len(rows) == 0 {
		return
	}
	n := len(rows[0])
	cws := columnWidths(rows, n, w)
	pdf.Ln(1)
	for i, row := range rows {
		style := ""
		if i == 0 {
			style = "B"
		}
		pdf.SetFont("Helvetica", style, 8.5)
		lines := 1
		for j, c := range row {
			if j < n {
				if k := len(pdf.SplitText(tr(c), cws[j]-2)); k > lines {
					lines = k
				}
			}
		}
		h := float64(lines) * 4.2
		_, pageH := pdf.GetPageSize()
		if pdf.GetY()+h > pageH-20 {
			breakRow()
		}
		x, y := pdf.GetX(), pdf.GetY()
		cx := x
		for j := 0; j < n; j++ {
			c := ""
			if j < len(row) {
				c = row[j]
			}
			pdf.Rect(cx, y, cws[j], h, "D")
			pdf.SetXY(cx, y)
			pdf.MultiCell(cws[j], 4.2, tr(c), "", "L", false)
			cx += cws[j]
		}
		pdf.SetXY(x, y+h)
	}
	pdf.Ln(3)
}

// columnWidths shares the width w among n columns in proportion to their
// longest cell, so long indicators (hashes, URLs) get the room they need.
func columnWidths(rows [][]string, n int, w float64) []float64 {
	weights := make([]float64, n)
	total := 0.0
	for j := range weights {
		weights[j] = 10
		for _, r := range rows {
			if j < len(r) && float64(len(r[j])+4) > weights[j] {
				weights[j] = float64(len(r[j]) + 4)
			}
		}
		total += weights[j]
	}
	for j := range weights {
		weights[j] = w * weights[j] / total
	}
	return weights
}
