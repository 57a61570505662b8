package document

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// FuzzReadPDF feeds arbitrary bytes to the PDF reader: whatever the input,
// it must return (text or an error) without a panic escaping.
func FuzzReadPDF(f *testing.F) {
	f.Add(onePagePDF(f, leftText))
	f.Add(twoColumnPDF(f))
	f.Add(imageOnlyPDF(f))
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		ex, err := readPDF(ctx, raw, Options{})
		if err == nil && ex == nil {
			t.Fatal("nil result without an error")
		}
	})
}

// mutate returns a damaged copy of raw: bit flips, a truncation, or a
// duplicated chunk, the damage real downloads and broken writers cause.
func mutate(rng *rand.Rand, raw []byte) ([]byte, string) {
	out := append([]byte(nil), raw...)
	switch rng.Intn(3) {
	case 0:
		n := 1 + rng.Intn(20)
		for i := 0; i < n; i++ {
			out[rng.Intn(len(out))] ^= 1 << rng.Intn(8)
		}
		return out, "flip"
	case 1:
		return out[:1+rng.Intn(len(out)-1)], "truncate"
	default:
		start := rng.Intn(len(out))
		end := min(len(out), start+1+rng.Intn(4096))
		at := rng.Intn(len(out))
		chunk := append([]byte(nil), out[start:end]...)
		return append(out[:at], append(chunk, out[at:]...)...), "duplicate"
	}
}

// TestPDFMutants reads EXTRACTOR_MUTANTS damaged copies of the development
// PDFs in auto mode and reports errors, recovered crashes per engine and
// hangs (reads over the time limit). Any escaped panic fails the test.
//
//	EXTRACTOR_MUTANTS=10000 go test ./document/ -run TestPDFMutants -v -timeout 0
func TestPDFMutants(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("EXTRACTOR_MUTANTS"))
	if n <= 0 {
		t.Skip("set EXTRACTOR_MUTANTS=N to read N mutated PDFs")
	}
	var files [][]byte
	for _, p := range sharedPDFs(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, raw)
	}
	seed, _ := strconv.ParseInt(os.Getenv("EXTRACTOR_MUTANTS_SEED"), 10, 64)
	rng := rand.New(rand.NewSource(seed))
	const limit = 30 * time.Second
	var ok, failed, hung int
	engines := map[string]int{}
	kinds := map[string]int{}
	crashes := map[string]int{}
	start := time.Now()
	for i := 0; i < n; i++ {
		raw, kind := mutate(rng, files[rng.Intn(len(files))])
		kinds[kind]++
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		type result struct {
			ex  *extracted
			err error
		}
		done := make(chan result, 1)
		var escaped atomic.Value
		go func() {
			defer func() {
				if r := recover(); r != nil {
					escaped.Store(fmt.Sprint(r))
					done <- result{}
				}
			}()
			ex, err := readPDF(ctx, raw, Options{})
			done <- result{ex, err}
		}()
		select {
		case res := <-done:
			if p := escaped.Load(); p != nil {
				os.WriteFile(filepath.Join(t.TempDir(), "panic.pdf"), raw, 0o644)
				t.Fatalf("mutant %d (%s): panic escaped readPDF: %v", i, kind, p)
			}
			if res.err != nil {
				failed++
				for _, e := range PDFEngines {
					if strings.Contains(res.err.Error(), e+" crashed") {
						crashes[e]++
					}
				}
			} else {
				ok++
				engines[res.ex.engine]++
				for _, w := range res.ex.warnings {
					for _, e := range PDFEngines {
						if strings.Contains(w, e+" crashed") {
							crashes[e]++
						}
						if strings.Contains(w, e+" could not read pages") {
							crashes[e+" (pages)"]++
						}
					}
				}
			}
		case <-time.After(limit + 5*time.Second):
			hung++
			name := filepath.Join(os.TempDir(), fmt.Sprintf("pdf-hang-%d.pdf", i))
			os.WriteFile(name, raw, 0o644)
			t.Errorf("mutant %d (%s) hung; saved as %s", i, kind, name)
		}
		cancel()
		if (i+1)%500 == 0 {
			t.Logf("%d/%d after %s: %d read %v, %d errors, crashes %v, %d hangs",
				i+1, n, time.Since(start).Round(time.Second), ok, engines, failed, crashes, hung)
		}
	}
	t.Logf("%d mutants (%v) in %s: %d read %v, %d errors, recovered crashes %v, %d hangs",
		n, kinds, time.Since(start).Round(time.Second), ok, engines, failed, crashes, hung)
}
