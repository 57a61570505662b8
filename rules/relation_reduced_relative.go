package rules

// A noun in apposition may carry a reduced relative clause of its own
// before the relative clause that says what the named thing did: in
// "described it as a successor to Red October, a campaign it had exposed in
// early 2013 that spied on embassies across eastern Europe" the spying is
// Red October's, and "it" (the vendor that exposed the campaign) is the
// subject of "had exposed" only.

// reducedRelativeMaxTokens bounds the apposition and its reduced clause.
const reducedRelativeMaxTokens = 14

// relativeAfterReduced returns the relative pronoun that follows a noun
// phrase in apposition opened by a determiner at the comma t and a reduced
// relative clause on its noun (a pronoun or a capitalised name, then a
// verb): ", a campaign it had exposed in early 2013 that". -1 when there is
// none.
func (d *docState) relativeAfterReduced(t, end int) int {
	if t+1 >= end || d.fold[t] != "," || !appositionDeterminers[d.fold[t+1]] {
		return -1
	}
	clause := false
	for j := t + 2; j < end && j <= t+1+reducedRelativeMaxTokens; j++ {
		f := d.fold[j]
		switch f {
		case ",", ".", ";", ":", "and", "or", "\"", "(", ")":
			return -1
		}
		if relativePronouns[f] {
			if clause && f != "whose" {
				return j
			}
			return -1
		}
		if !clause && d.reducedClauseSubject(j, end) {
			clause = true
		}
	}
	return -1
}

// reducedClauseSubject reports whether token j opens a reduced relative
// clause right after a common noun: a subject pronoun or a capitalised word
// after a lower-case noun, then a verb ("a campaign it had exposed", "the
// loader Kaspersky found").
func (d *docState) reducedClauseSubject(j, end int) bool {
	if j+1 >= end || !isLowerWord(d.tokText[j-1]) {
		return false
	}
	switch d.pos(j - 1) {
	case "NN", "NNS":
	default:
		return false
	}
	v := j + 1
	if !reducedSubjectPronouns[d.fold[j]] {
		if !startsUpper(d.tokText[j]) {
			return false
		}
		for v < end && v < j+4 && startsUpper(d.tokText[v]) {
			v++
		}
	}
	if v >= end || !isLowerWord(d.tokText[v]) {
		return false
	}
	return reducedAuxiliaries[d.fold[v]] || d.pos(v) == "VBD" || d.pos(v) == "VBZ" || d.pos(v) == "VBP"
}

var reducedSubjectPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true}

var reducedAuxiliaries = map[string]bool{"had": true, "has": true, "have": true, "was": true, "is": true}

// insideReducedRelative reports whether the source at token i is the subject
// of such a reduced clause, followed before the match's end by the relative
// pronoun of the clause on the noun: its verb is not the one the match
// read ("a campaign it had exposed in early 2013 that spied on A": "it"
// spied on nothing).
func (d *docState) insideReducedRelative(i, end int) bool {
	lo := d.sentLo[d.sentOf[i]]
	if i-1 < lo || !d.reducedClauseSubject(i, end) {
		return false
	}
	// the noun before is in an apposition opened by a determiner after a comma
	opened := false
	for k := i - 1; k >= lo && k >= i-1-appositionHeadWords; k-- {
		if appositionDeterminers[d.fold[k]] {
			opened = k-1 >= lo && d.fold[k-1] == ","
			break
		}
		if !isLowerWord(d.tokText[k]) {
			return false
		}
	}
	if !opened {
		return false
	}
	for k := i + 1; k < end; k++ {
		switch f := d.fold[k]; {
		case f == "," || f == "." || f == ";":
			return false
		case relativePronouns[f] && f != "whose":
			return true
		}
	}
	return false
}
