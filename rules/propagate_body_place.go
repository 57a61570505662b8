package rules

import (
	"strings"

	"github.com/reportgraph/extractor"
)

// A body named after its province or city ("the Hubei State Security
// Department") is written further on as that place and a lower-case branch
// noun: "the Hubei office", "the Hubei bureau" (pack list
// rel_name_place_branch_nouns). Such a phrase is a mention of the body, not
// the place named on its own: spreadBodyPlaceShort gives the phrase the
// body's canonical name and drops the place's mention. Only "the" before,
// no "of" after ("the Hubei bureau of the MPS" is another body,
// core.government.place-branch-of), and only when one body of the document
// opens with that place.
func (d *docState) spreadBodyPlaceShort(added []cand, drop map[int]bool) []cand {
	heads := d.p.cti.namePlaceHeads
	if len(heads) == 0 {
		return added
	}
	var pr *propRule
	for pi := range d.p.propagate {
		if p := &d.p.propagate[pi]; p.intros == nil && p.types&maskOf(extractor.Government) != 0 {
			pr = p
			break
		}
	}
	if pr == nil {
		return added
	}
	type body struct {
		c         *cand
		canonical string
		ambiguous bool
	}
	var bodies map[string]*body // place, lower case → the body its name opens with
	for k := range d.acc {
		c := &d.acc[k]
		if c.hide || c.typ != extractor.Government || c.tokE-c.tokS < 2 {
			continue
		}
		end := d.gazPlaceEnd(c.start, c.end)
		if end < 0 {
			continue
		}
		place := strings.ToLower(oneSpace(d.text[c.start:end]))
		canonical := c.canonical
		if canonical == "" {
			canonical = oneSpace(d.text[c.start:c.end])
		}
		if bodies == nil {
			bodies = map[string]*body{}
		}
		if b := bodies[place]; b == nil {
			bodies[place] = &body{c: c, canonical: canonical}
		} else if !strings.EqualFold(b.canonical, canonical) {
			b.ambiguous = true
		}
	}
	if bodies == nil {
		return added
	}
	for k := range d.acc {
		l := &d.acc[k]
		if l.hide || l.typ != extractor.Location {
			continue
		}
		b := bodies[strings.ToLower(oneSpace(d.text[l.start:l.end]))]
		if b == nil || b.ambiguous {
			continue
		}
		s, e := int(l.tokS), int(l.tokE)
		si := d.sentOf[s]
		if s-1 < d.sentLo[si] || d.fold[s-1] != "the" || e >= d.sentHi(s) || !heads[d.fold[e]] ||
			startsUpper(d.tokText[e]) || (e+1 < d.sentHi(s) && d.fold[e+1] == "of") {
			continue
		}
		if overlapsAny(added, l.start, d.tokEnd[e]) || d.overlapsAccepted(l.end, d.tokEnd[e]) {
			continue
		}
		c := cand{start: l.start, end: d.tokEnd[e], rule: pr.idx, prio: pr.prio, typ: extractor.Government,
			subtype: b.c.subtype, canonical: b.canonical}
		if d.stopRule(&c) >= 0 {
			continue
		}
		drop[k] = true
		added = append(added, c)
	}
	return added
}
