package rules

import (
	"slices"
	"testing"
)

// A victims list item that opens on a place's possessive lists the body
// the place owns; a body after the place with no possessive mark between
// ("- Pakistan, the Ministry of Defence") is not read as owned.
func TestListItemPossessiveLeadsToItsBody(t *testing.T) {
	const head = "APT28 is an espionage group. APT28 phishes diplomats.\n\nAccording to the vendor, the victims of this wave included:\n\n"
	got := allRelations(t, head+"- Pakistan's Ministry of Defence\n- the National Defence University in Islamabad\n")
	if !slices.Contains(got, "APT28 -targets-> Ministry of Defence") {
		t.Errorf("the possessed body of a listed place was not listed: %q", got)
	}
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Pakistan's Ministry of Defence was hit.", true},
		{"Pakistan and the Ministry of Defence were hit.", false},
	} {
		d, done := matchedDoc(t, c.text)
		place, body := mentionAt(t, d, "Pakistan"), mentionAt(t, d, "Ministry of Defence")
		if got := d.possessedAfter(place, body); got != c.want {
			t.Errorf("%q: possessedAfter = %v, want %v", c.text, got, c.want)
		}
		if d.possessedAfter(body, place) {
			t.Errorf("%q: a body is no place that owns", c.text)
		}
		done()
	}
}
