package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shape maps each character of s to its class, for rules that match on the
// look of a word: upper-case letters become 'X', other letters 'x', digits
// 'd', anything else stays as it is. "Volt" → "Xxxx", "APT41" → "XXXdd",
// "i-Soon" → "x-Xxxx".
func Shape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(shapeOf(r))
	}
	return b.String()
}

// ShortShape is Shape with runs of one class collapsed, so words of any
// length compare equal: "Volt" → "Xx", "APT41" → "Xd", "i-Soon" → "x-Xx",
// "10.1.2.3" → "d.d.d.d".
func ShortShape(s string) string {
	var b strings.Builder
	last, first := rune(0), true
	for _, r := range s {
		c := shapeOf(r)
		if first || c != last {
			first = false
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

func shapeOf(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}
