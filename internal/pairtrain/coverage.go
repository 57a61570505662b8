package pairtrain

import (
	"fmt"
	"io"
	"sort"

	"github.com/reportgraph/extractor"
	"github.com/reportgraph/extractor/corpus"
	"github.com/reportgraph/extractor/extract"
)

// coverage prints how many entity pairs the gold relates never meet in
// the candidate window, by why: in another block, or in one block too
// many sentences or tokens apart; and how many of those a rule relation
// links anyway. A pair whose ends the rules did not extract is no entity
// pair here: the scorer's gold count less the related pairs counted here
// bounds those.
func coverage(w io.Writer, m *extract.PairModel, results []*extract.DocResult, ds *extractor.Dataset, oracle *corpus.RelationOracle) {
	linked := map[[3]string]bool{}
	for _, r := range ds.Relations {
		for _, ev := range r.Evidence {
			linked[[3]string{ev.Doc, r.Source, r.Target}] = true
			linked[[3]string{ev.Doc, r.Target, r.Source}] = true
		}
	}
	type tally struct{ pairs, linked int }
	by := map[string]*tally{}
	add := func(reason string, isLinked bool) {
		t := by[reason]
		if t == nil {
			t = &tally{}
			by[reason] = t
		}
		t.pairs++
		if isLinked {
			t.linked++
		}
	}
	window := extract.CandidateWindow()
	for _, pm := range m.Meetings(results, ds) {
		l1, _ := oracle.Label(pm.Doc, pm.A, pm.B)
		l2, _ := oracle.Label(pm.Doc, pm.B, pm.A)
		if l1 != corpus.LabelRelation && l2 != corpus.LabelRelation {
			continue
		}
		add("all related pairs", linked[[3]string{pm.Doc, pm.A, pm.B}])
		add(meetingReason(pm, window), linked[[3]string{pm.Doc, pm.A, pm.B}])
	}
	var keys []string
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(w, "### Entity pairs the gold relates, by their closest meeting")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| closest meeting | pairs | a rule links them | neither (lost to the model) |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, k := range keys {
		t := by[k]
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", k, t.pairs, t.linked, t.pairs-t.linked)
	}
	fmt.Fprintln(w)
}

// meetingReason names where a pair's closest meeting lies against the
// candidate window w (extract.CandidateWindow).
func meetingReason(pm extract.PairMeeting, w extract.PairWindow) string {
	switch {
	case pm.InWindow:
		return "in the window"
	case !pm.SameBlock:
		return "out: only in different blocks"
	case pm.Sents <= 1:
		return fmt.Sprintf("out: 0-1 sentences apart, > %d tokens", w.MaxGap)
	case pm.Sents <= w.FarSents:
		return fmt.Sprintf("out: 2-%d sentences apart, > %d tokens", w.FarSents, w.FarGap)
	case pm.Sents <= 2*w.FarSents:
		return fmt.Sprintf("out: %d-%d sentences apart", w.FarSents+1, 2*w.FarSents)
	}
	return fmt.Sprintf("out: %d+ sentences apart", 2*w.FarSents+1)
}
