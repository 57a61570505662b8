package extract

import "slices"

// Features of one candidate pair, hashed into the model's buckets. They
// describe the shape of the text between and around the two mentions and
// what the rules already said about each end — never the names
// themselves, so what is learnt carries to reports about other actors.
// Lexical features are conjoined with the direction (does the source come
// first?), so "X used Y" and "Y used by X" are told apart, and many with
// the ordered type pair.
//
// A feature is a few 32-bit parts (a kind, a word's wordHash, the type
// pair's hash ...) mixed into one number, so no feature string is ever
// built: the pass costs a few multiplications per feature.
const (
	pairMaxBetween = 10 // words between that become features: the first and last five
	pairContext    = 2  // words before the first mention and after the second
	// pairMaxFeatures bounds the features of one candidate (107 at most
	// before the word lists: 20 word and 9 bigram features, 32 rule-role
	// features, 3 entity-kind and 6 two-step ones, 3 of the document as a
	// whole, the rest fixed; then two per word list between and at most
	// pairContextLists each side), so they are written in place into a
	// shared arena.
	pairMaxFeatures = 112 + 2*pairMaxLists + 2*pairContextLists
	// pairMaxLists bounds the distinct word lists named by the words
	// between two mentions: the most specific are kept.
	pairMaxLists = 12
	// pairContextLists bounds the word lists of the word right before the
	// first mention, and of the word right after the second, that become
	// features: the most specific are kept.
	pairContextLists = 2
)

// Feature kinds: fixed, distinct constants (changing one needs retraining).
const (
	fBias uint32 = iota + 0x51ed
	fTypes
	fTypesDir
	fSent
	fDistDir
	fDistTypes
	fNoneBetween
	fWordDir
	fWordTypes
	fBigram
	fShortGap
	fPunct
	fPunctTypes
	fOtherFirst
	fOtherSecond
	fPre
	fPost
	fSrcTop
	fTgtTop
	fNegated
	fHedged
	fSrcRule
	fTgtRule
	fPairCount
	fPairSame
	fPairClosest
	fPairMinDist
	fSrcMentions
	fTgtMentions
	fOpener
	fReporter
	fSrcKind
	fTgtKind
	fKindPair
	fTwoHop
	fTitle
	fDocSents
	fDocBlocks
	fListBetween
	fListContext
	fListDir
)

// featureGroup is a family of feature kinds that a model may leave out as
// a whole (PairModel.SetDropped, `train-pairs --drop-features`): the
// cross-validation ablates one group at a time to see which ones carry
// over to unseen documents and which ones only memorise the training
// documents.
type featureGroup uint8

// The feature groups, in the order of FeatureGroups.
const (
	gTypes featureGroup = iota
	gSentence
	gDistance
	gWords
	gPunct
	gBetween
	gContext
	gOpener
	gReporter
	gKinds
	gTop
	gCues
	gPair
	gRoles
	gHops
	gDocument
	gLists
	gListsDir
)

// FeatureGroups names the feature groups (the bias is always on).
var FeatureGroups = []string{"types", "sentence", "distance", "words", "punct", "between", "context", "opener",
	"reporter", "kinds", "top", "cues", "pair", "roles", "hops", "document", "lists", "listsdir"}

// pairMaxHops bounds the two-step paths a candidate's features name.
const pairMaxHops = 6

// twoHops calls fn with the roles of each path of two rule relations from
// entity a through a third entity to b (a's role toward the third, the
// third's toward b), at most limit of them, and returns how many. The
// paths come in the order of a's roles, then of the third's. It walks
// the smaller end's neighbours and looks the rest up (roleIndex), so a
// document where one actor holds thousands of relations costs each
// candidate its few lookups, not a walk of them all.
func (d *pairDoc) twoHops(a, b, limit int, fn func(r1, r2 uint32)) int {
	if limit <= 0 {
		return 0
	}
	ia, ib := d.roleIndex(a), d.roleIndex(b)
	if len(ia) <= len(ib) {
		// from a: each of its roles, in order, then the third's toward b
		n := 0
		for _, r1 := range d.roles[a] {
			if r1.other < 0 || r1.other == b || r1.other == a {
				continue
			}
			for _, p := range d.roleIndex(r1.other)[b] {
				if n >= limit {
					return n
				}
				fn(r1.role, d.roles[r1.other][p].role)
				n++
			}
		}
		return n
	}
	// from b: each entity linked to b that a is linked to; the paths are
	// gathered (at most limit per third entity) and put in a's order
	type hop struct{ pa, pc, c int }
	var hops []hop
	for c := range ib {
		if c == a || c == b {
			continue
		}
		pas := ia[c]
		if len(pas) == 0 {
			continue
		}
		ic := d.roleIndex(c)[b] // a rule relation of b and c is one of c's roles too
		k := 0
	walk:
		for _, pa := range pas {
			for _, pc := range ic {
				if k >= limit {
					break walk
				}
				hops = append(hops, hop{pa, pc, c})
				k++
			}
		}
	}
	slices.SortFunc(hops, func(x, y hop) int {
		if x.pa != y.pa {
			return x.pa - y.pa
		}
		return x.pc - y.pc
	})
	n := 0
	for _, h := range hops {
		if n >= limit {
			break
		}
		fn(d.roles[a][h.pa].role, d.roles[h.c][h.pc].role)
		n++
	}
	return n
}

