package document

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"
)

// PDFEngines lists the PDF engines selectable with --pdf-engine (besides "auto").
var PDFEngines = []string{"ledongthuc", "pdfium"}

// ErrEncryptedPDF is returned for PDFs that cannot be opened without a
// password. PDFs encrypted with an empty user password are decrypted.
var ErrEncryptedPDF = errors.New("encrypted PDF (password required) not supported")

// pdfText is what one engine extracted from one document.
type pdfText struct {
	pages         []string
	title, author string
	warnings      []string
}

// pdfEngine extracts the raw text of every page. Engines must honour ctx
// where they can; readPDF adds recover.
type pdfEngine func(ctx context.Context, raw []byte) (*pdfText, error)

func pdfEngineByName(name string) pdfEngine {
	switch name {
	case "ledongthuc":
		return readLedongthuc
	case "pdfium":
		return readPdfium
	}
	return nil
}

// Thresholds of the automatic choice. ledongthuc (with our own layout
// walker) is tried first: on the 22 development PDFs it reads at about 0.5×
// pdftotext's wall time with median bag-of-words F1 0.997. pdfium is as
// good or better on every file and never crashes, but sandboxed so that it
// can be stopped it reads at about 2.4× pdftotext's time; it is run when
// ledongthuc fails or its text looks damaged by these measures (see
// docs/dependencies.md for the numbers).
const (
	// A token is glued when it has more than glueLetters letters: real words
	// that long are rare, words run together by lost spaces are not.
	glueLetters = 25
	// maxGluedRate is the share of glued tokens above which a result is
	// suspect (pdftotext itself stays below 0.2% on the development set,
	// mostly hashes and URLs, which count as tokens of letters and digits).
	maxGluedRate = 0.02
	// maxGarbageRate is the share of characters that are U+FFFD, control or
	// private-use characters above which the font decoding is suspect.
	maxGarbageRate = 0.05
)

// pdfQuality are the signals the automatic choice compares.
type pdfQuality struct {
	pages, emptyPages int
	letters           int
	tokens, glued     int
	chars, garbage    int
}

func measurePDFText(pages []string) pdfQuality {
	q := pdfQuality{pages: len(pages)}
	for _, p := range pages {
		letters := 0
		run := 0
		endRun := func() {
			if run > 0 {
				q.tokens++
				if run > glueLetters {
					q.glued++
				}
			}
			run = 0
		}
		for _, r := range p {
			q.chars++
			switch {
			case unicode.IsLetter(r):
				letters++
				run++
				continue
			case r == unicode.ReplacementChar, r >= 0xE000 && r <= 0xF8FF,
				unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' && r != '\f':
				q.garbage++
			}
			if !unicode.IsDigit(r) {
				endRun()
			}
		}
		endRun()
		q.letters += letters
		if letters == 0 {
			q.emptyPages++
		}
	}
	return q
}

func (q pdfQuality) gluedRate() float64 {
	if q.tokens == 0 {
		return 0
	}
	return float64(q.glued) / float64(q.tokens)
}

func (q pdfQuality) garbageRate() float64 {
	if q.chars == 0 {
		return 0
	}
	return float64(q.garbage) / float64(q.chars)
}

// problem names what is wrong with a result, or "" when it looks sound.
func (q pdfQuality) problem() string {
	switch {
	case q.pages > 0 && q.letters == 0:
		return "no text"
	case q.garbageRate() > maxGarbageRate:
		return fmt.Sprintf("%.0f%% undecodable characters", 100*q.garbageRate())
	case q.gluedRate() > maxGluedRate:
		return fmt.Sprintf("%.1f%% of words run together", 100*q.gluedRate())
	case q.pages >= 2 && q.emptyPages*2 > q.pages:
		return fmt.Sprintf("%d of %d pages without text", q.emptyPages, q.pages)
	}
	return ""
}

// better reports whether q is a better result than o: more pages with text,
// then fewer glued words and garbage, then more letters.
func (q pdfQuality) better(o pdfQuality) bool {
	qs := float64(q.letters) * (1 - 4*q.gluedRate()) * (1 - 2*q.garbageRate())
	os := float64(o.letters) * (1 - 4*o.gluedRate()) * (1 - 2*o.garbageRate())
	if q.pages-q.emptyPages != o.pages-o.emptyPages {
		return q.pages-q.emptyPages > o.pages-o.emptyPages
	}
	return qs > os
}

