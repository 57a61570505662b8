package rules

// Relative clauses between subject and predicate. "NSO Group, which is
// headquartered in Herzliya, Israel, sells the Pegasus spyware" and "The
// group, which Microsoft tracks as Midnight Blizzard, has been tied to the
// SVR" put a relative clause on the subject between it and its verb. A
// rule that starts with its source reads the words right after it, so the
// clause hides the predicate; each rule spelling out such an aside in its
// own gap would not scale. For the ecosystem relations (subjectCoordTypes),
// a rule that opens with a slot as its subject (source or target, not an
// apposition rule) whose whole pattern finds no match at a name followed by ",
// which" (who, whom, whose) is tried again with the rest of its pattern
// after each comma that may close the clause. The clause's own cues ("X,
// which is not Y, ...") are an aside's and do not count (hedge.go).

// asideMaxTokens bounds the relative clause.
const asideMaxTokens = 25

// relativeOpeners open a relative clause on the name before the comma.
var relativeOpeners = map[string]bool{"which": true, "who": true, "whom": true, "whose": true}

// matchPastRelative returns the end of a match of rule r at token i whose
// source is followed by a relative clause between commas, or -1. The
// matcher's captures are those of the source and of the rest.
func (d *docState) matchPastRelative(r *rule, i, hi int) int {
	if !r.rel.subjectFirst {
		return -1
	}
	coord := subjectCoordTypes[r.rel.typ]
	if !coord && !d.interjectionNear(i, hi) {
		return -1
	}
	for _, sp := range r.rel.subjectSplits {
		if len(sp.rest) == 0 {
			continue
		}
		if end := d.matchSplitPastRelative(sp, coord, i, hi); end > i {
			return end
		}
	}
	return -1
}

// matchSplitPastRelative is matchPastRelative for one way sp the rule's
// pattern opens with its subject.
func (d *docState) matchSplitPastRelative(sp subjectSplit, coord bool, i, hi int) int {
	m := &d.m
	notBefore := m.notBefore
	m.notBefore = nil
	e := m.match(sp.head, i)
	m.notBefore = notBefore
	if e <= i || e+2 >= hi || d.fold[e] != "," {
		return -1
	}
	// "X, the report says, targets Y": any rule (relation_interjection.go).
	if k := d.interjectionEnd(e, hi); k > 0 {
		return m.matchRestAfter(sp.rest, k, append([]capRec(nil), m.caps...))
	}
	if !coord || !relativeOpeners[d.fold[e+1]] {
		return -1
	}
	src := append([]capRec(nil), m.caps...)
	for k := e + 2; k < hi && k < e+2+asideMaxTokens; k++ {
		switch d.fold[k] {
		case ".", ";", ":", "(", ")":
			return -1
		case ",":
			if end := m.matchRestAfter(sp.rest, k, src); end > 0 {
				return end
			}
		}
		// "X, which Mandiant says is a unit of Y": the clause's own
		// predicate, after a reporter and its verb of saying, is the
		// predicate on X (reportedClauseVerbs).
		if k > e+2 && k <= e+2+reportedClauseMaxReporter && reportedClauseVerbs[d.fold[k]] {
			if end := m.matchRestAfter(sp.rest, k, src); end > 0 {
				return end
			}
		}
	}
	return -1
}

// reportedClauseVerbs are the verbs of saying or judging that, after the
// reporter of a relative clause ("which Mandiant says", "who prosecutors
// believe"), open the clause's own predicate on the name before the comma.
var reportedClauseVerbs = map[string]bool{"says": true, "said": true, "say": true, "believes": true,
	"believe": true, "believed": true, "assesses": true, "assess": true, "assessed": true, "thinks": true,
	"think": true, "reports": true, "reported": true, "claims": true, "claim": true, "claimed": true,
	"alleges": true, "allege": true, "alleged": true, "suspects": true, "suspect": true, "contends": true,
	"maintains": true, "argues": true}

// reportedClauseMaxReporter bounds the reporter between "which" and the
// verb: "Mandiant", "US officials", "the company", "researchers at Acme".
const reportedClauseMaxReporter = 4

// asideReaches reports whether rule r, which may start no earlier than
// token minStart, may start at the name at token i all the same, because a
// relative clause on it (", which ...") ends within reach of its anchor.
func (d *docState) asideReaches(r *rule, i, minStart int) bool {
	if !r.rel.subjectFirst {
		return false
	}
	mi := d.startM[i]
	if mi < 0 {
		return false
	}
	e := int(d.acc[mi].tokE)
	if e+1 >= len(d.fold) || d.fold[e] != "," {
		return false
	}
	if k := d.interjectionEnd(e, len(d.fold)); k > 0 {
		return minStart <= k+1
	}
	return subjectCoordTypes[r.rel.typ] && relativeOpeners[d.fold[e+1]] && minStart <= e+2+asideMaxTokens
}

// mayMatchPastRelativeUntagged is mayMatchUntagged (relation_index.go) for
// a match past a relative clause: the part-of-speech tests are relaxed.
func (d *docState) mayMatchPastRelativeUntagged(r *rule, i, hi int) bool {
	d.lazyPOS = true
	defer func() { d.lazyPOS = false }()
	d.m.hi = hi
	return d.matchPastRelative(r, i, hi) > i
}

// capturesAt reports whether the last match filled a slot from token i:
// a rule whose leading `or` opens only some branches with its subject
// matched through one of those (relation.go subjectSplits).
func (m *matcher) capturesAt(i int) bool {
	for _, c := range m.caps {
		if c.start == i {
			return true
		}
	}
	return false
}

// matchRestAfter matches the rest of a pattern after token k and, when it
// matches, puts the subject's captures src before its own: the match's
// end, or -1.
func (m *matcher) matchRestAfter(rest []*node, k int, src []capRec) int {
	if end := m.match(rest, k+1); end > k+1 {
		m.caps = append(src, m.caps...)
		return end
	}
	return -1
}
