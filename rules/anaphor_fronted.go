package rules

// frontedOwnerChooser: "its" or "their" in the phrase that opens a
// sentence before its subject refers ahead to that subject: in "In its
// March report, Corvane Labs said ..." and "In a statement by its foreign
// minister, the government said ..." the report and the minister are the
// subject's, not those of a mention named before. When the subject is no
// mention the slot takes (or the match's other end), the pronoun names
// nothing the rule links.
type frontedOwnerChooser struct{}

func (frontedOwnerChooser) name() string { return "fronted-owner" }

// frontedOwners are the possessives frontedOwnerChooser reads.
var frontedOwners = map[string]bool{"its": true, "their": true}

func (frontedOwnerChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if !frontedOwners[q.first] {
		return goOn
	}
	si := int(d.sentOf[c.start])
	t := d.subjectStart(si)
	lo := d.sentLo[si]
	if t <= c.start || t <= lo || d.fold[t-1] != "," || c.start == lo || d.pos(lo) != "IN" && d.fold[lo] != "according" {
		return goOn // the opening phrase is a prepositional one: "In its report,"
	}
	ks := int(d.startM[t])
	if ks >= 0 && d.isDirect(&d.acc[ks], q.direct) {
		// "In a statement by its chief executive, A, X said": A is the
		// possessed noun's apposition; the subject follows it.
		if e := int(d.acc[ks].tokE); e+1 < d.sentLo[si+1] && d.fold[e] == "," {
			ks = int(d.startM[e+1])
		}
	}
	if ks < 0 {
		// "In its report, the company said": a subject that is no mention
		// leaves the pick alone.
		return goOn
	}
	if d.slotMask(&d.acc[ks])&q.mask == 0 || d.isDirect(&d.acc[ks], q.direct) {
		return refuse
	}
	q.k, q.topic = ks, false
	return goOn
}
