package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A company's short name in a gazetteer ("Lumen" for Lumen Technologies)
// often opens a longer name the gazetteer does not hold: a subsidiary, a
// translation, or the same company in other words ("Lumen Applied
// sciences" after a paraphraser). The short name must then neither stop
// short of the longer name nor rename it into the canonical one: when the
// text goes on with capitalised words other than the canonical name's own
// next word, the whole run is one organisation named as written.

// listCapitalizedStopwords names the pack list of capitalised words that
// are no part of a name ("The", "In", "Monday").
const listCapitalizedStopwords = "capitalized_stopwords"

// listCompanyProductNouns names the pack list of lower-case nouns that,
// right after a short name and capitalised words, show those words to name
// a product of the company ("Palo Alto GlobalProtect gateways", "Dell
// PowerEdge servers"), not a longer company name.
const listCompanyProductNouns = "company_product_nouns"

// maxLongerWords bounds the capitalised words that may extend a short name.
const maxLongerWords = 4

// canonicalWithoutFirst returns, when toks are canonical without its first token
// or a prefix of that, the first token folded and the token after toks
// folded ("" at the end).
func canonicalWithoutFirst(canonical []string, toks []string) (before, rest string) {
	if len(canonical) < len(toks)+2 {
		return "", ""
	}
	for i, t := range toks {
		if foldKey(t) != foldKey(canonical[i+1]) {
			return "", ""
		}
	}
	return foldKey(canonical[0]), foldKey(canonical[len(toks)+1])
}

// canonicalRest returns the folded token that follows name toks in the
// canonical name when toks are a strict prefix of it, else "".
func canonicalRest(canonical []string, toks []string) string {
	if len(canonical) <= len(toks) {
		return ""
	}
	for i, t := range toks {
		if foldKey(t) != foldKey(canonical[i]) {
			return ""
		}
	}
	return foldKey(canonical[len(toks)])
}

// longerName returns the end (exclusive token index) of the longer name
// that tokens from j on add to a short gazetteer name at [i, j) whose canonical name
// goes on with rest, or j when they add none. The run is of capitalised
// words (no stop word, no all-capitals word such as "CEO", no possessive),
// the first of them not rest; it may end in one lower-case plural noun
// right before punctuation ("Applied sciences,"), which title case would
// have capitalised. A run followed by a product noun of the pack list
// company_product_nouns ("servers", "gateways") names a product: no
// longer name.
func (d *docState) longerName(i, j, hi int, rest string) int {
	if j >= hi || d.fold[j] == rest || legalWord(d.fold[j]) {
		return j
	}
	// The short name must open the run of capitalised words: in "FireEye
	// iSIGHT Intelligence" it is the middle of another name.
	if i > d.sentLo[d.sentOf[i]] && d.capWord(i-1) {
		return j
	}
	return d.nameRun(j, hi, rest)
}

// nameRun returns the end (exclusive token index) of the capitalised words
// from j on that continue a name in other words than its canonical one
// (whose next folded token is rest), or j when there are none.
func (d *docState) nameRun(j, hi int, rest string) int {
	if j >= hi || rest != "" && d.fold[j] == rest || legalWord(d.fold[j]) {
		return j
	}
	k := j
	for k < hi && k-j < maxLongerWords && d.nameWord(k) {
		k++
	}
	if k == j || k < hi && d.productNoun(k) {
		return j
	}
	if end := d.synonymTail(k, hi); end > k {
		return end
	}
	if k < hi && d.pluralNounBeforePunct(k, hi) {
		k++
	}
	return k
}

// productNoun reports whether token k is a lower-case word of the list
// company_product_nouns.
func (d *docState) productNoun(k int) bool {
	r, _ := utf8.DecodeRuneInString(d.tokText[k])
	return unicode.IsLower(r) && d.p.productNouns[d.fold[k]]
}

