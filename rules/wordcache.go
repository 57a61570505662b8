package rules

import "strings"

// wordCache keeps, across the documents a pooled docState reads, the
// folded form, vocabulary entry and hash of each token text seen. The
// vocabulary map holds every gazetteer and rule word (several hundred
// thousand keys): looking a token up there misses the processor's caches,
// and each document's first occurrences of its words (about a third of its
// tokens) cost a twentieth of the extraction. Most words of a report recur
// in the next one, and this much smaller map answers them. It is a cache
// only: an entry is what foldKey, the vocabulary and wordHash give for the
// text, so the output does not depend on it.
type wordCache struct {
	p     *Pack // the pack the entries were looked up in
	words map[string]wordInfo
}

type wordInfo struct {
	fold string
	vent *vocabEntry
	hash uint32
}

// wordCacheMax bounds the cache (a few MB): past it, it starts again.
const wordCacheMax = 1 << 16

// lookup returns the fold, vocabulary entry and hash of token text t in p.
func (c *wordCache) lookup(p *Pack, t string) wordInfo {
	if c.p != p || len(c.words) >= wordCacheMax {
		if c.words == nil {
			c.words = make(map[string]wordInfo, 1024)
		}
		clear(c.words)
		c.p = p
	}
	if w, ok := c.words[t]; ok {
		return w
	}
	f := foldKey(t)
	w := wordInfo{fold: f, vent: p.vocab[f], hash: wordHash(f)}
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
