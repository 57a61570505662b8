package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// Document propagation (kind: propagate). A report introduces a new name
// once, in a context a pattern recognises ("a cluster we track as Copper
// Heron", "the Copper Heron group"), and then uses the bare name everywhere
// else ("Copper Heron gained access ..."), where no pattern has context to
// go on. A propagate rule makes every other occurrence of the exact surface
// form of such a mention a mention of the same type, in the same document.
//
// Only mentions first found by context (pattern and alias rules) are
// propagated: a gazetteer name is found everywhere already. Only names that
// cannot be common words are propagated: several capitalised words ("Copper
// Heron") or one word whose shape is not that of an ordinary word (APT41,
// HERONLOAD, ShadowPad); never "Operators" or "Team". An occurrence must
// stand on token boundaries, overlap no other mention, and not be part of a
// longer capitalised run ("Copper Heron Labs" is another name).

// propRule is a compiled propagate rule.
type propRule struct {
	idx   int32
	prio  int
	types typeMask
}

// propagateRule compiles a propagate rule and returns its types for the
// rule listing.
func (c *compiler) propagateRule(r *rule) string {
	var types typeMask
	var names []string
	for _, t := range c.r.types {
		names = append(names, t.s)
		if t.s == "any" {
			types |= anyType
		} else {
			types |= maskOf(extractor.EntityType(t.s))
		}
	}
	c.p.propagate = append(c.p.propagate, propRule{idx: r.idx, prio: r.prio, types: types})
	return strings.Join(names, ",")
}

// propagateNames adds the propagated mentions of the document.
func (d *docState) propagateNames() {
	if len(d.p.propagate) == 0 || len(d.acc) == 0 {
		return
	}
	type source struct {
		c  *cand
		pr *propRule
		// shortOnly: a gazetteer name, found everywhere already, spreads
		// only its short name.
		shortOnly bool
	}
	var sources []source
	seen := map[string]bool{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.defanged {
			continue
		}
		k := d.p.rules[c.rule].kind
		shortOnly := k == KindGazetteer && c.typ == extractor.Organization
		if k != KindPattern && k != KindAlias && !shortOnly {
			continue
		}
		surface := d.text[c.start:c.end]
		if seen[surface] || !shortOnly && !propagatable(surface) {
			continue
		}
		for pi := range d.p.propagate {
			if pr := &d.p.propagate[pi]; pr.types&maskOf(c.typ) != 0 {
				seen[surface] = true
				sources = append(sources, source{c, pr, shortOnly})
				break
			}
		}
	}
	var added []cand
	for _, s := range sources {
		surface := d.text[s.c.start:s.c.end]
		var forms []string
		if !s.shortOnly {
			forms = append(forms, surface)
		}
		if s.c.typ == extractor.Organization {
			if short := companyShortName(surface); short != "" {
				forms = append(forms, short)
			}
		}
		for _, form := range forms {
			added = d.spread(added, s.c, s.pr, surface, form)
		}
	}
	if len(added) == 0 {
		return
	}
	d.acc = append(d.acc, added...)
	sort.Slice(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	d.index()
}

// spread adds a mention for every free occurrence of form, a surface of
// src or its short name, with src's type and canonical name (for a short
// name, the full surface when src names no other canonical).
func (d *docState) spread(added []cand, src *cand, pr *propRule, surface, form string) []cand {
	canonical := src.canonical
	if form != surface && canonical == "" {
		canonical = strings.Join(strings.Fields(surface), " ")
	}
	for off := 0; ; {
		i := strings.Index(d.text[off:], form)
		if i < 0 {
			break
		}
		start := off + i
		end := start + len(form)
		off = end
		if !d.freeOccurrence(start, end) || overlapsAny(added, start, end) {
			continue
		}
		if form != surface && !d.shortNameAt(start) {
			continue
		}
		c := cand{start: start, end: end, rule: pr.idx, prio: pr.prio, typ: src.typ,
			subtype: src.subtype, canonical: canonical}
		if d.stopRule(&c) >= 0 {
			continue
		}
		added = append(added, c)
	}
	return added
}

// shortNameAt reports whether a company's short name at start reads as a
// name: inside a sentence a capitalised word is one, but at its start it
// may be an ordinary word ("Check the logs" is no Check Point), so there it
// must be followed by a possessive or a verb in -s or -ed ("Integrity
// denied", "Integrity's servers").
func (d *docState) shortNameAt(start int) bool {
	s := sort.SearchInts(d.tokStart, start)
	if s > d.sentLo[d.sentOf[s]] {
		return true
	}
	if s+1 >= d.sentHi(s) {
		return false
	}
	next := d.tokText[s+1]
	if next == "'s" || next == "’s" {
		return true
	}
	return !startsUpper(next) && len(next) > 3 && (strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "s"))
}

