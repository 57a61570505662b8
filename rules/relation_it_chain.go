package rules

import "github.com/reportgraph/extractor"

// pronounChainsToActor reports whether the pronoun "it", "they" or "them"
// at token tok, which found no actor in a pronoun's reach, continues a
// definite actor phrase of that reach: in "The company described the operators as state-sponsored.
// Its reporting says the group now goes through IT suppliers. Microsoft
// lists law firms among the sectors it hits" the report goes on about the
// actor it last named several sentences back, and "it" means that actor
// (the topic fallback the phrase itself takes), not nothing; in "The
// group's calling card is the telephone. Its members pose as staff whose
// names they found on LinkedIn. That is how they got into X" they are the
// group, not LinkedIn. Without such a phrase "it" never falls back: it may
// mean anything.
func (d *docState) pronounChainsToActor(tok, end int) bool {
	if end-tok != 1 || !chainPronouns[d.fold[tok]] {
		return false
	}
	si := int(d.sentOf[tok]) - antecedentSentences
	if si < 0 {
		si = 0
	}
	actorPhrase := maskOf(extractor.ThreatActor) | maskOf(extractor.Campaign)
	for t := d.sentLo[si]; t+1 < tok; t++ {
		if d.fold[t] != "the" || !isLowerWord(d.tokText[t+1]) || chainNotActor[d.fold[t+1]] {
			continue
		}
		if anaphorTypes[d.fold[t+1]] == actorPhrase {
			return true
		}
	}
	return false
}

var chainPronouns = map[string]bool{"it": true, "they": true, "them": true}

// chainNotActor are heads of anaphorTypes' actor phrases that often name
// something else after "the" ("the set of", "the activity of vendors").
var chainNotActor = map[string]bool{"set": true, "activity": true, "apt": true, "cluster": true}
