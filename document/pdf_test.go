package document

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/go-pdf/fpdf"

	"github.com/reportgraph/extractor/internal/testenv"
)

// Sentences of the generated fixtures; every word must come back whole.
var (
	leftText = "Alpha group operators deployed the loader against energy firms in the northern region. " +
		"The campaign relied on spear phishing with weaponised documents and stolen certificates. " +
		"Investigators attributed the intrusion set to a contractor working for the ministry."
	rightText = "Omega beacons contacted command servers every fifteen minutes over encrypted channels. " +
		"Responders isolated the affected hosts and rotated every privileged credential quickly. " +
		"Subsequent monitoring revealed no further activity from the implanted backdoor families."
)

func newFixture() *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(true)
	pdf.SetFont("Helvetica", "", 11)
	return pdf
}

func fixtureBytes(t testing.TB, pdf *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("generating fixture: %v", err)
	}
	return buf.Bytes()
}

func onePagePDF(t testing.TB, text string) []byte {
	pdf := newFixture()
	pdf.AddPage()
	pdf.MultiCell(170, 6, text, "", "J", false)
	return fixtureBytes(t, pdf)
}

func twoColumnPDF(t testing.TB) []byte {
	pdf := newFixture()
	pdf.AddPage()
	pdf.SetXY(15, 20)
	pdf.MultiCell(85, 6, leftText, "", "J", false)
	pdf.SetXY(110, 20)
	pdf.MultiCell(85, 6, rightText, "", "J", false)
	return fixtureBytes(t, pdf)
}

// readWith reads raw with one engine, failing the test on error.
func readWith(t *testing.T, engine string, raw []byte) *extracted {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ex, err := readPDF(ctx, raw, Options{PDFEngine: engine})
	if err != nil {
		t.Fatalf("%s: %v", engine, err)
	}
	return ex
}

var allEngines = append([]string{"auto"}, PDFEngines...)

var wordRe = regexp.MustCompile(`[\pL\pN]+`)

func words(s string) []string { return wordRe.FindAllString(s, -1) }

// requireWords checks that every word of want appears as a whole word in
// got: lost spaces would glue two words, stray spaces would split one.
func requireWords(t *testing.T, engine, got, want string) {
	t.Helper()
	have := map[string]bool{}
	for _, w := range words(got) {
		have[w] = true
	}
	var missing []string
	for _, w := range words(want) {
		if !have[w] {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%s: words missing or run together: %v\ntext: %q", engine, missing, got)
	}
}

func TestPDFOneColumnJustified(t *testing.T) {
	raw := onePagePDF(t, leftText+"\n\n"+rightText)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		if len(ex.pages) != 1 || !ex.paged {
			t.Fatalf("%s: got %d pages (paged=%v), want 1", engine, len(ex.pages), ex.paged)
		}
		requireWords(t, engine, ex.pages[0], leftText+" "+rightText)
		if !strings.Contains(ex.pages[0], "\n") {
			t.Errorf("%s: no line breaks in %q", engine, ex.pages[0])
		}
		if engine != "auto" && ex.engine != engine {
			t.Errorf("engine = %q, want %q", ex.engine, engine)
		}
	}
}

func TestPDFTwoColumnsInReadingOrder(t *testing.T) {
	raw := twoColumnPDF(t)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		text := ex.pages[0]
		requireWords(t, engine, text, leftText+" "+rightText)
		// the whole left column comes before the right one
		lastLeft := strings.LastIndex(text, "ministry")
		firstRight := strings.Index(text, "Omega")
		if lastLeft < 0 || firstRight < 0 || lastLeft > firstRight {
			t.Errorf("%s: columns interleaved:\n%s", engine, text)
		}
		// a column's lines must not be glued to the other column's lines
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "Alpha") && strings.Contains(line, "Omega") {
				t.Errorf("%s: one line spans both columns: %q", engine, line)
			}
		}
	}
}

