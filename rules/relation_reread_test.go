package rules

import (
	"slices"
	"testing"
)

// A name a relation slot creates is read by the other relation rules too:
// the employer rel.employed-by.cooccur makes of "at Y" has its place.
func TestCreatedNamesAreReadByTheOtherRelationRules(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := `"The crew is patient," said Lena Holt, who leads OT research at Brackwater Security in Calgary.`
	got := topicRelations(t, p, text)
	for _, want := range []string{
		"Lena Holt -employed-by-> Brackwater Security [rel.employed-by.cooccur]",
		"Brackwater Security -located-in-> Calgary [rel.located-in.org-in-place]",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}
