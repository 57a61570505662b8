package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gap flags describe the whitespace before a token; the sentence splitter
// reads them. A token with no flag is glued to the one before it.
const (
	gapSpace   uint8 = 1 << iota // any whitespace
	gapNewline                   // exactly one line break
	gapPara                      // a blank line, a form feed or U+2029
)

// tokenizer turns text into tokens in one left-to-right pass. It works on
// whitespace-delimited chunks: leading openers and trailing punctuation are
// peeled off, the rest (the core) is kept whole when it looks like an
// indicator and otherwise split at internal punctuation and clitics.
type tokenizer struct {
	text  string
	toks  []Token
	gaps  []uint8
	gap   uint8 // flags for the next token emitted
	trail []int // starts of peeled trailing tokens, innermost last
}

// Tokenize splits text into tokens with byte offsets into text, exactly as
// Analyze does, without sentence boundaries. Rules use it to tokenize names
// (gazetteer entries, aliases) the same way as documents.
func Tokenize(text string) []Token {
	t := tokenizer{text: text}
	t.run()
	return t.toks
}

func (t *tokenizer) run() {
	text := t.text
	if est := len(text)/5 + 8; cap(t.toks) < est {
		// About one token per five bytes of CTI prose: sized once, not
		// grown by doubling from a smaller (pooled) buffer.
		t.toks = make([]Token, 0, est)
		t.gaps = make([]uint8, 0, est)
	}
	newlines := 0
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				switch c {
				case '\n':
					newlines++
				case '\f':
					t.gap |= gapPara
				}
				t.gap |= gapSpace
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				switch r {
				case '\u2028', '\u0085':
					newlines++
				case '\u2029':
					t.gap |= gapPara
				}
				t.gap |= gapSpace
				i += size
				continue
			}
		}
		if newlines == 1 {
			t.gap |= gapNewline
		} else if newlines > 1 {
			t.gap |= gapPara
		}
		newlines = 0
		j := chunkEnd(text, i)
		t.chunk(i, j)
		i = j
	}
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// chunkEnd returns the end of the run of non-space characters at i.
func chunkEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

func (t *tokenizer) emit(start, end int) {
	t.toks = append(t.toks, Token{Text: t.text[start:end], Start: start, End: end})
	t.gaps = append(t.gaps, t.gap)
	t.gap = 0
}

// chunk tokenizes text[lo:hi], a run without whitespace.
func (t *tokenizer) chunk(lo, hi int) {
	s := t.text
	chunkHi := hi
	for lo < hi {
		n := leadSplit(s[lo:hi])
		if n == 0 {
			break
		}
		t.emit(lo, lo+n)
		lo += n
	}
	t.trail = t.trail[:0]
	// The cap keeps pathological runs ("x)))))…") linear: unbalanced()
	// rescans the chunk, and what is left is split by core anyway.
	for hi > lo && len(t.trail) < maxTrail {
		n := t.trailSplit(lo, hi, chunkHi)
		if n == 0 {
			break
		}
		hi -= n
		t.trail = append(t.trail, hi)
	}
	t.core(lo, hi)
	// Trailing tokens were peeled from the outside in; emit them inside out.
	for k := len(t.trail) - 1; k >= 0; k-- {
		e := chunkHi
		if k > 0 {
			e = t.trail[k-1]
		}
		t.emit(t.trail[k], e)
	}
}

const maxTrail = 16

