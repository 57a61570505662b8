package rules

import (
	"math/bits"
	"slices"

	"github.com/reportgraph/extractor/nlp"
)

// Relation rules are tried only where their first token can match: at a
// mention of a type the first element accepts, or at a token that starts
// one of its first element's phrases. Most relation patterns start with
// the source slot — `or: [{entity: any}, {lower_in: $relation_anaphors}]`
// — which the pattern stages' index (one word list or one entity type per
// rule) cannot express. A rule is also tried only in sentences holding a
// word of one of its required word lists (its anchor), as pattern rules are;
// of several required lists the one with the fewest words is the anchor,
// a common token (",", "the", "in") counting as many words, so a rule
// with a required comma is anchored on its rarer words.

// relFirst is what the first token of a relation rule's match can be.
type relFirst struct {
	mask typeMask     // a mention of these types starts there
	keys []string     // or a phrase starting with one of these folded tokens
	sets []*phraseSet // the phrase sets of those phrases
	open bool         // or anything else: the rule is tried at every token
}

// relIndex maps start conditions to relation rules.
type relIndex struct {
	byMask []*rule // rules with a mention-type start
	// byMaskStart holds, in the order of byMask, what the per-sentence
	// filter of runRelationRules reads of each rule, side by side: the
	// filter runs over every such rule in every sentence, and reading the
	// rule structs themselves cost more than the tests.
	byMaskStart []relStart
	byKey       map[string][]*rule // folded first token → rules
	open        []*rule            // rules tried at every token
	count       int                // number of relation rules
	// slotKeys maps a folded token to the relation rules one of whose
	// slots may start there: rule index × 2, + 1 for the target slot.
	slotKeys map[string][]int32
}

// firstOf works out what the first token of a match of nodes can be.
func firstOf(nodes []*node) relFirst {
	if len(nodes) == 0 {
		return relFirst{open: true}
	}
	n := nodes[0]
	f := firstOfNode(n)
	if n.min == 0 {
		f = f.union(firstOf(nodes[1:]))
	}
	return f
}

// firstOfNode is what the first token of one occurrence of n can be.
func firstOfNode(n *node) relFirst {
	var f relFirst
	switch {
	case n.seq != nil:
		f = firstOf(n.seq)
	case n.alts != nil:
		for _, a := range n.alts {
			f = f.union(firstOf(a))
		}
	case n.phrases != nil:
		f.keys = n.phrases.firstKeys()
		f.sets = []*phraseSet{n.phrases}
	case n.entity != 0:
		f.mask = n.entity
	default:
		f.open = true
	}
	return f
}

// slotFirst is what the first token of a span of the slot can be: the union
// over the elements recording that slot. A match gives a relation only when
// both slots recorded a span, so a sentence in which neither slot can start
// anywhere is skipped without running the matcher.
func slotFirst(nodes []*node, slot int) (f relFirst, found bool) {
	for _, n := range nodes {
		if n.slot == slot {
			f, found = f.union(firstOfNode(n)), true
			continue
		}
		if g, ok := slotFirst(n.seq, slot); ok {
			f, found = f.union(g), true
		}
		for _, a := range n.alts {
			if g, ok := slotFirst(a, slot); ok {
				f, found = f.union(g), true
			}
		}
	}
	return f, found
}

func (f relFirst) union(g relFirst) relFirst {
	return relFirst{mask: f.mask | g.mask, keys: append(append([]string(nil), f.keys...), g.keys...),
		sets: append(append([]*phraseSet(nil), f.sets...), g.sets...), open: f.open || g.open}
}

// Tagging a sentence for parts of speech costs more than matching every
// relation rule in it, and two rules with a part-of-speech test (finite
// verbs are no place modifiers) would tag most sentences holding a place
// or an actor, though their other elements fail there. Such a rule is
// first tried with the tests that need tagging assumed to pass
// (cond.test): that relaxed pattern matches wherever the exact one does,
// so where it fails the rule fails, and the sentence is tagged only when
// the exact pattern has to be tried.

