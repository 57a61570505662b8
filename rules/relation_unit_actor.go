package rules

import (
	"github.com/reportgraph/extractor"
)

// Numbered units as actors. A military or intelligence unit with a number
// ("GRU Unit 26165", "PLA Unit 61398", "Military Unit 29155") is typed a
// government body, but a report that says the unit "hacked", "targeted" or
// "used" something is telling what a hacking team did: the unit is the
// actor. A rule slot that takes threat actors therefore also takes such a
// unit, named directly or through an anaphor ("the unit", "its officers").
// An anaphor takes a unit only when no threat actor is in its reach
// (unitAntecedent), and only a pronoun or a phrase ("its", "the unit"): a
// bare plural ("attackers defaced ...") names whoever did it, not the unit
// named before. A unit with a name but no number ("Digital Crimes Unit", a vendor's
// "Unit 42", typed an organisation) is not concerned.

// slotMask returns the types a mention may fill a rule slot as: its own,
// plus threat actor for a numbered government unit while the relation
// rules run (d.unitActors; entity and alias rules see the body's type).
func (d *docState) slotMask(c *cand) typeMask {
	m := maskOf(c.typ)
	if d.unitActors && c.typ == extractor.Government && d.isNumberedUnit(c) {
		m |= maskOf(extractor.ThreatActor)
	}
	return m
}

// isNumberedUnit reports whether the mention names a numbered unit.
func (d *docState) isNumberedUnit(c *cand) bool {
	return unitNumber.MatchString(d.entityKey(c))
}

// unitAntecedent returns the index in d.acc of the nearest numbered unit
// before byte offset at, no more than reach sentences before the sentence
// of token tok, or -1. An anaphor that means an actor falls back on it when
// no threat actor is in reach: a unit never outranks a named actor.
func (d *docState) unitAntecedent(at, tok, reach int, skip []extractor.Span) int {
	if !d.unitActors {
		return -1
	}
	for k := range d.mentionsBefore(at, int(d.sentOf[tok])-reach) {
		if c := &d.acc[k]; c.typ == extractor.Government && !skipped(c, skip) && d.isNumberedUnit(c) {
			return k
		}
	}
	return -1
}

// unitVictim reports whether a targets relation from source to target
// joins two numbered units, or an actor to a unit named as one of its kind:
// in "X should be kept apart from the better-known hacking outfits, Unit
// 26165 and Unit 74455" the units are actors compared, not victims.
func (d *docState) unitVictim(source, target extractor.Span) bool {
	if !d.unitActors {
		return false
	}
	t := d.accAt(target)
	if t < 0 || d.acc[t].typ != extractor.Government || !d.isNumberedUnit(&d.acc[t]) {
		return false
	}
	s := d.accAt(source)
	return s >= 0 && d.slotMask(&d.acc[s])&maskOf(extractor.ThreatActor) != 0
}
