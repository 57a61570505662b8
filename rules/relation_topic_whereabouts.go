package rules

import extractor "github.com/reportgraph/extractor"

// Where the attackers are. "There was evidence that the actors and their
// ransomware were in Russia", "the operators are in Iran": a place after
// "in" and a form of "be" whose subject is the attackers says where they
// sit, not whom they hit, however much the sentence speaks of attacks.
// "Victims were in Peru" keeps its place: the subject must hold an
// attacker noun.

// The attacker nouns are the pack list rel_whereabouts_nouns
// (core-vocabulary.yaml, vocab.go).

// beForms are the forms of "be" that link the attackers to their place.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "be": true}

// attackersWhereabouts reports whether the place list starting at token i
// follows "in" after a form of "be" whose subject, within the five tokens
// before it, holds an attacker noun: "the actors and their ransomware were
// in Russia".
func (d *docState) attackersWhereabouts(i int) bool {
	lo := d.sentLo[d.sentOf[i]]
	if i-2 < lo || d.fold[i-1] != "in" {
		return false
	}
	j := i - 2
	for j >= lo && (d.fold[j] == "still" || d.fold[j] == "likely" || d.fold[j] == "probably" || d.fold[j] == "based") {
		j--
	}
	if j < lo || !beForms[d.fold[j]] {
		return false
	}
	for t := j - 1; t >= lo && t >= j-5; t-- {
		if whereaboutsVictimNouns[d.fold[t]] {
			return false // "the group's victims have been in the Middle East": theirs
		}
		if d.p.cti.whereaboutsNouns[d.fold[t]] {
			return true
		}
	}
	return false
}

// whereaboutsVictimNouns head a subject whose place is the victims', even
// when an attacker noun owns them: in "the group's victims have primarily
// been in the Middle East" the victims are there, not the group.
var whereaboutsVictimNouns = map[string]bool{"victims": true, "victim": true, "targets": true, "target": true,
	"organizations": true, "organisations": true, "companies": true, "entities": true, "institutions": true,
	"customers": true, "clients": true, "users": true}

// Where the attackers sit is also the topic actor's seat. A located-in
// topic rule with seats (verbs of sitting: "working from", "based in")
// takes a place only after one of them whose subject, past auxiliaries and
// hedges, is an attacker noun: "the operators work from Minsk", "the
// group is believed to operate from Russia", "its operators are likely
// based in mainland China", "the people at the keyboards are probably
// working from Tehran"; or before a fronted participle's clause: "Based
// in Tehran, the crew ...". "Hackers targeted firms based in Ohio" says
// where the victims sit: the word before the verb must be the noun; and
// "Schneider Electric, the industrial group based in Rueil-Malmaison" is
// no attackers' (namedByApposition).

// seatHedges may stand between the attackers and their verb of sitting.
var seatHedges = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true, "to": true, "still": true, "likely": true, "probably": true,
	"primarily": true, "mostly": true, "largely": true, "mainly": true, "reportedly": true, "apparently": true,
	"all": true, "now": true, "believed": true, "thought": true, "assessed": true, "said": true, "understood": true,
	"appear": true, "appears": true, "appeared": true, "seem": true, "seems": true, "who": true, "that": true,
	"which": true, "also": true, "currently": true, "once": true, "evidently": true}

// attackersSeat reports whether the place list starting at token i says
// where the attackers sit: after "in" and a form of "be" (attackersWhereabouts)
// or after a verb of sitting of ps, as above.
func (d *docState) attackersSeat(ps *phraseSet, i int) bool {
	if d.attackersWhereabouts(i) {
		return true
	}
	j := d.phraseStartBefore(ps, i)
	if j < 0 && d.modifierBefore(i) {
		j = d.phraseStartBefore(ps, i-1) // "based in mainland China"
	}
	if j < 0 {
		return false
	}
	lo, hi := d.sentLo[d.sentOf[i]], d.sentHi(i)
	if j == lo {
		// "Based in Tehran, the crew ...": the clause after the comma.
		for t := i; t < hi && t < i+8; t++ {
			if d.fold[t] == "," {
				for u := t + 1; u < hi && u <= t+3; u++ {
					if d.p.cti.whereaboutsNouns[d.fold[u]] {
						return true
					}
				}
				return false
			}
		}
		return false
	}
	t := j - 1
	for t >= lo && seatHedges[d.fold[t]] {
		t--
	}
	return t >= lo && d.p.cti.whereaboutsNouns[d.fold[t]] && !d.namedByApposition(t)
}

// namedByApposition reports whether the noun at t heads an apposition to
// a name: "Schneider Electric, the French industrial group based in
// Rueil-Malmaison" sits there itself.
func (d *docState) namedByApposition(t int) bool {
	lo := d.sentLo[d.sentOf[t]]
	u := t - 1
	for u >= lo && u >= t-4 && d.fold[u] != "," {
		u--
	}
	return u-1 >= lo && d.fold[u] == "," && (d.cover[u-1] != 0 || capitalised(d.tokText[u-1]))
}

// phraseStartBefore returns where a phrase of ps that ends right before
// token i starts, in the same sentence, or -1.
func (d *docState) phraseStartBefore(ps *phraseSet, i int) int {
	lo := d.sentLo[d.sentOf[i]]
	for j := i - 1; j >= lo && j >= i-4; j-- {
		if ps.startsAt(d, j, i) {
			for _, e := range ps.ends(d, j, i, nil) {
				if e == i {
					return j
				}
			}
		}
	}
	return -1
}

// apposedBodyPlace reports whether the place at tokens [s, e) modifies the
// head of an apposition that describes the organisation or government body
// named right before it: in "an intrusion at MGM Resorts International, the
// Las Vegas company that runs the Bellagio" Las Vegas is where the victim
// sits (its located-in), not a target the text names.
func (d *docState) apposedBodyPlace(s, e int) bool {
	lo, hi := d.sentLo[d.sentOf[s]], d.sentHi(s)
	if s-3 < lo || e >= hi || d.fold[s-1] != "the" || d.fold[s-2] != "," {
		return false
	}
	if d.cover[s-3]&(maskOf(extractor.Organization)|maskOf(extractor.Government)) == 0 {
		return false
	}
	// The head noun follows the place: "the Las Vegas company", "the
	// Reno-based casino operator".
	return isLowerWord(d.tokText[e]) && !determiners[d.fold[e]] && d.fold[e] != "and" && d.fold[e] != "or"
}