// mayMatchUntagged reports whether rule r, relaxed, matches at token i: false
// means the exact rule does not match there either. A relaxed match that
// ran out of steps proves nothing, so it counts as a match.
func (d *docState) mayMatchUntagged(r *rule, i, hi int) bool {
	return d.mayMatchRelaxed(r, i, hi, true)
}

// mayMatchRelaxed is mayMatchUntagged with the matcher's token runs giving
// up early where the rest of the pattern cannot follow (matcher.prune) or
// not: the verdicts must agree (TestPrunedRelaxedTriesAgree), pruning only
// saves steps.
func (d *docState) mayMatchRelaxed(r *rule, i, hi int, prune bool) bool {
	d.lazyPOS = true
	defer func() { d.lazyPOS = false }()
	// (Both relaxed: their part-of-speech tests pass untagged.)
	if !canStart(d, r.nodes, i, hi) || !d.nextCanFollow(r, i, hi) {
		return false
	}
	d.m.hi, d.m.notBefore = hi, nil // (relaxed: a match it would drop still counts)
	d.m.prune = prune
	defer func() { d.m.prune = false }()
	return d.m.match(r.nodes, i) > i || d.m.steps > stepLimit
}

// usesPOS reports whether a part-of-speech test occurs anywhere in nodes.
func usesPOS(nodes []*node) bool {
	for _, n := range nodes {
		if condUsesPOS(n.cond) || usesPOS(n.seq) {
			return true
		}
		for _, a := range n.alts {
			if usesPOS(a) {
				return true
			}
		}
	}
	return false
}

func condUsesPOS(c *cond) bool {
	if c == nil {
		return false
	}
	if c.pos != nil {
		return true
	}
	for _, n := range c.not {
		if condUsesPOS(n.cond) {
			return true
		}
	}
	return false
}

// relationStarts records a relation rule's start conditions and anchors.
func (c *compiler) relationStarts(r *rule) {
	r.rel.usesPOS = usesPOS(r.nodes)
	r.rel.first = firstOf(r.nodes)
	r.rel.span = spanOf(r.nodes)
	var ok bool
	if r.rel.srcNeed, ok = slotFirst(r.nodes, r.rel.src); !ok {
		r.rel.srcNeed.open = true
	}
	if r.rel.tgtNeed, ok = slotFirst(r.nodes, r.rel.tgt); !ok {
		r.rel.tgtNeed.open = true
	}
	if best, k := requiredKeys(r.nodes); best != nil {
		r.anchored = true
		r.reach = anchorReach(r.nodes, k)
		for _, k := range best {
			v := c.p.vocabFor(k)
			v.anchors = appendOnce(v.anchors, r.idx)
		}
	}
	c.relRules = append(c.relRules, r)
}

// requiredKeys returns the smallest set of folded first tokens of which one
// must occur in every match: a required word list, or a required `or` each
// of whose alternatives requires one (their union); nil when there is none.
func requiredKeys(nodes []*node) ([]string, int) { return requiredKeysOf(nodes, false) }

// requiredKeysOf is requiredKeys, which with words set also reads a
// required token regex of few words as their list (regexWords): pattern
// rules only, since the relation stage rewrites tokens (relation_lists.go)
// whose vocabulary entries its anchors read.
func requiredKeysOf(nodes []*node, words bool) ([]string, int) {
	var best []string
	at := -1
	for i, n := range nodes {
		consider := func(k []string) {
			if k != nil && (best == nil || anchorCost(k) < anchorCost(best)) {
				best, at = k, i
			}
		}
		if n.min < 1 {
			continue
		}
		switch {
		case n.phrases != nil:
			consider(n.phrases.firstKeys())
		case n.seq != nil:
			k, _ := requiredKeysOf(n.seq, words)
			consider(k)
		case n.alts != nil:
			var union []string
			for _, a := range n.alts {
				k, _ := requiredKeysOf(a, words)
				if k == nil {
					union = nil
					break
				}
				for _, w := range k {
					if !slices.Contains(union, w) {
						union = append(union, w)
					}
				}
			}
			consider(union)
		case words && n.entity == 0 && n.cond != nil && n.cond.re != nil:
			// Only rare words: a list of ",", once the cheaper by count,
			// would displace a list of role words (core.person.role).
			if k := regexWords(n.cond.re); !slices.ContainsFunc(k, func(w string) bool { return commonAnchors[w] || frequentAnchors[w] }) {
				consider(k)
			}
		}
	}
	return best, at
}

