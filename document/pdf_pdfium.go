package document

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFium runs as WebAssembly inside wazero: pure Go, no cgo, and a crash or
// endless loop inside it stays inside the sandbox, where it can be stopped.
var pdfiumRuntime struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// pdfiumPool starts the PDFium pool once per process. Compiling the 5 MB
// module takes seconds; the compiled code is kept in a cache directory so
// that later processes start in a fraction of that.
func pdfiumPool() (pdfium.Pool, error) {
	pdfiumRuntime.once.Do(func() {
		if dir := pdfiumCacheDir(); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				pdfiumRuntime.pool, pdfiumRuntime.err = newPdfiumPool(cache)
				if pdfiumRuntime.err == nil {
					return
				}
			}
		}
		// No usable cache (read-only home, corrupt cache file): compile in
		// memory, which is only slower.
		pdfiumRuntime.pool, pdfiumRuntime.err = newPdfiumPool(nil)
	})
	return pdfiumRuntime.pool, pdfiumRuntime.err
}

func newPdfiumPool(cache wazero.CompilationCache) (pdfium.Pool, error) {
	cfg := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		// Cancelling a worker's context must stop a looping PDF.
		WithCloseOnContextDone(true)
	if cache != nil {
		cfg = cfg.WithCompilationCache(cache)
	}
	n := runtime.GOMAXPROCS(0)
	return webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       n,
		MaxTotal:      n,
		ReuseWorkers:  true,
		RuntimeConfig: cfg,
		// PDFium reads from memory only: it gets no file system at all.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard,
		Stderr:   io.Discard,
	})
}

// pdfiumCacheDir returns a writable directory for compiled code, or "".
func pdfiumCacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "extractor", "wazero")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	f, err := os.CreateTemp(dir, ".probe")
	if err != nil {
		return ""
	}
	f.Close()
	os.Remove(f.Name())
	return dir
}

// readPdfium extracts text with PDFium. If ctx ends first, the WebAssembly
// worker is killed, which interrupts PDFium wherever it is.
func readPdfium(ctx context.Context, raw []byte) (*pdfText, error) {
	pool, err := pdfiumPool()
	if err != nil {
		return nil, fmt.Errorf("starting PDFium: %w", err)
	}
	inst, err := pool.GetInstanceWithContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("no PDFium worker: %w", err)
	}
	done := make(chan struct{})
	watched := make(chan bool, 1)
	go func() {
		select {
		case <-ctx.Done():
			inst.Kill()
			watched <- true
		case <-done:
			watched <- false
		}
	}()
	res, err := pdfiumExtract(ctx, inst, raw)
	close(done)
	if killed := <-watched; !killed {
		inst.Close()
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	return res, nil
}

func pdfiumExtract(ctx context.Context, inst pdfium.Pdfium, raw []byte) (*pdfText, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &raw})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || errors.Is(err, pdfiumerrors.ErrSecurity) {
			return nil, fmt.Errorf("%w: %v", ErrEncryptedPDF, err)
		}
		return nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	res := &pdfText{}
	for _, tag := range []string{"Title", "Author"} {
		m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: tag})
		if err == nil {
			if tag == "Title" {
				res.title = m.Value
			} else {
				res.author = m.Value
			}
		}
	}
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, err
	}
	var failed []int
	for i := 0; i < count.PageCount; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text, err := pdfiumPage(inst, doc.Document, i)
		if err != nil {
			// A broken page costs that page, not the document.
			failed = append(failed, i+1)
			text = ""
		}
		res.pages = append(res.pages, text)
	}
	if len(failed) > 0 {
		res.warnings = append(res.warnings, "pdfium could not read pages "+pageList(failed))
	}
	return res, nil
}

// pdfiumPage returns the text of page index (0-based). PDFium's text page
// orders characters and inserts spaces and line breaks; on top of that we
// look at character boxes in two places only, because each look is a call
// into WebAssembly: where a word seems run together, and at line starts to
// find paragraph breaks.
func pdfiumPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (string, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return "", err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return "", err
	}
	if n.Count <= 0 {
		return "", nil
	}
	text, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, Count: n.Count})
	if err != nil {
		return "", err
	}
	chars := []rune(text.Text)
	var boxes func(i int) (charBox, bool)
	// Character i of the text page is rune i of its text, unless PDFium
	// wrote characters outside the BMP as two UTF-16 units or dropped
	// some: then boxes cannot be matched to runes and we go without.
	if len(chars) == n.Count {
		cache := map[int]charBox{}
		boxes = func(i int) (charBox, bool) {
			if b, ok := cache[i]; ok {
				return b, b.ok()
			}
			var b charBox
			if r, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i}); err == nil {
				b = charBox{left: float64(r.Rect.Left), right: float64(r.Rect.Right),
					top: float64(r.Rect.Top), bottom: float64(r.Rect.Bottom)}
			}
			cache[i] = b
			return b, b.ok()
		}
	}
	return layoutPdfiumText(chars, boxes), nil
}

