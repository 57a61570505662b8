package pairtrain

import (
	"context"
	"fmt"
	"slices"
	"strings"
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
// why the model never sees it, and the reason names the window's limits:
// those the candidates are drawn from, and any other window's.
func TestMeetingReason(t *testing.T) {
	w := extract.CandidateWindow()
	if w.MaxGap <= 0 || w.FarSents < 2 || w.FarGap <= 0 {
		t.Fatalf("candidate window %+v: want positive gaps and a far reach of two sentences or more", w)
	}
	for _, c := range []struct {
		pm   extract.PairMeeting
		w    extract.PairWindow
		want string
	}{
		{extract.PairMeeting{InWindow: true, SameBlock: true, Sents: 0, Gap: 3}, w, "in the window"},
		{extract.PairMeeting{SameBlock: false, Sents: 1, Gap: 10}, w, "out: only in different blocks"},
		{extract.PairMeeting{SameBlock: true, Sents: 0, Gap: w.MaxGap + 5}, w, fmt.Sprintf("out: 0-1 sentences apart, > %d tokens", w.MaxGap)},
		{extract.PairMeeting{SameBlock: true, Sents: w.FarSents, Gap: w.FarGap + 10}, w, fmt.Sprintf("out: 2-%d sentences apart, > %d tokens", w.FarSents, w.FarGap)},
		{extract.PairMeeting{SameBlock: true, Sents: 0, Gap: 25}, extract.PairWindow{MaxGap: 20, FarSents: 2, FarGap: 30}, "out: 0-1 sentences apart, > 20 tokens"},
		{extract.PairMeeting{SameBlock: true, Sents: 2, Gap: 40}, extract.PairWindow{MaxGap: 20, FarSents: 2, FarGap: 30}, "out: 2-2 sentences apart, > 30 tokens"},
		{extract.PairMeeting{SameBlock: true, Sents: 4, Gap: 80}, extract.PairWindow{MaxGap: 40, FarSents: 3, FarGap: 50}, "out: 4-6 sentences apart"},
		{extract.PairMeeting{SameBlock: true, Sents: 9, Gap: 200}, extract.PairWindow{MaxGap: 40, FarSents: 3, FarGap: 50}, "out: 7+ sentences apart"},
	} {
		if got := meetingReason(c.pm, c.w); got != c.want {
			t.Errorf("%+v in window %+v: %q, want %q", c.pm, c.w, got, c.want)
		}
	}
}

// A learning-curve share is a number in [0, 1], and a run with a share in
// (0, 1) writes no model: its folds' threshold was chosen on part of the
// documents. Train refuses both before reading the corpus.
func TestTrainRefusesABadShare(t *testing.T) {
	for _, c := range []struct {
		share float64
		out   string
		want  string // in the error; "" for none
	}{
		{-0.5, "", "want a share in [0, 1]"},
		{1.5, "", "want a share in [0, 1]"},
		{0.5, t.TempDir(), "with --out"},
		{0.5, "", ""},
		{1, t.TempDir(), ""},
		{0, t.TempDir(), ""},
	} {
		err := Options{TrainShare: c.share, Out: c.out}.checkShare()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("share %g, out %q: %v, want no error", c.share, c.out, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("share %g, out %q: error %v, want one saying %q", c.share, c.out, err, c.want)
		}
	}
	err := Train(context.Background(), Options{TrainShare: 0.5, Out: t.TempDir(), Corpus: "no-such-corpus"})
	if err == nil || !strings.Contains(err.Error(), "--train-share") {
		t.Errorf("Train with --train-share 0.5 and --out: %v, want the share refused before the corpus is read", err)
	}
}

// The model's note and the log say who withheld a type: the --withhold
// option or the cross-validation.
func TestWithheldNoteNamesItsSource(t *testing.T) {
	byFlag := Options{Withhold: []string{"targets", "none", ""}}
	if got := byFlag.fixedWithheld(); !slices.Equal(got, []string{"targets"}) {
		t.Errorf("--withhold targets,none,\"\" fixes %v, want [targets]", got)
	}
	if got := byFlag.withheldNote([]string{"targets"}); !strings.Contains(got, "by --withhold") || strings.Contains(got, "cross-validated") {
		t.Errorf("note for a type withheld by the flag: %q", got)
	}
	byCV := Options{}
	if byCV.fixedWithheld() != nil {
		t.Error("no --withhold, yet types are fixed")
	}
	if got := byCV.withheldNote([]string{"targets"}); !strings.Contains(got, "cross-validated F1 lowered") {
		t.Errorf("note for a type the cross-validation withheld: %q", got)
	}
}