// runPDFEngine runs one engine behind recover, so that a crash in a
// third-party parser becomes an error naming the engine.
func runPDFEngine(ctx context.Context, name string, raw []byte) (res *pdfText, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%s crashed: %v", name, r)
			if os.Getenv("EXTRACTOR_DEBUG") != "" {
				os.Stderr.Write(debug.Stack())
			}
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, err = pdfEngineByName(name)(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

// readPDF extracts the raw text of every page with the engine opt.PDFEngine
// names, or, for "auto", with pdfium and, when pdfium fails or its text
// looks damaged, also with ledongthuc, keeping the better result.
func readPDF(ctx context.Context, raw []byte, opt Options) (*extracted, error) {
	name := opt.PDFEngine
	if name == "" {
		name = "auto"
	}
	if name != "auto" && pdfEngineByName(name) == nil {
		return nil, fmt.Errorf("unknown PDF engine %q (choose auto, %s)", name, strings.Join(PDFEngines, ", "))
	}
	var res *pdfText
	var used string
	var notes []string
	if name != "auto" {
		r, err := runPDFEngine(ctx, name, raw)
		if err != nil {
			return nil, pdfError(err)
		}
		res, used = r, name
	} else {
		var err error
		res, used, notes, err = readPDFAuto(ctx, raw)
		if err != nil {
			return nil, pdfError(err)
		}
	}
	ex := &extracted{
		pages:    res.pages,
		engine:   used,
		title:    strings.TrimSpace(res.title),
		author:   strings.TrimSpace(res.author),
		warnings: append(notes, res.warnings...),
		paged:    true,
	}
	ex.warnings = append(ex.warnings, emptyPageWarnings(res.pages)...)
	return ex, nil
}

// pdfAutoOrder is the order in which "auto" tries engines: fastest first.
var pdfAutoOrder = [2]string{"ledongthuc", "pdfium"}

// readPDFAuto runs the fast engine and, when it fails or its text looks
// damaged, the careful one, keeping the better result. The note says why
// the second engine was needed, when its result was used.
func readPDFAuto(ctx context.Context, raw []byte) (*pdfText, string, []string, error) {
	first, second := pdfAutoOrder[0], pdfAutoOrder[1]
	res, err := runPDFEngine(ctx, first, raw)
	var why string
	var q pdfQuality
	if err != nil {
		why = err.Error()
	} else {
		q = measurePDFText(res.pages)
		if why = q.problem(); why == "" && q.emptyPages > 0 {
			// text the fast engine misses (unusual fonts, annotations)
			// may be there for the other: an empty page is worth a look
			why = fmt.Sprintf("%d pages without text", q.emptyPages)
		}
		if why != "" {
			why = first + ": " + why
		}
	}
	if why == "" {
		return res, first, nil, nil
	}
	// An encrypted PDF one engine cannot open, the other cannot either
	// (both try the empty password); a timeout leaves no time for it.
	if errors.Is(err, ErrEncryptedPDF) || ctx.Err() != nil {
		return nil, "", nil, err
	}
	alt, altErr := runPDFEngine(ctx, second, raw)
	switch {
	case altErr != nil && err != nil:
		return nil, "", nil, fmt.Errorf("%v; %v", err, altErr)
	case altErr != nil:
		return res, first, nil, nil // damaged, but the best there is
	case err != nil:
		return alt, second, []string{why + "; used " + second}, nil
	case measurePDFText(alt.pages).better(q):
		return alt, second, []string{why + "; used " + second}, nil
	}
	return res, first, nil, nil
}

// pdfError makes engine errors read well for a user: encryption and
// timeouts are named as such.
func pdfError(err error) error {
	switch {
	case errors.Is(err, ErrEncryptedPDF):
		return ErrEncryptedPDF
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return fmt.Errorf("reading PDF stopped: %w", err)
	}
	return fmt.Errorf("unreadable PDF: %w", err)
}

// emptyPageWarnings says which pages have no text: a scanned PDF without a
// text layer reads "successfully" as nothing, which a user must be told.
func emptyPageWarnings(pages []string) []string {
	var empty []int
	for i, p := range pages {
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			empty = append(empty, i+1)
		}
	}
	switch {
	case len(pages) == 0:
		return []string{"PDF has no pages"}
	case len(empty) == len(pages):
		return []string{"no text layer: the PDF has no extractable text (scanned images need OCR)"}
	case len(empty) > 0:
		return []string{"pages without text: " + pageList(empty)}
	}
	return nil
}

// pageList writes page numbers compactly: 1-3, 7, 9-10.
func pageList(nums []int) string {
	var b strings.Builder
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(nums[i]))
		if j > i {
			b.WriteString("-" + strconv.Itoa(nums[j]))
		}
		i = j + 1
	}
	return b.String()
}