func TestPDFHyphenationAtLineEnd(t *testing.T) {
	pdf := newFixture()
	pdf.AddPage()
	pdf.Text(20, 30, "The analysts documented the infra-")
	pdf.Text(20, 36, "structure used by the operators.")
	raw := fixtureBytes(t, pdf)
	hyphen := regexp.MustCompile(`infra-\s*\n\s*structure`)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		// The raw text keeps the hyphen and the line break: joining is
		// normalisation's decision, with the whole document in view.
		if !hyphen.MatchString(ex.pages[0]) {
			t.Errorf("%s: hyphenated line end not kept: %q", engine, ex.pages[0])
		}
	}
}

func TestPDFRunningHeadersAndPageOrder(t *testing.T) {
	pdf := newFixture()
	pdf.SetHeaderFunc(func() {
		pdf.SetY(8)
		pdf.CellFormat(0, 6, "ACME Threat Report", "", 0, "C", false, 0, "")
		pdf.Ln(12)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.CellFormat(0, 6, fmt.Sprintf("Page %d", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	bodies := []string{"First body mentions Turla.", "Second body mentions Sandworm.", "Third body mentions Lazarus."}
	for _, b := range bodies {
		pdf.AddPage()
		pdf.MultiCell(0, 6, b, "", "L", false)
	}
	raw := fixtureBytes(t, pdf)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		if len(ex.pages) != 3 {
			t.Fatalf("%s: %d pages, want 3", engine, len(ex.pages))
		}
		for i, p := range ex.pages {
			// headers stay in the raw text; normalisation removes them
			for _, want := range []string{"ACME Threat Report", fmt.Sprintf("Page %d", i+1), bodies[i]} {
				if !strings.Contains(p, want) {
					t.Errorf("%s page %d: %q missing from %q", engine, i+1, want, p)
				}
			}
		}
	}
}

func TestPDFMetadata(t *testing.T) {
	pdf := newFixture()
	pdf.SetTitle("Operation Example", true)
	pdf.SetAuthor("Jane Analyst", true)
	pdf.AddPage()
	pdf.Text(20, 20, "Body text.")
	raw := fixtureBytes(t, pdf)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		if ex.title != "Operation Example" || ex.author != "Jane Analyst" {
			t.Errorf("%s: title %q author %q", engine, ex.title, ex.author)
		}
	}
}

// unicodeFont finds a TrueType font with Cyrillic and Greek glyphs
// (Debian package fonts-dejavu-core).
func unicodeFont(t *testing.T) string {
	for _, p := range []string{
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/TTF/DejaVuSans.ttf",
		"/usr/share/fonts/dejavu/DejaVuSans.ttf",
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("DejaVuSans.ttf not found (CI must install fonts-dejavu-core)")
	}
	t.Skip("DejaVuSans.ttf not found (install fonts-dejavu-core): skipping")
	return ""
}

func TestPDFNonLatinAndLigatures(t *testing.T) {
	font := unicodeFont(t)
	pdf := fpdf.New("P", "mm", "A4", "")
	ttf, err := os.ReadFile(font)
	if err != nil {
		t.Fatal(err)
	}
	pdf.AddUTF8FontFromBytes("dejavu", "", ttf)
	pdf.SetFont("dejavu", "", 12)
	pdf.AddPage()
	lines := []string{
		"Группа атаковала министерство энергетики.",
		"Η ομάδα χρησιμοποίησε κακόβουλο λογισμικό.",
		"Zażółć gęślą jaźń — naïve café.",
		"The ﬁrst eﬀective ﬂaw was ﬁxed.",
	}
	for i, l := range lines {
		pdf.Text(20, float64(20+10*i), l)
	}
	raw := fixtureBytes(t, pdf)
	// ledongthuc is known to mis-decode some Identity-H fonts above
	// U+00FF; the promise is for auto (which must then pick pdfium) and
	// for pdfium.
	for _, engine := range []string{"auto", "pdfium"} {
		ex := readWith(t, engine, raw)
		text := ex.pages[0]
		for _, l := range lines[:3] {
			requireWords(t, engine, text, l)
		}
		// A ligature may come back as the ligature character or as its
		// letters; NFKC in normalisation makes both "first".
		for _, w := range []string{"ﬁrst|first", "eﬀective|effective", "ﬂaw|flaw", "ﬁxed|fixed"} {
			if !regexp.MustCompile(`\b(` + w + `)\b`).MatchString(text) {
				t.Errorf("%s: %s lost in %q", engine, w, text)
			}
		}
	}
}

func TestPDFEncrypted(t *testing.T) {
	build := func(user string) []byte {
		pdf := newFixture()
		pdf.SetProtection(fpdf.CnProtectPrint, user, "owner-secret")
		pdf.AddPage()
		pdf.Text(20, 20, "Confidential indicators follow.")
		return fixtureBytes(t, pdf)
	}
	t.Run("empty user password is decrypted", func(t *testing.T) {
		raw := build("")
		// ledongthuc opens fpdf's RC4 file but decodes no text: auto must
		// notice the empty page and use pdfium.
		for _, engine := range []string{"auto", "pdfium"} {
			ex := readWith(t, engine, raw)
			requireWords(t, engine, ex.pages[0], "Confidential indicators follow.")
		}
	})
	t.Run("password required is a clear error", func(t *testing.T) {
		raw := build("user-secret")
		for _, engine := range allEngines {
			_, err := readPDF(context.Background(), raw, Options{PDFEngine: engine})
			if !errors.Is(err, ErrEncryptedPDF) || !strings.Contains(err.Error(), "encrypted PDF") {
				t.Errorf("%s: err = %v, want ErrEncryptedPDF", engine, err)
			}
		}
	})
}

func imageOnlyPDF(t testing.TB) []byte {
	img := image.NewGray(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			img.SetGray(x, y, color.Gray{Y: uint8((x * y) % 256)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pdf := newFixture()
	pdf.AddPage()
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	pdf.RegisterImageOptionsReader("scan", opt, &buf)
	pdf.ImageOptions("scan", 10, 10, 180, 180, false, opt, 0, "")
	return fixtureBytes(t, pdf)
}

func TestPDFWithoutTextLayerWarns(t *testing.T) {
	raw := imageOnlyPDF(t)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		if len(ex.pages) != 1 {
			t.Errorf("%s: %d pages, want 1", engine, len(ex.pages))
		}
		if !containsWarning(ex.warnings, "no text layer") {
			t.Errorf("%s: warnings %q lack \"no text layer\"", engine, ex.warnings)
		}
	}
}

func TestPDFEmptyPagesListed(t *testing.T) {
	pdf := newFixture()
	for i := 1; i <= 4; i++ {
		pdf.AddPage()
		if i != 2 && i != 3 {
			pdf.Text(20, 20, fmt.Sprintf("Text on page %d.", i))
		}
	}
	raw := fixtureBytes(t, pdf)
	for _, engine := range allEngines {
		ex := readWith(t, engine, raw)
		if !containsWarning(ex.warnings, "pages without text: 2-3") {
			t.Errorf("%s: warnings %q do not list pages 2-3", engine, ex.warnings)
		}
	}
}

func containsWarning(ws []string, part string) bool {
	for _, w := range ws {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

func TestPDFTruncatedAndCorrupt(t *testing.T) {
	raw := onePagePDF(t, leftText)
	cases := map[string][]byte{
		"header only":          raw[:16],
		"cut in half":          raw[:len(raw)/2],
		"cut near the end":     raw[:len(raw)-40],
		"garbage after header": append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 500)...),
	}
	for name, data := range cases {
		for _, engine := range allEngines {
			ex, err := readPDF(context.Background(), data, Options{PDFEngine: engine})
			if err != nil {
				if !strings.Contains(err.Error(), "PDF") {
					t.Errorf("%s/%s: error does not say what failed: %v", name, engine, err)
				}
				continue
			}
			if len(ex.pages) == 0 && !containsWarning(ex.warnings, "no pages") {
				t.Errorf("%s/%s: empty success without a warning", name, engine)
			}
		}
	}
}

func TestPDFUnknownEngine(t *testing.T) {
	_, err := readPDF(context.Background(), onePagePDF(t, "x"), Options{PDFEngine: "mupdf"})
	if err == nil || !strings.Contains(err.Error(), `unknown PDF engine "mupdf"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestPDFAutoPrefersUndamagedText(t *testing.T) {
	clean := measurePDFText([]string{"The group used a loader against banks.\n"})
	if p := clean.problem(); p != "" {
		t.Errorf("clean text flagged: %s", p)
	}
	glued := measurePDFText([]string{strings.Repeat("thegroupusedaloaderagainstbanks ", 10)})
	if glued.problem() == "" || !clean.better(glued) {
		t.Errorf("glued text not flagged (%+v)", glued)
	}
	garbage := measurePDFText([]string{"The \ufffd\ufffd\ufffd group \uf0a0\uf0a1 used \x01\x02\x03"})
	if garbage.problem() == "" {
		t.Errorf("garbage not flagged (%+v)", garbage)
	}
	if measurePDFText([]string{"", ""}).problem() == "" {
		t.Error("document without text not flagged")
	}
	if got := pageList([]int{1, 2, 3, 5, 7, 8}); got != "1-3, 5, 7-8" {
		t.Errorf("pageList = %q", got)
	}
}

func TestPDFTimeLimit(t *testing.T) {
	raw := onePagePDF(t, leftText)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, engine := range allEngines {
		if _, err := readPDF(ctx, raw, Options{PDFEngine: engine}); err == nil {
			t.Errorf("%s: read despite a cancelled context", engine)
		}
	}
}

// sharedPDFs lists the development PDFs in ../shared.
func sharedPDFs(t testing.TB) []string {
	dir := testenv.SharedDir(t, "data", "reports", "pdf")
	files, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no PDFs in %s", dir)
	}
	return files
}

// TestPDFRealReports reads every development PDF with every engine: auto
// must succeed on each; no engine may crash (a crash becomes an error
// naming the engine, which we count here).
func TestPDFRealReports(t *testing.T) {
	for _, path := range sharedPDFs(t) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, engine := range allEngines {
			ex, err := readPDF(context.Background(), raw, Options{PDFEngine: engine})
			if err != nil && strings.Contains(err.Error(), "crashed") {
				t.Errorf("%s: %s crashed: %v", filepath.Base(path), engine, err)
			}
			if engine == "auto" {
				if err != nil {
					t.Errorf("%s: %v", filepath.Base(path), err)
					continue
				}
				if q := measurePDFText(ex.pages); q.letters < 1000 {
					t.Errorf("%s: only %d letters", filepath.Base(path), q.letters)
				}
			}
		}
	}
}

// TestPDFFidelityAgainstPdftotext compares our words with pdftotext's on
// the development PDFs: the median bag-of-words F1 must reach 0.97.
func TestPDFFidelityAgainstPdftotext(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	files := sharedPDFs(t)
	tool := testenv.RequireTool(t, "pdftotext")
	var f1s []float64
	for _, path := range files {
		raw, _ := os.ReadFile(path)
		ex, err := readPDF(context.Background(), raw, Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
			continue
		}
		ref, err := runPdftotext(tool, path)
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		f1 := bagOfWordsF1(strings.Join(ex.pages, "\n"), ref)
		f1s = append(f1s, f1)
		t.Logf("%-60s F1 %.3f (%s)", filepath.Base(path), f1, ex.engine)
	}
	sort.Float64s(f1s)
	if med := f1s[len(f1s)/2]; med < 0.97 {
		t.Errorf("median F1 vs pdftotext %.3f < 0.97", med)
	}
}

// bagOfWordsF1 is fidelity.py's measure: tokens are runs of letters and
// digits, case-folded, compared as multisets.
func bagOfWordsF1(ours, ref string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range words(strings.Map(unicode.ToLower, s)) {
			m[w]++
		}
		return m
	}
	o, r := count(ours), count(ref)
	var common, no, nr int
	for w, n := range o {
		no += n
		common += min(n, r[w])
	}
	for _, n := range r {
		nr += n
	}
	if common == 0 {
		return 0
	}
	p, rc := float64(common)/float64(no), float64(common)/float64(nr)
	return 2 * p * rc / (p + rc)
}
