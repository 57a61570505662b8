package rules

import "github.com/reportgraph/extractor"

// Plural appositions. An apposition rule reads the name right before its
// descriptor as its source: in "the indictment named Li Wen and Zhao Ming,
// two hackers that the Justice Department linked to APT27" that is Zhao
// Ming alone. A descriptor in the plural ("two hackers", "both employees
// of", "all former officers") describes the whole coordination before it,
// so the other members (sourceMembers: joined by "and", ", and" or "as
// well as") are sources too.

// pluralApposAfter reports whether the mention at span sp is followed by a
// comma and a plural descriptor: a number or "both"/"all" and a noun, or a
// plural noun after at most two modifiers.
func (d *docState) pluralApposAfter(sp extractor.Span) bool {
	k := d.accAt(sp)
	if k < 0 {
		return false
	}
	t := int(d.acc[k].tokE)
	hi := d.sentHi(t - 1)
	if t+1 >= hi || d.fold[t] != "," {
		return false
	}
	t++
	if numberWords[d.fold[t]] > 0 || d.fold[t] == "both" || d.fold[t] == "all" {
		return true
	}
	if determiners[d.fold[t]] {
		return false // "A and B, a firm that ...": one of them
	}
	for n := 0; n < 3 && t < hi && isLowerWord(d.tokText[t]); n, t = n+1, t+1 {
		if d.pos(t) == "NNS" {
			return true
		}
	}
	return false
}
