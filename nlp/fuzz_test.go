package nlp

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkInvariants asserts what every caller relies on: sentences and tokens
// are ordered, disjoint, non-empty and point into text, tokens lie inside
// their sentence, and only whitespace falls between tokens (nothing is
// dropped).
func checkInvariants(t *testing.T, text string, sents []Sentence) {
	t.Helper()
	prevEnd := 0
	for si, s := range sents {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", si)
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d [%d,%d) does not span its tokens", si, s.Start, s.End)
		}
		for _, tok := range s.Tokens {
			if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("token %q [%d,%d) out of order or empty (previous end %d)", tok.Text, tok.Start, tok.End, prevEnd)
			}
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q at [%d,%d) but text there is %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			for _, r := range text[prevEnd:tok.Start] {
				if !unicode.IsSpace(r) {
					t.Fatalf("%q before token %q at %d was dropped", r, tok.Text, tok.Start)
				}
			}
			prevEnd = tok.End
		}
	}
	for rest := text[prevEnd:]; rest != ""; {
		r, size := utf8.DecodeRuneInString(rest)
		if !unicode.IsSpace(r) {
			t.Fatalf("trailing %q was dropped", rest)
		}
		rest = rest[size:]
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"", " ", "\f\n\n", handParagraph,
		"It didn't, however. hxxps://evil[.]com/a?b=c 1.2.3[.]4 user[at]example[.]com",
		"“Volt Typhoon” (Storm-0558)... $100 50% e.g., No. 5\nIndicators:\n10.1.2.3\n• evil.com",
		"\xff\xfe broken \xc3 utf8 \u2028 line \u2029 para \u00a0nbsp 中文。句子！",
		"'s ’ n't ' '' ((( ]]] ... -- — :: [.] (.)",
	} {
		f.Add(s)
	}
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := a.Analyze(text)
		checkInvariants(t, text, sents)
		toks := Tokenize(text)
		n := 0
		for _, s := range sents {
			n += len(s.Tokens)
		}
		if n != len(toks) {
			t.Fatalf("Tokenize gave %d tokens, Analyze %d", len(toks), n)
		}
		for i := range sents {
			a.Tag(&sents[i])
			for _, tok := range sents[i].Tokens {
				if tok.POS == "" {
					t.Fatalf("token %q left untagged", tok.Text)
				}
			}
		}
	})
}

// TestPathologicalRunsStayLinear feeds long runs of punctuation that a
// naive peeling loop rescans quadratically (minutes per input, so such a
// regression shows as a test timeout); it also checks the invariants there.
func TestPathologicalRunsStayLinear(t *testing.T) {
	for _, text := range []string{
		"x" + strings.Repeat(")", 200000),
		strings.Repeat("(", 200000) + "x",
		"x" + strings.Repeat(".,", 100000),
		strings.Repeat("a.", 100000),
		"\n" + strings.Repeat("word\n", 50000),
	} {
		checkInvariants(t, text, analyzer.Analyze(text))
	}
}
