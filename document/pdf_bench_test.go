package document

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

func runPdftotext(tool, path string) (string, error) {
	out, err := exec.Command(tool, "-q", path, "-").Output()
	return string(out), err
}

type benchPDF struct {
	path string
	raw  []byte
}

func loadBenchPDFs(b *testing.B) ([]benchPDF, int64) {
	var files []benchPDF
	var size int64
	for _, p := range sharedPDFs(b) {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, benchPDF{p, raw})
		size += int64(len(raw))
	}
	return files, size
}

// readAllPDFs reads every file with engine and returns the pages read.
func readAllPDFs(b *testing.B, files []benchPDF, engine string) int {
	pages := 0
	for _, f := range files {
		ex, err := readPDF(context.Background(), f.raw, Options{PDFEngine: engine})
		if err == nil {
			pages += len(ex.pages)
		}
	}
	return pages
}

func pdftotextAll(b *testing.B, tool string, files []benchPDF) {
	for _, f := range files {
		if _, err := runPdftotext(tool, f.path); err != nil {
			b.Fatalf("pdftotext %s: %v", f.path, err)
		}
	}
}

// BenchmarkReadPDF reads the development PDFs with each engine and with
// pdftotext, reporting MB/s and pages/s side by side; "ratio" reports our
// auto engine's wall time over pdftotext's for the same files (target ≤ 1.5).
func BenchmarkReadPDF(b *testing.B) {
	files, size := loadBenchPDFs(b)
	if _, err := pdfiumPool(); err != nil { // compile PDFium outside the timings
		b.Fatal(err)
	}
	for _, engine := range allEngines {
		b.Run(engine, func(b *testing.B) {
			b.SetBytes(size)
			pages := 0
			for i := 0; i < b.N; i++ {
				pages = readAllPDFs(b, files, engine)
			}
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Log("pdftotext not installed: no comparison")
		return
	}
	b.Run("pdftotext", func(b *testing.B) {
		b.SetBytes(size)
		for i := 0; i < b.N; i++ {
			pdftotextAll(b, tool, files)
		}
	})
	b.Run("ratio", func(b *testing.B) {
		var ours, theirs time.Duration
		for i := 0; i < b.N; i++ {
			start := time.Now()
			readAllPDFs(b, files, "auto")
			ours += time.Since(start)
			start = time.Now()
			pdftotextAll(b, tool, files)
			theirs += time.Since(start)
		}
		b.ReportMetric(ours.Seconds()/theirs.Seconds(), "x-pdftotext")
	})
}
