package rules

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportgraph/extractor"
)

// The token-pattern matcher. A pattern compiles to a tree of nodes; each node
// consumes one or more tokens (a token, a phrase from a list, the span of a
// mention found by an earlier stage, or a sub-sequence) and may repeat.
// Matching backtracks like a regular-expression engine: repeats are greedy
// and the first way that matches wins. Elements can record what they
// consumed into named slots; pattern rules use the slot "entity", alias
// rules "name" and "alias", and relation rules will use "source" and
// "target" with the same machinery.

// typeMask is a set of entity types, one bit per EntityTypes entry.
type typeMask uint16

var anyType = typeMask(1<<len(extractor.EntityTypes) - 1)

func maskOf(t extractor.EntityType) typeMask {
	for i, v := range extractor.EntityTypes {
		if v == t {
			return 1 << i
		}
	}
	return 0
}

type node struct {
	min, max int // max -1: unbounded
	slot     int // -1: none
	cond     *cond
	phrases  *phraseSet
	entity   typeMask
	seq      []*node
	alts     [][]*node
	any      bool
	// cheapFirst: canStart tests n cheaply (compile.go cheapFirst).
	cheapFirst bool
}

// cond is the token constraints of an element, all of which must hold for
// every token the element consumes.
type cond struct {
	re      *regexp.Regexp
	dfa     *asciiDFA // re for ASCII tokens, or nil (tokendfa.go)
	reID    int       // index of the per-document cache of this expression's results
	pf      prefilter
	shapes  []string
	cshapes []string
	pos     []string    // a trailing * matches by prefix
	synTail bool        // synonym_tail: the token is in a synonym's lower-case rest (synonymTailAt)
	not     []*negation // the token must match none
}

// negation holds when its inner constraints do not all hold at a token.
type negation struct {
	phrases *phraseSet // a phrase of the set starts at the token
	entity  typeMask   // the token is inside a mention of these types
	cond    *cond
}

// phraseSet is a list of words or phrases, each split into tokens by the
// document tokenizer. Single-token phrases sit in a map; longer ones in a
// small token trie.
type phraseSet struct {
	id         int  // 1-based, for vocabEntry.mayStartPhrase
	actorNP    bool // also "the <actor modifiers> <actor head>" (relation_actor_np.go)
	fold       bool
	single     map[string]bool
	multi      *ptrie
	firstWords wordBloom // hashes of the folded first tokens of the phrases
	maxTokens  int       // tokens of the longest phrase
}

type ptrie struct {
	kids map[string]*ptrie
	end  bool
	// keys and next hold kids again when there are few of them: comparing
	// a handful of strings is cheaper than hashing the token, and most
	// phrases share their first word with no other ("as well as").
	keys []string
	next []*ptrie
	// num is the node after a count ("two", "6", "dozens": isCount),
	// written "#" in a phrase ("into # teams"); never a phrase's first word.
	num *ptrie
}

// step returns the node after token j: its own key, else a count's.
func (t *ptrie) step(d *docState, key string, j int) *ptrie {
	if n := t.child(key); n != nil || t.num == nil || !d.isCount(j) {
		return n
	}
	return t.num
}

// child returns the node after key, or nil.
func (t *ptrie) child(key string) *ptrie {
	if t.keys != nil {
		for i, k := range t.keys {
			if k == key {
				return t.next[i]
			}
		}
		return nil
	}
	return t.kids[key]
}

// smallTrie is the most kids a node keeps in its keys slice.
const smallTrie = 6

// seal fills keys and next for the nodes with few kids, once the trie is
// complete.
func (t *ptrie) seal() {
	t.keys, t.next = nil, nil
	if len(t.kids) > 0 && len(t.kids) <= smallTrie {
		for k, n := range t.kids {
			t.keys = append(t.keys, k)
			t.next = append(t.next, n)
		}
	}
	for _, n := range t.kids {
		n.seal()
	}
	if t.num != nil {
		t.num.seal()
	}
}

func (ps *phraseSet) key(d *docState, i int) string {
	if ps.fold {
		return d.fold[i]
	}
	return d.exact(i)
}

