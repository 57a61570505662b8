package rules

import "github.com/reportgraph/extractor"

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

// The subject "it" later in such a sentence is the phrase too: in "A
// hacking crew ... has resumed its campaign, and in a handful of cases it
// gained entry to the systems of energy firms in Turkey, Symantec said" the
// crew got in, not Symantec, named the sentence before. Only when no name
// of an actor, body or code stands between the phrase and "it" (in "A crew that Symantec tracks
// says it ..." the pronoun may be the firm's) and "it" is no speaker's
// ("Symantec said it ..." is the speaker's).

// indefiniteOwner returns, for "its" or "their" (or the subject "it") at
// cap c, whether its sentence opens on such a phrase before it, and the
// actor that phrase stands for (acc index, or -1 for none).
func (d *docState) indefiniteOwner(c capRec) (int, bool) {
	if c.end-c.start != 1 {
		return -1, false
	}
	subjectIt := d.fold[c.start] == "it"
	if !possessivePronouns[d.fold[c.start]] && !subjectIt {
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
	if subjectIt && !d.itAfterIndefinite(head+1, c.start) {
		return -1, false
	}
	if d.indefiniteActorNPEnd(lo, head+1) == head+1 {
		return d.cataphorAntecedent(lo), true
	}
	return -1, true
}

// itAfterIndefinite reports whether the "it" at token i may stand for an
// indefinite phrase ending before token from: no name between them, and
// no verb of saying right before it (or before "that it").
func (d *docState) itAfterIndefinite(from, i int) bool {
	for t := from; t < i; t++ {
		if m := d.startM[t]; m >= 0 {
			switch d.acc[m].typ {
			case extractor.ThreatActor, extractor.Organization, extractor.Government, extractor.Campaign,
				extractor.Malware, extractor.Tool:
				return false
			}
		}
	}
	j := i - 1
	if j >= from && d.fold[j] == "that" {
		j--
	}
	if j < from {
		return true
	}
	for _, w := range d.p.cueWords.reporting {
		if d.fold[j] == w {
			return false
		}
	}
	return true
}
