package augment

import (
	"reflect"
	"strings"
	"testing"
)

// A copy takes the fold of the original of the same file name, whatever
// its folder; a copy with no original gets none and is named.
func TestFoldsFollowTheOriginal(t *testing.T) {
	orig, err := OriginalFolds([]string{"samples/a.md", "samples/b.html", "samples/c.txt"}, []int{0, 1, 2})
	if err != nil {
		t.Fatal(err)
	}
	fold, unmatched := Folds(orig, []string{"/tmp/seed1/c.txt", "/tmp/seed1/a.md", "/tmp/seed1/zz.txt", "/tmp/seed1/b.html"})
	want := map[string]int{"/tmp/seed1/a.md": 0, "/tmp/seed1/b.html": 1, "/tmp/seed1/c.txt": 2}
	if !reflect.DeepEqual(fold, want) {
		t.Errorf("folds %v, want %v", fold, want)
	}
	if !reflect.DeepEqual(unmatched, []string{"/tmp/seed1/zz.txt"}) {
		t.Errorf("unmatched %v", unmatched)
	}
}

// Two originals of one name in different folds are refused: a copy of
// one could otherwise train the fold that scores the other.
func TestOriginalFoldsRefusesASharedName(t *testing.T) {
	_, err := OriginalFolds([]string{"s/report.md", "s/report.html"}, []int{0, 1})
	if err == nil || !strings.Contains(err.Error(), "report.html") {
		t.Errorf("error %v should name the second file", err)
	}
}

// The model that scores fold k trains on every other fold, never on k;
// the final model (skip -1) on everything.
func TestTrainsFold(t *testing.T) {
	for _, c := range []struct {
		fold, skip int
		want       bool
	}{{2, 2, false}, {2, 0, true}, {0, 2, true}, {2, -1, true}} {
		if got := TrainsFold(c.fold, c.skip); got != c.want {
			t.Errorf("fold %d, skip %d: %v", c.fold, c.skip, got)
		}
	}
}
