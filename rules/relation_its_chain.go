package rules

import extractor "github.com/reportgraph/extractor"

// possessiveChain returns the index in d.acc of the referent of "its" or
// "it" when an earlier definite anaphor of its own sentence ("the unit",
// "the company") already names one: in "The unit spied on navies, and the
// report named one of its officers, A" the officers are the unit's, not
// those of the vendor the sentence before named. It applies only when
// the sentence names, before the pronoun, no mention the slot allows (the
// nearest-mention and subjectOfIt rules decide then), and the anaphor's
// head must fit the slot ("the unit" a body, "the company" a firm), and
// its referent must lie within a pronoun's reach. -1 when no such anaphor
// is there; possessiveChainNone when that anaphor names nothing the slot
// takes.
func (rs *relState) possessiveChain(r *rule, c capRec, mask typeMask, order []typeMask, direct []extractor.Span) int {
	d := rs.d
	if c.end-c.start != 1 || !possessiveChainPronouns[d.fold[c.start]] || mask == 0 {
		return -1
	}
	lo := d.sentLo[d.sentOf[c.start]]
	// The nearest definite noun anaphor before the pronoun.
	for s := c.start - 2; s >= lo; s-- {
		if !definiteWords[d.fold[s]] {
			continue
		}
		for e := s + 2; e <= s+3 && e <= c.start; e++ {
			am, _, ok := d.isAnaphor(s, e)
			if !ok || am == anyType {
				continue
			}
			for t := lo; t < c.start; t++ {
				if mi := int(d.startM[t]); mi >= 0 && maskOf(d.acc[mi].typ)&mask != 0 && !d.isDirect(&d.acc[mi], direct) &&
					(am&mask == 0 || !d.agentOfObject(int(d.acc[mi].tokE), s)) {
					return -1
				}
			}
			if am&mask == 0 {
				// The nearest such anaphor names what the slot does not
				// take: "the company renamed the cluster X and assessed
				// that it was tied to Y" is about the cluster, not the
				// company further back.
				return possessiveChainNone
			}
			inner := capRec{slot: c.slot, start: s, end: e, bs: d.tokStart[s], be: d.tokEnd[e-1]}
			ep, ok := rs.resolve(r, inner, mask, order, "", direct)
			if !ok {
				// The anaphor names nothing the slot takes ("the
				// firm", an actor described as a company): nor does
				// the pronoun that goes with it.
				return possessiveChainNone
			}
			// The referent must be in the pronoun's own reach: a noun
			// anaphor that looked far back is too weak a link.
			k := d.accAt(ep.span)
			if k < 0 || int(d.sentOf[d.acc[k].tokS]) < int(d.sentOf[c.start])-antecedentSentences {
				return -1
			}
			return k
		}
	}
	return -1
}

// agentOfObject says whether the tokens [e, s) between the end of a
// mention and a definite noun anaphor are one finite verb that takes the
// anaphor as its object ("the Treasury sanctioned the firm", "the FBI has
// charged the company"): the mention acts on the anaphor's referent, and a
// later "its" in the sentence ("..., and two of its employees") goes with
// the object, as with the mention absent. A verb of saying or finding
// ("Microsoft said the unit ...") opens a clause of its own: not an object.
func (d *docState) agentOfObject(e, s int) bool {
	if e < s && (d.fold[e] == "has" || d.fold[e] == "have" || d.fold[e] == "had") {
		e++
	}
	if e+1 != s || !isLowerWord(d.tokText[e]) || speechVerbs[d.fold[e]] || sayingVerbs[d.fold[e]] || d.p.cti.findingVerbs[d.fold[e]] {
		return false
	}
	switch d.pos(e) {
	case "VBD", "VBZ", "VBP", "VBN":
		return true
	}
	return false
}

// possessiveChainNone is possessiveChain's answer when the sentence's
// anaphor names nothing the slot takes: the pronoun is refused.
const possessiveChainNone = -2

// possessiveChainPronouns are the singular pronouns possessiveChain reads.
var possessiveChainPronouns = map[string]bool{"its": true, "it": true}

// definiteWords open a definite noun anaphor.
var definiteWords = map[string]bool{"the": true, "this": true, "that": true}
