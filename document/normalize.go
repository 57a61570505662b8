package document

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/reportgraph/extractor"
)

// normalize turns the raw text of each page into the document text: pages
// joined by extractor.PageSeparator, one Page range per input page (empty
// pages included) and warnings that carry counts only.
//
// The steps and their order are documented in docs/normalisation.md; keep
// the two in step. paged is true for formats with real pages (PDF): only
// there are running headers, footers and page numbers removed.
func normalize(pages []string, paged bool) (string, []extractor.Page, []string) {
	var warnings []string
	lines := make([][]string, len(pages))
	invalid := 0
	for i, p := range pages {
		clean, bad := cleanChars(p)
		invalid += bad
		lines[i] = splitFold(clean)
	}
	if invalid > 0 {
		warnings = append(warnings, fmt.Sprintf("replaced %s of invalid UTF-8 with U+FFFD", countNoun(invalid, "sequence")))
	}
	if paged {
		if n := removeFurniture(lines); n > 0 {
			warnings = append(warnings, fmt.Sprintf("removed %s", countNoun(n, "running header/footer line")))
		}
	}
	dehyphenate(lines)
	text, ranges := assemblePages(lines)
	return text, ranges, warnings
}

func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// assemblePages drops blank-line runs to a single blank line, trims blank lines
// at both ends of each page and joins the pages with form feeds.
func assemblePages(pages [][]string) (string, []extractor.Page) {
	size := 0
	for _, ls := range pages {
		for _, l := range ls {
			size += len(l) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	ranges := make([]extractor.Page, 0, len(pages))
	for i, ls := range pages {
		if i > 0 {
			b.WriteByte(extractor.PageSeparator)
		}
		start := b.Len()
		wrote, blank := false, false
		for _, l := range ls {
			if l == deletedLine {
				continue
			}
			if l == "" {
				blank = wrote
				continue
			}
			if wrote {
				b.WriteByte('\n')
				if blank {
					b.WriteByte('\n')
				}
			}
			b.WriteString(l)
			wrote, blank = true, false
		}
		ranges = append(ranges, extractor.Page{Number: i + 1, Start: start, End: b.Len()})
	}
	return b.String(), ranges
}

// cleanChars applies the character-level steps to one page: invalid UTF-8
// becomes U+FFFD, invisible and control characters go, Unicode spaces become
// a space, then NFKC. It returns the number of invalid sequences replaced.
func cleanChars(s string) (string, int) {
	if cleanASCII(s) {
		// Printable ASCII plus line breaks and tabs is already NFKC and has
		// nothing to map: the common case costs one scan.
		return s, 0
	}
	bad := 0
	if !utf8.ValidString(s) {
		bad = countInvalid(s)
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Mapping and NFKC can each expose work for the other (NFKC turns a
	// full-width letter next to a ZWJ into ASCII, after which the ZWJ is no
	// longer needed). Iterating to a fixed point keeps normalisation
	// idempotent; real text settles after one round.
	for range 4 {
		t := nfkc(mapRunes(s))
		if t == s {
			break
		}
		s = t
	}
	return s, bad
}

// nfkc is NFKC except for the trademark signs ™ and ℠, which NFKC spells
// out as letters glued to the name before them ("Trend Micro™" becomes
// "Trend MicroTM", "Kaspersky™" "KasperskyTM") so that no gazetteer name
// matches. Kept as signs, they are tokens of their own (nlp), and the name
// before them matches as written.
func nfkc(s string) string {
	const signs = "\u2122\u2120"
	if !strings.ContainsAny(s, signs) {
		return norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexAny(s, signs)
		if i < 0 {
			b.WriteString(norm.NFKC.String(s))
			return b.String()
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(norm.NFKC.String(s[:i]))
		b.WriteString(s[i : i+size])
		s = s[i+size:]
	}
}

func cleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
			return false
		}
	}
	return true
}

// countInvalid counts maximal runs of invalid UTF-8, the unit in which
// strings.ToValidUTF8 replaces them.
func countInvalid(s string) int {
	n, inRun := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !inRun {
				n++
			}
			inRun = true
		} else {
			inRun = false
		}
		i += size
	}
	return n
}

const (
	softHyphen = '\u00AD'
	zwnj       = '\u200C'
	zwj        = '\u200D'
)

// invisibleRune reports invisible characters that are always removed: they carry
// no text and split words and indicators ("evil\u200b.com").
func invisibleRune(r rune) bool {
	switch r {
	case '\u200B', // zero width space
		'\u2060',                               // word joiner
		'\uFEFF',                               // byte order mark / zero width no-break space
		'\u180E',                               // Mongolian vowel separator (a format character since Unicode 6.3)
		'\u2061', '\u2062', '\u2063', '\u2064': // invisible maths operators
		return true
	}
	return false
}

// unicodeSpace reports the space characters that become U+0020.
func unicodeSpace(r rune) bool {
	return r == '\u00A0' || r == '\u1680' || (r >= '\u2000' && r <= '\u200A') ||
		r == '\u202F' || r == '\u205F' || r == '\u3000'
}

