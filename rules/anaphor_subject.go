package rules

import "github.com/reportgraph/extractor"

// subjectChooser: "it" or "its" opening a sentence goes on about the
// subject of the sentence before when that subject is a mention the slot
// takes, rather than a mention of a type the rule lists first named
// further back: in "Sable Heron hit ports in 2021. Corvane Labs sold it
// exploits and kept a share of every inbox it opened. Its clients included
// ministries in Peru" the clients are the firm's, not the actor's. A
// subject that is itself an anaphor, a list of names or a mention of the
// match's other end does not count, nor does a speaker ("Microsoft
// assesses that it ...").
type subjectChooser struct{}

func (subjectChooser) name() string { return "subject" }

// usedThings are the types of what an actor uses: a malware that opens
// the sentence before does not take "its victims" from the actor in focus
// (relation_coref_topic.go).
var usedThings = maskOf(extractor.Malware) | maskOf(extractor.Tool)

// subjectPronouns are the pronouns subjectChooser reads: "it", and "its"
// alone or opening a phrase ("Its victims").
var subjectPronouns = map[string]bool{"it": true, "its": true}

func (subjectChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	if q.k < 0 {
		return goOn
	}
	// The pronoun: the anaphor itself, or the "its" before a noun anaphor
	// ("Its victims" read as "victims").
	at, means := c.start, q.am
	switch {
	case q.length == 1 && subjectPronouns[q.first]:
	case q.first == "its":
		means = anyType // "Its victims": "its" may mean any mention
	case c.start > 0 && d.fold[c.start-1] == "its":
		at, means = c.start-1, anyType
	default:
		return goOn
	}
	si := int(d.sentOf[at])
	if si == 0 || d.subjectStart(si) != at || int(d.sentOf[d.acc[q.k].tokS]) >= si-1 {
		return goOn
	}
	t := d.subjectStart(si - 1)
	if t < 0 {
		return goOn
	}
	ks := int(d.startM[t])
	if ks < 0 || d.accMask[ks]&means == 0 || d.isDirect(&d.acc[ks], q.direct) || d.accMask[ks]&usedThings != 0 {
		return goOn
	}
	if e := int(d.acc[ks].tokE); e < len(d.fold) && (d.fold[e] == "and" || d.fold[e] == "," && d.startM[min(e+1, len(d.fold)-1)] >= 0) {
		return goOn // "A and B ...", "A, B and C ..."
	}
	if e := int(d.acc[ks].tokE); e < len(d.fold) && speechVerbs[d.fold[e]] || e+1 < len(d.fold) && speechVerbs[d.fold[e+1]] {
		return goOn // "Microsoft assesses that it ...": a speaker, not the one spoken of
	}
	if d.accMask[ks]&q.mask == 0 {
		return refuse // the subject is what the pronoun means, and the slot does not take it
	}
	q.k, q.subject = ks, true
	return goOn
}
