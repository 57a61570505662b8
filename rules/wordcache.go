package rules

import (
	"slices"
	"strings"
)

// wordCache keeps, across the documents a pooled docState reads, what
// depends on a token's text alone: its folded form, vocabulary entry and
// hash, and the verdicts of the token regexes on it. The vocabulary map
// holds every gazetteer and rule word (several hundred thousand keys):
// looking a token up there misses the processor's caches, and each
// document's first occurrences of its words (about a third of its tokens)
// were looked up and run through the token regexes again, document after
// document — together about a twelfth of BenchmarkExtract's profile. Most
// words of a report recur in the next one. It is a cache only: an entry is
// what foldKey, the vocabulary, wordHash and the regexes give for the
// text, so the output does not depend on it.
type wordCache struct {
	p     *Pack // the pack the entries were computed for
	words map[string]wordInfo
	// verdicts holds per word id and token regex (cond.reID) the regex's
	// verdict, two bits: 0 unknown, 1 match, 2 no match (docState.reMatch).
	// A word's verdicts sit side by side in a row of rowBytes (45 bytes for
	// the default pack's 180 expressions): the conditions tried at one
	// token read one cache line. They were one table per expression, and
	// reading a verdict was mostly a cache miss (2 % of a BenchmarkExtract
	// CPU profile).
	verdicts []uint8
	rowBytes int
	// tokHits is per word id whether the token-scoped regex rules match in
	// the word: 0 unknown, 1 no, 2 yes, with the matches in hitLists
	// (docState.matchRegexes).
	tokHits  []uint8
	hitLists map[int32][]tokHit
}

type wordInfo struct {
	fold string
	vent *vocabEntry
	hash uint32
	id   int32 // from 1; 0 is spareWord
}

// spareWord is the word id of the "." token listEndStop adds after a
// document's text (relation_index.go): its text is always ".", so its
// regex verdicts may be kept like any other word's.
const spareWord = 0

// wordCacheMax bounds the cache between documents: once it holds that
// many words, it starts again before the next document. Within a document
// it grows with the document's distinct words (word ids stay fixed while a
// document is matched), two bits per word and token regex in the verdict
// rows (180 regexes in the default pack), so one IOC dump may
// take it far past the bound; the restart after such a document
// (wordCacheShrink) lets its storage go, so a pooled docState keeps at
// most about twice the bound: some 16 MB with the tables.
const wordCacheMax = 1 << 15

// wordCacheShrink is the size past which a restart drops the cache's map
// and tables instead of clearing them: clear keeps a map's buckets and a
// slice's capacity, sized by the largest document read.
const wordCacheShrink = 2 * wordCacheMax

// use prepares the cache for a document matched with pack p: entries of
// another pack are dropped (regex ids are the pack's), and the cache
// starts again when full. It is called before the document's first
// lookup only, so word ids stay fixed while a document is matched.
func (c *wordCache) use(p *Pack) {
	if c.p == p && len(c.words) < wordCacheMax {
		return
	}
	if c.words == nil || len(c.words) > wordCacheShrink {
		c.words = make(map[string]wordInfo, 1024)
		c.verdicts, c.tokHits, c.hitLists = nil, nil, nil
	}
	clear(c.words)
	c.verdicts = c.verdicts[:0]
	c.rowBytes = (len(p.tokenRE) + 3) / 4
	c.tokHits = c.tokHits[:0]
	clear(c.hitLists)
	c.p = p
}

// lookup returns the fold, vocabulary entry, hash and id of token text t
// in the pack of the last use.
func (c *wordCache) lookup(p *Pack, t string) wordInfo {
	if w, ok := c.words[t]; ok {
		return w
	}
	f := foldKey(t)
	w := wordInfo{fold: f, vent: p.vocab[f], hash: wordHash(f), id: int32(len(c.words) + 1)}
	// The key and the fold may be substrings of the document's text:
	// cloned, so the cache does not keep documents alive.
	key := strings.Clone(t)
	if f == t {
		w.fold = key
	} else {
		w.fold = strings.Clone(f)
	}
	c.words[key] = w
	return w
}

// verdict returns the verdict of token regex reID on word id: 0 unknown,
// 1 match, 2 no match.
func (c *wordCache) verdict(reID, id int) uint8 {
	at := id*c.rowBytes + reID/4
	if at >= len(c.verdicts) {
		return 0
	}
	return c.verdicts[at] >> (reID % 4 * 2) & 3
}

// setVerdict records verdict v (1 or 2) of token regex reID on word id,
// whose verdict is unknown.
func (c *wordCache) setVerdict(reID, id int, v uint8) {
	at := id*c.rowBytes + reID/4
	if at >= len(c.verdicts) {
		c.verdicts = extend(c.verdicts, max(len(c.words)+1, id+1)*c.rowBytes)
	}
	c.verdicts[at] |= v << (reID % 4 * 2)
}

// extend returns v lengthened to n with zeros in the new part (which may
// hold stale entries from before a restart), its capacity grown by
// doubling: the tables grow by a few words per document.
func extend(v []uint8, n int) []uint8 {
	old := len(v)
	if cap(v) < n {
		v = slices.Grow(v, n-old)
	}
	v = v[:n]
	clear(v[old:])
	return v
}

// tokenHits returns the matches of the token-scoped regex rules in the
// word with this id (in the order tokenRegexHits gives them), and whether
// they are known.
func (c *wordCache) tokenHits(id int32) ([]tokHit, bool) {
	if int(id) >= len(c.tokHits) {
		return nil, false
	}
	switch c.tokHits[id] {
	case 1:
		return nil, true
	case 2:
		return c.hitLists[id], true
	}
	return nil, false
}

// setTokenHits records the matches of the token-scoped regex rules in the
// word with this id.
func (c *wordCache) setTokenHits(id int32, hits []tokHit) {
	if int(id) >= len(c.tokHits) {
		c.tokHits = extend(c.tokHits, max(len(c.words)+1, int(id)+1))
	}
	c.tokHits[id] = 1
	if len(hits) > 0 {
		c.tokHits[id] = 2
		if c.hitLists == nil {
			c.hitLists = map[int32][]tokHit{}
		}
		c.hitLists[id] = slices.Clone(hits)
	}
}
