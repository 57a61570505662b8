package rules

// "Its" and "their" in a sentence that opens on an indefinite actor phrase
// belong to that phrase: in "A suspected Chinese hacking crew stepped up
// its spying on Taiwan, a report by Northwind says" the spying is the
// crew's, not that of a firm named before. The phrase means the actor a
// naming clause after it names ("Northwind tracks the crew as X",
// relation_cataphor.go); without one it names nobody, and neither does the
// pronoun. The phrase is read loosely here (an "a" or "an" opening the
// sentence, an actor noun of actorNPHeads within indefiniteOwnerTokens, no
// comma before it), since a loose reading only takes an antecedent away.

// indefiniteOwnerTokens bounds the words of such a phrase.
const indefiniteOwnerTokens = 8

// indefiniteOwner returns, for "its" or "their" at cap c, whether its
// sentence opens on such a phrase before it, and the actor that phrase
// stands for (acc index, or -1 for none).
func (d *docState) indefiniteOwner(c capRec) (int, bool) {
	if c.end-c.start != 1 || !possessivePronouns[d.fold[c.start]] {
		return -1, false
	}
	lo := d.sentLo[d.sentOf[c.start]]
	if !isIndefinite(d.fold[lo]) {
		return -1, false
	}
	head := -1
	for t := lo + 1; t < c.start && t <= lo+indefiniteOwnerTokens; t++ {
		if d.fold[t] == "," {
			break
		}
		if actorNPHeads[d.fold[t]] {
			head = t
			break
		}
	}
	if head < 0 {
		return -1, false
	}
	if d.indefiniteActorNPEnd(lo, head+1) == head+1 {
		return d.cataphorAntecedent(lo), true
	}
	return -1, true
}
