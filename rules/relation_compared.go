package rules

import "github.com/reportgraph/extractor"

// Compared mentions are no antecedents. A report that introduces its actor
// often compares it with another in the same sentence: "The group is
// tracked as Evil Eye, and its activity overlaps with a cluster Citizen Lab
// calls POISON CARP", "X resembles Y", "X, unlike Y, ...". The next
// sentence's "the group", "its victims" or "victims" go on about X, not
// about the cluster it was compared with, though that was named last. When
// the nearest antecedent of an anaphor follows a word of comparison in its
// sentence and a mention of the same slot types stands before that word in
// the same sentence, the anaphor means that one (relation_match.go,
// resolve).

// The words that introduce the actor another one is compared with are the
// pack list rel_comparison_words (vocab.go).

// comparisonReach is how many tokens before the compared mention the word
// of comparison may be ("overlaps with a cluster Citizen Lab calls X").
const comparisonReach = 8

// uncompared returns the mention an anaphor means instead of k when k is
// named as what another mention of the types in mask is compared with; k
// otherwise.
func (d *docState) uncompared(k int, mask typeMask, direct []extractor.Span) int {
	if k < 0 || mask == 0 {
		return k
	}
	a := &d.acc[k]
	lo := d.sentLo[d.sentOf[a.tokS]]
	cue := -1
	for j := int(a.tokS) - 1; j >= lo && j >= int(a.tokS)-comparisonReach; j-- {
		if d.p.cti.comparisonWords[d.fold[j]] && d.comparisonCue(j) {
			cue = j
			break
		}
		if d.fold[j] == "." || d.fold[j] == ";" {
			break
		}
	}
	if cue < 0 {
		return k
	}
	for k2 := k - 1; k2 >= 0 && int(d.acc[k2].tokS) >= lo; k2-- {
		c := &d.acc[k2]
		if int(c.tokE) > cue || c.hide || skipped(c, direct) {
			continue
		}
		if d.slotMask(c)&mask != 0 && maskOf(c.typ) == maskOf(a.typ) {
			return k2
		}
	}
	return k
}

// comparisonCue reports whether the word of comparison at token j compares
// ("overlaps with", "similar to", "distinct from", "unlike X"), rather than
// describing a noun ("a distinct group, APT41, broke into banks": APT41 is
// the clause's subject, compared with nothing).
func (d *docState) comparisonCue(j int) bool {
	if d.fold[j] == "unlike" {
		return true
	}
	if j+1 >= len(d.fold) {
		return false
	}
	switch d.fold[j+1] {
	case "with", "to", "from":
		return true
	}
	return false
}
