package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/reportgraph/extractor/rules"
)

// NormalizeName is the identity key of a name: NFKC, case-folded, dashes and
// quotes unified, punctuation at both ends dropped, runs of spaces collapsed,
// and a leading "the " dropped. Two names with the same key are the same
// name; whether they are the same entity also depends on the type.
func NormalizeName(s string) string {
	if plainASCII(s) {
		s = strings.ToLower(s) // what rewriteName gives, without its walk
	} else {
		s = rewriteName(s)
	}
	out := strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '#' && r != '&' })
	out = strings.TrimPrefix(out, "the ")
	return out
}

// plainASCII reports whether rewriteName(s) is just s in lower case: s is
// ASCII (which NFKC leaves alone and which holds no format character),
// without a backquote, with single spaces between words. Most names
// Resolve normalises are such.
func plainASCII(s string) bool {
	return strings.IndexByte(s, '`') < 0 && rules.SingleSpaced(s)
}

// rewriteName is NormalizeName's rewrite of the characters: NFKC, one
// space for each run of white space (none at the ends), plain apostrophes
// and hyphens, no format characters, lower case.
func rewriteName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2018' || r == '\u2019' || r == '`' || r == '\u00b4':
			r = '\''
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2014' || r == '\u2212':
			r = '-'
		case unicode.Is(unicode.Cf, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Slug turns a normalised name into the readable part of an ID: letters and
// digits kept, everything else folded into single hyphens.
func Slug(normalized string) string {
	var b strings.Builder
	dash := false
	for _, r := range normalized {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// EntityID is the deterministic identifier of an entity: its type and the
// slug of its normalised canonical name, e.g. "threat-actor:volt-typhoon".
// Indicators keep their whole normalised value after the subtype
// ("indicator:url:http://a.example/x?y"), since a slug would make distinct
// URLs collide.
func EntityID(typ, subtype, name string) string {
	if typ == "indicator" {
		return typ + ":" + subtype + ":" + strings.ToLower(strings.TrimSpace(name))
	}
	return typ + ":" + Slug(NormalizeName(name))
}
