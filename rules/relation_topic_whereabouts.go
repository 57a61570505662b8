package rules

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
		if d.p.cti.whereaboutsNouns[d.fold[t]] {
			return true
		}
	}
	return false
}
