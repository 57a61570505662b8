package rules

import "github.com/reportgraph/extractor"

// A located-in match whose place follows its source inside one noun
// phrase — "X in Y", "X in the city of Y" — states where X is as part of
// naming it: "the Russian embassy in Berlin rejected the accusations",
// "neither the ministry nor the Chinese embassy in New Delhi responded",
// "the group did not reach Acme in Lyon". The clause around it may deny
// what X did, not where X is, so such a match reads its negation and hedge
// cues from its own words only, like an apposition.

// The source must be a body (an organisation or a government body): "the
// energy sector in Europe" names where a sector was hit, which a denial
// ("no evidence that they targeted the energy sector in Europe") denies
// too. And it must head its noun phrase: in "North Korea's mission to the
// United Nations in New York" the place is the mission's.

// innerPlaceLinks are the words that may stand between the source and the
// place of such a match.
var innerPlaceLinks = map[string]bool{"in": true, "the": true, "city": true, "of": true}

// innerPlaceHeads are the prepositions that make the source the object of
// a longer noun phrase, whose head the place may describe instead.
var innerPlaceHeads = map[string]bool{"of": true, "to": true, "for": true, "at": true, "with": true, "from": true}

// innerPlace reports whether a located-in match of r has one source and
// one target, the target right after the source behind "in" (and
// "the", "the city of"); then it returns the tokens [s, e) from the
// source's start to the target's end.
func (d *docState) innerPlace(r *rule, srcs, tgts []capRec) (s, e int, ok bool) {
	if r.rel.typ != "located-in" || len(srcs) != 1 || len(tgts) != 1 {
		return 0, 0, false
	}
	src, tgt := srcs[0], tgts[0]
	if src.end >= tgt.start || tgt.start-src.end > 4 || d.fold[src.end] != "in" {
		return 0, 0, false
	}
	if m := d.mentionAt(src.bs, src.be); m == nil || (m.typ != extractor.Organization && m.typ != extractor.Government) {
		return 0, 0, false
	}
	if p := d.tokenBefore(src.start); p >= 0 {
		if d.fold[p] == "the" {
			p = d.tokenBefore(p)
		}
		if p >= 0 && innerPlaceHeads[d.fold[p]] {
			return 0, 0, false
		}
	}
	for t := src.end + 1; t < tgt.start; t++ {
		if !innerPlaceLinks[d.fold[t]] || d.fold[t] == "in" {
			return 0, 0, false
		}
	}
	return src.start, tgt.end, true
}

// A state's embassy or consulate sits abroad: "Russia's embassy in
// Berlin", "the Chinese embassy" are the state's (part-of, by the
// possessive and name-place rules) but not in it. A located-in match whose
// place opens the body's own mention or stands before it as a possessor
// ("Russia's embassy") is dropped when the body's head is one of the
// envoy heads (pack list rel_name_place_body_heads).

// envoyHome reports whether located-in match of r relates an embassy or a
// consulate to the state named before its head.
func (d *docState) envoyHome(r *rule, srcs, tgts []capRec) bool {
	if r.rel.typ != "located-in" || len(srcs) != 1 || len(tgts) != 1 || tgts[0].start >= srcs[0].end {
		return false
	}
	m := d.mentionAt(srcs[0].bs, srcs[0].be)
	if m == nil || m.typ != extractor.Government {
		return false
	}
	for t := int(m.tokS); t < int(m.tokE); t++ {
		if d.p.cti.namePlaceBodies[d.fold[t]] {
			return true
		}
	}
	return false
}