// roleIndex is entity e's rule relations by their other end: other entity
// → the positions of those relations in d.roles[e], ascending (built once
// per entity).
func (d *pairDoc) roleIndex(e int) map[int][]int {
	if idx, ok := d.roleIdx[e]; ok {
		return idx
	}
	if d.roleIdx == nil {
		d.roleIdx = map[int]map[int][]int{}
	}
	idx := map[int][]int{}
	for p, r := range d.roles[e] {
		if r.other >= 0 {
			idx[r.other] = append(idx[r.other], p)
		}
	}
	d.roleIdx[e] = idx
	return idx
}

// distinctRole is one distinct role of an entity: where it first occurs in
// d.roles[e] and toward which entity, and where it first occurs toward
// another entity (-1: nowhere).
type distinctRole struct {
	role         uint32
	pos1, other1 int
	pos2         int
}

// roleSummary is entity e's distinct roles in the order they first occur
// (built once per entity).
func (d *pairDoc) roleSummary(e int) []distinctRole {
	if s, ok := d.roleSum[e]; ok {
		return s
	}
	if d.roleSum == nil {
		d.roleSum = map[int][]distinctRole{}
	}
	var s []distinctRole
	at := map[uint32]int{}
	for p, r := range d.roles[e] {
		i, ok := at[r.role]
		if !ok {
			at[r.role] = len(s)
			s = append(s, distinctRole{role: r.role, pos1: p, other1: r.other, pos2: -1})
			continue
		}
		if s[i].pos2 < 0 && r.other != s[i].other1 {
			s[i].pos2 = p
		}
	}
	d.roleSum[e] = s
	return s
}

// distinctRoles appends to out, in the order they first occur, the first
// max distinct roles of entity e's rule relations whose other end is not
// other. It reads the roleSummary when e has many relations, so an actor
// with thousands of them costs each candidate a walk of its few distinct
// roles.
func (d *pairDoc) distinctRoles(e, other, max int, out []uint32) []uint32 {
	rs := d.roles[e]
	if len(rs) <= 64 {
	next:
		for _, r := range rs {
			if r.other == other {
				continue
			}
			for _, s := range out {
				if s == r.role {
					continue next
				}
			}
			if len(out) == max {
				break
			}
			out = append(out, r.role)
		}
		return out
	}
	type first struct {
		pos  int
		role uint32
	}
	var fs []first
	for _, s := range d.roleSummary(e) {
		p := s.pos1
		if s.other1 == other {
			p = s.pos2
		}
		if p >= 0 {
			fs = append(fs, first{p, s.role})
		}
	}
	slices.SortFunc(fs, func(x, y first) int { return x.pos - y.pos })
	for _, f := range fs {
		if len(out) == max {
			break
		}
		out = append(out, f.role)
	}
	return out
}

