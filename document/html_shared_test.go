package document

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/internal/testenv"
)

// TestSharedHTMLPages reads every saved vendor page in ../shared: each must
// read as HTML with a title and text.
func TestSharedHTMLPages(t *testing.T) {
	dir := testenv.SharedDir(t, "data", "reports", "html")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(paths) == 0 {
		t.Fatalf("no *.html in %s", dir)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			doc, err := ReadFile(context.Background(), p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != extractor.FormatHTML {
				t.Errorf("format %q, want html", doc.Format)
			}
			if doc.Title == "" {
				t.Error("no title")
			}
			if len(strings.Fields(doc.Text)) < 200 {
				t.Errorf("only %d words of text", len(strings.Fields(doc.Text)))
			}
			t.Logf("engine=%s title=%q author=%q site=%q lang=%q published=%v warnings=%q words=%d",
				doc.Engine, doc.Title, doc.Author, doc.Site, doc.Language, doc.Published, doc.Warnings, len(strings.Fields(doc.Text)))
		})
	}
}

// articleBounds is our reading, by hand, of where the article of each
// saved page starts and ends: the first and last line of its body text as
// a browser shows it (title and dateline are metadata, not counted either
// way). Everything outside is boilerplate: navigation, labels, share and
// comment widgets, blog archive, footer.
var articleBounds = map[string]struct{ first, last string }{
	"Cobalt.html":       {"Introduction", "hxxps://95[.]142[.]39[.]109/vFGY"},
	"Frankenstein.html": {"This blog was authored by Danny Adamitis, David Maynor and Kendall McKay.", "droobox[.]online"},
}

// TestSharedHTMLKeepRate measures main-content extraction on the saved
// pages against an independent rendering (goquery text, line by line):
// at least 98% of article sentences must be in the output, and no
// boilerplate line may be.
func TestSharedHTMLKeepRate(t *testing.T) {
	dir := testenv.SharedDir(t, "data", "reports", "html")
	for name, bounds := range articleBounds {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := readHTML(context.Background(), raw, Options{})
			if err != nil {
				t.Fatal(err)
			}
			article, boiler := referenceLines(t, raw, bounds.first, bounds.last, ex.title)
			res := scoreExtraction(ex.pages[0], article, boiler)
			t.Logf("%s: kept %d/%d article sentences (%.1f%%), %d/%d boilerplate lines leaked",
				name, res.kept, res.sentences, res.keepRate(), len(res.leaks), res.boilerplate)
			for _, m := range res.missing {
				t.Logf("missing: %q", m)
			}
			if res.keepRate() < 98 {
				t.Errorf("keep rate %.1f%% < 98%%", res.keepRate())
			}
			for _, l := range res.leaks {
				t.Errorf("boilerplate leaked: %q", l)
			}
		})
	}
}

// referenceLines renders the page body with goquery (scripts and styles
// removed) and splits its lines into the article, between first and last
// inclusive, and the rest. Lines equal to the title, and lines found on
// both sides (a heading repeated in the archive), count for neither.
func referenceLines(t *testing.T, raw []byte, first, last, title string) (article, boiler []string) {
	t.Helper()
	q, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	q.Find("script, style, noscript, template").Remove()
	var lines []string
	for _, l := range strings.Split(q.Find("body").Text(), "\n") {
		if l = collapse(l); l != "" {
			lines = append(lines, l)
		}
	}
	start, end := -1, -1
	for i, l := range lines {
		if l == first && start < 0 {
			start = i
		}
		if l == last {
			end = i
		}
	}
	if start < 0 || end < start {
		t.Fatalf("article bounds %q..%q not found in the page", first, last)
	}
	inArticle := map[string]bool{}
	for _, l := range lines[start : end+1] {
		inArticle[l] = true
	}
	for i, l := range lines {
		switch {
		case l == collapse(title):
		case i >= start && i <= end:
			article = append(article, l)
		case !inArticle[l]:
			boiler = append(boiler, l)
		}
	}
	return article, boiler
}

type extractionScore struct {
	sentences, kept, boilerplate int
	missing, leaks               []string
}

func (s extractionScore) keepRate() float64 {
	if s.sentences == 0 {
		return 100
	}
	return 100 * float64(s.kept) / float64(s.sentences)
}

var sentenceSplit = regexp.MustCompile(`[.!?]["'”’)]?\s+`)

// scoreExtraction checks every sentence of the article lines against the
// output (white space collapsed), and every boilerplate line against the
// output's lines: a boilerplate line leaks when it is a line of the output
// or, if it has four words or more, appears anywhere in it.
func scoreExtraction(out string, article, boiler []string) extractionScore {
	var s extractionScore
	flat := collapse(out)
	for _, l := range article {
		for _, sent := range splitSentences(l) {
			s.sentences++
			if strings.Contains(flat, sent) {
				s.kept++
			} else {
				s.missing = append(s.missing, sent)
			}
		}
	}
	outLines := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		outLines[collapse(l)] = true
	}
	for _, l := range boiler {
		s.boilerplate++
		if outLines[l] || (len(strings.Fields(l)) >= 4 && strings.Contains(flat, l)) {
			s.leaks = append(s.leaks, l)
		}
	}
	return s
}

func splitSentences(line string) []string {
	var out []string
	prev := 0
	for _, m := range sentenceSplit.FindAllStringIndex(line, -1) {
		if s := strings.TrimSpace(line[prev:m[1]]); s != "" {
			out = append(out, s)
		}
		prev = m[1]
	}
	if s := strings.TrimSpace(line[prev:]); s != "" {
		out = append(out, s)
	}
	return out
}

// collapse folds all white space, no-break spaces included, to single
// spaces, as the comparison should not depend on layout.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\v'
	}), " ")
}
