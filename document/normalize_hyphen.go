package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// De-hyphenation of words broken at line ends. See docs/normalisation.md
// for the rules and their order; the examples there are tests.

// deletedLine marks a line removed from a page (furniture, or a line whose only
// word moved up by a join). It cannot occur in a line: splitFold splits on
// form feeds. assemblePages skips it, unlike "", which is a paragraph break.
const deletedLine = "\f"

// keepPrefixes are words that, before a line-end hyphen, start a real
// compound ("self-signed", "state-sponsored") far more often than they are
// the first syllables of a longer word. Syllable-like prefixes ("pre", "pro",
// "co", "ex", "multi", "post", "inter") are left out on purpose: typesetters
// break "pre-vious", "ex-ample" and "multi-ple" there.
var keepPrefixes = map[string]bool{
	"cyber": true, "self": true, "non": true, "anti": true, "well": true, "state": true,
	"nation": true, "cross": true, "zero": true, "third": true, "open": true, "high": true,
	"low": true, "half": true, "all": true,
}

// joinSuffixes are word endings a typesetter leaves after a break; after a
// keep prefix they still mean one word ("state-ment", "high-ly").
var joinSuffixes = map[string]bool{
	"s": true, "es": true, "ed": true, "er": true, "ers": true, "est": true, "ing": true, "ings": true,
	"ly": true, "ment": true, "ments": true, "ness": true, "tion": true, "tions": true, "sion": true,
	"al": true, "ally": true, "able": true, "ible": true, "ous": true, "ive": true, "ity": true,
	"ities": true, "ize": true, "ized": true, "ise": true, "ised": true, "ism": true, "ist": true,
	"ists": true, "ence": true, "ance": true, "ful": true, "ship": true, "ward": true, "wards": true,
}

// maxJoins bounds the joins into one line. A word broken over more than
// four lines is not a word, and without a bound a hostile run of "ab-" lines
// would grow one line quadratically.
const maxJoins = 3

type hyphenKind int

const (
	noHyphen hyphenKind = iota
	softBreak
	hardBreak
)

// lineEndHyphen reports how line l ends and the line without that hyphen.
func lineEndHyphen(l string) (hyphenKind, string) {
	switch {
	case strings.HasSuffix(l, "\u00AD"):
		return softBreak, l[:len(l)-len("\u00AD")]
	case strings.HasSuffix(l, "-"):
		return hardBreak, l[:len(l)-1]
	case strings.HasSuffix(l, "\u2010"):
		return hardBreak, l[:len(l)-len("\u2010")]
	}
	return noHyphen, l
}

// joinPlan is what a line-end hyphen and the next line become.
type joinPlan struct {
	ok        bool
	keep      bool   // keep the hyphen ("cyber-offense") instead of dropping it
	hyphen    string // the hyphen as written
	body      string // the line without its final hyphen
	head      string // last word of body, leading brackets and quotes removed
	part      string // head after its last hyphen: "the" in "state-of-the"
	first     string // first word of the next line, moved up on a join
	rest      string // the rest of the next line
	formHyph  string // lower-cased evidence forms: "cyber-offense"
	formJoint string // and "cyberoffense"
	needsEv   bool   // the decision depends on evidence
}

// planJoin looks at a line ending in a hyphen and the line after it. It decides
// everything that does not need evidence from the rest of the document.
func planJoin(l, next string) joinPlan {
	kind, body := lineEndHyphen(l)
	p := joinPlan{body: body, hyphen: l[len(body):]}
	if kind == noHyphen || next == "" {
		return p
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return p // "- item", "• item", a leading tab: not a continuation
	}
	p.first, p.rest = next, ""
	if i := strings.IndexAny(next, " \t"); i >= 0 {
		p.first, p.rest = next[:i], strings.TrimLeft(next[i:], " \t")
	}
	if kind == softBreak {
		p.ok = true // a soft hyphen at a line end is a break by definition
		return p
	}
	if i := strings.LastIndexAny(body, " \t"); i >= 0 {
		p.head = body[i+1:]
	} else {
		p.head = body
	}
	p.head = strings.TrimLeft(p.head, "([{<\"'‘“«")
	last, _ := utf8.DecodeLastRuneInString(p.head)
	if p.head == "" || !(unicode.IsLetter(last) || unicode.IsDigit(last)) {
		return p // "foo -" or "(-": a dash, not a broken word
	}
	p.ok = true
	core := strings.TrimRight(p.first, ".,;:!?)]}>\"'’”»…")
	if hyphenIndicatorToken(p.head) || hyphenIndicatorToken(core) {
		p.keep = true // update-microsoft-cdn.com, evil-example.com/path, GUIDs
		return p
	}
	p.part = p.head
	if i := strings.LastIndexFunc(p.head, isHyphenRune); i >= 0 {
		_, size := utf8.DecodeRuneInString(p.head[i:])
		p.part = p.head[i+size:]
	}
	word := leadingLetters(p.first)
	p.formHyph = strings.ToLower(p.part + "-" + word)
	p.formJoint = strings.ToLower(p.part + word)
	p.needsEv = true
	return p
}