// mix combines two parts of a feature (a 32-bit finaliser over a
// multiply-xor step); mix(mix(a, b), c) is the feature (a, b, c).
func mix(a, b uint32) uint32 {
	h := a*0x9e3779b1 ^ b
	h ^= h >> 15
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// Markers and punctuation words, hashed once.
var (
	hStart, hEnd     = wordHash("<start>"), wordHash("<end>")
	hNone            = wordHash("<none>")
	hComma, hColon   = wordHash(","), wordHash(":")
	hParenL, hParenR = wordHash("("), wordHash(")")
	hPoss1, hPoss2   = wordHash("'s"), wordHash("’s")
	hApos            = wordHash("'")
	hSame, hAdj      = wordHash("same"), wordHash("adj")
	hFar             = wordHash("far")
	hFwd, hRev       = wordHash("fwd"), wordHash("rev")
	hPunctNames      = [4]uint32{wordHash("comma"), wordHash("paren"), wordHash("colon"), wordHash("poss")}
	hMonth           = wordHash("may (month)")
)

// between are the mentions after first and before second in document order.
func (m *PairModel) features(d *pairDoc, src, tgt, first, second *pairMention, srcFirst bool, between []pairMention) []uint32 {
	n := uint32(m.Buckets)
	if cap(d.arena)-len(d.arena) < pairMaxFeatures {
		d.arena = make([]uint32, 0, 64*1024)
	}
	fs := d.arena[len(d.arena):len(d.arena)]
	emit := func(h uint32) {
		if len(fs) < pairMaxFeatures { // the arena's room is reserved for that many, no more
			fs = append(fs, h%n)
		}
	}
	drop := m.dropped
	emitG := func(g featureGroup, h uint32) { // emit, unless g is a group the model drops
		if drop&(1<<g) == 0 && len(fs) < pairMaxFeatures {
			fs = append(fs, h%n)
		}
	}
	dir := hRev
	if srcFirst {
		dir = hFwd
	}
	tp := mix(src.typeHash, tgt.typeHash)
	sent := hSame
	if first.sent != second.sent {
		sent = hAdj
	}
	if second.sent > first.sent+1 {
		sent = hFar
	}
	emit(mix(fBias, 0))
	emitG(gTypes, mix(fTypes, tp))
	emitG(gTypes, mix(mix(fTypesDir, tp), dir))
	emitG(gSentence, mix(mix(mix(fSent, sent), tp), dir))
	lo, hi := first.tokHi, second.tokLo // the tokens between
	gap := hi - lo
	db := distBucket(gap)
	emitG(gDistance, mix(mix(fDistDir, db), dir))
	emitG(gDistance, mix(mix(fDistTypes, db), tp))
	words := d.words[lo:hi]
	if gap > pairMaxBetween {
		var buf [pairMaxBetween]uint32
		copy(buf[:], words[:pairMaxBetween/2])
		copy(buf[pairMaxBetween/2:], words[gap-pairMaxBetween/2:])
		words = buf[:]
	}
	if gap == 0 {
		emitG(gDistance, mix(fNoneBetween, tp))
	}
	short := uint32(0)
	for k, w := range words {
		emitG(gWords, mix(mix(mix(fWordTypes, w), tp), dir))
		if k+1 < len(words) {
			emitG(gWords, mix(mix(mix(mix(fBigram, w), words[k+1]), tp), dir))
		}
		short = mix(short, w)
	}
	if gap > 0 && gap <= 3 {
		emitG(gWords, mix(mix(mix(fShortGap, short), tp), dir)) // the whole short gap: ", a", "'s", "("
	}
	m.listFeatures(d, lo, hi, first, second, tp, dir, emitG)
	var punct [4]bool // comma, parenthesis, colon, possessive right after the first
	for k := lo; k < hi; k++ {
		switch d.words[k] {
		case hComma:
			punct[0] = true
		case hParenL, hParenR:
			punct[1] = true
		case hColon:
			punct[2] = true
		case hPoss1, hPoss2, hApos:
			punct[3] = punct[3] || k == lo
		}
	}
	for i, on := range punct {
		if on {
			emitG(gPunct, mix(mix(fPunct, hPunctNames[i]), dir))
			emitG(gPunct, mix(mix(mix(fPunctTypes, hPunctNames[i]), tp), dir))
		}
	}
	// Other mentions between of the same types as the ends: "A, unlike B,
	// uses C", or a list whose nearer item is the likelier partner.
	var otherFirst, otherSecond bool
	for _, o := range between {
		if o.tokLo >= lo && o.tokHi <= hi {
			otherFirst = otherFirst || o.typ == first.typ
			otherSecond = otherSecond || o.typ == second.typ
		}
	}
	if otherFirst {
		emitG(gBetween, mix(fOtherFirst, dir))
	}
	if otherSecond {
		emitG(gBetween, mix(fOtherSecond, dir))
	}
	for k := 1; k <= pairContext; k++ {
		if i := first.tokLo - k; i >= d.sentLo[first.sent] {
			emitG(gContext, mix(mix(mix(fPre, uint32(k)), d.words[i]), dir))
		} else if k == 1 {
			emitG(gContext, mix(mix(mix(fPre, 1), hStart), dir))
		}
		if i := second.tokHi - 1 + k; i < d.sentLo[second.sent+1] {
			emitG(gContext, mix(mix(mix(fPost, uint32(k)), d.words[i]), dir))
		} else if k == 1 {
			emitG(gContext, mix(mix(mix(fPost, 1), hEnd), dir))
		}
	}
	// Which end, if either, is the first named in its block (paragraph,
	// list item): the block's subject.
	if e, ok := d.opener[d.block[first.sent]]; ok {
		who := uint32(0)
		if e == src.entity {
			who = 1
		} else if e == tgt.entity {
			who = 2
		}
		emitG(gOpener, mix(mix(mix(fOpener, who), sent), tp))
	}
	// Ends that are the source of a report in the document ("X said",
	// "according to X"): a vendor or agency, rarely a party to the relation.
	emitG(gReporter, mix(mix(fReporter, whichEnd(d.reporter, src.entity, tgt.entity)), tp))
	// What kind of entity each end is, by the rule that found it: a city
	// or a country, a security vendor or a victim company.
	emitG(gKinds, mix(mix(fSrcKind, d.kind[src.entity]), tp))
	emitG(gKinds, mix(mix(fTgtKind, d.kind[tgt.entity]), tp))
	emitG(gKinds, mix(mix(mix(fKindPair, d.kind[src.entity]), d.kind[tgt.entity]), tp)) // the two kinds together: a city in a country, a vendor and a victim
	if d.top[src.entity] {
		emitG(gTop, mix(fSrcTop, tp))
	}
	if d.top[tgt.entity] {
		emitG(gTop, mix(fTgtTop, tp))
	}
	if d.negated[first.sent] || d.negated[second.sent] {
		emitG(gCues, mix(fNegated, tp))
	}
	if d.hedge[first.sent] != "" || d.hedge[second.sent] != "" {
		emitG(gCues, mix(fHedged, tp))
	}
	// The rule relations of each end, except any between the two ends.
	// Each role is also conjoined with the kind of the candidate's other
	// end: a group that already "targets" something, paired with a
	// country, a vendor, a ministry.
	roles := func(kind uint32, e, other int) {
		otherKind := d.kind[other]
		var seen [8]uint32
		got := d.distinctRoles(e, other, len(seen), seen[:0])
		for _, role := range got {
			emitG(gRoles, mix(mix(kind, role), tp))
			emitG(gRoles, mix(mix(mix(kind, role), otherKind), tp))
		}
		if len(got) == 0 {
			emitG(gRoles, mix(mix(kind, hNone), tp))
		}
	}
	// The entity pair as a whole: how often its mentions meet in the
	// window, whether one meeting is in one sentence, the shortest gap of
	// any meeting and whether this candidate is it, and how often each end
	// is mentioned in the document.
	st := d.pairs[pairKey(src.entity, tgt.entity)]
	emitG(gPair, mix(mix(fPairCount, countBucket(st.same+st.adj)), tp))
	if st.same > 0 {
		emitG(gPair, mix(mix(fPairSame, sent), tp))
	}
	emitG(gPair, mix(mix(fPairMinDist, distBucket(st.minGap)), tp))
	if gap == st.minGap {
		emitG(gPair, mix(mix(fPairClosest, sent), tp))
	}
	emitG(gPair, mix(mix(fSrcMentions, countBucket(d.count[src.entity])), tp))
	emitG(gPair, mix(mix(fTgtMentions, countBucket(d.count[tgt.entity])), tp))
	roles(fSrcRule, src.entity, tgt.entity)
	roles(fTgtRule, tgt.entity, src.entity)
	// Two steps through the rules' relations: the source is linked to a
	// third entity that is linked to the target ("X sponsored-by M, M
	// part-of C": X likelier based in C than targeting it; "P employed-by
	// O, O located-in L").
	hops := 0
	for side, ends := range [2][2]int{{src.entity, tgt.entity}, {tgt.entity, src.entity}} {
		hops += d.twoHops(ends[0], ends[1], pairMaxHops-hops, func(r1, r2 uint32) {
			emitG(gHops, mix(mix(mix(mix(fTwoHop, r1), r2), tp), uint32(side)))
		})
	}
	// The document as a whole (session 13): which end, if either, is
	// named in the document's first sentence (its title or lead), and in
	// how many sentences and blocks the two ends are named together
	// anywhere in the document, beyond the candidate window.
	emitG(gDocument, mix(mix(fTitle, whichEnd(d.title, src.entity, tgt.entity)), tp))
	ns, nb := d.docCoOccur(src.entity, tgt.entity)
	emitG(gDocument, mix(mix(fDocSents, countBucket(ns)), tp))
	emitG(gDocument, mix(mix(fDocBlocks, countBucket(nb)), tp))
	d.arena = d.arena[:len(d.arena)+len(fs)] // fs was written in place: emit never lets it outgrow pairMaxFeatures
	return fs[:len(fs):len(fs)]
}

// listFeatures emits which of the relation rules' word lists the words
// between the mentions belong to, with the type pair and direction, and
// the lists of the word right before the first mention and right after the
// second (the pairContextLists most specific): "X, which the ministry
// employs, ..." reads as the employment verbs whatever the verb, so what
// the model learns of one word of a list carries to the others, including
// words our documents never used. Of the lists between, at most
// pairMaxLists are kept (listsBetween).
func (m *PairModel) listFeatures(d *pairDoc, lo, hi int, first, second *pairMention, tp, dir uint32, emitG func(featureGroup, uint32)) {
	if len(m.listSets) == 0 || len(d.lists) < len(d.words) || m.dropped&(1<<gLists) != 0 && m.dropped&(1<<gListsDir) != 0 {
		return // no lists, a document prepared without them, or both groups dropped
	}
	var kept [pairMaxLists]int32
	for _, r := range m.listsBetween(d.lists[lo:hi], kept[:0]) {
		l := m.listName[r]
		emitG(gLists, mix(mix(mix(fListBetween, l), tp), dir))
		emitG(gListsDir, mix(mix(fListDir, l), dir))
	}
	if i := first.tokLo - 1; i >= d.sentLo[first.sent] && d.lists[i] != 0 {
		for _, r := range firstN(m.listSets[d.lists[i]-1], pairContextLists) {
			emitG(gLists, mix(mix(mix(fListContext, m.listName[r]), 1), dir))
		}
	}
	if i := second.tokHi; i < d.sentLo[second.sent+1] && d.lists[i] != 0 {
		for _, r := range firstN(m.listSets[d.lists[i]-1], pairContextLists) {
			emitG(gLists, mix(mix(mix(fListContext, m.listName[r]), 2), dir))
		}
	}
}

// listsBetween appends to kept (cap pairMaxLists) the distinct lists (ranks)
// of the words sets, taking each word's most specific list first, then each
// word's second, and so on: every word with a list is heard before any
// word is heard twice, so a long gap does not spend the cap on the first
// few words' many lists.
func (m *PairModel) listsBetween(sets []int32, kept []int32) []int32 {
	for k, more := 0, true; more && len(kept) < cap(kept); k++ {
		more = false
		for _, set := range sets {
			if set == 0 || len(m.listSets[set-1]) <= k {
				continue
			}
			more = true
			if r := m.listSets[set-1][k]; !slices.Contains(kept, r) {
				kept = append(kept, r)
				if len(kept) == cap(kept) {
					break
				}
			}
		}
	}
	return kept
}

// firstN is s cut to at most n items.
func firstN(s []int32, n int) []int32 { return s[:min(len(s), n)] }

// countBucket buckets a count: 1, 2, 3-4, 5-8, 9+.
func countBucket(n int) uint32 {
	switch {
	case n <= 2:
		return uint32(n)
	case n <= 4:
		return 3
	case n <= 8:
		return 4
	}
	return 5
}

// distBucket buckets a token distance: 0, 1, 2, 3-4, 5-7, 8-12, 13-20, 21+.
func distBucket(n int) uint32 {
	switch {
	case n <= 2:
		return uint32(n)
	case n <= 4:
		return 3
	case n <= 7:
		return 4
	case n <= 12:
		return 5
	case n <= 20:
		return 6
	}
	return 7
}

// whichEnd is which ends of a candidate have a property of the document
// (set by entity): 1 the source, 2 the target, 3 both, 0 neither.
func whichEnd(set []bool, src, tgt int) uint32 {
	w := uint32(0)
	if set[src] {
		w |= 1
	}
	if set[tgt] {
		w |= 2
	}
	return w
}