// isLineBreak reports characters that end a line (before line splitting).
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == '\u0085' || r == '\u2028' || r == '\u2029'
}

// mapRunes does the per-character mapping described in docs/normalisation.md.
// Line breaks other than NEL, LS and PS are left for splitFold.
func mapRunes(s string) string {
	// Most text needs no change: find the first rune that might, and only
	// then start copying. ASCII runs are copied in bulk.
	i := 0
	for i < len(s) && (unmapped[s[i]] || !needsMapping(s, i)) {
		i++ // continuation bytes are unmapped: stepping by byte is safe
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	prev, _ := utf8.DecodeLastRuneInString(s[:i]) // last rune written
	if i == 0 {
		prev = 0
	}
	for i < len(s) {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			b.WriteString(s[i:j])
			prev = rune(s[j-1])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
			// kept; splitFold handles them
		case r == '\u0085' || r == '\u2028':
			r = '\n'
		case r == '\u2029':
			b.WriteByte('\n')
			r = '\n'
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			continue // other C0 and C1 controls, DEL
		case unicodeSpace(r):
			r = ' '
		case invisibleRune(r):
			continue
		case r == softHyphen:
			// A soft hyphen at the end of a line marks where a word was
			// broken; dehyphenate joins it. Anywhere else it is invisible.
			if !atLineEnd(s[i:]) {
				continue
			}
		case r == zwnj || r == zwj:
			next, _ := utf8.DecodeRuneInString(s[i:])
			if !joinerNeeded(prev, next) {
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// needsMapping reports whether the rune at s[i] may be changed by mapRunes.
func needsMapping(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c < 0x20 && !foldByte[c] || c == 0x7f
	}
	switch c {
	case 0xc2, 0xe1, 0xe2, 0xe3, 0xef:
		// Only these lead bytes start runes that mapRunes changes.
		r, _ := utf8.DecodeRuneInString(s[i:])
		return r < 0xa0 || unicodeSpace(r) || invisibleRune(r) || r == softHyphen ||
			r == zwj || r == zwnj || r == '\u2028' || r == '\u2029'
	}
	return false
}

// unmapped marks bytes that never start a rune mapRunes changes: printable
// ASCII, tabs and line breaks, continuation bytes and the lead bytes other
// than those needsMapping looks at.
var unmapped = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != 0x7f && c != 0xc2 && c != 0xe1 && c != 0xe2 && c != 0xe3 && c != 0xef || foldByte[c]
	}
	return t
}()

// atLineEnd reports whether rest starts with optional spaces and then a line
// break or the end of the page.
func atLineEnd(rest string) bool {
	for _, r := range rest {
		switch {
		case isLineBreak(r):
			return true
		case r == ' ' || r == '\t' || unicodeSpace(r) || invisibleRune(r):
		default:
			return false
		}
	}
	return true
}

// joinerNeeded keeps ZWJ/ZWNJ only between two non-ASCII characters that
// are not spaces or invisibles: there they shape scripts such as Persian or
// Devanagari and build emoji sequences. Next to ASCII they do nothing but
// hide words and indicators from matching.
func joinerNeeded(prev, next rune) bool {
	ok := func(r rune) bool {
		return r >= 0x80 && !unicodeSpace(r) && !invisibleRune(r) && !isLineBreak(r) &&
			r != zwj && r != zwnj && r != softHyphen && r != utf8.RuneError && !(r >= 0x80 && r < 0xa0)
	}
	return ok(prev) && ok(next)
}

// splitFold splits a page into lines (LF, CRLF, CR, FF and VT all end a
// line) and folds whitespace inside each line: a run of spaces becomes one
// space, a run holding a tab becomes one tab (tabs separate table cells);
// leading spaces and trailing spaces and tabs go, a leading tab stays (it
// marks an empty first cell). A line of only whitespace becomes empty.
func splitFold(s string) []string {
	var buf strings.Builder
	buf.Grow(len(s))
	ends := make([]int, 0, 1+len(s)/40)
	pending := byte(0) // 0, ' ' or '\t': whitespace seen but not yet written
	content := false   // the current line has a non-space byte
	for i := 0; i < len(s); {
		c := s[i]
		if !foldByte[c] {
			if pending == '\t' || (pending == ' ' && content) {
				buf.WriteByte(pending)
			}
			pending, content = 0, true
			j := i + 1
			for j < len(s) && !foldByte[s[j]] {
				j++
			}
			buf.WriteString(s[i:j])
			i = j
			continue
		}
		switch c {
		case ' ':
			if pending == 0 {
				pending = ' '
			}
		case '\t':
			pending = '\t'
		default: // a line break
			if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			ends = append(ends, buf.Len())
			pending, content = 0, false
		}
		i++
	}
	ends = append(ends, buf.Len())
	text := buf.String()
	lines := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		lines[i] = text[start:e]
		start = e
	}
	return lines
}

// foldByte marks the bytes splitFold acts on: spaces, tabs and line breaks.
var foldByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}