// leadSplit returns the byte length of a leading token to peel off s, or 0.
func leadSplit(s string) int {
	c := s[0]
	if c < utf8.RuneSelf {
		switch c {
		case '(', '[', '{', '<', '"', '`', ',', ';', '!', '?', '|':
			return 1
		case '\'':
			if len(s) > 1 && (isDigit(s[1]) || cliticAt(s, 0) == len(s)) {
				return 0 // '90s, or a lone clitic
			}
			return 1
		case ':':
			if len(s) > 1 && s[1] == ':' {
				return 0 // IPv6 "::1"
			}
			return 1
		case '*':
			// Markdown emphasis or a bullet; "*.exe" stays whole.
			k := 1
			for k < len(s) && s[k] == '*' {
				k++
			}
			if k < len(s) && s[k] != '.' && s[k] != '\\' {
				return k
			}
		case '$':
			if len(s) > 1 && isDigit(s[1]) {
				return 1 // $100 → $ 100, as Penn Treebank does
			}
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case '“', '‘', '«', '„', '‚', '—', '–', '•', '●', '▪', '◦', '‣', '■', '□', '►', '…', '（', '「', '『', '【', '£', '€':
		return size
	case '’':
		if cliticAt(s, 0) == len(s) {
			return 0
		}
		return size
	}
	return 0
}

// trailSplit returns the byte length of a trailing token to peel off
// text[lo:hi], or 0. chunkHi is the end of the whole chunk, used to look at
// what follows it.
func (t *tokenizer) trailSplit(lo, hi, chunkHi int) int {
	s := t.text[lo:hi]
	last := s[len(s)-1]
	if last < utf8.RuneSelf {
		switch last {
		case '.':
			k := len(s) - 1
			for k > 0 && s[k-1] == '.' {
				k--
			}
			if len(s)-k >= 2 {
				return len(s) - k // ellipsis "..." is one token
			}
			if abbrevKind(s[:len(s)-1], t.nextIsDigit(chunkHi)) != notAbbrev {
				return 0
			}
			return 1
		case ',', ';', '!', '?', '"', '\'', '`':
			return 1
		case ':':
			if len(s) >= 2 && s[len(s)-2] == ':' {
				return 0 // IPv6 "fe80::"
			}
			return 1
		case ')':
			return unbalanced(s, '(', ')')
		case ']':
			return unbalanced(s, '[', ']')
		case '}':
			return unbalanced(s, '{', '}')
		case '>':
			return unbalanced(s, '<', '>')
		case '%':
			if len(s) >= 2 && isDigit(s[len(s)-2]) {
				return 1
			}
		case '*':
			// Closing markdown emphasis: "EEZ*", "**Hashes**", "BRT.*" (the
			// full stop is peeled next); wildcards such as "HKCR\*" stay.
			k := len(s) - 1
			for k > 0 && s[k-1] == '*' {
				k--
			}
			if k == 0 || s[k-1] == '\\' || s[k-1] == '/' {
				return 0
			}
			if s[k-1] != '.' || k > 1 && s[k-2] != '\\' && s[k-2] != '/' && s[k-2] != '*' {
				return len(s) - k
			}
		}
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '”', '’', '»', '…', '—', '–', '）', '」', '』', '】', '。', '，', '、', '；', '：', '！', '？':
		return size
	case '®', '™', '℠', '©':
		// Trademark signs after a vendor's or product's name ("CrowdStrike®
		// Intelligence", "Counter Threat Unit™") are no part of the word, so
		// the name matches as written without them.
		if size < len(s) {
			return size
		}
	}
	return 0
}

// nextIsDigit reports whether the next non-space byte after i is a digit
// ("No. 5", "Vol. 3").
func (t *tokenizer) nextIsDigit(i int) bool {
	for i < len(t.text) && (t.text[i] == ' ' || t.text[i] == '\t' || t.text[i] == '\n') {
		i++
	}
	return i < len(t.text) && isDigit(t.text[i])
}

// unbalanced returns 1 when s has more closers than openers (so its last
// closer belongs to an enclosing bracket), else 0.
func unbalanced(s string, open, close byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case open:
			n++
		case close:
			n--
		}
	}
	if n < 0 {
		return 1
	}
	return 0
}

