package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// readLedongthuc extracts text with github.com/ledongthuc/pdf. Its own
// GetPlainText ignores glyph positions, so words run together on justified
// text and every text object starts a new line; we walk the content stream
// ourselves with its parser and place a space or a line break from the
// positions, as pdftotext does.
func readLedongthuc(ctx context.Context, raw []byte) (*pdfText, error) {
	r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return nil, fmt.Errorf("%w: %v", ErrEncryptedPDF, err)
		}
		return nil, err
	}
	res := &pdfText{}
	info := r.Trailer().Key("Info")
	res.title = info.Key("Title").Text()
	res.author = info.Key("Author").Text()
	n := r.NumPage()
	var failed []int
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		page := r.Page(i)
		if page.V.IsNull() {
			// The page tree's /Count is the file's word: a hostile one
			// claims millions of pages. Past the last page it holds,
			// every page is null.
			res.warnings = append(res.warnings, fmt.Sprintf("the page tree claims %d pages and holds %d", n, i-1))
			break
		}
		text, err := ledongthucPage(page)
		if err != nil {
			failed = append(failed, i)
		}
		res.pages = append(res.pages, text)
	}
	if len(failed) > 0 {
		res.warnings = append(res.warnings, "ledongthuc could not read pages "+pageList(failed))
	}
	return res, nil
}

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// then returns m followed by n (PDF's m × n).
func (m affine) then(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) affine { return affine{1, 0, 0, 1, x, y} }

// ledFont is what the walker needs of a font: decoding and glyph widths.
type ledFont struct {
	enc      pdf.TextEncoding
	twoByte  bool // Type0 fonts use two-byte codes
	first    int
	widths   []float64
	cidWidth map[int]float64
	dw       float64 // width of codes without an entry (thousandths of em)
}

func newLedFont(f pdf.Font) *ledFont {
	lf := &ledFont{enc: f.Encoder(), dw: 0}
	if f.V.Key("Subtype").Name() == "Type0" {
		lf.twoByte = true
		d := f.V.Key("DescendantFonts").Index(0)
		lf.dw = 1000
		if v := d.Key("DW"); v.Kind() == pdf.Integer || v.Kind() == pdf.Real {
			lf.dw = v.Float64()
		}
		lf.cidWidth = map[int]float64{}
		w := d.Key("W")
		// W is a list of "c [w1 w2 ...]" and "cfirst clast w" entries.
		for i := 0; i+1 < w.Len() && len(lf.cidWidth) < 1<<16; {
			c := int(w.Index(i).Int64())
			if w.Index(i+1).Kind() == pdf.Array {
				ws := w.Index(i + 1)
				for j := 0; j < ws.Len() && j < 1<<16; j++ {
					lf.cidWidth[c+j] = ws.Index(j).Float64()
				}
				i += 2
				continue
			}
			if i+2 >= w.Len() {
				break
			}
			last, width := int(w.Index(i+1).Int64()), w.Index(i+2).Float64()
			for k := c; k <= last && k-c < 1<<16; k++ {
				lf.cidWidth[k] = width
			}
			i += 3
		}
		return lf
	}
	lf.first = f.FirstChar()
	ws := f.V.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		lf.widths = append(lf.widths, ws.Index(i).Float64())
	}
	return lf
}

// width returns the advance of a code in thousandths of em. Fonts without
// widths (the standard 14) get an average width: positions then are only
// approximate, which is why gaps must be clear before they count.
func (f *ledFont) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cidWidth[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	if code == ' ' {
		return 250
	}
	return 500
}

// ledWalker turns a page's text-showing operators into text.
type ledWalker struct {
	out strings.Builder
	ledState
	forms int // form XObjects run so far on this page
	// where the last glyph ended, in device space, and its size
	lastX, lastY, lastSize float64
	started                bool
}

func ledongthucPage(p pdf.Page) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("ledongthuc: %v", r)
		}
	}()
	if p.V.IsNull() || p.V.Key("Contents").Kind() == pdf.Null {
		return "", nil
	}
	w := &ledWalker{ledState: ledState{ctm: identity, tm: identity, tlm: identity, th: 1}}
	w.run(p.V.Key("Contents"), p.V.Key("Resources"), 0)
	return w.out.String(), nil
}

// ledState is the graphics and text state a form XObject may not change
// for the stream that calls it.
type ledState struct {
	ctm, tm, tlm affine
	stack        []affine
	font         *ledFont
	fs, tc, tw   float64
	th, tl       float64
}

// maxForms bounds the form XObjects run per page: a form that calls
// itself many times would otherwise multiply at every level.
const maxForms = 2000

// maxFormDepth bounds nested form XObjects, which a hostile file can make
// recursive.
const maxFormDepth = 8

