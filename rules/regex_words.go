package rules

import (
	"regexp"
	"regexp/syntax"
	"sort"
)

// A token regex that matches only a few words ("hacks?|breach(?:es)?",
// "Compromise|Attack|Intrusions?") is a word list to the anchoring of
// pattern rules (compiler.starts): a rule that starts at "the" or at any
// mention and needs such a word further on is tried only in sentences
// holding one. regexWords lists those words.

// maxRegexWords is the most words regexWords lists; a regex of more (a
// year, "\d\d") reads as no list.
const maxRegexWords = 64

// regexWords returns the folded forms (foldKey) of every token re matches
// when re (a token regex, anchored at both ends) matches a finite set of at
// most maxRegexWords strings, and nil otherwise. A case-insensitive part
// gives nil: Unicode case folding matches spellings ("K", the Kelvin
// sign, for "k") that the token's fold need not bring to the listed word.
func regexWords(re *regexp.Regexp) []string {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	words, ok := langOf(t.Simplify())
	if !ok || len(words) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if w == "" {
			return nil // an empty token: no word to anchor on
		}
		if k := foldKey(w); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// langOf lists the strings t matches, or reports false when they are too
// many, unbounded or not read exactly.
func langOf(t *syntax.Regexp) ([]string, bool) {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(t.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for k := 0; k+1 < len(t.Rune); k += 2 {
			for c := t.Rune[k]; c <= t.Rune[k+1]; c++ {
				if len(out) == maxRegexWords {
					return nil, false
				}
				out = append(out, string(c))
			}
		}
		return out, true
	case syntax.OpCapture:
		return langOf(t.Sub[0])
	case syntax.OpQuest:
		in, ok := langOf(t.Sub[0])
		if !ok || len(in) == maxRegexWords {
			return nil, false
		}
		return append(in, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, s := range t.Sub {
			in, ok := langOf(s)
			if !ok || len(out)+len(in) > maxRegexWords {
				return nil, false
			}
			out = append(out, in...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range t.Sub {
			in, ok := langOf(s)
			if !ok || len(out)*len(in) > maxRegexWords {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(in))
			for _, a := range out {
				for _, b := range in {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}