// core tokenizes what is left of a chunk after peeling: indicators stay one
// token; other words are split at internal punctuation and clitics.
func (t *tokenizer) core(lo, hi int) {
	if lo >= hi {
		return
	}
	s := t.text[lo:hi]
	if k := linkSplit(s); k > 0 && strings.IndexByte(s, '(') > 0 {
		// "Shathak](https://x)" or "Shathak(https://x)": the name before a
		// Markdown link target is a word of its own, the target an indicator.
		t.core(lo, lo+k)
		t.linkTarget(lo+k, hi)
		return
	}
	if indicatorLike(s) && !slashWords(s) {
		t.emit(lo, hi)
		return
	}
	start := 0
	for i := 0; i < len(s); {
		n := internalSep(s, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		t.word(lo+start, lo+i)
		t.emit(lo+i, lo+i+n)
		i += n
		start = i
	}
	t.word(lo+start, hi)
}

// word emits text[lo:hi] split before a clitic: "didn't" → "did" "n't",
// "China's" → "China" "'s".
func (t *tokenizer) word(lo, hi int) {
	if lo >= hi {
		return
	}
	if k := cliticSplit(t.text[lo:hi]); k > 0 {
		t.emit(lo, lo+k)
		t.emit(lo+k, hi)
		return
	}
	t.emit(lo, hi)
}

// internalSep returns the length of a separator token at s[i:] inside a
// non-indicator word, or 0.
func internalSep(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case ',':
			if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				return 0 // 1,000
			}
			return 1
		case ';', '"', '(', ')', '[', ']', '{', '}', '!', '?', '|':
			return 1
		case '/':
			return 1 // only reached in slashWords tokens ("APT33/Elfin")
		case '-':
			if i > 0 && s[i-1] != '-' && i+1 < len(s) && s[i+1] == '-' {
				// "word--word"; leading dashes stay on flags ("--help")
				k := i
				for k < len(s) && s[k] == '-' {
					k++
				}
				return k - i
			}
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == '–' && enDashHyphen(s, i, size) {
		return 0
	}
	switch r {
	case '“', '”', '«', '»', '…', '—', '–', '。', '，', '、', '；', '：', '！', '？', '（', '）', '「', '」', '『', '』', '【', '】':
		if size == len(s) {
			return 0
		}
		return size
	}
	return 0
}

// enDashHyphen reports whether the en dash at s[i:i+size] stands for a
// hyphen, as typesetting and PDF text often write it: between a letter and
// a lower-case letter ("non–governmental", "state–sponsored",
// "Beijing–based"), so the word is one token as with a hyphen. Between
// digits it is a range ("2019–2021"), before a capital a pairing
// ("Sino–US"): separate tokens.
func enDashHyphen(s string, i, size int) bool {
	if i == 0 || i+size >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+size:])
	return unicode.IsLetter(before) && unicode.IsLower(after)
}

// cliticSplit returns where a trailing clitic starts in w, or 0.
func cliticSplit(w string) int {
	n := len(w)
	if n < 3 || strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, 0xE2) < 0 {
		return 0 // no apostrophe, straight or curly
	}
	if n > 3 && strings.EqualFold(w[n-3:], "n't") && isLetter(w, n-3) {
		return n - 3
	}
	if n > 5 && strings.EqualFold(w[n-5:], "n’t") && isLetter(w, n-5) {
		return n - 5
	}
	for _, k := range []int{n - 2, n - 3, n - 4, n - 5} {
		if k <= 0 {
			continue
		}
		if cliticAt(w, k) == n && isLetterOrDigitBefore(w, k) {
			return k
		}
	}
	return 0
}

// cliticAt returns the end of a clitic ('s 're 've 'll 'd 'm, with ' or ’)
// starting at w[k], or -1. An opening quote ‘ typed for the apostrophe
// inside a word ("Trend Micro‘s June report") makes a possessive 's only.
func cliticAt(w string, k int) int {
	var rest string
	switch {
	case strings.HasPrefix(w[k:], "'"):
		rest = w[k+1:]
	case strings.HasPrefix(w[k:], "’"):
		rest = w[k+3:]
	case k > 0 && strings.HasPrefix(w[k:], "‘"):
		if rest = w[k+3:]; len(rest) > 0 && (rest[0] == 's' || rest[0] == 'S') {
			return k + 4
		}
		return -1
	default:
		return -1
	}
	for _, c := range []string{"s", "re", "ve", "ll", "d", "m"} {
		if len(rest) >= len(c) && strings.EqualFold(rest[:len(c)], c) {
			return len(w) - len(rest) + len(c)
		}
	}
	return -1
}

// indicatorLike reports whether s is a URL, path, e-mail, registry key or a
// defanged indicator, which must stay one token whatever it contains.
func indicatorLike(s string) bool {
	special := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '/', '\\', '@', '[', '(', '{':
			special = true
		}
	}
	if !special {
		return false
	}
	if strings.ContainsAny(s, "/\\@") {
		return true
	}
	for _, m := range defangMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// linkSplit returns where a link target starts in s when s is a word glued
