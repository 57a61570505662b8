package rules

// Scanning rules (those whose first element is neither one word list nor
// one entity type) are tried at every token of a sentence, and canStart,
// which walks the first elements of the pattern and tests their
// constraints, ran about 1.5 million times per pass over the development
// reports. Most tokens fail it on their first byte: a capitalised-name
// expression cannot start at "the", a word list of roles cannot start at
// "Microsoft". startFilter is that test, computed once per rule: a
// necessary condition of canStart, so skipping a token it rejects changes
// nothing but the time. A leading regex gives the first bytes it allows; a
// leading word list gives its first words, kept as a set of hashes of
// their folded forms (a Bloom filter with one hash), which each token's
// hash, computed once per document, is looked up in.

// startFilter is what the first token of a match can be.
type startFilter struct {
	any    bool      // anything: no test
	text   byteBits  // the first byte of the token's text (a token regex's first bytes)
	words  wordBloom // the hash of its folded form (a word list's first words)
	entity typeMask  // or a mention of these types starts there
}

// wordBloom is a set of word hashes, wordBloomBits of them.
type wordBloom [wordBloomBits / 64]uint64

const wordBloomBits = 4096

func (b *wordBloom) add(h uint32)      { b[h%wordBloomBits/64] |= 1 << (h % 64) }
func (b *wordBloom) has(h uint32) bool { return b[h%wordBloomBits/64]&(1<<(h%64)) != 0 }

func (b *wordBloom) union(o *wordBloom) {
	for k := range b {
		b[k] |= o[k]
	}
}

// wordHash is FNV-1a of a folded token.
func wordHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// byteBits is a compact byteSet: the filters of all scanning rules are
// read at every token, so they had better share few cache lines.
type byteBits [4]uint64

func (b *byteBits) union(s *byteSet) {
	for c, in := range s {
		if in {
			b[c/64] |= 1 << (c % 64)
		}
	}
}

func (b *byteBits) has(c byte) bool { return b[c/64]&(1<<(c%64)) != 0 }

// startFilterOf mirrors canStart: every way canStart can accept a token
// adds the byte or mention the acceptance needs.
func startFilterOf(nodes []*node) startFilter {
	var f startFilter
	f.add(nodes)
	return f
}

func (f *startFilter) add(nodes []*node) {
	if f.any {
		return
	}
	if len(nodes) == 0 { // canStart accepts an empty pattern anywhere
		f.any = true
		return
	}
	n := nodes[0]
	if n.min == 0 {
		f.add(nodes[1:])
	}
	switch {
	case n.seq != nil:
		f.add(n.seq)
	case n.alts != nil:
		for _, a := range n.alts {
			f.add(a)
		}
	case n.phrases != nil:
		// phraseSet.startsAt needs the token's vocabulary entry to start a
		// phrase of the set, and only folded first tokens of its phrases
		// get that bit (compiler.phraseSet).
		f.words.union(&n.phrases.firstWords)
	case n.entity != 0:
		f.entity |= n.entity
	default:
		// A token regex holds only where its anchored prefilter allows
		// (docState.reMatch), which needs a non-empty token whose first
		// byte is in pf.first; other constraints give no byte test.
		if n.cond == nil || n.cond.re == nil || n.cond.pf.first == nil {
			f.any = true
			return
		}
		f.text.union(n.cond.pf.first)
	}
}

// allows reports whether a match may start at token i.
func (f *startFilter) allows(d *docState, i int) bool {
	if f.any {
		return true
	}
	if t := d.tokText[i]; t == "" || f.text.has(t[0]) {
		return true
	}
	if f.words.has(d.foldHash[i]) {
		return true
	}
	if f.entity != 0 {
		if mi := d.startM[i]; mi >= 0 && d.accMask[mi]&f.entity != 0 {
			return true
		}
	}
	return false
}

// A rule that passes canStart at a token still fails at most of them
// (126k of 127k per pass over the development reports, session 29): its
// first element holds there, its second not after it. When the first
// element always consumes exactly one token ("the", a capitalised word,
// one of ",", ":" or "("), the rest must start at the next token, which
// canStart tests as cheaply, and the backtracking matcher is spared.

// oneToken reports whether n matches exactly one token whenever it
// matches: once, and a single-token word list, a token test or
// alternatives of such.
func oneToken(n *node) bool {
	if n.min != 1 || n.max != 1 || n.seq != nil || n.entity != 0 {
		return false
	}
	switch {
	case n.alts != nil:
		for _, a := range n.alts {
			if len(a) != 1 || !oneToken(a[0]) {
				return false
			}
		}
		return true
	case n.phrases != nil:
		return n.phrases.maxTokens == 1 && !n.phrases.actorNP
	}
	return true
}

// oneMention reports whether n is one mention: it ends where the mention
// starting at its token ends (docState.startM), and the rest starts there.
func oneMention(n *node) bool {
	return n.min == 1 && n.max == 1 && n.entity != 0 && n.seq == nil && n.alts == nil && n.phrases == nil
}

// nextCanFollow reports whether the rest of rule r's pattern can start
// after its first element matched token i (true when r is not a pair
// rule): a necessary condition of a match at i.
func (d *docState) nextCanFollow(r *rule, i, hi int) bool {
	if !r.pair {
		return true
	}
	j := i + 1
	if r.nodes[0].entity != 0 { // oneMention
		mi := d.startM[i]
		if mi < 0 || int(d.acc[mi].tokE) > hi {
			return false
		}
		j = int(d.acc[mi].tokE)
	}
	if j < hi && !r.next.allows(d, j) {
		return false
	}
	return canStart(d, r.nodes[1:], j, hi)
}
