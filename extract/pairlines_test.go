package extract

import (
	"testing"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// sentencesOf splits text at ". " and ".\n" into sentences ending with
// their full stop, as the splitter would.
func sentencesOf(text string) []nlp.Sentence {
	var ss []nlp.Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			ss = append(ss, nlp.Sentence{Start: start, End: i + 1})
			start = i + 1
			for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
				start++
			}
			i = start - 1
		}
	}
	return ss
}

// A document without blank lines whose line breaks fall between sentences
// has one paragraph per line; a hard-wrapped one, or one with blank lines,
// keeps its blank-line paragraphs.
func TestLinesAreParagraphs(t *testing.T) {
	for _, c := range []struct {
		name   string
		text   string
		want   bool
		blocks []int
	}{
		{"one statement per line", "Alder is a group. It is based in Oslo.\nAlder used Birch.\nAlder targeted Cedar.",
			true, []int{0, 0, 1, 2}},
		{"paragraphs by blank lines", "Alder is a group.\nAlder used Birch.\n\nAlder targeted Cedar.",
			false, []int{0, 0, 1}},
		{"hard-wrapped", "Alder is a group that\nis based in Oslo. Alder used\nBirch. Alder targeted Cedar.",
			false, []int{0, 0, 0}},
		{"one line", "Alder is a group. Alder used Birch.", false, []int{0, 0}},
		{"two lines only", "Alder is a group.\nAlder used Birch.", false, []int{0, 0}},
	} {
		ss := sentencesOf(c.text)
		if got := linesAreParagraphs(c.text, ss); got != c.want {
			t.Errorf("%s: linesAreParagraphs = %v, want %v", c.name, got, c.want)
		}
		d := &pairDoc{res: &DocResult{Doc: &extractor.Document{Text: c.text}, Sentences: ss}}
		d.blocks()
		if len(d.block) != len(c.blocks) {
			t.Errorf("%s: %d sentences, want %d", c.name, len(d.block), len(c.blocks))
			continue
		}
		for i := range c.blocks {
			if d.block[i] != c.blocks[i] {
				t.Errorf("%s: blocks = %v, want %v", c.name, d.block, c.blocks)
				break
			}
		}
	}
}

// With the real sentence splitter: a hard-wrapped paragraph keeps its
// sentences across line breaks and is no one-line-per-paragraph document.
func TestLinesAreParagraphsSplitter(t *testing.T) {
	a, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	wrapped := "Kestrel Bear is a threat group that has targeted\ngovernment agencies in Norway since 2019. It used\n" +
		"the Birch backdoor against energy firms and\nhospitals. The group is based in Minsk.\nIt also hit banks in Oslo and the\nministry of finance."
	if linesAreParagraphs(wrapped, a.Analyze(wrapped)) {
		t.Error("a hard-wrapped paragraph read as one paragraph per line")
	}
	lines := "Kestrel Bear is a threat group.\nKestrel Bear used the Birch backdoor.\nKestrel Bear targeted Oslo."
	if !linesAreParagraphs(lines, a.Analyze(lines)) {
		t.Error("one statement per line not read as one paragraph per line")
	}
}