// to a Markdown link ("Shathak](https://x/y)") or to a bracketed URL
// ("Shathak(https://x/y)"), else 0. Only targets that read as a URL or a
// path count, so "Foo_(bar)" inside a URL is never split.
func linkSplit(s string) int {
	for i := 1; i+1 < len(s); i++ {
		switch {
		case s[i] == ']' && s[i+1] == '(':
			if isLinkTarget(s[i+2:]) && !strings.Contains(s[:i], "://") {
				return i
			}
		case s[i] == '(' && s[i-1] != ']':
			if isLinkTarget(s[i+1:]) && !strings.ContainsAny(s[:i], "/\\@[(") {
				return i
			}
		}
	}
	return 0
}

// isLinkTarget reports whether s starts like a link target: a URL scheme
// (also defanged), a root-relative path or an in-page anchor.
func isLinkTarget(s string) bool {
	if len(s) > 0 && (s[0] == '/' || s[0] == '#') {
		return true
	}
	k := 0
	for k < len(s) && k < 10 && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	return k >= 3 && (strings.HasPrefix(s[k:], "://") || strings.HasPrefix(s[k:], "[:]//") || strings.HasPrefix(s[k:], "[://]"))
}

// linkTarget emits the rest of a Markdown link from text[lo] on: "](" or
// "(", the target as one token, and the closing ")" when there is one.
func (t *tokenizer) linkTarget(lo, hi int) {
	if t.text[lo] == ']' {
		t.emit(lo, lo+1)
		lo++
	}
	t.emit(lo, lo+1) // "("
	lo++
	end := hi
	if end > lo && t.text[end-1] == ')' && unbalanced(t.text[lo:end], '(', ')') == 1 {
		end--
	}
	if end > lo {
		t.emit(lo, end)
	}
	if end < hi {
		t.emit(end, hi)
	}
}

// slashWords reports whether s is words joined by slashes ("APT33/Elfin",
// "TCP/IP", "CMD/PowerShell"), which are split at the slashes: two to four
// parts, each starting with a letter, at least two characters long and made
// of letters, digits, '_' and '-', one of them holding a capital. URLs,
// paths ("/etc/passwd", "usr/bin"), dates ("1/2/2020"), CIDRs, "I/O",
// "and/or" and detection names ("JS/KopiLuwak") stay whole.
func slashWords(s string) bool {
	if k := strings.IndexByte(s, '/'); k > 0 && detectionPrefixes[strings.ToLower(s[:k])] {
		return false
	}
	parts := 0
	upper := false
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '/' {
			continue
		}
		part := s[start:i]
		start = i + 1
		parts++
		if parts > 4 || len(part) < 2 {
			return false
		}
		for j, r := range part {
			switch {
			case unicode.IsLetter(r):
				if unicode.IsUpper(r) {
					upper = true
				}
			case j == 0:
				return false
			case unicode.IsDigit(r) || r == '_' || r == '-':
			default:
				return false
			}
		}
	}
	return parts >= 2 && upper
}

// detectionPrefixes open antivirus detection names, which are one name
// with their platform or class ("JS/KopiLuwak", "Win32/Industroyer",
// "Trojan/Emotet").
var detectionPrefixes = map[string]bool{
	"js": true, "vbs": true, "win32": true, "win64": true, "w32": true, "w64": true, "linux": true, "osx": true,
	"macos": true, "msil": true, "android": true, "html": true, "php": true, "java": true, "ps": true,
	"unix": true, "elf": true, "w97m": true, "x97m": true, "o97m": true, "trojan": true, "backdoor": true,
	"worm": true, "virus": true, "ransom": true, "exploit": true, "hacktool": true, "riskware": true,
	"adware": true, "spyware": true, "trojandownloader": true, "trojandropper": true, "pws": true,
}

// defangMarkers are the bracketed forms analysts use to neutralise
// indicators: evil[.]com, user[at]example(.)com, hxxp[:]//.
var defangMarkers = []string{"[.]", "(.)", "{.}", "[:]", "[at]", "(at)", "[@]", "[dot]", "(dot)", "{dot}", "[DOT]", "[AT]"}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(w string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(w[:i])
	return unicode.IsLetter(r)
}

func isLetterOrDigitBefore(w string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(w[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