// synonymTail returns the end of a rewriter's multi-word synonym whose
// first word is the capitalised token k-1 and whose rest the text writes
// in lower case from k on ("Applied sciences", "Software program" for
// Technologies and Software), or k when there is none: title case broke
// inside one name word.
func (d *docState) synonymTail(k, hi int) int {
	best := k
	for _, tail := range d.p.synTails[d.fold[k-1]] {
		end := k + len(tail)
		if end > hi || end <= best {
			continue
		}
		ok := true
		for m, w := range tail {
			t := d.tokText[k+m]
			if d.fold[k+m] != w || t != strings.ToLower(t) {
				ok = false
				break
			}
		}
		if ok {
			best = end
		}
	}
	return best
}

// nameWord reports whether token k can continue a company's name.
func (d *docState) nameWord(k int) bool {
	// A word that opens a gazetteer name ("Hainan" of "Hainan State
	// Security Department") starts the next name, not this one's rest; a
	// word that only could ("Cloud" of Cloud Hopper, before "Expertise")
	// does not.
	if d.gazNameAt(k) {
		return false
	}
	return d.capWord(k)
}

// gazNameAt reports whether a gazetteer name the text writes in full
// starts at token k.
func (d *docState) gazNameAt(k int) bool {
	found := false
	d.gazNamesAt(k, len(d.fold), func(*gazHit, int) bool {
		found = true
		return false
	})
	return found
}

// gazNamesAt calls yield with every gazetteer name the text writes in full
// from token k to a token before hi, and its end (exclusive token index),
// shortest first, until yield returns false.
func (d *docState) gazNamesAt(k, hi int, yield func(h *gazHit, end int) bool) {
	v := d.vent[k]
	if v == nil || v.gaz == nil {
		return
	}
	n := v.gaz
	for j := k + 1; j <= hi; j++ {
		for h := range n.hits {
			if n.hits[h].accepts(d, k) && !yield(&n.hits[h], j) {
				return
			}
		}
		if j >= hi || n.kids == nil {
			return
		}
		if n = n.kids[d.fold[j]]; n == nil {
			return
		}
	}
}

// capWord reports whether token k is a capitalised word of a name: no stop
// word, no all-capitals word such as "CEO", no possessive.
func (d *docState) capWord(k int) bool {
	t := d.tokText[k]
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) || d.p.capStop[d.fold[k]] || strings.ContainsAny(t, "'’") {
		return false
	}
	lower := 0
	for _, c := range t {
		if !unicode.IsLetter(c) && c != '-' && c != '&' {
			return false
		}
		if unicode.IsLower(c) {
			lower++
		}
	}
	return lower > 0
}

// pluralNounBeforePunct reports whether token k is a lower-case word of five
// letters or more ending in "s" that ends its clause.
func (d *docState) pluralNounBeforePunct(k, hi int) bool {
	t := d.tokText[k]
	if len(t) < 5 || !strings.HasSuffix(t, "s") {
		return false
	}
	for _, c := range t {
		if !unicode.IsLower(c) {
			return false
		}
	}
	if k+1 >= hi {
		return true
	}
	switch d.tokText[k+1] {
	case ",", ".", ";", ":", ")":
		return true
	}
	return false
}

// legalWord reports whether a folded token is a legal-form word ("Co",
// "Ltd", "Company"): a legal form after a short name is the canonical
// name's own ending in another spelling, which legal_forms.go handles.
func legalWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if _, ok := legalFormSpellings[w]; ok {
		return true
	}
	switch w {
	case "ltd", "co", "corp", "inc", "llc", "gmbh", "plc", "pty", "bv", "nv", "srl", "spa", "oy", "ab", "as", "kk":
		return true
	}
	return false
}

// descriptorTail returns the end (exclusive token index) of the capitalised
// company descriptors (the pack list company_stem_descriptors:
// "Communications", "Networks") that follow a company's gazetteer name
// ending at token j, or j: "Verizon Communications" is the company the
// gazetteer knows as Verizon, named in full. A descriptor followed by
// another capitalised word opens another name ("Acme Software Defender").
// (Company words such as "Group" and "Holdings" are the pattern
// core.organization.known-with-group's.)
func (d *docState) descriptorTail(j, hi int) int {
	v := d.p.cti
	k := j
	for k < hi && k-j < maxLongerWords && startsUpper(d.tokText[k]) && v.companyDescriptors[d.fold[k]] && !legalWord(d.fold[k]) {
		k++
	}
	if k > j && k < hi && d.capWord(k) {
		return j
	}
	return k
}

