package rules

import "github.com/reportgraph/extractor"

// Anaphor chains. A report goes on about an actor with a noun phrase ("the
// group now goes through IT suppliers") and then a pronoun ("Microsoft
// lists ... among the sectors it hits"); the actor's name may then lie
// beyond a pronoun's reach (antecedentSentences) while the noun phrase,
// which reaches further (nounAntecedentSentences), does not. A pronoun
// that finds no antecedent in reach takes the antecedent of the nearest
// actor phrase in its reach ("the group", "the operators"; not another
// pronoun), when that phrase's antecedent is a type the slot allows.

// chainedAntecedent returns the index in d.acc of the antecedent of the
// nearest actor phrase within the pronoun's reach before the pronoun at cap
// c, with the phrase's text; -1 when there is none.
func (d *docState) chainedAntecedent(c capRec, reach int, mask typeMask, skip []extractor.Span) (int, string) {
	cues := d.p.relCues
	actor := maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign)
	if cues == nil || cues.anaphors == nil || mask&actor == 0 {
		return -1, ""
	}
	lo := 0
	if si := int(d.sentOf[c.start]) - reach; si > 0 {
		lo = d.sentLo[si]
	}
	var buf [4]int
	for s := c.start - 1; s >= lo; s-- {
		for _, e := range cues.anaphors.ends(d, s, d.sentHi(s), buf[:0]) {
			if e-s < 2 || e > c.start {
				continue // a pronoun, or a phrase that runs into the anaphor
			}
			m, ok := anaphorTypes[d.fold[e-1]]
			if !ok || m&actor == 0 {
				continue
			}
			k := d.antecedent(d.tokStart[s], s, nounAntecedentSentences, m&mask&actor, skip)
			if k < 0 {
				return -1, ""
			}
			return k, d.text[d.tokStart[s]:d.tokEnd[e-1]]
		}
	}
	return -1, ""
}