// commonAnchors are tokens found in nearly every sentence: an anchor made
// of them lets its rule run everywhere ("," in "X, a unit of Y").
var commonAnchors = map[string]bool{",": true, ".": true, "the": true, "a": true, "an": true, "and": true, "or": true,
	"of": true, "in": true, "to": true, "with": true, "by": true, "for": true, "on": true, "at": true, "as": true,
	"is": true, "was": true, "are": true, "were": true, "that": true, "from": true, "(": true, ")": true}

// frequentAnchors are tokens found in many sentences of a report: an
// anchor of them activates its rule often, so a list of several rarer
// words is the better anchor ("kit", "toolkit", "arsenal" over "its",
// "their", "'s").
var frequentAnchors = map[string]bool{"its": true, "their": true, "his": true, "her": true, "'s": true, "\u2019s": true,
	"'": true, "\u2019": true, "it": true, "this": true, "these": true, "those": true, "has": true, "have": true, "had": true,
	"be": true, "been": true, "being": true, "not": true, "also": true, "which": true, "who": true, "after": true, "into": true,
	"than": true, "other": true, "such": true, "all": true, "one": true, "two": true, "new": true, "can": true, "may": true,
	"will": true, "would": true, "could": true, "more": true, "most": true, "some": true, "used": true, "use": true,
	"using": true, "uses": true, "said": true, "says": true, "group": true, "groups": true, "-": true, ":": true,
	"\"": true, "\u201c": true, "\u201d": true, ";": true, "we": true, "they": true, "he": true,
	"she": true, "our": true, "if": true, "when": true, "since": true, "about": true, "between": true, "through": true,
	"during": true, "over": true, "under": true, "against": true, "including": true, "both": true, "each": true}

// anchorCost ranks candidate anchors: fewer keys is better, a common
// token costs as much as many rare ones and a frequent one as several.
func anchorCost(keys []string) int {
	n := 0
	for _, k := range keys {
		n++
		switch {
		case commonAnchors[k]:
			n += 50
		case frequentAnchors[k]:
			n += 8
		}
	}
	return n
}

// relStart is a relation rule's start conditions (relIndex.byMaskStart).
type relStart struct {
	idx      int32
	anchored bool
	first    typeMask    // r.rel.first.mask
	need     [2]slotNeed // r.rel.srcNeed, r.rel.tgtNeed
}

// slotNeed is the part of a relFirst the per-sentence filter reads.
type slotNeed struct {
	open bool
	mask typeMask
}

// relationIndex builds the start index of every relation rule compiled.
func (c *compiler) relationIndex() relIndex {
	ix := relIndex{byKey: map[string][]*rule{}, count: len(c.p.rules), slotKeys: map[string][]int32{}}
	for _, r := range c.relRules {
		for s, need := range []relFirst{r.rel.srcNeed, r.rel.tgtNeed} {
			if need.open {
				continue
			}
			for _, k := range need.keys {
				ix.slotKeys[k] = appendOnce(ix.slotKeys[k], r.idx*2+int32(s))
			}
		}
		f := r.rel.first
		if f.open {
			ix.open = append(ix.open, r)
			continue
		}
		if f.mask != 0 {
			ix.byMask = append(ix.byMask, r)
			ix.byMaskStart = append(ix.byMaskStart, relStart{idx: r.idx, anchored: r.anchored, first: f.mask,
				need: [2]slotNeed{{r.rel.srcNeed.open, r.rel.srcNeed.mask}, {r.rel.tgtNeed.open, r.rel.tgtNeed.mask}}})
		}
		seen := map[string]bool{}
		for _, k := range f.keys {
			if !seen[k] {
				seen[k] = true
				ix.byKey[k] = append(ix.byKey[k], r)
			}
		}
	}
	return ix
}

