package rules

// "it": the subject of its own sentence before it, and the subject of a
// parallel "that" clause.

// itSubjectChooser: "Integrity Technology Group differs from the others
// because it is a firm ..." is about the firm (subjectOfIt).
type itSubjectChooser struct{}

func (itSubjectChooser) name() string { return "it-subject" }

func (itSubjectChooser) choose(q *anaphorQuery) verdict {
	if ks := q.d.subjectOfIt(q.c, q.am&q.mask, q.direct); ks >= 0 {
		q.k = ks
	}
	return goOn
}

// parallelThatChooser: "... that X is ..., and that it ...": it is X, or
// nothing the rule takes (relation_parallel_that.go).
type parallelThatChooser struct{}

func (parallelThatChooser) name() string { return "parallel-that" }

func (parallelThatChooser) choose(q *anaphorQuery) verdict {
	d := q.d
	if kt := d.parallelThatSubject(q.c, q.am, q.direct); kt >= 0 {
		if d.accMask[kt]&q.am&q.mask == 0 {
			return refuse
		}
		q.k = kt
	}
	return goOn
}