// companySuffixWords end a company's name ("Integrity Technology Group",
// "Northwind Labs", "Contoso Co., Ltd.").
var companySuffixWords = map[string]bool{"group": true, "technology": true, "technologies": true, "co.": true,
	"co": true, "ltd": true, "ltd.": true, "limited": true, "inc": true, "inc.": true, "corporation": true,
	"corp.": true, "company": true, "labs": true, "holdings": true, "llc": true}

// genericNameWords are capitalised words that name no company alone.
var genericNameWords = map[string]bool{"china": true, "chinese": true, "beijing": true, "shanghai": true,
	"national": true, "global": true, "international": true, "security": true, "cyber": true, "digital": true,
	"united": true, "american": true, "new": true, "first": true, "general": true, "state": true, "the": true}

// companyShortName returns the first word of a company name that ends in a
// company word ("Integrity" of "Integrity Technology Group", "Northwind" of
// "Northwind Harbor Co., Ltd."), the word reports shorten such names to, or
// "" when the name has no such ending or its first word is too generic or
// short to stand alone. A first word that is a place ("Chengdu" of
// "Chengdu 404 Network Technology") is a location mention wherever it
// stands alone, so it never spreads (freeOccurrence).
func companyShortName(surface string) string {
	words := strings.Fields(strings.ReplaceAll(surface, ",", " "))
	if len(words) < 2 || !companySuffixWords[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	w := words[0]
	if utf8.RuneCountInString(w) < 5 || !startsUpper(w) || genericNameWords[strings.ToLower(w)] ||
		strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
		return ""
	}
	return w
}

// freeOccurrence reports whether text[start:end] starts and ends on token
// boundaries within one sentence, overlaps no accepted mention and is not
// glued to a neighbouring capitalised word.
func (d *docState) freeOccurrence(start, end int) bool {
	s := sort.SearchInts(d.tokStart, start)
	if s >= len(d.tokStart) || d.tokStart[s] != start {
		return false
	}
	e := sort.SearchInts(d.tokEnd, end)
	if e >= len(d.tokEnd) || d.tokEnd[e] != end || e < s || d.sentOf[e] != d.sentOf[s] {
		return false
	}
	if d.overlapsAccepted(start, end) {
		return false
	}
	// A capitalised word before is part of the name unless it opens the
	// sentence ("Later Copper Heron moved ...").
	if s-1 > d.sentLo[d.sentOf[s]] && startsUpper(d.tokText[s-1]) {
		return false
	}
	if e+1 < d.sentHi(e) && startsUpper(d.tokText[e+1]) {
		return false
	}
	return true
}

func overlapsAny(cs []cand, start, end int) bool {
	for i := range cs {
		if cs[i].start < end && start < cs[i].end {
			return true
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// nameConnectors may stand lower-case inside a multi-word name.
var nameConnectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "&": true}

// propagatable reports whether a surface form is safe to look for
// elsewhere: several words, each capitalised or a connector, or one word
// that is not shaped like an ordinary word.
func propagatable(surface string) bool {
	if strings.ContainsAny(surface, "\n\r\t") {
		return false
	}
	words := strings.Fields(surface)
	if len(words) == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	if unicode.IsLower(first) {
		// "i-Soon", "eBay": a lower-case start and a capital inside is
		// the shape of a brand, not of an ordinary word.
		return len(words) == 1 && len(surface) >= 4 && strings.IndexFunc(surface, unicode.IsUpper) > 0
	}
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	if len(words) > 1 {
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) || unicode.IsDigit(r) {
				continue
			}
			if i == len(words)-1 || !nameConnectors[w] {
				return false
			}
		}
		return true
	}
	// One word: at least two capitals, or a capital and a digit.
	upper, digit := 0, 0
	for _, r := range surface {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r):
			digit++
		}
	}
	return len(surface) >= 3 && (upper >= 2 || upper >= 1 && digit >= 1)
}
