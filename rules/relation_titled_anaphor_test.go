package rules

import (
	"slices"
	"testing"
)

// "a unit of the conglomerate Vingroup": the description before the name is
// its title, not an anaphor of the company named before.
func TestTitledAnaphorIsTheName(t *testing.T) {
	text := "Northwind Labs was hired. Its carmaker, VinFast, a unit of the conglomerate Vingroup, licensed the design."
	got := allRelations(t, text)
	if !slices.Contains(got, "VinFast -part-of-> Vingroup") {
		t.Errorf("want VinFast -part-of-> Vingroup, got %q", got)
	}
	if slices.Contains(got, "VinFast -part-of-> Northwind Labs") {
		t.Errorf("the conglomerate is Vingroup, not Northwind Labs: %q", got)
	}
	// Without a name after it the description still refers back.
	text = "Quill Holdings Ltd is the Quill Consortium's holding. Quill Limited is an Ireland-based member of the consortium."
	if got := allRelations(t, text); !slices.Contains(got, "Quill Limited -part-of-> Quill Consortium") {
		t.Errorf("want Quill Limited -part-of-> Quill Consortium, got %q", got)
	}
}