// ends appends to buf the ends (exclusive token index) of phrases starting
// at token i, longest first.
func (ps *phraseSet) ends(d *docState, i, hi int, buf []int) []int {
	if i >= hi || d.vent[i] == nil || !d.vent[i].mayStartPhrase(ps.id) {
		return buf
	}
	n := len(buf)
	if ps.isSingle(d, i) {
		buf = append(buf, i+1)
	}

	if ps.multi != nil && d.vent[i].mayStartMulti(ps.id) {
		t := ps.firstStep(d, i)
		for j := i + 1; j < hi && t != nil; j++ {
			t = t.step(d, ps.key(d, j), j)
			if t == nil {
				break
			}
			if t.end {
				buf = append(buf, j+1)
			}
		}
	}
	// Longest first: the trie adds in increasing order after the single.
	for a, b := n, len(buf)-1; a < b; a, b = a+1, b-1 {
		buf[a], buf[b] = buf[b], buf[a]
	}
	if ps.actorNP {
		buf = d.addActorNPEnd(buf, n, i, hi)
	}
	return buf
}

// isSingle reports whether token i alone is a phrase of the set.
func (ps *phraseSet) isSingle(d *docState, i int) bool {
	if ps.fold {
		// A word outside the pack's vocabulary has no entry: it is in no set.
		v := d.vent[i]
		return v != nil && v.isSinglePhrase(ps.id)
	}
	return ps.single[ps.key(d, i)]
}

// startsAt reports whether a phrase of the set starts at token i and ends
// by hi: ends without collecting the ends.
func (ps *phraseSet) startsAt(d *docState, i, hi int) bool {
	if i >= hi || d.vent[i] == nil || !d.vent[i].mayStartPhrase(ps.id) {
		return false
	}
	if ps.isSingle(d, i) || ps.actorNP && d.actorNPEnd(i, hi) > 0 {
		return true
	}
	if ps.multi != nil && d.vent[i].mayStartMulti(ps.id) {
		t := ps.firstStep(d, i)
		for j := i + 1; j < hi && t != nil; j++ {
			if t = t.step(d, ps.key(d, j), j); t == nil {
				return false
			}
			if t.end {
				return true
			}
		}
	}
	return false
}

// firstStep is the multi-token trie's node after token i, which starts
// a phrase of the set (mayStartMulti): read from the token's vocabulary
// entry in a case-insensitive set (vocabEntry.multiRoots).
func (ps *phraseSet) firstStep(d *docState, i int) *ptrie {
	if ps.fold {
		return d.vent[i].multiRoot(ps.id)
	}
	return ps.multi.step(d, ps.key(d, i), i)
}

func (c *cond) ok(d *docState, i int) bool { return c.test(d, i, true) }

// test is ok, which while d.lazyPOS is set may err on one side: with pass
// set it may report true where ok is false, else false where ok is true.
// The side flips inside a negation (the token must match none), so a
// relaxed pattern matches wherever the exact one does.
func (c *cond) test(d *docState, i int, pass bool) bool {
	if c.shapes != nil && !contains(c.shapes, d.shape(i)) {
		return false
	}
	if c.cshapes != nil && !contains(c.cshapes, d.cshape(i)) {
		return false
	}
	if c.re != nil && !d.reMatch(c, i) {
		return false
	}
	if c.synTail && !d.synonymTailAt(i) {
		return false
	}
	for _, n := range c.not {
		if n.holds(d, i, !pass) {
			return false
		}
	}
	// Last: a part of speech may need the sentence tagged, which costs
	// more than all the other tests together.
	if c.pos != nil {
		tag, known := d.knownPOS(i)
		if !known {
			if d.lazyPOS {
				return pass
			}
			tag = d.pos(i)
		}
		if !posOK(c.pos, tag) {
			return false
		}
	}
	return true
}

func posOK(want []string, tag string) bool {
	for _, w := range want {
		if w == tag || (strings.HasSuffix(w, "*") && strings.HasPrefix(tag, w[:len(w)-1])) {
			return true
		}
	}
	return false
}

func (n *negation) holds(d *docState, i int, pass bool) bool {
	if n.entity != 0 && d.cover[i]&n.entity == 0 {
		return false
	}
	if n.phrases != nil && !n.phrases.startsAt(d, i, d.sentHi(i)) {
		return false
	}
	if n.cond != nil && !n.cond.test(d, i, pass) {
		return false
	}
	return true
}