// charBox is a character's box in PDF points, y growing upwards.
type charBox struct{ left, right, top, bottom float64 }

func (b charBox) ok() bool        { return b.top > b.bottom && b.right >= b.left }
func (b charBox) height() float64 { return b.top - b.bottom }

// sameLine reports whether two boxes overlap vertically by at least half
// the smaller height.
func (b charBox) sameLine(o charBox) bool {
	overlap := min(b.top, o.top) - max(b.bottom, o.bottom)
	return overlap >= 0.5*min(b.height(), o.height())
}

// Private-use code points that symbol fonts (Symbol, Wingdings) use for
// list bullets; anything else in the private-use area carries no text.
var pdfBullets = map[rune]bool{0xF0B7: true, 0xF06C: true, 0xF06E: true, 0xF06F: true,
	0xF0A7: true, 0xF0D8: true, 0xF076: true, 0xF0FC: true, 0xF0A8: true, 0xF071: true}

// layoutPdfiumText turns PDFium's character stream into lines and blocks.
// boxes(i) gives the box of character i; it is nil when boxes are
// unavailable, and then the text is only cleaned.
func layoutPdfiumText(chars []rune, boxes func(int) (charBox, bool)) string {
	var b strings.Builder
	b.Grow(len(chars) + len(chars)/16)
	// Line starts seen so far, to detect paragraph and column breaks.
	var prevLine charBox
	havePrev := false
	lineStart := true
	for i := 0; i < len(chars); i++ {
		r := chars[i]
		switch {
		case r == '\r':
			continue
		case r == '\n':
			b.WriteByte('\n')
			lineStart = true
			continue
		case r == 0xFFFE:
			// PDFium's mark for a hyphen it joined across a line end: give
			// back the hyphen and the break, normalisation decides.
			b.WriteString("-\n")
			lineStart = true
			continue
		case pdfBullets[r]:
			r = '•'
		case r >= 0xE000 && r <= 0xF8FF, r == 0, unicode.IsControl(r) && r != '\t':
			r = ' '
		}
		if lineStart && boxes != nil && !unicode.IsSpace(r) {
			if box, ok := boxes(i); ok {
				if havePrev && blockBreak(prevLine, box) {
					b.WriteByte('\n')
				}
				prevLine, havePrev = box, true
			}
			lineStart = false
		}
		b.WriteRune(r)
		if boxes != nil && i+1 < len(chars) && suspectJoin(chars, i) {
			a, okA := boxes(i)
			c, okC := boxes(i + 1)
			if okA && okC {
				switch {
				case !a.sameLine(c) || c.right < a.left:
					b.WriteByte('\n')
					lineStart = true
				case c.left-a.right > 0.15*max(a.height(), c.height()):
					b.WriteByte(' ')
				}
			}
		}
	}
	return b.String()
}

// blockBreak reports whether a line starting at box cur begins a new block
// after the line that started at prev: a vertical gap of more than about
// half a line, or a jump back up the page (the next column or a side box).
func blockBreak(prev, cur charBox) bool {
	h := max(prev.height(), cur.height())
	if h <= 0 {
		return false
	}
	gap := prev.bottom - cur.top
	return gap > 0.6*h || cur.bottom > prev.top+h
}

// suspectJoin reports whether characters i and i+1, with nothing between
// them in PDFium's text, may be two words run together: a case change
// inside a word (wordWord, WORDWord), a letter next to a digit, a sentence
// mark followed by a letter, or anywhere inside an implausibly long word.
func suspectJoin(chars []rune, i int) bool {
	a, c := chars[i], chars[i+1]
	if unicode.IsSpace(a) || unicode.IsSpace(c) || a == 0xFFFE || c == 0xFFFE {
		return false
	}
	switch {
	case unicode.IsLower(a) && unicode.IsUpper(c):
		return true
	case unicode.IsUpper(a) && unicode.IsUpper(c) && i+2 < len(chars) && unicode.IsLower(chars[i+2]):
		return true
	case unicode.IsLetter(a) && unicode.IsDigit(c), unicode.IsDigit(a) && unicode.IsLetter(c):
		return true
	case strings.ContainsRune(".,;:!?)", a) && unicode.IsLetter(c):
		return true
	case unicode.IsLetter(a) && unicode.IsLetter(c):
		return inLongWord(chars, i)
	}
	return false
}

// inLongWord reports whether position i is inside a run of more than
// glueLetters letters.
func inLongWord(chars []rune, i int) bool {
	start, end := i, i
	for start > 0 && unicode.IsLetter(chars[start-1]) {
		start--
	}
	for end+1 < len(chars) && unicode.IsLetter(chars[end+1]) {
		end++
	}
	return end-start+1 > glueLetters-5
}
