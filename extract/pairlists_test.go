package extract

import (
	"slices"
	"testing"

	"github.com/reportgraph/extractor"
)

// The word lists between two mentions that become features give every
// word its most specific list (the fewest words) before any word a second
// one: in a long gap, the lists of the verbs (reporting, targeting, use)
// are still read, not crowded out by the many lists of "the", "," and
// "was", the first words met. The word beside a mention gives its
// pairContextLists most specific lists.
func TestPairListFeaturesKeepTheMostSpecificLists(t *testing.T) {
	pack := defaultPack(t)
	m, err := LoadPairModel(pairModelMeta, pairModelWeights, pack)
	if err != nil {
		t.Fatal(err)
	}
	x := extractorOn(t, pack)
	text := "APT41 , which the ministry said was behind the attacks in the region , has deployed PlugX said officials ."
	r, ds := resolvedText(t, x, pack, text)
	owner := map[extractor.Span]int{}
	for g, e := range ds.Entities {
		for _, mn := range e.Mentions {
			owner[mn.Span] = g
		}
	}
	d := m.prepare(r, ds.Entities, owner, nil, nil, nil, nil)
	var a, b *pairMention
	for i := range d.mentions {
		switch text[d.mentions[i].start:d.mentions[i].end] {
		case "APT41":
			a = &d.mentions[i]
		case "PlugX":
			b = &d.mentions[i]
		}
	}
	if a == nil || b == nil {
		t.Fatalf("APT41 and PlugX not both found in %q", text)
	}
	m.prepareSentence(d, a.sent)
	// the feature each list gives, with type pair and direction 0
	between, before, after := map[uint32]string{}, map[uint32]string{}, map[uint32]string{}
	for _, l := range pack.RelationWordLists() {
		h := wordHash(l.Name)
		between[mix(mix(fListDir, h), 0)] = l.Name
		before[mix(mix(mix(fListContext, h), 1), 0)] = l.Name
		after[mix(mix(mix(fListContext, h), 2), 0)] = l.Name
	}
	var got, gotBefore, gotAfter []string
	m.listFeatures(d, a.tokHi, b.tokLo, a, b, 0, 0, func(_ featureGroup, f uint32) {
		switch {
		case between[f] != "":
			got = append(got, between[f])
		case before[f] != "":
			gotBefore = append(gotBefore, before[f])
		case after[f] != "":
			gotAfter = append(gotAfter, after[f])
		}
	})
	if len(got) != pairMaxLists {
		t.Errorf("%d lists between, want the cap %d: %v", len(got), pairMaxLists, got)
	}
	// each word between with a list has one of its lists kept
	for k := a.tokHi; k < b.tokLo; k++ {
		if d.lists[k] == 0 {
			continue
		}
		var its []string
		for _, r := range m.listSets[d.lists[k]-1] {
			its = append(its, between[mix(mix(fListDir, m.listName[r]), 0)])
		}
		if !slices.ContainsFunc(its, func(l string) bool { return slices.Contains(got, l) }) {
			t.Errorf("none of the lists of the word between %q (%v) is kept: %v", r.Sentences[a.sent].Tokens[k-d.sentLo[a.sent]].Text, its, got)
		}
	}
	// the word beside each mention: its most specific lists, in order
	size := map[string]int{}
	for _, l := range pack.RelationWordLists() {
		size[l.Name] = len(l.Words)
	}
	for _, side := range [][]string{gotBefore, gotAfter} {
		for k := 1; k < len(side); k++ {
			if size[side[k-1]] > size[side[k]] {
				t.Errorf("lists beside a mention not most specific first: %v", side)
			}
		}
	}
	if !slices.Contains(gotAfter, "rel_closing_speaker_verbs") {
		t.Errorf("the lists of 'said' right after the second mention: %v, want its most specific, rel_closing_speaker_verbs", gotAfter)
	}
	if len(gotBefore) > pairContextLists || len(gotAfter) > pairContextLists {
		t.Errorf("more than %d lists beside a mention: before %v, after %v", pairContextLists, gotBefore, gotAfter)
	}
}
