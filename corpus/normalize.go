package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormalizeName is the matching key of a name, exactly as the reference
// scorer (../shared/tools/score.py, normalize_name) computes it, so figures
// from `extractor eval` and score.py agree: NFKC, full Unicode case folding,
// invisible format characters (category Cf: zero-width joiner, soft hyphen)
// dropped, whitespace collapsed, punctuation stripped at both ends, and a
// leading "the " dropped.
//
// It differs on purpose from extract.NormalizeName, the identity key of the
// extractor, which also unifies dashes and keeps '#' and '&': the scorer
// must not depend on the system it measures.
func NormalizeName(s string) string {
	s = cases.Fold().String(norm.NFKC.String(s))
	if strings.ContainsFunc(s, isFormat) {
		s = strings.Map(func(r rune) rune {
			if isFormat(r) {
				return -1
			}
			return r
		}, s)
	}
	s = stripEdges(strings.Join(strings.FieldsFunc(s, isPySpace), " "))
	if strings.HasPrefix(s, "the ") && utf8.RuneCountInString(s) > 4 {
		s = stripEdges(s[4:])
	}
	return s
}

func isFormat(r rune) bool { return unicode.Is(unicode.Cf, r) }

// isPySpace is Python's str.isspace: Go's White_Space plus the information
// separators U+001C..U+001F, which Python splits on too.
func isPySpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

// isEdgePunct: Unicode punctuation plus quote-like symbols that are not in a
// P category (grave, acute, diaeresis, modifier apostrophe).
func isEdgePunct(r rune) bool {
	return unicode.IsPunct(r) || r == '`' || r == '\u00b4' || r == '\u00a8' || r == '\u02bc'
}

func stripEdges(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return isEdgePunct(r) || isPySpace(r) })
}

// normType is score.py's norm_type: lower case, '_' and runs of spaces
// become one '-'.
func normType(t string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(t, "_", " ")), isPySpace), "-")
}
