package extract

import (
	"github.com/reportgraph/extractor"
)

// PairMeeting is where two entities of one document come closest, for a
// maintainer's count of the related pairs the candidate window never
// offers the model (`train-pairs --coverage`).
type PairMeeting struct {
	Doc  string
	A, B string // entity ids, A's first mention before B's
	// Sents is the fewest sentences between a mention of each (0: one
	// sentence), Gap the fewest tokens, both over mention pairs in one
	// block when there is one (SameBlock), else over all.
	Sents, Gap int
	SameBlock  bool
	InWindow   bool // some mention pair is a candidate pair by its position
}

// PairWindow is the reach of the candidate window (docCandidates): two
// mentions in one or adjacent sentences at most MaxGap tokens apart, or up
// to FarSents sentences apart in one block at most FarGap tokens apart.
type PairWindow struct{ MaxGap, FarSents, FarGap int }

// CandidateWindow returns the window the candidates are drawn from, so a
// report of what it misses (train-pairs --coverage) names its real limits.
func CandidateWindow() PairWindow {
	return PairWindow{MaxGap: pairMaxGap, FarSents: pairFarSents, FarGap: pairFarGap}
}

// Meetings lists the closest meeting of every two entities of each
// document. It is quadratic in a document's mentions: a diagnostic, not
// part of extraction.
func (m *PairModel) Meetings(results []*DocResult, ds *extractor.Dataset) []PairMeeting {
	owner := mentionOwners(ds)
	var out []PairMeeting
	for _, res := range results {
		if res == nil || res.Doc == nil {
			continue
		}
		d := m.prepare(res, ds.Entities, owner[res.Doc.ID], nil, nil, nil, nil)
		best := map[[2]int]*PairMeeting{}
		var order [][2]int
		for i := range d.mentions {
			a := &d.mentions[i]
			for j := i + 1; j < len(d.mentions); j++ {
				b := &d.mentions[j]
				if a.entity == b.entity || b.tokLo < a.tokHi {
					continue
				}
				k := pairKey(a.entity, b.entity)
				pm := best[k]
				if pm == nil {
					pm = &PairMeeting{Doc: res.Doc.ID, A: d.ents[a.entity], B: d.ents[b.entity], Sents: 1 << 30, Gap: 1 << 30}
					best[k] = pm
					order = append(order, k)
				}
				in, _ := d.reach(a, b)
				pm.InWindow = pm.InWindow || in
				same := d.block[a.sent] == d.block[b.sent]
				if same && !pm.SameBlock {
					pm.SameBlock, pm.Sents, pm.Gap = true, 1<<30, 1<<30
				}
				if same == pm.SameBlock {
					pm.Sents = min(pm.Sents, b.sent-a.sent)
					pm.Gap = min(pm.Gap, b.tokLo-a.tokHi)
				}
			}
		}
		for _, k := range order {
			out = append(out, *best[k])
		}
	}
	return out
}
