package rules

// Anaphors for a group of people: "the charged hackers", "the pair", "the
// two", "both men" (relation_group.go).

// peopleNounChooser narrows what a people noun may mean: "the charged
// hackers" mean the people charged, and "the hackers" that mean no charged
// people name no person.
type peopleNounChooser struct{}

func (peopleNounChooser) name() string { return "people-noun" }

func (peopleNounChooser) choose(q *anaphorQuery) verdict {
	d, c := q.d, q.c
	q.am = d.peopleAnaphor(c.start, c.end, q.am)
	if q.am&q.mask == 0 && q.length == 2 && peopleActorNouns[d.fold[c.end-1]] {
		return refuse
	}
	return goOn
}

// unnamedSetChooser refuses an antecedent when a set of people the text
// does not name stands between it and the anaphor: "The FBI named two
// Chinese nationals. The pair ...".
type unnamedSetChooser struct{}

func (unnamedSetChooser) name() string { return "unnamed-set" }

func (unnamedSetChooser) choose(q *anaphorQuery) verdict {
	if q.k >= 0 && q.d.unnamedSetBetween(q.k, q.c) {
		return refuse
	}
	return goOn
}
