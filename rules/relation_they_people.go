package rules

import "github.com/reportgraph/extractor"

// "They" and "them" in a slot that takes people only (rel_person_anaphors:
// "They worked for Y", "Y directed them to ...") mean several people, so
// they need an antecedent that is several people: the plural person
// subject of the sentence before ("Both men ...", "A and B ...":
// pluralPersonSubject, relation_group.go), or people joined by "and" or a
// comma ("A and B were charged in March. They worked for Y"). The nearest
// person alone is no such antecedent: in "A, a researcher at Mandiant,
// said they worked for Y" the speaker is one person and "they" the actor
// the firm tracks. A threat actor, company or public body named between
// the people and the pronoun is as near a plural antecedent, and "they"
// may mean it: the pronoun then names nobody (a wrong antecedent is worse
// than none).

// theyMeansPeople reports, for an anaphor at cap c that resolved to the
// person acc[k] in a slot whose types are mask, whether the anaphor may
// stand for that person and the people named with it. Anaphors other than
// "they" and "them", and slots that take more than people, are not
// concerned (true).
func (d *docState) theyMeansPeople(c capRec, k int, mask typeMask) bool {
	person := maskOf(extractor.Person)
	if c.end-c.start != 1 || mask != person || d.fold[c.start] != "they" && d.fold[c.start] != "them" {
		return true
	}
	a := &d.acc[k]
	if a.typ != extractor.Person || !d.coordinatedPerson(k) {
		return false
	}
	others := maskOf(extractor.ThreatActor) | maskOf(extractor.Organization) | maskOf(extractor.Government) |
		maskOf(extractor.Campaign)
	for _, m := range d.mentionsWithin(a.end, c.bs) {
		if !m.hide && maskOf(m.typ)&others != 0 {
			return false
		}
	}
	return true
}

// coordinatedPerson reports whether the person acc[k] is joined by "and"
// or a comma to another person right before or after it: "A and B",
// "A, B and C".
func (d *docState) coordinatedPerson(k int) bool {
	a := &d.acc[k]
	if k > 0 {
		if b := &d.acc[k-1]; b.typ == extractor.Person && d.listJoined(int(b.tokE), int(a.tokS)) {
			return true
		}
	}
	if k+1 < len(d.acc) {
		if b := &d.acc[k+1]; b.typ == extractor.Person && d.listJoined(int(a.tokE), int(b.tokS)) {
			return true
		}
	}
	return false
}
