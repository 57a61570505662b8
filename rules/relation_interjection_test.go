package rules

import "testing"

func TestReportingInterjectionBetweenSubjectAndPredicate(t *testing.T) {
	p := packOf(t, subjectPack) // relation_lists_test.go: t.unit-of reads "X is a unit of Y"
	want := []string{"Kestrel Bear -part-of-> Harbor Directorate [t.unit-of]"}
	cases := []struct {
		name, text string
		want       []string
	}{
		{"reporter and verb", "Kestrel Bear, the report says, is a unit of the Harbor Directorate.", want},
		{"a pronoun reports", "Kestrel Bear, it says, is a unit of the Harbor Directorate.", want},
		{"verb and reporter", "Kestrel Bear, said Mandiant, is a unit of the Harbor Directorate.", want},
		{"a tail after the verb", "Kestrel Bear, Mandiant said in 2013, is a unit of the Harbor Directorate.", want},
		{"told a reporter", "Kestrel Bear, officials told Reuters, is a unit of the Harbor Directorate.", want},
		{"according to", "Kestrel Bear, according to Mandiant, is a unit of the Harbor Directorate.", want},
		{"as X reported", "Kestrel Bear, as Mandiant reported, is a unit of the Harbor Directorate.", want},
		{"a name in the interjection is not the subject",
			"Kestrel Bear, Heron Panda said, is a unit of the Harbor Directorate.", want},
		{"the reporter right before the closing comma is not the subject",
			"Kestrel Bear, said Heron Panda, is a unit of the Harbor Directorate.", want},
		{"a clause of its own is no interjection",
			"Kestrel Bear, and Mandiant said so, is a unit of the Harbor Directorate.", nil},
		{"a description is no interjection",
			"Kestrel Bear, the oldest crew in Lima, is a unit of the Harbor Directorate.", nil},
		{"hearsay with to is no interjection",
			"Kestrel Bear, said to be small, is a unit of the Harbor Directorate.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			same(t, c.text, topicRelations(t, p, c.text), c.want)
		})
	}
}
