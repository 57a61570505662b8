package extract

import (
	"strings"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/nlp"
)

// linesAreParagraphs reports whether a document's line breaks are its
// paragraph breaks: it has no blank line and no page break at all, at
// least two of its sentences follow one another across a line break, and
// sentences rarely run on over one (at most one for every four that end at
// a line's end, so hard-wrapped text does not qualify). Raw text exports,
// one-statement-per-line lists (ATT&CK procedure examples) and corpora
// that put one sentence on each line are written so; a report with
// paragraphs separates them by blank lines (docs/normalisation.md) and
// never qualifies. In such a document each line is a block of its own
// (blocks), so the relation model does not read two lines' statements as
// one paragraph about one subject.
func linesAreParagraphs(text string, ss []nlp.Sentence) bool {
	inner, ends := 0, 0
	for si := range ss {
		lo, hi := min(ss[si].Start, len(text)), min(ss[si].End, len(text))
		inner += strings.Count(strings.TrimRight(text[lo:hi], "\n"), "\n")
		if si == 0 {
			continue
		}
		gap := text[min(ss[si-1].End, len(text)):max(lo, min(ss[si-1].End, len(text)))]
		if strings.Contains(gap, "\n\n") || strings.ContainsRune(gap, extractor.PageSeparator) {
			return false
		}
		if strings.Contains(gap, "\n") {
			ends++
		}
	}
	return ends >= 2 && inner*4 <= ends
}
