package rules

// An "it" that stands for nothing: "It was the first time London had
// blamed Beijing", "It is likely that the crew ...", "It is not known
// whether ...". Such an "it" holds the place of the clause after it and has
// no antecedent, so it is no end of a relation: in "APT31 hit
// parliamentarians. It was the first time London had ascribed an
// incident to Beijing" APT31 is not placed in Beijing.

// expletiveBe are the forms of "be" after an expletive "it".
var expletiveBe = map[string]bool{"is": true, "was": true, "'s": true, "be": true, "been": true}

// The words that make an "it" expletive are pack lists (core-vocabulary.yaml):
// rel_expletive_ordinals ("it was the first time ..."),
// rel_expletive_adjectives with a clause opener of rel_expletive_openers
// after them ("it is likely that ..."), and rel_expletive_to_adjectives,
// the only ones "to" may follow ("it is hard to detect"): after "likely",
// "known" or "certain" a "to" raises the subject ("It is known to target
// think tanks": "it" is the actor).

// expletiveIt reports whether "it" at token i stands for nothing.
func (d *docState) expletiveIt(i int) bool {
	if i >= len(d.fold) || d.fold[i] != "it" {
		return false
	}
	hi := d.sentHi(i)
	j := i + 1
	// "it is", "it was", "it has been", "it would be", "it is not"
	for n := 0; n < 2 && j < hi && (d.fold[j] == "has" || d.fold[j] == "had" || d.fold[j] == "would" ||
		d.fold[j] == "will" || d.fold[j] == "may" || d.fold[j] == "might"); n++ {
		j++
	}
	if j >= hi || !expletiveBe[d.fold[j]] {
		return false
	}
	j++
	for j < hi && (d.fold[j] == "not" || d.fold[j] == "also" || d.fold[j] == "still" || d.fold[j] == "now" ||
		d.fold[j] == "highly" || d.fold[j] == "very" || d.fold[j] == "far" || d.fold[j] == "more" || d.fold[j] == "less") {
		j++
	}
	if j >= hi {
		return false
	}
	// "the first time", "the first such attack": an ordinal and "time"
	v := &d.p.cti
	if (d.fold[j] == "the" || d.fold[j] == "a") && j+2 < hi && v.expletiveOrdinals[d.fold[j+1]] {
		return d.fold[j+2] == "time" || j+3 < hi && d.fold[j+3] == "time"
	}
	if j+1 >= hi {
		return false
	}
	if d.fold[j+1] == "to" {
		return v.expletiveToAdjs[d.fold[j]]
	}
	return v.expletiveAdjectives[d.fold[j]] && v.expletiveOpeners[d.fold[j+1]]
}

// expletiveEnd reports whether a match's source or target is an expletive
// "it".
func (d *docState) expletiveEnd(srcs, tgts []capRec) bool {
	for _, cs := range [2][]capRec{srcs, tgts} {
		for _, c := range cs {
			if c.end-c.start == 1 && d.expletiveIt(c.start) {
				return true
			}
		}
	}
	return false
}
