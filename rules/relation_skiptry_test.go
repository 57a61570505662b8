package rules

import "testing"

// skipTry is the one test both try and the relFirstRefs pre-check make
// before a relation rule is matched at a token: an anchored rule whose
// anchor word is not in the sentence at or after the token is skipped (the
// anchor lies inside any match), and so is a rule already tried there;
// a rule without anchor is tried wherever it was not yet.
func TestSkipTry(t *testing.T) {
	const stamp = 7
	sc := &relScratch{active: []int32{stamp, stamp - 1, 0}, lastAnchor: []int{5, 9, 0}, tried: []int32{0, 0, 0}}
	for _, c := range []struct {
		idx      int32
		anchored bool
		i        int
		tried    int32
		want     bool
		why      string
	}{
		{0, true, 3, 0, false, "anchor at 5, match starting at 3"},
		{0, true, 5, 0, false, "anchor at 5, match starting at 5"},
		{0, true, 6, 0, true, "anchor at 5, match starting after it"},
		{1, true, 3, 0, true, "anchor seen in an earlier sentence only"},
		{0, true, 3, 4, true, "already tried at 3"},
		{0, true, 3, 3, false, "tried at 2, not at 3"},
		{2, false, 3, 0, false, "no anchor, not tried"},
		{2, false, 3, 4, true, "no anchor, already tried at 3"},
	} {
		sc.tried[c.idx] = c.tried
		if got := sc.skipTry(c.idx, c.anchored, c.i, stamp); got != c.want {
			t.Errorf("%s: skipTry = %v, want %v", c.why, got, c.want)
		}
		sc.tried[c.idx] = 0
	}
}