// foldKey is the case-folded form tokens are compared by: lower case with
// typographic apostrophes and dashes made plain, so "People’s" matches
// "People's"; the British spellings of two function words made the
// common ones ("amongst" is "among", "whilst" is "while"), so that "Amongst
// them were" reads as "Among them were" in every rule; and British
// spellings made American (spelling.go: "defence" is "defense").
func foldKey(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return foldVariant(normPunct(strings.ToLower(s)))
		}
	}
	return foldVariant(s)
}

// foldVariant returns the common spelling of a lower-case function word
// spelt another way (foldKey).
func foldVariant(s string) string {
	switch {
	case len(s) == 7 && s == "amongst":
		return "among"
	case len(s) == 6 && s == "whilst":
		return "while"
	}
	return foldSpelling(s)
}

// exactKey is the case-sensitive comparison form: punctuation unified and
// British spellings made American, case kept ("Centre" is "Center").
func exactKey(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return spellExact(normPunct(s))
		}
	}
	return spellExact(s)
}

var punctReplacer = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2010", "-", "\u2011", "-",
	"\u2012", "-", "\u2013", "-", "\u2014", "-", "\u00a0", " ")

func normPunct(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return punctReplacer.Replace(s)
		}
	}
	return s
}

// capRec records that a slot consumed tokens [start, end) and the bytes
// [bs, be) of the text.
type capRec struct {
	slot       int
	start, end int
	bs, be     int
}

// matcher runs one pattern at one start token.
type matcher struct {
	d  *docState
	hi int // end of the sentence (exclusive token index)
	// notBefore: folded tokens that may not follow a match ("*": any
	// token, the match must end its sentence) (a rule's
	// not_before); the matcher backtracks to a shorter match instead.
	notBefore map[string]bool
	caps      []capRec
	steps     int
	ends      []int
	// prune lets a token run give up at once when what follows it can
	// start at none of the tokens it may end at (restCanFollow). It
	// explores fewer steps, so a match that ran out of steps before might
	// be found: it is set only for the relaxed tries (mayMatchUntagged),
	// whose answer is "maybe" when steps run out, so that trying fewer
	// dead ends changes no verdict that decides a match.
	prune bool
}

// posKeyPrefix marks a part-of-speech tag in a pattern's not_before set
// (written "<VBD>" in the pack): a token of that tag may not follow the
// match; the prefix alone says the set holds tags. No folded token holds
// it. A token without a letter is held to no tag: the tagger may call a
// dash "NNP" ("a tool – named X – stole files"), and punctuation names
// nothing.
const posKeyPrefix = "\x00"

// posItem returns the tag of a not_before item written "<TAG>".
func posItem(s string) (string, bool) {
	if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return s[1 : len(s)-1], true
	}
	return "", false
}

// stepLimit bounds backtracking per start token, so a pathological pattern
// costs time linear in the text, not exponential.
const stepLimit = 20000

// match tries nodes at token i and returns the end of the first match
// (exclusive), or -1.
func (m *matcher) match(nodes []*node, i int) int {
	m.caps = m.caps[:0]
	m.steps = 0
	end := -1
	m.seq(nodes, i, func(j int) bool {
		if j > i && (m.notBefore == nil || j >= m.hi || !m.notBefore[m.d.fold[j]] && !m.notBefore["*"] &&
			!(m.notBefore[posKeyPrefix] && hasLetter(m.d.tokText[j]) && m.notBefore[posKeyPrefix+m.d.pos(j)])) {
			end = j
			return true
		}
		return false
	})
	return end
}

func (m *matcher) seq(nodes []*node, i int, k func(int) bool) bool {
	if len(nodes) == 0 {
		return k(i)
	}
	n, rest := nodes[0], nodes[1:]
	// Fast paths without closures, which would allocate: a repeated
	// single-token element, and any element that occurs exactly once.
	if n.seq == nil && n.alts == nil && n.phrases == nil && n.entity == 0 {
		return m.tokenRun(n, rest, i, k)
	}
	if n.min == 1 && n.max == 1 && n.seq == nil && n.alts == nil {
		return m.single(n, rest, i, k)
	}
	return m.rep(n, 0, i, func(j int) bool { return m.seq(rest, j, k) })
}

