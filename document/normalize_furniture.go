package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture: running headers, footers and page numbers of paged
// documents. They interrupt sentences that run across a page break and
// repeat names (a report title naming an actor) once per page, so they go
// before any later stage sees the text. See docs/normalisation.md.

// bandSize is how many non-empty lines at the top and at the bottom of a
// page may hold furniture.
const bandSize = 3

// bandLine is one line in the top or bottom band of a page.
type bandLine struct {
	page, line int
	top        bool
}

// removeFurniture deletes furniture lines in place and returns how many it
// removed.
func removeFurniture(pages [][]string) int {
	var band []bandLine
	for p, ls := range pages {
		var nonEmpty []int
		for i, l := range ls {
			if l != "" {
				nonEmpty = append(nonEmpty, i)
			}
		}
		for k, i := range nonEmpty {
			top := k < bandSize
			bottom := k >= len(nonEmpty)-bandSize
			if top {
				band = append(band, bandLine{p, i, true})
			}
			if bottom && !top {
				band = append(band, bandLine{p, i, false})
			}
		}
	}
	remove := make(map[bandLine]bool)
	runningHeaders(pages, band, remove)
	pageNumbers(pages, band, remove)
	for bl := range remove {
		pages[bl.page][bl.line] = deletedLine
	}
	return len(remove)
}

// runningHeaders marks lines that recur in the same band (top or bottom) on
// at least half of the pages and on at least three (on both pages of a
// two-page document: a body line that happens to open two pages of a short
// report is not furniture), comparing lines with
// every digit run replaced by '#'. The line must hold a letter (lines of
// only numbers and punctuation are left to pageNumbers, so a column of IP
// addresses is never taken for a header), and where the recurring lines
// differ their numbers must not decrease from page to page, as page numbers
// and dates in a running header do not.
func runningHeaders(pages [][]string, band []bandLine, remove map[bandLine]bool) {
	n := len(pages)
	if n < 2 {
		return
	}
	need := max(3, (n+1)/2)
	if n == 2 {
		need = 2
	}
	type group struct {
		lines []bandLine
		pages int
		last  int // page of the last occurrence, to count distinct pages
	}
	groups := make(map[string]*group)
	var order []string // keys in first-seen order, for a deterministic walk
	for _, bl := range band {
		l := pages[bl.page][bl.line]
		if !lineHasLetter(l) {
			continue
		}
		key := digitKey(l, bl.top)
		g := groups[key]
		if g == nil {
			g = &group{last: -1}
			groups[key] = g
			order = append(order, key)
		}
		g.lines = append(g.lines, bl)
		if g.last != bl.page {
			g.pages++
			g.last = bl.page
		}
	}
	for _, key := range order {
		g := groups[key]
		if g.pages < need || !numbersRise(pages, g.lines) {
			continue
		}
		for _, bl := range g.lines {
			remove[bl] = true
		}
	}
}

// digitKey is the line with each run of ASCII digits replaced by '#',
// prefixed by the band so headers and footers are counted apart.
func digitKey(l string, top bool) string {
	var b strings.Builder
	b.Grow(len(l) + 1)
	if top {
		b.WriteByte('T')
	} else {
		b.WriteByte('B')
	}
	inDigits := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= '0' && c <= '9' {
			if !inDigits {
				b.WriteByte('#')
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteByte(c)
	}
	return b.String()
}

func lineHasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// numbersRise reports whether, in page order, every digit run of the
// lines keeps its value or grows. Lines of one group share a key, so they
// have the same number of digit runs.
func numbersRise(pages [][]string, lines []bandLine) bool {
	var prev []string
	for _, bl := range lines {
		cur := digitRuns(pages[bl.page][bl.line])
		if prev != nil {
			for i := range cur {
				if compareNumbers(cur[i], prev[i]) < 0 {
					return false
				}
			}
		}
		prev = cur
	}
	return true
}

func digitRuns(s string) []string {
	runs := []string{}
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		runs = append(runs, s[i:j])
		i = j
	}
	return runs
}

