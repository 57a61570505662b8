package rules

import "strings"

// A subject pronoun right after a common noun, with a verb after it, opens
// a relative clause without "that" whose missing object is that noun:
// "Forest Blizzard, a crew it ties to Unit 26165", "indictments against five
// nationals it linked to APT41", "an attacker it believed was affiliated
// with X", "a hacker it described as tied to the MSS". What the clause
// links or describes is the noun, not the pronoun's antecedent (the vendor
// or agency that did the linking), so the pronoun is no end of a relation
// the clause states. The noun must follow a verb of its own sentence: a
// sentence that opens with an adverbial ("After infection it downloads
// X") has the pronoun as its subject; and time nouns ("Last year it
// targeted X", "For years they ...") open no such clause (list
// rel_contact_time_nouns). The verb after the pronoun must link, name or
// assess (list rel_contact_verbs: "ties", "described", "believed"): after
// "a loader it uses to deploy X" the pronoun is the actor, and stays.

// contactPronouns are the subject pronouns such a clause opens with.
var contactPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true}

// contactRelative reports whether the pronoun at token i is the subject of
// such a relative clause.
func (d *docState) contactRelative(i int) bool {
	if i <= 0 || i+1 >= len(d.fold) || !contactPronouns[d.fold[i]] {
		return false
	}
	si := d.sentOf[i]
	lo, hi := d.sentLo[si], d.sentHi(i)
	prev := i - 1
	if prev <= lo || d.sentOf[prev] != si {
		return false
	}
	if !isLowerWord(d.tokText[prev]) || d.p.cti.contactTimeNouns[d.fold[prev]] {
		return false
	}
	if p := d.pos(prev); p != "NN" && p != "NNS" {
		return false
	}
	j := i + 1
	if j < hi && d.pos(j) == "RB" {
		j++
	}
	if j >= hi || !d.p.cti.contactVerbs[d.fold[j]] {
		return false
	}
	return d.objectRelativeAfterVerb(lo, prev, i, hi)
}

// objectRelativeAfterVerb reports whether the pronoun at i, after the
// noun at prev, has a verb after it and a verb of the sentence [lo, hi)
// before prev. (A relative word, "X, which it described as a unit of Y",
// is left to the rules: the description is X's, and the copula reading
// already gives it to X.)
func (d *docState) objectRelativeAfterVerb(lo, prev, i, hi int) bool {
	j := i + 1
	if j < hi && d.pos(j) == "RB" {
		j++
	}
	if j >= hi || !strings.HasPrefix(d.pos(j), "VB") || d.pos(j) == "VBG" {
		return false
	}
	for t := lo; t < prev; t++ {
		if strings.HasPrefix(d.pos(t), "VB") {
			return true
		}
	}
	return false
}

// contactSource reports whether the one source span of a match is such a
// pronoun and every target comes after it: what the clause goes on to say.
// A target before the pronoun is the noun itself ("among the sectors it
// hits": the sectors are its victims) and stays.
func (d *docState) contactSource(srcs, tgts []capRec) bool {
	if len(srcs) != 1 || srcs[0].end-srcs[0].start != 1 || !d.contactRelative(srcs[0].start) {
		return false
	}
	for _, t := range tgts {
		if t.start < srcs[0].start {
			return false
		}
	}
	return true
}
