package document

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/testenv"
)

// one normalises a single unpaged page and returns its text.
func one(t *testing.T, in string) string {
	t.Helper()
	text, pages, _ := normalize([]string{in}, false)
	if len(pages) != 1 || pages[0] != (extractor.Page{Number: 1, Start: 0, End: len(text)}) {
		t.Fatalf("normalize(%q): pages = %v for text of %d bytes", in, pages, len(text))
	}
	return text
}

func TestNormalizeCharacters(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"ligatures", "ﬁle ﬂow eﬀect ﬃ", "file flow effect ffi"},
		{"full-width letters and digits", "ＡＰＴ２８ used １９２．１６８．０．１", "APT28 used 192.168.0.1"},
		{"soft hyphen inside a word", "mal\u00adware", "malware"},
		{"soft hyphen at a line end joins", "infor\u00ad\nmation is here", "information\nis here"},
		{"soft hyphen before a blank line goes", "word\u00ad\n\nnext", "word\n\nnext"},
		{"zero width space in a domain", "evil\u200b.com and \ufeffBOM", "evil.com and BOM"},
		{"word joiner", "a\u2060b", "ab"},
		{"ZWJ between ASCII letters", "ma\u200dl\u200cware", "malware"},
		{"ZWNJ in Persian kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"ZWJ in an emoji sequence kept", "👩\u200d💻", "👩\u200d💻"},
		{"ZWJ next to a space goes", "👩\u200d 💻", "👩 💻"},
		{"no-break and other spaces", "a\u00a0b\u2009c\u202fd\u3000e\u1680f", "a b c d e f"},
		{"CRLF and CR", "a\r\nb\rc\r\n", "a\nb\nc"},
		{"form feed and vertical tab inside a page", "a\fb\vc", "a\nb\nc"},
		{"NEL, line and paragraph separators", "a\u0085b\u2028c\u2029d", "a\nb\nc\n\nd"},
		{"controls removed", "a\x00b\x07c\x1bd\x7fe\u0080f", "abcdef"},
		{"curly quotes kept", "“Sofacy” and ‘Fancy Bear’ — 2019–2020", "“Sofacy” and ‘Fancy Bear’ — 2019–2020"},
		{"replacement character kept", "a\ufffdb", "a\ufffdb"},
		{"invalid UTF-8 replaced", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"NFKC compatibility forms", "Acme™ x² ½", "Acme™ x2 1⁄2"},
		// the trademark signs stay signs, not letters glued to the name
		{"trademark signs kept", "Trend Micro™ and Acme℠ ﬁles", "Trend Micro™ and Acme℠ files"},
		{"composed accents", "Cafe\u0301", "Café"},
		{"full-width dot defang kept as dot", "evil［．］com", "evil[.]com"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := one(t, c.in); got != c.want {
				t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNormalizeInvalidUTF8Warning(t *testing.T) {
	_, _, warnings := normalize([]string{"a\xff\xfeb\xc3", "ok", "\x80"}, false)
	want := []string{"replaced 3 sequences of invalid UTF-8 with U+FFFD"}
	if !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

func TestNormalizeWhitespace(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"runs of spaces", "a   b  c", "a b c"},
		{"trailing and leading spaces", "  a b  \n   c\t \n", "a b\nc"},
		{"tab runs become one tab", "IP\t\t10.0.0.1 \t evil.com", "IP\t10.0.0.1\tevil.com"},
		{"leading tab kept for an empty first cell", "\t\tb\tc", "\tb\tc"},
		{"pipe cell separators kept", "a  |  b | c", "a | b | c"},
		{"blank-line runs fold to one", "p1\n\n\n\n\np2\n \t \n\np3", "p1\n\np2\n\np3"},
		{"single newlines kept", "10.0.0.1\n10.0.0.2\nevil.com", "10.0.0.1\n10.0.0.2\nevil.com"},
		{"blank lines at both ends trimmed", "\n\n  \nbody\n\n\n", "body"},
		{"whitespace-only page", " \t\n\n \n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := one(t, c.in); got != c.want {
				t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNormalizeDehyphenation(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain word joins, rest of the line stays", "the infor-\nmation was stolen", "the information\nwas stolen"},
		{"word moves up with its punctuation", "infor-\nmation, then", "information,\nthen"},
		{"joined form elsewhere: join", "more information here\nthe infor-\nmation", "more information here\nthe information"},
		{"hyphenated form elsewhere: keep", "a long-term view\nand a long-\nterm plan", "a long-term view\nand a long-term\nplan"},
		{"more joined than hyphenated evidence", "email, email and e-mail\nsend e-\nmail", "email, email and e-mail\nsend email"},
		{"evidence inside a longer compound", "long-term-support\na long-\nterm plan", "long-term-support\na long-term\nplan"},
		{"domain keeps its hyphen", "C2: update-microsoft-\ncdn.com", "C2: update-microsoft-cdn.com"},
		{"URL keeps its hyphen", "https://evil-\nexample.com/path", "https://evil-example.com/path"},
		{"e-mail address", "contact admin@evil-\ncorp.com now", "contact admin@evil-corp.com\nnow"},
		{"GUID", "{3F2504E0-4F89-\n11D3-9A0C-0305E82C3301}", "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}"},
		{"digit in the second part", "COVID-\n19 lures", "COVID-19\nlures"},
		{"compound prefix keeps", "cyber-\noffense units", "cyber-offense\nunits"},
		{"compound prefix with evidence of the joined word", "cyberoffense\nits cyber-\noffense team", "cyberoffense\nits cyberoffense\nteam"},
		{"prefix followed by a word ending joins", "the state-\nment said", "the statement\nsaid"},
		{"syllable-like prefix joins", "pre-\nvious waves", "previous\nwaves"},
		{"one-letter first part keeps", "via e-\nmail", "via e-mail"},
		{"capitalised second part keeps", "Anti-\nMalware suite", "Anti-Malware\nsuite"},
		{"already hyphenated head keeps", "state-of-the-\nart tooling", "state-of-the-art\ntooling"},
		{"word broken twice", "infor-\nma-\ntion", "information"},
		{"Unicode hyphen", "infor\u2010\nmation", "information"},
		{"a spaced dash is not a break", "the attackers -\nwho", "the attackers -\nwho"},
		{"next line is a list item", "steps-\n- first", "steps-\n- first"},
		{"paragraph break stops a join", "infor-\n\nmation", "infor-\n\nmation"},
		{"double hyphen", "wait--\nthen", "wait--\nthen"},
		{"next line opens with a tab", "infor-\n\tmation", "infor-\n\tmation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := one(t, c.in); got != c.want {
				t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNormalizeDehyphenationAcrossPages(t *testing.T) {
	text, pages, _ := normalize([]string{"we collected infor-\n", "mation from victims\nand more"}, true)
	want := "we collected information\ffrom victims\nand more"
	if text != want {
		t.Fatalf("text = %q, want %q", text, want)
	}
	if got := text[pages[1].Start:pages[1].End]; got != "from victims\nand more" {
		t.Errorf("page 2 = %q", got)
	}
}

// reportPages builds an n-page report with a running header carrying the
// page number, an identical classification line, a footer and a body
// whose lines differ from page to page.
func reportPages(n int, footer func(page int) string) []string {
	var pages []string
	for p := 1; p <= n; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "ACME Threat Report — %d\nTLP:CLEAR\n\n", p)
		b.WriteString(bodyOf(p) + "\n")
		if footer != nil {
			fmt.Fprintf(&b, "\n%s\n", footer(p))
		}
		pages = append(pages, b.String())
	}
	return pages
}

var pageWords = strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima")

// bodyOf is the body of page p: five lines that differ from those of every
// other page in words, not only in numbers.
func bodyOf(p int) string {
	var ls []string
	for l := 1; l <= 5; l++ {
		ls = append(ls, fmt.Sprintf("Line %d of the %s page about APT%d.", l, pageWords[(p-1)%len(pageWords)], p*10+l))
	}
	return strings.Join(ls, "\n")
}

func TestNormalizeRunningHeaders(t *testing.T) {
	footers := map[string]func(int) string{
		"page N of M":    func(p int) string { return fmt.Sprintf("Page %d of 4", p) },
		"bare number":    func(p int) string { return fmt.Sprint(p) },
		"dashed number":  func(p int) string { return fmt.Sprintf("- %d -", p) },
		"number | text":  func(p int) string { return fmt.Sprintf("%d | ACME Corp", p) },
		"italian footer": func(p int) string { return fmt.Sprintf("Pagina %d di 4", p) },
	}
	for name, footer := range footers {
		t.Run(name, func(t *testing.T) {
			text, pages, warnings := normalize(reportPages(4, footer), true)
			for i, p := range pages {
				if got, want := text[p.Start:p.End], bodyOf(i+1); got != want {
					t.Errorf("page %d = %q, want %q", i+1, got, want)
				}
			}
			// header + classification + footer on each of 4 pages
			if want := []string{"removed 12 running header/footer lines"}; !reflect.DeepEqual(warnings, want) {
				t.Errorf("warnings = %q, want %q", warnings, want)
			}
		})
	}
}

func TestNormalizeKeepsRepeatedBodyLines(t *testing.T) {
	pages := []string{
		"Indicators of Compromise\nevil.com\nbad.net\nmore body one\nlast of one\nPage 1",
		"intro two\nIndicators of Compromise\nevil.com\nmiddle\nlast of two\nPage 2",
		"intro three\nbody\nmore\nIndicators of Compromise\nend of three\nPage 3",
		"single top line\nfour\nfour b\nfour c\nend\nPage 4",
	}
	text, _, warnings := normalize(pages, true)
	// Only the four page-number footers go: "Indicators of Compromise" and
	// "evil.com" open two pages of four (in the top band), below the three
	// pages a running header needs, and "single top line" occurs once.
	want := "Indicators of Compromise\nevil.com\nbad.net\nmore body one\nlast of one\f" +
		"intro two\nIndicators of Compromise\nevil.com\nmiddle\nlast of two\f" +
		"intro three\nbody\nmore\nIndicators of Compromise\nend of three\f" +
		"single top line\nfour\nfour b\nfour c\nend"
	if text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	if want := []string{"removed 4 running header/footer lines"}; !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

func TestNormalizePageNumbers(t *testing.T) {
	// A cover without a number, roman front matter, then arabic pages whose
	// printed number is two less than the page's position.
	pages := []string{
		"Cover\nTitle of the report",
		"Contents\nintro\nii",
		"Foreword\ntext\niii",
		"Chapter one\nbody\n1",
		"Chapter two\nbody\n2",
		"Table of counts\nIran\n42",
		"Chapter three\nbody\n4",
	}
	text, _, warnings := normalize(pages, true)
	// "42" on page 6 would be number 4 by the offset: it is table data.
	want := "Cover\nTitle of the report\fContents\nintro\fForeword\ntext\fChapter one\nbody\f" +
		"Chapter two\nbody\fTable of counts\nIran\n42\fChapter three\nbody"
	if text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	if want := []string{"removed 5 running header/footer lines"}; !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

func TestNormalizeNumberedListIsNotPageNumbers(t *testing.T) {
	// Code line numbers that run on across a page break share an offset
	// with the page position but come in groups: they stay.
	pages := []string{"intro\nlisting:\n1", "2\n3\n4\nmore", "text\nend", "a\nb"}
	text, _, warnings := normalize(pages, true)
	if want := "intro\nlisting:\n1\f2\n3\n4\nmore\ftext\nend\fa\nb"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	if warnings != nil {
		t.Errorf("warnings = %q, want none", warnings)
	}
}

func TestNormalizeUnpagedKeepsFurniture(t *testing.T) {
	in := reportPages(1, func(p int) string { return "Page 1 of 1" })
	text, _, warnings := normalize(in, false)
	if !strings.HasPrefix(text, "ACME Threat Report — 1\nTLP:CLEAR\n\n") || !strings.HasSuffix(text, "\n\nPage 1 of 1") {
		t.Errorf("unpaged text lost lines: %q", text)
	}
	if warnings != nil {
		t.Errorf("warnings = %q, want none", warnings)
	}
}

func TestExplicitPageNumber(t *testing.T) {
	for _, l := range []string{"Page 3", "page 3 of 12", "PAGE iv", "p. 7", "Pg. 2/9", "pg 5", "3 of 12", "3 / 12", "- 3 -", "— 12 —", "– ix –"} {
		if !explicitPageNumber(l) {
			t.Errorf("explicitPageNumber(%q) = false, want true", l)
		}
	}
	for _, l := range []string{"Pages", "page", "Page 3 of the report", "12 of 3", "pgp 2", "3", "3/12/2024", "- item -", "Mix", "1 of many"} {
		if explicitPageNumber(l) {
			t.Errorf("explicitPageNumber(%q) = true, want false", l)
		}
	}
}

func TestRomanValue(t *testing.T) {
	for s, want := range map[string]int{"i": 1, "iv": 4, "IX": 9, "xiv": 14, "MCMXCIV": 1994} {
		if v, ok := romanValue(s); !ok || v != want {
			t.Errorf("romanValue(%q) = %d, %v; want %d", s, v, ok, want)
		}
	}
	for _, s := range []string{"", "iiii", "IIV", "Iv", "civil", "dim", "ic", "MMMM"} {
		if v, ok := romanValue(s); ok {
			t.Errorf("romanValue(%q) = %d, want not a numeral", s, v)
		}
	}
}

func TestNormalizePageRanges(t *testing.T) {
	in := []string{"first page\n", "", " \n\t\n", "Page\u00a0four\r\nline", "ﬁve"}
	text, pages, _ := normalize(in, false)
	wantText := "first page\f\f\fPage four\nline\ffive"
	if text != wantText {
		t.Fatalf("text = %q, want %q", text, wantText)
	}
	want := []extractor.Page{{Number: 1, Start: 0, End: 10}, {Number: 2, Start: 11, End: 11},
		{Number: 3, Start: 12, End: 12}, {Number: 4, Start: 13, End: 27}, {Number: 5, Start: 28, End: 32}}
	if !reflect.DeepEqual(pages, want) {
		t.Fatalf("pages = %v, want %v", pages, want)
	}
	wantPages := []string{"first page", "", "", "Page four\nline", "five"}
	for i, p := range pages {
		if got := text[p.Start:p.End]; got != wantPages[i] {
			t.Errorf("page %d = %q, want %q", p.Number, got, wantPages[i])
		}
		if i > 0 && text[pages[i-1].End:p.Start] != string(extractor.PageSeparator) {
			t.Errorf("between pages %d and %d: %q, want a form feed", i, i+1, text[pages[i-1].End:p.Start])
		}
	}
}

func TestNormalizeNoPages(t *testing.T) {
	text, pages, warnings := normalize(nil, true)
	if text != "" || len(pages) != 0 || warnings != nil {
		t.Errorf("normalize(nil) = %q, %v, %v", text, pages, warnings)
	}
}

// idempotenceInputs are single pages that exercise every step.
var idempotenceInputs = []string{
	"ﬁle ＡＰＴ２８ mal\u00adware evil\u200b.com a\u00a0b\r\n“quoted” ‘x’ \ufffd",
	"infor-\nmation, cyber-\noffense and update-microsoft-\ncdn.com\n\n\n\nnext  para\t\tcell",
	"the state-\nment e-\nmail Anti-\nMalware pre-\nvious infor\u00ad\nmation",
	"infor-\nma-\ntion\n- item\nwait--\nthen -\nx",
	"ｆ\u200dｇ 👩\u200d💻 می\u200cخواهم \u1100\u00ad\n\u1161",
	"Page 1 of 1\nbody\n1",
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, paged := range []bool{false, true} {
		for _, in := range idempotenceInputs {
			once, _, _ := normalize([]string{in}, paged)
			twice, _, _ := normalize([]string{once}, paged)
			if once != twice {
				t.Errorf("paged=%v: normalize(%q) = %q, but normalising that gives %q", paged, in, once, twice)
			}
		}
	}
}

func TestNormalizeDeterministic(t *testing.T) {
	in := reportPages(9, func(p int) string { return fmt.Sprint(p) })
	in[3] += "\nthe infor-\nmation and long-\nterm plans, long-term"
	text, pages, warnings := normalize(in, true)
	for range 20 {
		t2, p2, w2 := normalize(in, true)
		if t2 != text || !reflect.DeepEqual(p2, pages) || !reflect.DeepEqual(w2, warnings) {
			t.Fatal("normalize gave different results for the same input")
		}
	}
}

// checkNormalized asserts the invariants every output must meet.
func checkNormalized(t *testing.T, in []string, text string, pages []extractor.Page) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	if len(pages) != len(in) {
		t.Fatalf("%d pages for %d inputs", len(pages), len(in))
	}
	prevEnd := -1
	for i, p := range pages {
		if p.Number != i+1 || p.Start > p.End || p.Start < 0 || p.End > len(text) {
			t.Fatalf("page %d: bad range %v in %d bytes", i+1, p, len(text))
		}
		if i == 0 && p.Start != 0 || i > 0 && (p.Start != prevEnd+1 || text[prevEnd] != extractor.PageSeparator) {
			t.Fatalf("page %d: %v does not follow the previous page and a separator", i+1, p)
		}
		if strings.ContainsRune(text[p.Start:p.End], extractor.PageSeparator) {
			t.Fatalf("page %d holds a page separator", i+1)
		}
		prevEnd = p.End
	}
	if len(pages) > 0 && prevEnd != len(text) {
		t.Fatalf("text runs on after the last page: %d of %d bytes", prevEnd, len(text))
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range idempotenceInputs {
		f.Add(s, false)
	}
	f.Add(strings.Join(reportPages(4, func(p int) string { return fmt.Sprint(p) }), "\x1e"), true)
	f.Add("we collected infor-\n\x1emation\x1e\x1e- 3 -\nPage ii", true)
	f.Add("a\xff\xfe\x1e\r\n\f\v\u2029x-\n\x1ey", false)
	f.Fuzz(func(t *testing.T, data string, paged bool) {
		// U+001E (record separator) splits the input into pages.
		in := strings.Split(data, "\x1e")
		text, pages, _ := normalize(in, paged)
		checkNormalized(t, in, text, pages)
		if len(in) == 1 && !paged {
			if again, _, _ := normalize([]string{text}, false); again != text {
				t.Fatalf("not idempotent: %q -> %q -> %q", data, text, again)
			}
		}
	})
}

// benchmarkReport is a synthetic report of about 1 MB: prose with curly
// quotes, indicators, a few hyphenated line ends, tables and running
// headers and footers on every page.
func benchmarkReport(unicode bool) []string {
	var pages []string
	for p := 1; p <= 60; p++ {
		var b strings.Builder
		fmt.Fprintf(&b, "ACME Threat Intelligence Report — %d\nTLP:CLEAR\n\n", p)
		for l := 0; l < 110; l++ {
			switch {
			case l%25 == 24:
				b.WriteString("Domain\tupdate-microsoft-cdn.com\t185.220.101.4\tC2\n")
			case l%17 == 16:
				b.WriteString("collection of infor-\nmation from the victims over several months, as noted before.\n")
			case l%11 == 10:
				b.WriteString("\n")
			case unicode && l%3 == 0:
				b.WriteString("The group known as “Fancy Bear” (APT28) targeted ministries in 2019–2020 with spear‑phishing.\n")
			default:
				b.WriteString("The actor deployed the X-Agent implant against government networks in Eastern Europe.\n")
			}
		}
		fmt.Fprintf(&b, "\nPage %d of 60\n", p)
		pages = append(pages, b.String())
	}
	return pages
}

func BenchmarkNormalize(b *testing.B) {
	for _, kind := range []struct {
		name    string
		unicode bool
	}{{"ascii", false}, {"unicode", true}} {
		pages := benchmarkReport(kind.unicode)
		size := 0
		for _, p := range pages {
			size += len(p)
		}
		b.Run(kind.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				normalize(pages, true)
			}
		})
	}
}

// BenchmarkNormalizeCorpus normalises the plain-text CTI reports of the
// shared AnnoCTR training cases: real prose, indicators and tables.
func BenchmarkNormalizeCorpus(b *testing.B) {
	dir := testenv.SharedDir(b, "data", "cases", "annoctr-train")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no .txt cases in %s: %v", dir, err)
	}
	var docs []string
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, d := range docs {
			normalize([]string{d}, false)
		}
	}
}
