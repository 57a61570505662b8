package rules

import (
	"slices"
	"testing"
)

// startsAtUnfiltered is phraseSet.startsAt as it was before the trie walk
// was spared for tokens that start no phrase of two or more tokens
// (vocabEntry.mayStartMulti): the reference the filtered one must agree
// with.
func (ps *phraseSet) startsAtUnfiltered(d *docState, i, hi int) bool {
	if i >= hi || d.vent[i] == nil || !d.vent[i].mayStartPhrase(ps.id) {
		return false
	}
	if ps.isSingle(d, i) || ps.actorNP && d.actorNPEnd(i, hi) > 0 {
		return true
	}
	if t := ps.multi; t != nil {
		for j := i; j < hi; j++ {
			if t = t.step(d, ps.key(d, j), j); t == nil {
				return false
			}
			if t.end && j > i {
				return true
			}
		}
	}
	return false
}

// collectPhraseSets appends the phrase sets of nodes, their conditions'
// negations included, once each.
func collectPhraseSets(nodes []*node, out []*phraseSet) []*phraseSet {
	add := func(ps *phraseSet) {
		if ps != nil && !slices.Contains(out, ps) {
			out = append(out, ps)
		}
	}
	var inCond func(c *cond)
	inCond = func(c *cond) {
		if c == nil {
			return
		}
		for _, n := range c.not {
			add(n.phrases)
			inCond(n.cond)
		}
	}
	for _, n := range nodes {
		add(n.phrases)
		inCond(n.cond)
		out = collectPhraseSets(n.seq, out)
		for _, a := range n.alts {
			out = collectPhraseSets(a, out)
		}
	}
	return out
}

// Every word list of the default pack finds the same phrases at every
// token of the test texts with the per-word bits as with a walk of its
// token trie at every token: a multi-word bit missing from a first word
// would lose "reported that", "such as" and every phrase like them.
func TestPhraseBitsAgreeWithTrie(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var sets []*phraseSet
	for _, r := range p.rules {
		sets = collectPhraseSets(r.nodes, sets)
	}
	multi := 0
	for _, ps := range sets {
		if ps.multi != nil {
			multi++
		}
	}
	if multi < 20 {
		t.Fatalf("only %d of %d word lists hold phrases of several tokens", multi, len(sets))
	}
	an := testAnalyzer(t)
	found, walked := 0, 0
	var ends []int
	for _, text := range relaxedTexts(t)[:6] {
		d := docPool.Get().(*docState)
		d.init(p, text, an.Analyze(text), an, nil)
		for i := range d.tokText {
			hi := d.sentHi(i)
			for _, ps := range sets {
				want := ps.startsAtUnfiltered(d, i, hi)
				if got := ps.startsAt(d, i, hi); got != want {
					t.Fatalf("set %d at %q (token %d): startsAt %v, trie walk %v", ps.id, d.tokText[i], i, got, want)
				}
				ends = ps.ends(d, i, hi, ends[:0])
				if (len(ends) > 0) != want {
					t.Fatalf("set %d at %q (token %d): ends %v, trie walk %v", ps.id, d.tokText[i], i, ends, want)
				}
				if want {
					found++
					if len(ends) > 0 && ends[0] > i+1 {
						walked++
					}
				}
			}
		}
		d.reset()
		docPool.Put(d)
	}
	if found == 0 || walked == 0 {
		t.Fatalf("%d phrases found, %d of several tokens: nothing compared", found, walked)
	}
}
