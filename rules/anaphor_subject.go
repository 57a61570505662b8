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

// actorFamily are the types of who acts (slotFamily widens it to people,
// companies and campaigns).
var actorFamily = maskOf(extractor.ThreatActor)

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
	if si == 0 || d.subjectStart(si) != at || int(d.sentOf[d.acc[q.k].tokS]) >= si {
		return goOn
	}
	t := d.subjectStart(si - 1)
	if t < 0 {
		return goOn
	}
	ks := int(d.startM[t])
	// "APT28 deployed X-Agent. It then used Mimikatz": "it" opening the
	// sentence goes on about the actor the sentence before opened with,
	// not the malware it named, so a slot that takes only things gets
	// nothing.
	if ks >= 0 && q.length == 1 && q.first == "it" && q.mask&^usedThings == 0 &&
		d.accMask[ks]&slotFamily(actorFamily) != 0 && !d.isDirect(&d.acc[ks], q.direct) {
		return refuse
	}
	if ks < 0 || ks == q.k || d.accMask[ks]&means == 0 || d.isDirect(&d.acc[ks], q.direct) || d.accMask[ks]&usedThings != 0 {
		return goOn
	}
	// A pick in the sentence before that is not its subject gives way to
	// the subject only when both are of one type: "Mandiant is a firm
	// owned by Google. It is headquartered in Reston" is about Mandiant;
	// the rule's type order still ranks first ("Microsoft described Volt
	// Typhoon. It targets ports": the actor).
	if int(d.sentOf[d.acc[q.k].tokS]) == si-1 && d.acc[ks].typ != d.acc[q.k].typ {
		return goOn
	}
	if e := int(d.acc[ks].tokE); e < len(d.fold) && (d.fold[e] == "and" || d.fold[e] == "," && d.startM[min(e+1, len(d.fold)-1)] >= 0) {
		return goOn // "A and B ...", "A, B and C ..."
	}
	if e := int(d.acc[ks].tokE); e < len(d.fold) && speechVerbs[d.fold[e]] || e+1 < len(d.fold) && speechVerbs[d.fold[e+1]] {
		return goOn // "Microsoft assesses that it ...": a speaker, not the one spoken of
	}
	if d.refersBack(si - 1) {
		return goOn // "Mandiant tracked the activity. It ...": the sentence before goes on about the pick
	}
	actor := maskOf(extractor.ThreatActor)
	if q.k >= 0 && d.accMask[q.k]&actor != 0 && d.accMask[ks]&actor == 0 {
		if e := int(d.acc[ks].tokE); e < len(d.fold) && d.p.cti.findingVerbs[d.fold[e]] {
			return goOn // "Mandiant identified new loaders. It ...": a researcher, not the actor
		}
	}
	if d.accMask[ks]&q.mask == 0 {
		if d.accMask[ks]&slotFamily(q.mask) == 0 {
			return goOn // "Germany expelled two diplomats. Its operators ...": a country is no actor's stand-in
		}
		return refuse // the subject is what the pronoun means, and the slot does not take it
	}
	q.k, q.subject = ks, true
	return goOn
}

// refersBack reports whether sentence si goes on about an actor named
// before it with a phrase of rel_subject_back_nouns after a determiner
// ("the activity", "this group", "these intrusions"): a pronoun opening the
// next sentence then still means that actor.
func (d *docState) refersBack(si int) bool {
	lo, hi := int(d.sentLo[si]), int(d.sentLo[si+1])
	for j := lo; j+1 < hi; j++ {
		if backDeterminers[d.fold[j]] && d.startM[j+1] < 0 && d.p.cti.subjectBackNouns[d.fold[j+1]] {
			return true
		}
	}
	return false
}

// backDeterminers open a phrase that refers back (refersBack).
var backDeterminers = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true}

// slotFamily widens the types a slot takes to the family they belong to:
// actors (threat actors, organizations, governments, people, campaigns)
// or things (malware, tools, vulnerabilities). A subject outside the
// slot's family (a country before "Its operators") does not stop the
// pronoun from meaning the pick so far.
func slotFamily(m typeMask) typeMask {
	actors := maskOf(extractor.ThreatActor) | maskOf(extractor.Organization) | maskOf(extractor.Person) | maskOf(extractor.Campaign)
	things := maskOf(extractor.Malware) | maskOf(extractor.Tool) | maskOf(extractor.Vulnerability)
	var f typeMask
	if m&actors != 0 {
		f |= actors
	}
	if m&things != 0 {
		f |= things
	}
	if m&^(actors|things) != 0 {
		f |= m &^ (actors | things)
	}
	return f
}
