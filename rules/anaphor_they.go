package rules

// "they" (and "them", "the two", "both men") for people.

// theyPeopleChooser: "Both men worked for Y, a firm in Z. Prosecutors said
// they ...": the people the sentence before names (relation_group.go);
// otherwise "they" for people needs several people
// (relation_they_people.go).
type theyPeopleChooser struct{}

func (theyPeopleChooser) name() string { return "they-people" }

func (theyPeopleChooser) choose(q *anaphorQuery) verdict {
	d := q.d
	if kp := d.pluralPersonSubject(q.c, q.am&q.mask, q.direct); kp >= 0 {
		q.k = kp
	} else if q.k >= 0 && !d.theyMeansPeople(q.c, q.k, q.mask) {
		return refuse
	}
	return goOn
}
