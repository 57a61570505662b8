package rules

import "testing"

func TestRelativeClauseBetweenSubjectAndPredicate(t *testing.T) {
	p := packOf(t, subjectPack) // relation_lists_test.go: t.unit-of reads "X is a unit of Y"
	cases := []struct {
		name, text string
		want       []string
	}{
		{"the clause is passed over",
			"Kestrel Bear, which Mandiant has tracked since 2013, is a unit of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}},
		{"a clause with commas of its own",
			"Kestrel Bear, which hit ports in Lima, Peru, and Quito, is a unit of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}},
		{"a name inside the clause is not the subject",
			"Kestrel Bear, which Heron Panda left in 2019, is a unit of the Harbor Directorate.",
			[]string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}},
		// A reporting interjection is an aside of its own (relation_interjection.go).
		{"no relative pronoun and no clause of saying, no aside",
			"Kestrel Bear, the oldest crew in Lima, is a unit of the Harbor Directorate.",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
