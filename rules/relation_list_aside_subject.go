package rules

// A list member described between commas and then followed by a verb is
// the subject of a clause of its own, not one more victim: in "hackers are
// targeting their research departments, and the VDA, the industry
// association of German carmakers, has urged its members to ..." the VDA
// urges. memberEnds sees only the comma after the member; this looks past
// the aside (an apposition opened by a determiner, or a relative clause)
// to the word after its closing comma.

// asideSubjectMaxTokens bounds the aside asideThenVerb passes over.
const asideSubjectMaxTokens = 14

// asideThenVerb reports whether the comma at token t opens an aside
// (", the industry association of German carmakers," or ", which ...,")
// that a comma closes right before a finite verb or an auxiliary: the
// member before t is then a clause's subject.
func (d *docState) asideThenVerb(t, hi int) bool {
	if t+1 >= hi || d.fold[t] != "," || !asideOpeners[d.fold[t+1]] {
		return false
	}
	for c := t + 2; c < hi && c <= t+1+asideSubjectMaxTokens; c++ {
		switch d.fold[c] {
		case ".", ";", ":", "(", ")", "and", "or":
			return false
		case ",":
			v := c + 1
			// an adverb between: ", has also urged", ", in turn, warned"
			if v < hi && (d.fold[v] == "also" || d.fold[v] == "later" || d.fold[v] == "since" || d.fold[v] == "meanwhile") {
				v++
			}
			if v >= hi || !isLowerWord(d.tokText[v]) {
				return false
			}
			if asideAuxiliaries[d.fold[v]] {
				return true
			}
			switch d.pos(v) {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
			return false
		}
	}
	return false
}

// asideAuxiliaries are verbs that open a predicate after an aside whatever
// the tagger says of them.
var asideAuxiliaries = map[string]bool{"has": true, "have": true, "had": true, "is": true, "was": true, "are": true,
	"were": true, "will": true, "would": true, "said": true, "says": true, "warned": true, "urged": true}

// dropClauseSubjects drops from the target spans of a list rule a later
// member that follows ", and" (", or") and is described between commas
// before a verb: in "hackers are targeting their research departments, and
// the VDA, the industry association of German carmakers, has urged ..."
// the rule's list read the VDA as one more victim. The first span stays
// ("hackers who hit BMW, the German carmaker, were ..." names BMW as hit).
func (d *docState) dropClauseSubjects(cs []capRec) []capRec {
	if len(cs) < 2 {
		return cs
	}
	out := cs[:1:1]
	for _, c := range cs[1:] {
		if d.clauseSubjectMember(c.start, c.end) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// clauseSubjectMember reports whether tokens [s, e) are a member after
// ", and" / ", or" (a determiner may stand between) that asideThenVerb
// makes a clause's subject.
func (d *docState) clauseSubjectMember(s, e int) bool {
	lo, hi := d.sentLo[d.sentOf[s]], d.sentHi(s)
	if s-1 >= lo && determiners[d.fold[s-1]] {
		s--
	}
	if s-2 < lo || d.fold[s-1] != "and" && d.fold[s-1] != "or" || d.fold[s-2] != "," {
		return false
	}
	return d.asideThenVerb(e, hi)
}