// fileRelationStarts copies the relation index's per-token lists to the
// vocabulary entries of their tokens. A token without an entry starts no
// relation rule: the stage looks only at tokens with one.
func (p *Pack) fileRelationStarts() {
	if p.relCues == nil {
		return
	}
	ix := &p.relCues.index
	for k, rs := range ix.byKey {
		if v := p.vocab[k]; v != nil {
			v.relFirsts = rs
			v.relFirstRefs = make([]relRef, len(rs))
			for i, r := range rs {
				v.relFirstRefs[i] = relRef{idx: r.idx, anchored: r.anchored}
			}
		}
	}
	for k, ss := range ix.slotKeys {
		if v := p.vocab[k]; v != nil {
			v.relSlots = ss
		}
	}
}

// relRef is what runRelationRules reads of a rule to skip a try that
// would return at once (vocabEntry.relFirstRefs).
type relRef struct {
	idx      int32
	anchored bool
}

// relScratch holds runRelationRules' tables between calls (see there).
type relScratch struct {
	active, tried, slotOK, setAt   []int32
	lastAnchor, minStart, slotLast []int
	startMask                      []typeMask
	setOK                          []bool
}

// skipTry reports whether the relation rule idx is not to be tried at
// token i of the sentence stamped stamp: it is anchored and its anchor word
// is not in the sentence at or after i (the anchor lies inside the match,
// so at or after its start), or it was tried at i already. It is try's
// first test and the pre-check on the vocabulary's compact table
// (relFirstRefs) alike, so the two cannot drift apart.
func (sc *relScratch) skipTry(idx int32, anchored bool, i int, stamp int32) bool {
	return anchored && (sc.active[idx] != stamp || sc.lastAnchor[idx] < i) || sc.tried[idx] == int32(i+1)
}

