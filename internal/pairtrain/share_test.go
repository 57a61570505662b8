package pairtrain

import (
	"fmt"
	"testing"

	"github.com/reportgraph/extractor/extract"
)

// The learning curve's subsets: the same on every run, about the share
// asked for, the smaller inside the larger, and every document at 0 or 1.
func TestInShareNestedSubsets(t *testing.T) {
	var half, threeQuarters int
	for i := 0; i < 1000; i++ {
		doc := fmt.Sprintf("doc-%04d.txt", i)
		h, q := inShare(doc, 0.5, 1), inShare(doc, 0.75, 1)
		if h != inShare(doc, 0.5, 1) {
			t.Fatalf("%s: the subset changes between calls", doc)
		}
		if h && !q {
			t.Errorf("%s is in the 50 %% subset but not in the 75 %% one", doc)
		}
		if !inShare(doc, 0, 1) || !inShare(doc, 1, 1) {
			t.Errorf("%s: share 0 or 1 must keep every document", doc)
		}
		if h {
			half++
		}
		if q {
			threeQuarters++
		}
	}
	if half < 430 || half > 570 || threeQuarters < 680 || threeQuarters > 820 {
		t.Errorf("of 1000 documents %d in the 50 %% subset and %d in the 75 %% one", half, threeQuarters)
	}
}

// Where a related pair's closest meeting lies against the window decides
// why the model never sees it.
func TestMeetingReason(t *testing.T) {
	for _, c := range []struct {
		pm   extract.PairMeeting
		want string
	}{
		{extract.PairMeeting{InWindow: true, SameBlock: true, Sents: 0, Gap: 3}, "in the window"},
		{extract.PairMeeting{SameBlock: false, Sents: 1, Gap: 10}, "out: only in different blocks"},
		{extract.PairMeeting{SameBlock: true, Sents: 0, Gap: 45}, "out: 0-1 sentences apart, > 40 tokens"},
		{extract.PairMeeting{SameBlock: true, Sents: 3, Gap: 60}, "out: 2-3 sentences apart, > 50 tokens"},
		{extract.PairMeeting{SameBlock: true, Sents: 5, Gap: 80}, "out: 4-6 sentences apart"},
		{extract.PairMeeting{SameBlock: true, Sents: 9, Gap: 200}, "out: 7+ sentences apart"},
	} {
		if got := meetingReason(c.pm); got != c.want {
			t.Errorf("%+v: %q, want %q", c.pm, got, c.want)
		}
	}
}