// heuristic decides a word-word break when the document offers no
// evidence: keep the hyphen for a one-letter first part ("e-mail"; hyphenation
// never leaves one letter), a capitalised second part ("Anti-Malware"), or a
// compound prefix or a head that is already hyphenated ("state-of-the-art"),
// unless the second part is a common word ending ("state-ment"); else join.
func (p joinPlan) heuristic() bool {
	if utf8.RuneCountInString(p.part) == 1 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(p.first)
	if unicode.IsUpper(first) {
		return true
	}
	compound := keepPrefixes[strings.ToLower(p.part)] || p.part != p.head
	return compound && !joinSuffixes[strings.ToLower(leadingLetters(p.first))]
}

// hyphenIndicatorToken reports tokens that are not plain words: anything with a
// digit or with the punctuation of domains, URLs, paths and e-mail addresses.
// Their hyphens are real and must survive.
func hyphenIndicatorToken(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			return true
		case strings.IndexByte("./:@_\\=?#%&~", c) >= 0:
			return true
		}
	}
	return false
}

func isHyphenRune(r rune) bool { return r == '-' || r == '\u2010' }

func leadingLetters(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// dehyphenate joins words broken at line ends, in place. On a join the
// rest of the broken word moves up to the first line and the rest of the
// next line stays where it was, so line structure (tables, indicator lists)
// survives. A word broken across a page break moves up to the earlier page.
func dehyphenate(pages [][]string) {
	evidence := collectEvidence(pages)
	var touched [][2]int
	for p := range pages {
		for i := range pages[p] {
			for joins := 0; joins < maxJoins; joins++ {
				l := pages[p][i]
				if l == "" || l == deletedLine {
					break
				}
				kind, body := lineEndHyphen(l)
				if kind == noHyphen {
					break
				}
				np, ni, ok := nextLine(pages, p, i)
				next := ""
				if ok {
					next = pages[np][ni]
				}
				pl := planJoin(l, next)
				if pl.ok && pl.needsEv {
					h, j := evidence[pl.formHyph], evidence[pl.formJoint]
					switch {
					case h > 0 || j > 0:
						pl.keep = h >= j
					default:
						pl.keep = pl.heuristic()
					}
				}
				if !pl.ok {
					if kind == softBreak {
						pages[p][i] = strings.TrimRight(body, " \t")
					}
					break
				}
				if pl.keep {
					pages[p][i] = body + pl.hyphen + pl.first
				} else {
					pages[p][i] = body + pl.first
				}
				if pl.rest == "" {
					pages[np][ni] = deletedLine
				} else {
					pages[np][ni] = pl.rest
				}
				if joins == 0 {
					touched = append(touched, [2]int{p, i})
				}
			}
		}
	}
	// A join can put characters next to each other that NFKC composes
	// (Hangul jamo, combining marks): renormalise the lines that changed.
	for _, t := range touched {
		if l := pages[t[0]][t[1]]; !cleanASCII(l) {
			pages[t[0]][t[1]] = nfkc(l)
		}
	}
}

// nextLine finds the line after line i of page p. Within a page that is the
// next line that was not deleted (possibly blank: a paragraph break). When
// only blank or deleted lines follow on the page, it is the first non-blank
// line of the next page.
func nextLine(pages [][]string, p, i int) (int, int, bool) {
	ls := pages[p]
	for j := i + 1; j < len(ls); j++ {
		if ls[j] == deletedLine {
			continue
		}
		if ls[j] != "" {
			return p, j, true
		}
		for k := j + 1; k < len(ls); k++ {
			if ls[k] != "" && ls[k] != deletedLine {
				return p, j, true // a blank line inside the page
			}
		}
		break
	}
	if p+1 < len(pages) {
		for j, l := range pages[p+1] {
			if l != "" && l != deletedLine {
				return p + 1, j, true
			}
		}
	}
	return 0, 0, false
}

// collectEvidence counts, over the whole document, the words that could
// decide the line-end hyphens present: for "cyber-" + "offense" it counts
// "cyber-offense" and "cyberoffense", as whole words, as parts of longer
// hyphenated words and as adjacent pairs of parts. Case is ignored. Nothing
// is scanned when no line ends in a hyphen between two words.
func collectEvidence(pages [][]string) map[string]int {
	want := map[string]int{}
	for p := range pages {
		for i, l := range pages[p] {
			if kind, _ := lineEndHyphen(l); kind != hardBreak {
				continue
			}
			np, ni, ok := nextLine(pages, p, i)
			if !ok {
				continue
			}
			if pl := planJoin(l, pages[np][ni]); pl.ok && pl.needsEv {
				want[pl.formHyph] = 0
				want[pl.formJoint] = 0
			}
		}
	}
	if len(want) == 0 {
		return want
	}
	// Most tokens cannot be wanted: a plain ASCII word is looked up only
	// when a wanted form has its first letter and its length.
	var lens [256]lengthSet
	for form := range want {
		lens[form[0]].add(len(form))
	}
	var buf []byte
	var hyphens []int
	for _, ls := range pages {
		for _, l := range ls {
			for i := 0; i < len(l); {
				if c := l[i]; c < utf8.RuneSelf && !asciiWordByte[c] || !tokenStart(l, i) {
					i++
					continue
				}
				start, plain := i, true
				for i < len(l) {
					if c := l[i]; c < utf8.RuneSelf {
						if !asciiWordByte[c] {
							break
						}
						plain = plain && c != '-'
						i++
						continue
					}
					r, size := utf8.DecodeRuneInString(l[i:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\u2010' {
						break
					}
					plain = false
					i += size
				}
				tok := l[start:i]
				for tok != "" && tok[0] == '-' {
					tok = tok[1:]
				}
				for tok != "" && tok[len(tok)-1] == '-' {
					tok = tok[:len(tok)-1]
				}
				if tok == "" {
					continue
				}
				if plain && !lens[lowerASCII(tok[0])].has(len(tok)) {
					continue
				}
				buf = buf[:0]
				for _, r := range tok {
					switch {
					case r == '\u2010':
						r = '-'
					case r < utf8.RuneSelf:
						r = rune(lowerASCII(byte(r)))
					default:
						r = unicode.ToLower(r)
					}
					buf = utf8.AppendRune(buf, r)
				}
				countForms(want, buf, &hyphens)
			}
		}
	}
	return want
}

// asciiWordByte marks the ASCII bytes of evidence tokens.
var asciiWordByte = func() (t [128]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-'
	}
	return t
}()

// tokenStart reports whether an evidence token may start at l[i].
func tokenStart(l string, i int) bool {
	if c := l[i]; c < utf8.RuneSelf {
		return asciiWordByte[c]
	} else if c < 0xc0 {
		return false // a continuation byte
	}
	r, _ := utf8.DecodeRuneInString(l[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u2010'
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lengthSet is a set of byte lengths; lengths past 63 share one slot.
type lengthSet uint64

func (s *lengthSet) add(n int)     { *s |= 1 << min(n, 63) }
func (s lengthSet) has(n int) bool { return s&(1<<min(n, 63)) != 0 }

// countForms adds one to every wanted form among the lower-cased token t, its
// hyphen-separated parts and its adjacent pairs of parts.
func countForms(want map[string]int, t []byte, hyphens *[]int) {
	bump := func(b []byte) {
		if _, ok := want[string(b)]; ok {
			want[string(b)]++
		}
	}
	bump(t)
	*hyphens = (*hyphens)[:0]
	for i, c := range t {
		if c == '-' {
			*hyphens = append(*hyphens, i)
		}
	}
	if len(*hyphens) == 0 {
		return
	}
	// parts are t[starts[k]:ends[k]]; a pair is t[starts[k]:ends[k+1]].
	ends := append(*hyphens, len(t))
	start, prevStart := 0, -1
	for _, e := range ends {
		bump(t[start:e])
		if prevStart >= 0 && !(prevStart == 0 && e == len(t)) {
			bump(t[prevStart:e]) // the pair, unless it is the whole token
		}
		prevStart, start = start, e+1
	}
}