// runRelationRules tries every relation rule where it may start, in
// sentences where its anchor occurs, and calls found for each match.
func (d *docState) runRelationRules(only map[int]bool, found func(r *rule, start, end int)) {
	found = d.prof.counted(found)
	cues := d.p.relCues
	if cues == nil {
		return
	}
	ix := &cues.index
	// The per-rule and per-token tables live in the document state and are
	// cleared, not allocated, on each call: allocating them per document
	// was a sixth of the bytes a document's extraction allocated.
	sc := &d.relScratch
	sc.active = grow(sc.active, ix.count)         // per rule: sentence stamp of its anchor
	sc.lastAnchor = grow(sc.lastAnchor, ix.count) // per rule: last token of the sentence that starts an anchor word
	sc.minStart = grow(sc.minStart, ix.count)     // per rule: the first token a match may start at (reach.go)
	sc.tried = grow(sc.tried, ix.count)           // per rule: last token tried + 1
	sc.slotOK = grow(sc.slotOK, 2*ix.count)       // per rule and slot: sentence stamp of a word the slot may start with
	sc.slotLast = grow(sc.slotLast, 2*ix.count)   // per rule and slot: the last such word of the sentence
	sc.startMask = grow(sc.startMask, len(d.startM))
	active, lastAnchor, minStart, tried := sc.active, sc.lastAnchor, sc.minStart, sc.tried
	slotOK, slotLast := sc.slotOK, sc.slotLast
	startMask := sc.startMask // per token: the type of the mention starting there
	maxMention := d.maxMentionTokens()
	var sentTypes typeMask // types of the mentions of the sentence
	var typeLast [16]int   // per type bit: the last token of the sentence a mention of it starts at
	// slotsPossible: both slots can start somewhere in the sentence.
	slotsPossible := func(r *rule, stamp int32) bool {
		for s, need := range [2]*relFirst{&r.rel.srcNeed, &r.rel.tgtNeed} {
			if !need.open && need.mask&sentTypes == 0 && slotOK[2*int(r.idx)+s] != stamp {
				return false
			}
		}
		return true
	}
	// slotsPossibleFrom: both slots can start at token i or after it, as
	// they must in a match that starts at i. A rule starting at the last
	// actor of a sentence whose target comes before it is spared the matcher.
	slotsPossibleFrom := func(r *rule, stamp int32, i int) bool {
		for s, need := range [2]*relFirst{&r.rel.srcNeed, &r.rel.tgtNeed} {
			if need.open {
				continue
			}
			if k := 2*int(r.idx) + s; slotOK[k] == stamp && slotLast[k] >= i {
				continue
			}
			ok := false
			for m := need.mask & sentTypes; m != 0 && !ok; m &= m - 1 {
				ok = typeLast[bits.TrailingZeros16(uint16(m))] >= i
			}
			if !ok {
				return false
			}
		}
		return true
	}
	// slotsInSpan: a slot that can start only at a mention has one within
	// the rule's span from i (plus a relative clause a match may skip,
	// relation_aside.go). Walked per try, so only before the costly steps.
	slotsInSpan := func(r *rule, i, hi int, stamp int32) bool {
		if !r.rel.span.ok {
			return true
		}
		end := min(hi, i+r.rel.span.tokens(maxMention)+asideMaxTokens+4)
		for s, need := range [2]*relFirst{&r.rel.srcNeed, &r.rel.tgtNeed} {
			if k := 2*int(r.idx) + s; need.open || slotOK[k] == stamp && slotLast[k] >= i {
				continue
			}
			ok := false
			for j := i; j < end && !ok; j++ {
				ok = startMask[j]&need.mask != 0
			}
			if !ok {
				return false
			}
		}
		return true
	}
	sc.setAt = grow(sc.setAt, d.p.phraseSets+1) // per phrase set: token + 1 of its last lookup
	sc.setOK = grow(sc.setOK, d.p.phraseSets+1) // and whether a phrase of it starts there
	setAt, setOK := sc.setAt, sc.setOK
	firstPhraseAt := func(r *rule, i, hi int) bool {
		for _, ps := range r.rel.first.sets {
			if setAt[ps.id] != int32(i+1) {
				setAt[ps.id], setOK[ps.id] = int32(i+1), ps.startsAt(d, i, hi)
			}
			if setOK[ps.id] {
				return true
			}
		}
		return false
	}
	try := func(r *rule, i, hi int, stamp int32) {
		if sc.skipTry(r.idx, r.anchored, i, stamp) {
			return
		}
		// Out of the rule's reach, unless a relative clause on a name at i
		// stands between it and the anchor (relation_aside.go).
		asideOnly := r.anchored && i < minStart[r.idx]
		if asideOnly && !d.asideReaches(r, i, minStart[r.idx]) {
			return
		}
		if !slotsPossibleFrom(r, stamp, i) {
			tried[r.idx] = int32(i + 1)
			return
		}
		// Past a mention, a rule that does not start anywhere starts only
		// with a phrase of its first element, which many rules share (the
		// anaphors): each set is looked up once per token.
		if !r.rel.first.open && d.startM[i] < 0 && !firstPhraseAt(r, i, hi) {
			return
		}
		tried[r.idx] = int32(i + 1)
		if r.rel.usesPOS && !d.tagged[d.sentOf[i]] && (!slotsInSpan(r, i, hi, stamp) ||
			(asideOnly || !d.mayMatchUntagged(r, i, hi)) && !d.mayMatchPastRelativeUntagged(r, i, hi)) {
			return
		}
		if !canStart(d, r.nodes, i, hi) || !d.nextCanFollow(r, i, hi) || !r.rel.usesPOS && !slotsInSpan(r, i, hi, stamp) ||
			r.notAfter != nil && d.notAfterMatch(r.notAfter, i) {
			return
		}
		d.prof.started(r.idx)
		d.m.hi, d.m.notBefore = hi, r.notBefore
		if end := -1; !asideOnly {
			end = d.m.match(r.nodes, i)
			if end > i && r.rel.subjectFirst && d.m.capturesAt(i) {
				if k := d.interjectionAround(i, hi); k > 0 && end > k {
					return // the reporter of "X, Mandiant said, ..." (relation_interjection.go)
				}
			}
			if end > i {
				found(r, i, end)
				return
			}
		}
		if end := d.matchPastRelative(r, i, hi); end > i {
			found(r, i, end) // "X, which ..., is a unit of Y" (relation_aside.go)
		}
	}
	try = d.prof.timedRel(try)
	var rw, cw []tokRewrite
	var live, liveOpen []*rule
	var restoreEnd func()
	defer func() {
		if restoreEnd != nil {
			restoreEnd()
		}
	}()
	for si := range d.sents {
		lo, hi := d.sentLo[si], d.sentLo[si+1]
		if lo == hi || only != nil && !only[si] {
			continue
		}
		d.poll(si)
		// A sentence ending in ":" reads the bullet list after it as its
		// own (relation_lists.go): matches start in the sentence and may
		// run to the end of the list.
		var blockEnd int
		d.listStop = -1
		if blockEnd, rw = d.listBlock(si, rw); blockEnd > 0 {
			// A last item without closing punctuation ends the list all
			// the same: the next line's first token reads as "." (and is
			// no part of the evidence's sentences), so a target list that
			// must end at a boundary takes its last member too.
			// A list that ends the document has no next line: it gets a
			// "." token of its own after the text (listEndStop), for this
			// reading only.
			if t := blockEnd; t == d.sentLo[len(d.sents)] && !itemEnds[d.tokText[t-1]] && restoreEnd == nil {
				restoreEnd = d.listEndStop()
				startMask = append(startMask[:len(startMask):len(startMask)], 0)
			}
			if t := blockEnd; t < d.sentLo[len(d.sents)] && !itemEnds[d.tokText[t-1]] {
				rw = append(rw, tokRewrite{i: t, text: "."})
				d.listStop = t
				blockEnd++
			}
			d.applyRewrites(rw)
		} else {
			blockEnd = hi
		}
		// "describes X as Y" reads as "X is Y" (relation_copula.go).
		if cw = d.copulaRewrites(lo, hi, cw); len(cw) > 0 {
			d.applyRewrites(cw)
		}
		stamp := int32(si + 1)
		sentTypes = 0
		for i := lo; i < blockEnd; i++ {
			startMask[i] = 0
			if mi := d.startM[i]; mi >= 0 {
				m := d.accMask[mi]
				sentTypes |= m
				startMask[i] = m
				for b := uint16(m); b != 0; b &= b - 1 { // a numbered unit is two types (relation_unit_actor.go)
					typeLast[bits.TrailingZeros16(b)] = i
				}
			}
			if v := d.vent[i]; v != nil {
				for _, ri := range v.relAnchors {
					if int(ri) < len(active) {
						if active[ri] != stamp {
							active[ri] = stamp
							minStart[ri] = lo
							if r := d.p.rules[ri]; r.reach.ok {
								minStart[ri] = i - r.reach.tokens(maxMention)
							}
						}
						lastAnchor[ri] = i
					}
				}
				for _, k := range v.relSlots {
					slotOK[k], slotLast[k] = stamp, i
				}
			}
		}
		// The rules that start at a mention and may match in this sentence:
		// walked at every mention, so the others are left out once here.
		live = live[:0]
		for k := range ix.byMaskStart {
			st := &ix.byMaskStart[k]
			if st.first&sentTypes == 0 || st.anchored && active[st.idx] != stamp {
				continue
			}
			possible := true // slotsPossible, on the table
			for s, need := range st.need {
				if !need.open && need.mask&sentTypes == 0 && slotOK[2*int(st.idx)+s] != stamp {
					possible = false
					break
				}
			}
			if possible {
				live = append(live, ix.byMask[k])
			}
		}
		// So are the rules tried at every token.
		liveOpen = liveOpen[:0]
		for _, r := range ix.open {
			if (!r.anchored || active[r.idx] == stamp) && slotsPossible(r, stamp) {
				liveOpen = append(liveOpen, r)
			}
		}
		for i := lo; i < hi; i++ {
			if mi := d.startM[i]; mi >= 0 && len(live) > 0 {
				m := d.accMask[mi]
				for _, r := range live {
					if r.rel.first.mask&m != 0 {
						try(r, i, blockEnd, stamp)
					}
				}
			}
			if v := d.vent[i]; v != nil {
				for k, ref := range v.relFirstRefs {
					// try's first test, on the compact table, before the
					// rule itself is loaded
					if sc.skipTry(ref.idx, ref.anchored, i, stamp) {
						continue
					}
					try(v.relFirsts[k], i, blockEnd, stamp)
				}
			}
			for _, r := range liveOpen {
				if r.start.allows(d, i) {
					try(r, i, blockEnd, stamp)
				}
			}
		}
		if len(cw) > 0 {
			d.applyRewrites(cw) // restore
		}
		if blockEnd > hi {
			d.applyRewrites(rw) // restore
		}
	}
	d.listStop = -1
}