// legalNameRun returns the end (exclusive token index) of the capitalised
// words that a company's full gazetteer name of two words or more at [i, j)
// opens and that end its clause, or j: the company's registered name
// written out ("Najee Technology Hooshmand Fater, a firm in Iran"), often
// with a word of the known name in other words ("Najee Know-how Hooshmand
// Fater"). Cut short at the known name, the mention would rename the text's
// name into one it never writes. The run must end at punctuation: words
// that go on into a sentence ("Trend Micro Deep Security blocks it") name
// a product more often than the company. A legal form after a comma
// ("Acme Data Firm, Ltd.") is the company-suffix patterns' to take with
// the run.
func (d *docState) legalNameRun(i, j, hi int) int {
	if j-i < 2 {
		return j
	}
	k := d.longerName(i, j, hi, "")
	if k < hi && d.townEndsName(k, hi) && (k > j || i == d.sentLo[d.sentOf[i]] || !d.capWord(i-1)) &&
		(k+1 == hi || clauseEndPunct(d.tokText[k+1]) || isLowerWord(d.tokText[k+1])) {
		// "Afkar System Yazd, a firm based in Yazd", "Afkar System Yazd
		// and Najee Technology": the registered name ends in the
		// company's town, which ends the run of capitalised words (no
		// product's name ends so). A town that opens a longer name
		// ("Hainan State Security Department") is no name's end.
		return k + 1
	}
	// A lower-case plural at the end ("Acme Data Edge servers.") names the
	// company's products, not its registered name.
	// (A rewriter's lower-case synonym tail, "Applied sciences" of
	// Technologies, ends the name as a capitalised word would.)
	if k == j || k < hi && !clauseEndPunct(d.tokText[k]) || !d.capWord(k-1) && !d.synonymTailAt(k-1) {
		return j
	}
	if k+1 < hi && d.tokText[k] == "," && legalWord(d.fold[k+1]) {
		return j
	}
	return k
}

// townEndsName reports whether token k is a capitalised town of the
// location gazetteer (a one-word name of a city and nothing else).
func (d *docState) townEndsName(k, hi int) bool {
	if !d.capWord(k) {
		return false
	}
	town, other := false, false
	d.gazNamesAt(k, k+1, func(h *gazHit, end int) bool {
		if end == k+1 && placeLevel(d.p.rules[h.rule].id) == 1 {
			town = true
		} else {
			other = true
		}
		return true
	})
	return town && !other
}

// clauseEndPunct reports whether a token is punctuation that ends a name's
// clause or opens its apposition.
func clauseEndPunct(t string) bool {
	switch t {
	case ",", ".", ";", ":", "(", ")":
		return true
	}
	return false
}

// synonymTailAt reports whether token i, in lower case, is part of the rest
// of a rewriter's multi-word synonym whose first word is a capitalised token
// before it ("sciences" of "CyberOne Applied sciences", "laboratory" of
// "Citizen Research laboratory"): the `synonym_tail` token constraint, which
// lets a capitalised-name pattern read the name to its end as synonymTail
// does for gazetteer names.
func (d *docState) synonymTailAt(i int) bool {
	if len(d.p.synTails) == 0 || i <= 0 || i >= len(d.tokText) {
		return false
	}
	if t := d.tokText[i]; t != strings.ToLower(t) {
		return false
	}
	lo := d.sentLo[d.sentOf[i]]
	for j := i - 1; j >= lo && j >= i-maxSynonymTail; j-- {
		if startsUpper(d.tokText[j]) {
			return d.synonymTail(j+1, len(d.tokText)) > i
		}
	}
	return false
}

// maxSynonymTail bounds the lower-case rest of a synonym.
const maxSynonymTail = 3
