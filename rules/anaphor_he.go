package rules

import "github.com/reportgraph/extractor"

// heSubjectChooser: "A met B. He ...": A, the person the sentence before
// is about; nobody when two are equally near (relation_he_subject.go). It
// reads anaphors in slots that take only people, unless a coordinated
// owner was picked.
type heSubjectChooser struct{}

func (heSubjectChooser) name() string { return "he-subject" }

func (heSubjectChooser) choose(q *anaphorQuery) verdict {
	if q.owner || q.k < 0 || q.mask != maskOf(extractor.Person) {
		return goOn
	}
	if q.k = q.d.heSubject(q.c, q.k, q.reach, q.direct); q.k < 0 {
		return refuse
	}
	return goOn
}
