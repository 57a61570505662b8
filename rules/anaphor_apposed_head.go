package rules

// apposedHeadChooser: "its" meaning a body whose nearest mention lies in
// the prepositional phrase of another body's apposition goes on about the
// apposition's head: in "Stealth Falcon was named by Citizen Lab, the
// research group at the University of Toronto's Munk School. Its
// researchers A and B ..." the researchers are Citizen Lab's, not the
// school's. The head must be a mention the slot takes, in the same
// sentence, set off by a comma and a determiner ("X, the N at Y", "X, a
// unit of Y"), with at most five lower-case words before the preposition.
type apposedHeadChooser struct{}

func (apposedHeadChooser) name() string { return "apposed-head" }

// apposedHeadPreps are the prepositions that tie an apposition's noun to
// the body it belongs to ("on": a rewriter's "at").
var apposedHeadPreps = map[string]bool{"at": true, "on": true, "of": true, "in": true, "within": true, "inside": true, "under": true}

func (apposedHeadChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k < 0 {
		return goOn
	}
	if !(q.first == "its" || q.length == 1 && q.first == "it" || c.start > 0 && d.fold[c.start-1] == "its") {
		return goOn
	}
	if ks := d.apposedHead(q.k); ks >= 0 && d.accMask[ks]&q.am&q.mask != 0 && !d.isDirect(&d.acc[ks], q.direct) {
		q.k = ks
	}
	return goOn
}

// apposedHead returns the mention X of "X, the N at [Y's] K" for the
// mention K (an index in d.acc), or -1.
func (d *docState) apposedHead(k int) int {
	si := d.sentOf[d.acc[k].tokS]
	i := int(d.acc[k].tokS) - 1
	// "the University of Toronto's Munk School": a possessor before K.
	if i >= 1 && (d.fold[i] == "'s" || d.fold[i] == "’s") {
		t := d.mentionEndingAt(i)
		if t < 0 {
			return -1
		}
		i = t - 1
	}
	if i >= 0 && d.fold[i] == "the" {
		i--
	}
	if i < 1 || !apposedHeadPreps[d.fold[i]] {
		return -1
	}
	i--
	// the apposition's noun phrase: a determiner and at most five words
	words := 0
	for ; i >= 1 && words <= 6; i-- {
		w := d.fold[i]
		if w == "the" || w == "a" || w == "an" {
			break
		}
		if d.startM[i] >= 0 || !isLowerWord(w) {
			return -1
		}
		words++
	}
	if i < 1 || words == 0 || words > 5 || d.fold[i-1] != "," {
		return -1
	}
	t := d.mentionEndingAt(i - 1)
	if t < 0 {
		return -1
	}
	ks := int(d.startM[t])
	if ks < 0 || d.sentOf[d.acc[ks].tokS] != si {
		return -1
	}
	return ks
}