// listEndStop gives the relation rules' reading of a bullet list that ends
// the document ("compromised several organisations:\n\n- A\n- B", with no
// line after B) the token a list's last item needs after it: a target list
// must end at a boundary, and the token after the last item is read as "."
// (listStop) — at the document's end there was none, and B was lost. It
// adds one sentence of a single empty "." token at the end of the text to
// the document state and returns the function that takes it away again.
// Only the relation rules' list reading sees it, between the two calls:
// every other stage, and the sentences the caller passed, are unchanged.
// (The per-token tables are copied once for such a document.)
func (d *docState) listEndStop() (restore func()) {
	n, end := len(d.tokText), len(d.text)
	sents, sentLo, tagged := d.sents, d.sentLo, d.tagged
	tokText, tokStart, tokEnd, fold, same, foldHash := d.tokText, d.tokStart, d.tokEnd, d.fold, d.same, d.foldHash
	vent, sentOf, startM, cover, typeOf := d.vent, d.sentOf, d.startM, d.cover, d.typeOf
	shapes, cshapes := d.shapes, d.cshapes

	stop := nlp.Sentence{Start: end, End: end, Tokens: []nlp.Token{{Text: ".", Start: end, End: end}}}
	d.sents = append(sents[:len(sents):len(sents)], stop)
	d.sentLo = append(sentLo[:len(sents)+1:len(sents)+1], n+1)
	d.tagged = append(tagged[:len(sents):len(sents)], false)
	f := foldKey(".")
	d.tokText = append(tokText[:n:n], ".")
	d.tokStart = append(tokStart[:n:n], end)
	d.tokEnd = append(tokEnd[:n:n], end)
	d.fold = append(fold[:n:n], f)
	d.same = append(same[:n:n], int32(n))
	d.foldHash = append(foldHash[:n:n], wordHash(f))
	d.vent = append(vent[:n:n], d.p.vocab[f])
	d.sentOf = append(sentOf[:n:n], int32(len(sents)))
	d.startM = append(startM[:n:n], -1)
	d.cover = append(cover[:n:n], 0)
	d.typeOf = append(typeOf[:n:n], spareWord) // the spare entry of the regex caches (wordcache.go)
	d.shapes, d.cshapes = nil, nil
	return func() {
		d.sents, d.sentLo, d.tagged = sents, sentLo, tagged
		d.tokText, d.tokStart, d.tokEnd, d.fold, d.same, d.foldHash = tokText, tokStart, tokEnd, fold, same, foldHash
		d.vent, d.sentOf, d.startM, d.cover, d.typeOf = vent, sentOf, startM, cover, typeOf
		d.shapes, d.cshapes = shapes, cshapes
	}
}