// compareNumbers compares decimal digit strings of any length by value.
func compareNumbers(a, b string) int {
	a = strings.TrimLeft(a, "0")
	b = strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// pageNumbers marks page-number lines in the bands. Lines that say so
// ("Page 3", "Page 3 of 12", "3 of 12", "- 3 -") always go. A bare number
// ("3", "iv") goes only when the document's page numbering confirms it: its
// value minus the page's position must equal the offset shared by most bare
// numbers, seen on at least two pages and on a quarter of them, and it must
// be the only bare number in its band. That keeps a table whose last cell is
// a number at the foot of a page, and numbered code listings, intact.
func pageNumbers(pages [][]string, band []bandLine, remove map[bandLine]bool) {
	type bare struct {
		bl     bandLine
		offset int
		roman  bool
	}
	var bares []bare
	for _, bl := range band {
		if remove[bl] {
			continue
		}
		l := pages[bl.page][bl.line]
		if explicitPageNumber(l) {
			remove[bl] = true
			continue
		}
		if v, roman, ok := pageNumberValue(l); ok {
			bares = append(bares, bare{bl, v - (bl.page + 1), roman})
		}
	}
	// A page number stands alone: a band holding several bare numbers is a
	// numbered list or a code listing ("1", "2", "3"), not page furniture.
	perBand := map[[2]int]int{}
	for _, b := range bares {
		perBand[bandOf(b.bl)]++
	}
	kept := bares[:0]
	for _, b := range bares {
		if perBand[bandOf(b.bl)] == 1 {
			kept = append(kept, b)
		}
	}
	bares = kept
	if len(bares) == 0 {
		return
	}
	need := max(2, (len(pages)+3)/4)
	for _, roman := range []bool{false, true} {
		// Support is counted in distinct pages; ties go to the offset seen
		// first so the choice never depends on map order.
		support := map[int]int{}
		seen := map[[2]int]bool{}
		var order []int
		for _, b := range bares {
			if b.roman != roman || seen[[2]int{b.offset, b.bl.page}] {
				continue
			}
			seen[[2]int{b.offset, b.bl.page}] = true
			if support[b.offset] == 0 {
				order = append(order, b.offset)
			}
			support[b.offset]++
		}
		best, bestN := 0, 0
		for _, off := range order {
			if support[off] > bestN {
				best, bestN = off, support[off]
			}
		}
		if bestN < need {
			continue
		}
		for _, b := range bares {
			if b.roman == roman && b.offset == best {
				remove[b.bl] = true
			}
		}
	}
}

func bandOf(bl bandLine) [2]int {
	if bl.top {
		return [2]int{bl.page, 1}
	}
	return [2]int{bl.page, 0}
}

// explicitPageNumber matches lines that are page numbers by their form:
// "Page 3", "Page 3 of 12", "p. 3", "Pg 3/12", "3 of 12", "3 / 12" and
// "- 3 -" (hyphen, en or em dash). The numbers may be roman.
func explicitPageNumber(l string) bool {
	if len(l) > 40 {
		return false
	}
	s := strings.ToLower(l)
	for _, prefix := range []string{"page", "pg.", "pg", "p."} {
		rest, ok := strings.CutPrefix(s, prefix)
		if !ok || rest == "" {
			continue
		}
		if prefix[len(prefix)-1] != '.' && rest[0] != ' ' && !startsWithDigit(rest) {
			continue // a word such as "pages" or "pgp"
		}
		if numberOfTotal(strings.TrimLeft(rest, " "), true) {
			return true
		}
	}
	if numberOfTotal(s, false) {
		return true
	}
	for _, d := range []string{"-", "–", "—"} {
		if inner, ok := strings.CutPrefix(s, d); ok {
			if inner, ok = strings.CutSuffix(inner, d); ok {
				if _, _, ok := pageNumberValue(strings.TrimSpace(inner)); ok {
					return true
				}
			}
		}
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// numberOfTotal matches "N", "N of M" and "N / M" (N ≤ M). A lone N counts
// only when alone is true (after a "Page" prefix).
func numberOfTotal(s string, alone bool) bool {
	first, rest, _ := strings.Cut(s, " ")
	rest = strings.TrimSpace(rest)
	if a, b, ok := strings.Cut(s, "/"); ok && !strings.Contains(b, "/") {
		first, rest = strings.TrimSpace(a), "of "+strings.TrimSpace(b)
	}
	n, _, ok := pageNumberValue(first)
	if !ok {
		return false
	}
	if rest == "" {
		return alone
	}
	total, ok := strings.CutPrefix(rest, "of ")
	if !ok {
		return false
	}
	m, _, ok := pageNumberValue(strings.TrimSpace(total))
	return ok && n <= m
}

// pageNumberValue parses a bare page number: 1 to 4 ASCII digits, or a
// roman numeral in one case ("iv", "XII") up to 3999.
func pageNumberValue(s string) (int, bool, bool) {
	if s == "" || len(s) > 15 {
		return 0, false, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		if len(s) > 4 {
			return 0, false, false
		}
		v := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false, false
			}
			v = v*10 + int(s[i]-'0')
		}
		return v, false, true
	}
	if v, ok := romanValue(s); ok {
		return v, true, true
	}
	return 0, false, false
}

// romanValue parses a roman numeral written entirely in lower or upper case,
// in canonical form only, so words made of the letters ("mix", "dim", "civil")
// that are not well-formed numerals are refused.
func romanValue(s string) (int, bool) {
	if s == "" || !utf8.ValidString(s) {
		return 0, false
	}
	upper := strings.ToUpper(s)
	if s != upper && s != strings.ToLower(s) {
		return 0, false
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(upper); i++ {
		v, ok := vals[upper[i]]
		if !ok {
			return 0, false
		}
		if i+1 < len(upper) && vals[upper[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != upper {
		return 0, false
	}
	return total, true
}

func toRoman(v int) string {
	syms := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
		{50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, s := range syms {
		for v >= s.v {
			b.WriteString(s.s)
			v -= s.v
		}
	}
	return b.String()
}
