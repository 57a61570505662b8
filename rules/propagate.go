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
	}
	var sources []source
	seen := map[string]bool{}
	for ai := range d.acc {
		c := &d.acc[ai]
		if c.hide || c.defanged {
			continue
		}
		if k := d.p.rules[c.rule].kind; k != KindPattern && k != KindAlias {
			continue
		}
		surface := d.text[c.start:c.end]
		if seen[surface] || !propagatable(surface) {
			continue
		}
		for pi := range d.p.propagate {
			if pr := &d.p.propagate[pi]; pr.types&maskOf(c.typ) != 0 {
				seen[surface] = true
				sources = append(sources, source{c, pr})
				break
			}
		}
	}
	var added []cand
	for _, s := range sources {
		surface := d.text[s.c.start:s.c.end]
		for off := 0; ; {
			i := strings.Index(d.text[off:], surface)
			if i < 0 {
				break
			}
			start := off + i
			end := start + len(surface)
			off = end
			if !d.freeOccurrence(start, end) || overlapsAny(added, start, end) {
				continue
			}
			c := cand{start: start, end: end, rule: s.pr.idx, prio: s.pr.prio, typ: s.c.typ,
				subtype: s.c.subtype, canonical: s.c.canonical}
			if d.stopRule(&c) >= 0 {
				continue
			}
			added = append(added, c)
		}
	}
	if len(added) == 0 {
		return
	}
	d.acc = append(d.acc, added...)
	sort.Slice(d.acc, func(a, b int) bool { return d.acc[a].start < d.acc[b].start })
	d.index()
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