// run interprets one content stream with its resources. Form XObjects
// (text placed as a reusable form, common in generated reports) are
// interpreted in place.
func (w *ledWalker) run(content, resources pdf.Value, depth int) {
	fonts := map[string]*ledFont{}
	pdf.Interpret(content, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 { return args[i].Float64() }
		switch op {
		case "q":
			if len(w.stack) < 1024 {
				w.stack = append(w.stack, w.ctm)
			}
		case "Q":
			if n := len(w.stack); n > 0 {
				w.ctm, w.stack = w.stack[n-1], w.stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				w.ctm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}.then(w.ctm)
			}
		case "BT":
			w.tm, w.tlm = identity, identity
		case "Tc":
			if len(args) == 1 {
				w.tc = num(0)
			}
		case "Tw":
			if len(args) == 1 {
				w.tw = num(0)
			}
		case "Tz":
			if len(args) == 1 {
				w.th = num(0) / 100
			}
		case "TL":
			if len(args) == 1 {
				w.tl = num(0)
			}
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = newLedFont(pdf.Font{V: resources.Key("Font").Key(name)})
					fonts[name] = f
				}
				w.font, w.fs = f, num(1)
			}
		case "Td", "TD":
			if len(args) == 2 {
				if op == "TD" {
					w.tl = -num(1)
				}
				w.tlm = translate(num(0), num(1)).then(w.tlm)
				w.tm = w.tlm
			}
		case "Tm":
			if len(args) == 6 {
				w.tlm = affine{num(0), num(1), num(2), num(3), num(4), num(5)}
				w.tm = w.tlm
			}
		case "T*":
			w.nextLine()
		case "Tj":
			if len(args) == 1 {
				w.show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				w.nextLine()
				w.show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				w.tw, w.tc = num(0), num(1)
				w.nextLine()
				w.show(args[2].RawString())
			}
		case "TJ":
			if len(args) == 1 {
				a := args[0]
				for i := 0; i < a.Len(); i++ {
					v := a.Index(i)
					if v.Kind() == pdf.String {
						w.show(v.RawString())
					} else {
						w.tm = translate(-v.Float64()/1000*w.fs*w.th, 0).then(w.tm)
					}
				}
			}
		case "Do":
			if len(args) != 1 || depth >= maxFormDepth || w.forms >= maxForms {
				return
			}
			form := resources.Key("XObject").Key(args[0].Name())
			if form.Key("Subtype").Name() != "Form" {
				return
			}
			w.forms++
			saved := w.ledState
			if m := form.Key("Matrix"); m.Len() == 6 {
				w.ctm = affine{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(),
					m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.then(w.ctm)
			}
			res := form.Key("Resources")
			if res.IsNull() {
				res = resources
			}
			w.run(form, res, depth+1)
			// the form's graphics and text state do not leak out of it
			w.ledState = saved
		}
	})
}

func (w *ledWalker) nextLine() {
	w.tlm = translate(0, -w.tl).then(w.tlm)
	w.tm = w.tlm
}

// show writes the decoded string s, first separating it from the previous
// text by a line break or a space when the pen has moved far enough.
func (w *ledWalker) show(s string) {
	if w.font == nil || s == "" {
		return
	}
	trm := affine{w.fs * w.th, 0, 0, w.fs, 0, 0}.then(w.tm).then(w.ctm)
	x, y := trm[4], trm[5]
	size := math.Hypot(trm[2], trm[3])
	if size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
		size = 1
	}
	text := w.font.enc.Decode(s)
	if w.started {
		ref := max(size, w.lastSize)
		dy := w.lastY - y
		switch {
		case math.Abs(dy) > 0.5*ref:
			w.out.WriteByte('\n')
			// a gap of more than about half a blank line, or a jump up
			// the page (next column), separates blocks
			if dy > 1.9*ref || dy < -2*ref {
				w.out.WriteByte('\n')
			}
		case x-w.lastX > 0.2*ref || w.lastX-x > 3*ref:
			if !strings.HasSuffix(w.out.String(), " ") && !strings.HasPrefix(text, " ") {
				w.out.WriteByte(' ')
			}
		}
	}
	w.out.WriteString(text)
	// advance the text matrix glyph by glyph
	step := 1
	if w.font.twoByte {
		step = 2
	}
	adv := 0.0
	for i := 0; i+step <= len(s); i += step {
		code := int(s[i])
		if step == 2 {
			code = code<<8 | int(s[i+1])
		}
		tx := w.font.width(code)/1000*w.fs + w.tc
		if step == 1 && code == ' ' {
			tx += w.tw
		}
		adv += tx * w.th
	}
	w.tm = translate(adv, 0).then(w.tm)
	end := affine{w.fs * w.th, 0, 0, w.fs, 0, 0}.then(w.tm).then(w.ctm)
	w.lastX, w.lastY, w.lastSize, w.started = end[4], end[5], size, true
}