// tokenRun matches a single-token element repeated min..max times,
// greedily, then the rest of the sequence.
func (m *matcher) tokenRun(n *node, rest []*node, i int, k func(int) bool) bool {
	if m.prune && len(rest) > 0 && rest[0].cheapFirst && !m.restCanFollow(n, rest, i) {
		return false
	}
	c := 0
	for (n.max < 0 || c < n.max) && i+c < m.hi && (n.cond == nil || n.cond.ok(m.d, i+c)) {
		c++
	}
	for ; c >= n.min; c-- {
		m.steps++
		if m.steps > stepLimit {
			return false
		}
		mark := len(m.caps)
		if n.slot >= 0 && c > 0 {
			m.caps = append(m.caps, capRec{slot: n.slot, start: i, end: i + c,
				bs: m.d.tokStart[i], be: m.d.tokEnd[i+c-1]})
		}
		if m.seq(rest, i+c, k) {
			return true
		}
		m.caps = m.caps[:mark]
	}
	return false
}

// restCanFollow reports whether rest may start at one of the tokens a run
// of n from token i may end at: canStart is necessary for a match of rest,
// so when it fails at all of them, no count of n can be followed by rest.
// It is cheap (rest[0].cheapFirst: a word-list or mention test) where
// counting the run is not: a gap element ("any token but ...", up to 16)
// tests its conditions at every token of the run, for every start.
func (m *matcher) restCanFollow(n *node, rest []*node, i int) bool {
	last := m.hi
	if n.max >= 0 {
		last = min(last, i+n.max)
	}
	for j := i + n.min; j <= last; j++ {
		if canStart(m.d, rest, j, m.hi) {
			return true
		}
	}
	return false
}

// single matches a phrase-list or entity element once, longest first, then
// the rest of the sequence.
func (m *matcher) single(n *node, rest []*node, i int, k func(int) bool) bool {
	d := m.d
	m.steps++
	if m.steps > stepLimit || i >= m.hi {
		return false
	}
	try := func(j, bs, be int) bool {
		if n.cond != nil && !m.condAll(n.cond, i, j) {
			return false
		}
		mark := len(m.caps)
		if n.slot >= 0 {
			m.caps = append(m.caps, capRec{slot: n.slot, start: i, end: j, bs: bs, be: be})
		}
		if m.seq(rest, j, k) {
			return true
		}
		m.caps = m.caps[:mark]
		return false
	}
	if n.entity != 0 {
		mi := d.startM[i]
		if mi < 0 {
			return false
		}
		mc := &d.acc[mi]
		if d.accMask[mi]&n.entity == 0 || int(mc.tokE) > m.hi {
			return false
		}
		return try(int(mc.tokE), mc.start, mc.end)
	}
	base := len(m.ends)
	m.ends = n.phrases.ends(d, i, m.hi, m.ends)
	n1 := len(m.ends)
	ok := false
	for x := base; x < n1 && !ok; x++ {
		j := m.ends[x]
		ok = try(j, d.tokStart[i], d.tokEnd[j-1])
	}
	m.ends = m.ends[:base]
	return ok
}

func (m *matcher) rep(n *node, count, i int, k func(int) bool) bool {
	m.steps++
	if m.steps > stepLimit {
		return false
	}
	if n.max < 0 || count < n.max {
		if m.once(n, i, func(j int) bool {
			if j == i { // consumed nothing: stop repeating
				return count+1 >= n.min && k(j)
			}
			return m.rep(n, count+1, j, k)
		}) {
			return true
		}
	}
	return count >= n.min && k(i)
}

// once matches a single occurrence of n at token i.
func (m *matcher) once(n *node, i int, k func(int) bool) bool {
	d := m.d
	mark := len(m.caps)
	switch {
	case n.seq != nil:
		return m.seq(n.seq, i, func(j int) bool { return m.end(n, i, j, mark, k) })
	case n.alts != nil:
		// One continuation for every alternative: a closure per call is
		// an allocation, and this runs at every token tried.
		next := func(j int) bool { return m.end(n, i, j, mark, k) }
		for _, alt := range n.alts {
			if m.seq(alt, i, next) {
				return true
			}
		}
		return false
	case n.phrases != nil:
		base := len(m.ends)
		m.ends = n.phrases.ends(d, i, m.hi, m.ends)
		ends := m.ends[base:]
		defer func() { m.ends = m.ends[:base] }()
		for _, j := range ends {
			if n.cond != nil && !m.condAll(n.cond, i, j) {
				continue
			}
			if m.end(n, i, j, mark, k) {
				return true
			}
		}
		return false
	case n.entity != 0:
		if i >= m.hi {
			return false
		}
		mi := d.startM[i]
		if mi < 0 {
			return false
		}
		mc := &d.acc[mi]
		if d.accMask[mi]&n.entity == 0 || int(mc.tokE) > m.hi {
			return false
		}
		j := int(mc.tokE)
		if n.cond != nil && !m.condAll(n.cond, i, j) {
			return false
		}
		return m.endAt(n, i, j, mc.start, mc.end, mark, k)
	default:
		if i >= m.hi || (n.cond != nil && !n.cond.ok(d, i)) {
			return false
		}
		return m.end(n, i, i+1, mark, k)
	}
}

// end records the capture of n over tokens i..j (when it captures) and
// continues with k, undoing the capture when k fails.
func (m *matcher) end(n *node, i, j, mark int, k func(int) bool) bool {
	if j > i {
		return m.endAt(n, i, j, m.d.tokStart[i], m.d.tokEnd[j-1], mark, k)
	}
	return m.endAt(n, i, j, 0, 0, mark, k)
}

// endAt is end with the capture's byte span given (a mention's span).
func (m *matcher) endAt(n *node, i, j, bs, be, mark int, k func(int) bool) bool {
	if n.slot >= 0 && j > i {
		m.caps = append(m.caps, capRec{slot: n.slot, start: i, end: j, bs: bs, be: be})
	}
	if k(j) {
		return true
	}
	m.caps = m.caps[:mark]
	return false
}

func (m *matcher) condAll(c *cond, i, j int) bool {
	for t := i; t < j; t++ {
		if !c.ok(m.d, t) {
			return false
		}
	}
	return true
}

// minTokens is the fewest tokens a node sequence can consume.
func minTokens(nodes []*node) int {
	total := 0
	for _, n := range nodes {
		one := 1
		switch {
		case n.seq != nil:
			one = minTokens(n.seq)
		case n.alts != nil:
			one = 1 << 30
			for _, a := range n.alts {
				one = min(one, minTokens(a))
			}
		}
		total += n.min * one
	}
	return total
}

// slotSpans merges the records of each slot: adjacent records of one slot
// (as when a repeated element matches token by token) form one span; records
// separated by other tokens stay separate spans.
func slotSpans(caps []capRec, slot int) []capRec {
	var mine []capRec
	for _, c := range caps {
		if c.slot == slot {
			mine = append(mine, c)
		}
	}
	// Groups record after their elements; order by position, outer first.
	sort.Slice(mine, func(a, b int) bool {
		if mine[a].start != mine[b].start {
			return mine[a].start < mine[b].start
		}
		return mine[a].end > mine[b].end
	})
	var out []capRec
	for _, c := range mine {
		if n := len(out); n > 0 && out[n-1].end == c.start {
			out[n-1].end, out[n-1].be = c.end, c.be
			continue
		}
		// A record nested in the previous one (a slot on a group and on an
		// element inside it) adds nothing.
		if n := len(out); n > 0 && c.start >= out[n-1].start && c.end <= out[n-1].end {
			continue
		}
		out = append(out, c)
	}
	return out
}

// canStart is a cheap test of whether nodes could match at token i: it
// checks only the first token the pattern would consume. Scanning rules
// call it before the backtracking matcher, whose closures allocate.
func canStart(d *docState, nodes []*node, i, hi int) bool {
	if len(nodes) == 0 {
		return true
	}
	n := nodes[0]
	if n.min == 0 && canStart(d, nodes[1:], i, hi) {
		return true
	}
	if i >= hi {
		return false
	}
	switch {
	case n.seq != nil:
		return canStart(d, n.seq, i, hi)
	case n.alts != nil:
		for _, a := range n.alts {
			if canStart(d, a, i, hi) {
				return true
			}
		}
		return false
	case n.phrases != nil:
		return n.phrases.startsAt(d, i, hi) && (n.cond == nil || n.cond.ok(d, i))
	case n.entity != 0:
		mi := d.startM[i]
		return mi >= 0 && d.accMask[mi]&n.entity != 0 && (n.cond == nil || n.cond.ok(d, i))
	default:
		return n.cond == nil || n.cond.ok(d, i)
	}
}
